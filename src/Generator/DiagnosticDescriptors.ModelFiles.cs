using Microsoft.CodeAnalysis;

namespace NetGen.Generator;

/// <summary>The diagnostics about model files: weights compiled in, and networks declared from ONNX files.</summary>
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor ModelFileNotFound = Error(
        "NG0040",
        "Model file is not among the AdditionalFiles",
        "'{0}' names the model file '{1}', which is not among the project's AdditionalFiles; add <AdditionalFiles Include=\"{1}\" /> to the project file (a relative path is taken from the directory of the file that declares the network)",
        "The generator reads a model file only when the project lists it in AdditionalFiles, so that the build knows the file is an input and rebuilds when it changes.");

    public static readonly DiagnosticDescriptor ModelFileAmbiguous = Error(
        "NG0041",
        "Model file path is ambiguous",
        "'{0}' names the model file '{1}', which matches several AdditionalFiles ({2}); give a path that tells them apart",
        "A path that is not found relative to the declaring file is matched against the end of every AdditionalFiles path; when several match, the generator cannot tell which one is meant.");

    public static readonly DiagnosticDescriptor ModelFileUnreadable = Error(
        "NG0042",
        "Model file cannot be read",
        "The model file '{0}' named by '{1}' cannot be read: {2}",
        "The model file is truncated, damaged or breaks its format; the message gives the reason and the byte offset.");

    public static readonly DiagnosticDescriptor ModelFileKindUnknown = Error(
        "NG0043",
        "Not a model file",
        "'{0}' names '{1}', which is not {2} file; NetGen reads the format from the extension",
        "NetGen reads safetensors (.safetensors), NetGen model (.ngm) and ONNX (.onnx) files, chosen by the extension; [OnnxNetwork] takes the topology from the file, which only an ONNX graph holds alongside the weights.");

    public static readonly DiagnosticDescriptor WeightTensorMissing = Error(
        "NG0044",
        "Weight file lacks a tensor",
        "The weight file '{0}' has no tensor '{1}', which layer {2} of '{3}' needs with shape [{4}]; the file holds {5}",
        "Every layer needs a weight tensor [out, in] and a bias tensor [out], named as NetGen, a PyTorch nn.Sequential or a lone nn.Linear names them.");

    public static readonly DiagnosticDescriptor WeightTensorUnexpected = Error(
        "NG0045",
        "Weight file holds a tensor the network has no place for",
        "The weight file '{0}' holds the tensor '{1}' of shape [{2}], which no layer of '{3}' takes; its {4} layers take {5}",
        "A tensor no layer takes means the file was saved from another network; compiling in the rest would silently drop trained weights.");

    public static readonly DiagnosticDescriptor WeightShapeMismatch = Error(
        "NG0046",
        "Weight tensor has the wrong shape",
        "The tensor '{1}' in the weight file '{0}' has shape [{2}], but layer {3} of '{4}' needs [{5}]; declare the layer sizes the file was trained with",
        "Each layer's weights have the shape [out, in] and its biases [out]; a tensor of another shape was trained for other layer sizes.");

    public static readonly DiagnosticDescriptor WeightDTypeMismatch = Error(
        "NG0047",
        "Weight tensor is not float32",
        "The tensor '{1}' (shape [{2}]) in the weight file '{0}' is {3}, but NetGen compiles in F32 weights only; save the tensors with .float()",
        "The generated network computes in float32, and NetGen compiles in F32 tensors only rather than convert silently.");

    public static readonly DiagnosticDescriptor ModelTopologyMismatch = Error(
        "NG0048",
        "Model file holds another network",
        "The model file '{0}' holds the network {1}, but '{2}' declares {3}; declare the network the file holds, or name another file",
        "A NetGen model file or an ONNX graph holds its topology; it must be the declared one, activations and LeakyReLU slopes included.");

    public static readonly DiagnosticDescriptor OnnxUnsupportedOperator = Error(
        "NG0049",
        "ONNX operator not supported",
        "Node '{1}' of '{0}' has the operator {2}, which NetGen cannot turn into a layer: {3}",
        "NetGen turns a chain of Gemm (or MatMul and Add) nodes with Relu, LeakyRelu, Tanh, Sigmoid, Softmax on the last axis and Identity into dense layers; other operators have no NetGen layer.");

    public static readonly DiagnosticDescriptor OnnxNotAChain = Error(
        "NG0050",
        "ONNX graph is not a chain of dense layers",
        "Node '{1}' ({2}) of '{0}' does not fit a chain of dense layers: {3}",
        "NetGen generates feed-forward chains of dense layers; a graph with branches, residual connections, several inputs or outputs, or computed weights is not one.");

    public static readonly DiagnosticDescriptor OnnxNotFloat32 = Error(
        "NG0051",
        "ONNX tensor is not float32",
        "'{1}' in '{0}' is {2}; NetGen reads float32 models only, so export the model in float32",
        "The generated network computes in float32; an ONNX model of another element type would have to be converted.");

    public static readonly DiagnosticDescriptor OnnxDynamicDimension = Error(
        "NG0052",
        "ONNX input has a dynamic feature dimension",
        "Dimension {2} of the input '{1}' of '{0}' is dynamic ({3}); only the batch dimension (0) may be, so export with a fixed number of features",
        "A generated network has a fixed input size; only the batch dimension of an ONNX input may be dynamic.");

    public static readonly DiagnosticDescriptor NetworkAndOnnxNetwork = Error(
        "NG0053",
        "Both [Network] and [OnnxNetwork]",
        "'{0}' has both [Network] and [OnnxNetwork]; keep [OnnxNetwork] to take the topology and weights from the ONNX file, or [Network] with Weights = \"…\" to check a declared topology against a file",
        "[OnnxNetwork] declares the network from the ONNX file and [Network] from attributes; one class can be only one of them.");

    public static readonly DiagnosticDescriptor DenseOnOnnxNetwork = Error(
        "NG0054",
        "[Dense] on an [OnnxNetwork]",
        "'{0}' takes its layers from the ONNX file '{1}', so its [Dense] attributes would be ignored; remove them, or use [Network(inputs, Weights = \"{1}\")] to check declared layers against the file",
        "An [OnnxNetwork] takes its layers from the ONNX file, so [Dense] attributes on it would be ignored.");

    public static readonly DiagnosticDescriptor InferenceOnlyWithoutWeights = Error(
        DiagnosticIds.InferenceOnlyWithoutWeights,
        "InferenceOnly needs compiled-in weights",
        "'{0}' is declared InferenceOnly but names no model file, so its read-only weights could never be trained or loaded; name the trained weights with Weights = \"…\", or remove InferenceOnly to generate a trainable network",
        "An inference-only network has read-only parameters and no backward pass: its weights can only come from a model file compiled in at build time (Weights = \"…\" on [Network], or [OnnxNetwork]).");
}
