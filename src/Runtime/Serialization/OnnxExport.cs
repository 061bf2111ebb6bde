using System;
using System.Globalization;
using System.IO;

namespace NetGen.Serialization;

/// <summary>
/// Exports a network for inference as an ONNX model: one <c>Gemm</c> per dense layer followed by its
/// activation, the parameters embedded as float32 initializers. The encoding is written directly, with no
/// dependency on ONNX or protobuf libraries; the graph is described in <c>docs/model-format.md</c>.
/// </summary>
/// <remarks>
/// <para>
/// The model has IR version <see cref="IrVersion"/> and imports the default operator set at version
/// <see cref="OpsetVersion"/>. Its graph takes <c>input</c>, float <c>[batch, InputSize]</c>, and returns
/// <c>output</c>, float <c>[batch, OutputSize]</c>, where <c>batch</c> is a dynamic dimension. Layer
/// <c>k</c>'s weights and bias are the initializers <c>layers.{k}.weight</c> (<c>[out, in]</c>, used with
/// <c>transB = 1</c>) and <c>layers.{k}.bias</c> (<c>[out]</c>), the names <see cref="SafeTensors"/> uses.
/// </para>
/// <para>
/// Activations map to <c>Sigmoid</c>, <c>Tanh</c>, <c>Relu</c>, <c>LeakyRelu</c> (with <c>alpha</c> set to the
/// layer's slope) and <c>Softmax</c> (over axis 1); an identity layer ends with its <c>Gemm</c>. The loss is
/// not part of the graph, which computes what <see cref="IInferenceNetwork.Forward"/> does; the topology is recorded
/// in the model's <c>doc_string</c>. Saving to a path is atomic (see <see cref="AtomicFile"/>).
/// </para>
/// </remarks>
public static class OnnxExport
{
    /// <summary>The ONNX IR version written, 8.</summary>
    public const long IrVersion = 8;

    /// <summary>The version of the default (<c>ai.onnx</c>) operator set the model imports, 17.</summary>
    public const long OpsetVersion = 17;

    /// <summary>The name of the graph's input, float <c>[batch, InputSize]</c>.</summary>
    public const string InputName = "input";

    /// <summary>The name of the graph's output, float <c>[batch, OutputSize]</c>.</summary>
    public const string OutputName = "output";

    /// <summary>The name of the dynamic batch dimension of <see cref="InputName"/> and <see cref="OutputName"/>.</summary>
    public const string BatchDimension = "batch";

    // Field numbers from onnx.proto3.
    private const int ModelIrVersion = 1, ModelProducerName = 2, ModelProducerVersion = 3, ModelDocString = 6, ModelGraph = 7, ModelOpsetImport = 8;
    private const int OpsetDomain = 1, OpsetVersionField = 2;
    private const int GraphNode = 1, GraphName = 2, GraphInitializer = 5, GraphInput = 11, GraphOutput = 12;
    private const int NodeInput = 1, NodeOutput = 2, NodeName = 3, NodeOpType = 4, NodeAttribute = 5;
    private const int AttributeName = 1, AttributeFloat = 2, AttributeInt = 3, AttributeType = 20;
    private const int AttributeTypeFloat = 1, AttributeTypeInt = 2;
    private const int TensorDims = 1, TensorDataType = 2, TensorName = 8, TensorRawData = 9;
    private const int DataTypeFloat = 1;
    private const int ValueInfoName = 1, ValueInfoType = 2;
    private const int TypeTensorType = 1;
    private const int TensorTypeElemType = 1, TensorTypeShape = 2;
    private const int ShapeDim = 1;
    private const int DimensionValue = 1, DimensionParam = 2;

    /// <summary>Exports <paramref name="network"/> to <paramref name="path"/> as an ONNX model, atomically.</summary>
    /// <param name="path">The file to create or replace, usually ending in <c>.onnx</c>.</param>
    /// <param name="network">The network.</param>
    /// <exception cref="ArgumentException">A layer has an activation ONNX export does not know.</exception>
    /// <exception cref="IOException">The file cannot be written; an existing file is left as it was.</exception>
    public static void Save(string path, IInferenceNetwork network)
    {
        byte[] content = Serialize(network);
        AtomicFile.WriteAllBytes(path, content);
    }

