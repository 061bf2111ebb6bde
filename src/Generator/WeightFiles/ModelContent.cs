using NetGen.Generator.Helpers;
using NetGen.Generator.Model;

namespace NetGen.Generator.WeightFiles;

/// <summary>The formats a model file can be in, chosen by its extension.</summary>
internal enum ModelFileKind
{
    /// <summary><c>.safetensors</c>: named tensors, no activations.</summary>
    SafeTensors,

    /// <summary><c>.ngm</c>: NetGen's model file, topology and parameters.</summary>
    NetGenModel,

    /// <summary><c>.onnx</c>: a graph of operators with its initializers.</summary>
    Onnx,
}

/// <summary>One tensor of a safetensors file: its name, dtype, shape, and its little-endian bytes when the dtype is F32 (else null). Immutable and structurally equal.</summary>
internal sealed record NamedTensor(string Name, string DType, EquatableArray<long> Shape, ByteBlob? Data);

/// <summary>
/// A network's shape as a file records it: input size, layers, and the loss when the file holds one (the
/// NetGen model file does, ONNX does not). Immutable and structurally equal.
/// </summary>
internal sealed record ModelTopology(int Inputs, LossKind? Loss, EquatableArray<LayerSpec> Layers);

/// <summary>
/// What a model file holds, read but not yet checked against any declaration: the tensors of a safetensors
/// file, or the topology and the parameters (in the layout of <c>INetwork.Parameters</c>, little-endian) of a
/// NetGen model or ONNX file. Immutable and structurally equal.
/// </summary>
internal sealed record ModelContent(ModelFileKind Kind, EquatableArray<NamedTensor> Tensors, ModelTopology? Topology, ByteBlob? Parameters);

/// <summary>Why a model file cannot be used, as the kind of problem and the message arguments of its diagnostic.</summary>
internal enum ModelReadErrorKind
{
    /// <summary>The file cannot be read or breaks its format: the argument is the reason, with its byte offset.</summary>
    Unreadable,

    /// <summary>An ONNX node whose operator NetGen does not turn into a layer: node name, op type, what NetGen accepts there.</summary>
    UnsupportedOperator,

    /// <summary>An ONNX graph that is not a chain of layers: node name, op type, why.</summary>
    NotAChain,

    /// <summary>An ONNX initializer or value that is not float32: its name, its element type.</summary>
    NotFloat32,

    /// <summary>An ONNX input with a dynamic dimension other than the batch: input name, dimension index, its symbol.</summary>
    DynamicDimension,
}

/// <summary>A reader's refusal: the kind of problem and its message arguments. Immutable and structurally equal.</summary>
internal sealed record ModelReadError(ModelReadErrorKind Kind, EquatableArray<string> Arguments)
{
    public static ModelReadError Unreadable(string reason) => new(ModelReadErrorKind.Unreadable, new EquatableArray<string>(new[] { reason }));

    public static ModelReadError Create(ModelReadErrorKind kind, params string[] arguments) => new(kind, new EquatableArray<string>(arguments));
}

/// <summary>A model file as read: its path and either its content or why it cannot be used. Immutable and structurally equal.</summary>
internal sealed record ModelFileRead(string Path, ModelContent? Content, ModelReadError? Error);

/// <summary>Thrown inside a reader where the bytes break the format; the reader turns it into a <see cref="ModelReadError"/>, so it never leaves the reader.</summary>
internal sealed class ModelFormatException : System.Exception
{
    public ModelFormatException(ModelReadError error)
        : base(error.Arguments.Count > 0 ? error.Arguments[0] : error.Kind.ToString()) => Error = error;

    public ModelReadError Error { get; }

    public static ModelFormatException At(long offset, string reason) =>
        new(ModelReadError.Unreadable(reason + " (at byte offset " + offset.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")"));
}
