using System;

namespace NetGen
{
    /// <summary>
    /// Declares a <c>partial</c> class as the multilayer perceptron held in an ONNX file: at build time NetGen reads
    /// the file's graph and generates the network (the same members as for <see cref="NetworkAttribute"/>) with
    /// the file's topology and its weights compiled in. No <see cref="DenseAttribute"/>s: the layers come from the file.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The file must be listed in the project's <c>AdditionalFiles</c>; a relative path is taken from the directory of
    /// the source file that declares the network, and failing that matches the additional file whose path ends with it.
    /// </para>
    /// <para>
    /// NetGen reads the graph <c>torch.onnx.export</c> writes for an <c>nn.Sequential</c> of <c>nn.Linear</c> layers and
    /// activations: one float32 input <c>[batch, features]</c> (only the batch dimension dynamic), a chain of
    /// <c>Gemm</c> (or <c>MatMul</c> then <c>Add</c>) nodes, each optionally followed by <c>Relu</c>, <c>LeakyRelu</c>
    /// (its <c>alpha</c> becomes the slope), <c>Tanh</c>, <c>Sigmoid</c> or <c>Softmax</c> on the last axis, and
    /// <c>Identity</c> nodes anywhere; float32 initializers. Any other operator, a graph that is not a chain, a
    /// non-float32 tensor or a dynamic feature dimension is a compiler error naming the node and its op type.
    /// </para>
    /// <para>
    /// A graph holds no loss: <see cref="Loss"/> gives the one the generated <c>Backward</c> differentiates when the
    /// network is trained further. <c>new Net()</c> starts from the file's weights; <c>new Net(seed)</c> from fresh ones.
    /// </para>
    /// </remarks>
    /// <example>
    /// <code>
    /// [OnnxNetwork("models/classifier.onnx", Loss = Loss.CrossEntropy)]
    /// public partial class Classifier;
    ///
    /// var net = new Classifier();
    /// net.Forward(features, probabilities);
    /// </code>
    /// </example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class OnnxNetworkAttribute : Attribute
    {
        /// <summary>Declares the network held in the ONNX file at <paramref name="path"/>.</summary>
        /// <param name="path">The <c>.onnx</c> file, listed in the project's <c>AdditionalFiles</c>.</param>
        public OnnxNetworkAttribute(string path) => Path = path;

        /// <summary>The ONNX file, as written.</summary>
        public string Path { get; }

        /// <summary>The per-sample loss <c>Backward</c> differentiates. Defaults to <see cref="Loss.MeanSquaredError"/>.</summary>
        public Loss Loss { get; set; } = Loss.MeanSquaredError;

        /// <summary>Overrides the generator's per-layer choice between unrolled and SIMD code. Defaults to <see cref="KernelStrategy.Auto"/>.</summary>
        public KernelStrategy Kernels { get; set; } = KernelStrategy.Auto;

        /// <summary>
        /// Generates an inference-only network: read-only <c>Parameters</c>, <c>Forward</c>, <c>Evaluate</c> and their
        /// batched forms, but no <c>Gradients</c>, no <c>Backward</c> and no gradient or error-term buffers; the class
        /// implements <c>NetGen.IInferenceNetwork</c> rather than <c>NetGen.INetwork</c>. Defaults to false.
        /// </summary>
        public bool InferenceOnly { get; set; }
    }
}
