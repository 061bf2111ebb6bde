using System;

namespace NetGen
{
    /// <summary>
    /// One fully connected layer, <c>h = g(W h_prev + b)</c>. Layers are listed in source order, from the
    /// input to the output, on the same declaration as <see cref="NetworkAttribute"/>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class DenseAttribute : Attribute
    {
        /// <summary>Declares a layer of <paramref name="size"/> neurons with the activation <paramref name="activation"/>.</summary>
        /// <param name="size">The number of neurons (outputs) of the layer; at least 1.</param>
        /// <param name="activation">The activation applied to the layer's pre-activation.</param>
        public DenseAttribute(int size, Activation activation)
        {
            Size = size;
            Activation = activation;
        }

        /// <summary>The number of neurons (outputs) of the layer.</summary>
        public int Size { get; }

        /// <summary>The activation applied to the layer's pre-activation.</summary>
        public Activation Activation { get; }

        /// <summary>The slope for negative inputs of <see cref="Activation.LeakyReLU"/>, in [0, 1]. Defaults to 0.01.</summary>
        public float Slope { get; set; } = 0.01f;
    }
}
