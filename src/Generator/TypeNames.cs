namespace NetGen.Generator;

/// <summary>
/// Every name the generator looks for or writes into generated code, in one place: the attributes' and the
/// runtime's metadata names (strings, so their assemblies are never loaded), and the <c>global::</c>-qualified
/// types and runtime members generated code refers to. The calls built from them are in <c>Code</c>.
/// </summary>
internal static class TypeNames
{
    public const string NetworkAttribute = "NetGen.NetworkAttribute";
    public const string DenseAttribute = "NetGen.DenseAttribute";
    public const string OnnxNetworkAttribute = "NetGen.OnnxNetworkAttribute";

    /// <summary>The runtime's contract, which every generated network implements: its presence means the runtime is referenced.</summary>
    public const string INetwork = "NetGen.INetwork";
    public const string SharedParameters = "NetGen.SharedParameters";
    public const string GeneratedCodeAttribute = "System.CodeDom.Compiler.GeneratedCodeAttribute";

    public const string ReadOnlySpan = "global::System.ReadOnlySpan<float>";
    public const string Span = "global::System.Span<float>";
    public const string MathF = "global::System.MathF";
    public const string Math = "global::System.Math";
    public const string Array = "global::System.Array";
    public const string BitConverter = "global::System.BitConverter";
    public const string GeneratedCodeAttributeType = "global::System.CodeDom.Compiler.GeneratedCode";
    public const string NetworkInterface = "global::NetGen.INetwork";
    public const string InferenceNetworkInterface = "global::NetGen.IInferenceNetwork";
    public const string LayerInfo = "global::NetGen.LayerInfo";
    public const string Activation = "global::NetGen.Activation";
    public const string Loss = "global::NetGen.Loss";
    public const string ShapeGuard = "global::NetGen.ShapeGuard";
    public const string SharedParametersType = "global::NetGen.SharedParameters";
    public const string AlignedBuffer = "global::NetGen.AlignedBuffer";
    public const string ParameterInitializer = "global::NetGen.ParameterInitializer";
    public const string CompiledParameters = "global::NetGen.CompiledParameters";
    public const string ReadOnlySpanOfByte = "global::System.ReadOnlySpan<byte>";
    public const string Activations = "global::NetGen.Kernels.Activations";
    public const string DenseKernels = "global::NetGen.Kernels.DenseKernels";
    public const string UnrolledKernels = "global::NetGen.Kernels.UnrolledKernels";
    public const string BatchKernels = "global::NetGen.Kernels.BatchKernels";
    public const string LossFunctions = "global::NetGen.Kernels.LossFunctions";
    public const string VectorOps = "global::NetGen.Kernels.VectorOps";
    public const string BlockSize = BatchKernels + ".BlockSize";
    public const string Vector128 = "global::System.Runtime.Intrinsics.Vector128";
    public const string Vector256 = "global::System.Runtime.Intrinsics.Vector256";

    /// <summary>The vector type of <paramref name="lanes"/> floats: <c>Vector128</c> or <c>Vector256</c>.</summary>
    public static string VectorOf(int lanes) => lanes == 4 ? Vector128 : Vector256;

    /// <summary>The vector of <paramref name="lanes"/> floats as a type: <c>Vector128&lt;float&gt;</c> or <c>Vector256&lt;float&gt;</c>.</summary>
    public static string VectorOfFloat(int lanes) => VectorOf(lanes) + "<float>";

    /// <summary><c>global::System.ReadOnlySpan&lt;T&gt;</c> of another element type.</summary>
    public static string ReadOnlySpanOf(string type) => $"global::System.ReadOnlySpan<{type}>";
}
