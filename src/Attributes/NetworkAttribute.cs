using System;

namespace NetGen
{
    /// <summary>
    /// Marks a <c>partial</c> class as a feed-forward network. At build time NetGen generates, for the
    /// exact topology declared with <see cref="DenseAttribute"/>s on the same declaration, the
    /// parameter buffers and allocation-free <c>Forward</c> and <c>Backward</c> methods.
    /// </summary>
    /// <example>
    /// <code>
    /// [Network(inputs: 2, Loss = Loss.MeanSquaredError)]
    /// [Dense(4, Activation.Tanh)]
    /// [Dense(1, Activation.Sigmoid)]
    /// public partial class Xor;
    /// </code>
    /// </example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class NetworkAttribute : Attribute
    {
        /// <summary>Declares a network that takes <paramref name="inputs"/> features per sample.</summary>
        /// <param name="inputs">The length of one input sample; at least 1.</param>
        public NetworkAttribute(int inputs) => Inputs = inputs;

        /// <summary>The length of one input sample.</summary>
        public int Inputs { get; }

        /// <summary>The per-sample loss <c>Backward</c> differentiates. Defaults to <see cref="Loss.MeanSquaredError"/>.</summary>
        public Loss Loss { get; set; } = Loss.MeanSquaredError;

        /// <summary>Overrides the generator's per-layer choice between unrolled and SIMD code. Defaults to <see cref="KernelStrategy.Auto"/>.</summary>
        public KernelStrategy Kernels { get; set; } = KernelStrategy.Auto;
    }
}
