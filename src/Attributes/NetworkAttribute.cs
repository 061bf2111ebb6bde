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

        /// <summary>
        /// A model file whose trained weights are compiled into the network: a <c>.safetensors</c> file (tensors named
        /// <c>layers.{k}.weight</c> / <c>layers.{k}.bias</c> as NetGen saves them, <c>0.weight</c>, <c>2.weight</c>, … as a
        /// PyTorch <c>nn.Sequential</c> saves them, or <c>weight</c> / <c>bias</c> for one <c>nn.Linear</c>), a NetGen
        /// model file (<c>.ngm</c>) or an ONNX model (<c>.onnx</c>). Null (the default) for none.
        /// </summary>
        /// <remarks>
        /// <para>
        /// The file must be listed in the project's <c>AdditionalFiles</c>
        /// (<c>&lt;AdditionalFiles Include="digits.ngm" /&gt;</c>); a relative path is taken from the directory of the
        /// source file that declares the network, and failing that matches the additional file whose path ends with it.
        /// </para>
        /// <para>
        /// At build time the file is checked against the declared layers: a missing or unexpected tensor, a wrong
        /// shape or dtype, another topology or an unreadable file is a compiler error (NG0040–NG0052) naming the
        /// file, the tensor and both shapes. When it fits, the weights become constant data in the assembly, the
        /// generated parameterless constructor (<c>new Net()</c>) starts from them, and nothing is read at run time;
        /// the constructor taking a seed still initialises the network afresh for training from scratch. Editing the
        /// file regenerates the network.
        /// </para>
        /// </remarks>
        /// <example>
        /// <code>
        /// [Network(64, Loss = Loss.CrossEntropy, Weights = "models/digits.ngm")]
        /// [Dense(64, Activation.ReLU)]
        /// [Dense(10, Activation.Softmax)]
        /// public partial class Digits;
        ///
        /// var net = new Digits();   // the trained weights, compiled in
        /// </code>
        /// </example>
        public string? Weights { get; set; }

        /// <summary>
        /// Generates an inference-only network from the weights compiled in with <see cref="Weights"/>: read-only
        /// <c>Parameters</c>, <c>Forward</c>, <c>Evaluate</c> and their batched forms, but no <c>Gradients</c>, no
        /// <c>Backward</c> and no gradient or error-term buffers. Defaults to false.
        /// </summary>
        /// <remarks>
        /// The class implements <c>NetGen.IInferenceNetwork</c> rather than <c>NetGen.INetwork</c>, and every instance
        /// shares one read-only copy of the weights. Without <see cref="Weights"/> it is a compiler error (NG0055): an
        /// inference-only network could never hold trained weights.
        /// </remarks>
        public bool InferenceOnly { get; set; }
    }
}