    /// <summary>Writes <paramref name="network"/> to <paramref name="stream"/> as an ONNX model.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="network">The network.</param>
    /// <exception cref="ArgumentException">A layer has an activation ONNX export does not know.</exception>
    public static void Save(Stream stream, IInferenceNetwork network)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(Serialize(network));
    }

    /// <summary>The bytes of <paramref name="network"/>'s ONNX model (a serialized <c>ModelProto</c>).</summary>
    /// <param name="network">The network.</param>
    /// <returns>The whole file.</returns>
    /// <exception cref="ArgumentException">A layer has an activation ONNX export does not know.</exception>
    public static byte[] Serialize(IInferenceNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        ReadOnlySpan<LayerInfo> layers = network.Layers;
        ReadOnlySpan<float> parameters = network.Parameters;

        var graph = new ProtoWriter();
        string current = InputName;
        for (int k = 0; k < layers.Length; k++)
        {
            LayerInfo layer = layers[k];
            bool last = k == layers.Length - 1;
            string linear = last && layer.Activation == Activation.Identity ? OutputName : Invariant($"layers.{k}.linear");
            var gemm = Node(Invariant($"layers.{k}.gemm"), "Gemm", [current, SafeTensors.WeightName(k), SafeTensors.BiasName(k)], linear);
            gemm.WriteMessage(NodeAttribute, IntAttribute("transB", 1));
            graph.WriteMessage(GraphNode, gemm);
            current = linear;

            if (layer.Activation != Activation.Identity)
            {
                string activated = last ? OutputName : Invariant($"layers.{k}.activation");
                graph.WriteMessage(GraphNode, ActivationNode(k, layer, current, activated));
                current = activated;
            }
        }

        graph.WriteString(GraphName, "netgen");
        for (int k = 0; k < layers.Length; k++)
        {
            LayerInfo layer = layers[k];
            graph.WriteMessage(GraphInitializer, Tensor(SafeTensors.WeightName(k), [layer.Outputs, layer.Inputs], parameters.Slice(layer.WeightOffset, layer.WeightCount)));
            graph.WriteMessage(GraphInitializer, Tensor(SafeTensors.BiasName(k), [layer.Outputs], parameters.Slice(layer.BiasOffset, layer.Outputs)));
        }

        graph.WriteMessage(GraphInput, BatchValueInfo(InputName, network.InputSize));
        graph.WriteMessage(GraphOutput, BatchValueInfo(OutputName, network.OutputSize));

        var opset = new ProtoWriter();
        opset.WriteString(OpsetDomain, "");
        opset.WriteInt64(OpsetVersionField, OpsetVersion);

        var model = new ProtoWriter();
        model.WriteInt64(ModelIrVersion, IrVersion);
        model.WriteString(ModelProducerName, "NetGen");
        model.WriteString(ModelProducerVersion, typeof(OnnxExport).Assembly.GetName().Version?.ToString() ?? "0.0.0.0");
        model.WriteString(ModelDocString, NetworkTopology.Of(network).ToString());
        model.WriteMessage(ModelGraph, graph);
        model.WriteMessage(ModelOpsetImport, opset);
        return model.ToArray();
    }

    private static ProtoWriter ActivationNode(int k, LayerInfo layer, string input, string output)
    {
        string name = Invariant($"layers.{k}.activation");
        switch (layer.Activation)
        {
            case Activation.Sigmoid:
                return Node(name, "Sigmoid", [input], output);
            case Activation.Tanh:
                return Node(name, "Tanh", [input], output);
            case Activation.ReLU:
                return Node(name, "Relu", [input], output);
            case Activation.LeakyReLU:
                ProtoWriter leaky = Node(name, "LeakyRelu", [input], output);
                leaky.WriteMessage(NodeAttribute, FloatAttribute("alpha", layer.Slope));
                return leaky;
            case Activation.Softmax:
                ProtoWriter softmax = Node(name, "Softmax", [input], output);
                softmax.WriteMessage(NodeAttribute, IntAttribute("axis", 1));
                return softmax;
            default:
                throw new ArgumentException(Invariant($"Layer {k} has the activation {layer.Activation}, which has no ONNX operator."), nameof(layer));
        }
    }

    private static ProtoWriter Node(string name, string opType, string[] inputs, string output)
    {
        var node = new ProtoWriter();
        foreach (string input in inputs)
        {
            node.WriteString(NodeInput, input);
        }

        node.WriteString(NodeOutput, output);
        node.WriteString(NodeName, name);
        node.WriteString(NodeOpType, opType);
        return node;
    }

    private static ProtoWriter IntAttribute(string name, long value)
    {
        var attribute = new ProtoWriter();
        attribute.WriteString(AttributeName, name);
        attribute.WriteInt64(AttributeInt, value);
        attribute.WriteInt64(AttributeType, AttributeTypeInt);
        return attribute;
    }

    private static ProtoWriter FloatAttribute(string name, float value)
    {
        var attribute = new ProtoWriter();
        attribute.WriteString(AttributeName, name);
        attribute.WriteFloat(AttributeFloat, value);
        attribute.WriteInt64(AttributeType, AttributeTypeFloat);
        return attribute;
    }

    private static ProtoWriter Tensor(string name, int[] dims, ReadOnlySpan<float> values)
    {
        var tensor = new ProtoWriter();
        foreach (int dim in dims)
        {
            tensor.WriteInt64(TensorDims, dim);
        }

        tensor.WriteInt64(TensorDataType, DataTypeFloat);
        tensor.WriteString(TensorName, name);
        byte[] raw = new byte[4 * values.Length];
        LittleEndianFloats.Write(values, raw);
        tensor.WriteBytes(TensorRawData, raw);
        return tensor;
    }

    private static ProtoWriter BatchValueInfo(string name, int width)
    {
        var batch = new ProtoWriter();
        batch.WriteString(DimensionParam, BatchDimension);
        var features = new ProtoWriter();
        features.WriteInt64(DimensionValue, width);
        var shape = new ProtoWriter();
        shape.WriteMessage(ShapeDim, batch);
        shape.WriteMessage(ShapeDim, features);

        var tensorType = new ProtoWriter();
        tensorType.WriteInt64(TensorTypeElemType, DataTypeFloat);
        tensorType.WriteMessage(TensorTypeShape, shape);
        var type = new ProtoWriter();
        type.WriteMessage(TypeTensorType, tensorType);

        var valueInfo = new ProtoWriter();
        valueInfo.WriteString(ValueInfoName, name);
        valueInfo.WriteMessage(ValueInfoType, type);
        return valueInfo;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
