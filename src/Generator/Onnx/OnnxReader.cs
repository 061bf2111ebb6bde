using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetGen.Generator.Helpers;
using NetGen.Generator.Model;
using NetGen.Generator.WeightFiles;

namespace NetGen.Generator.Onnx;

/// <summary>
/// Turns an ONNX model into NetGen layers: the graph must be a chain from its one input to its one output of
/// <c>Gemm</c> (or <c>MatMul</c> then <c>Add</c>) nodes, each optionally followed by one activation
/// (<c>Relu</c>, <c>LeakyRelu</c>, <c>Tanh</c>, <c>Sigmoid</c>, <c>Softmax</c> on the last axis), with
/// <c>Identity</c> nodes anywhere, as <c>torch.onnx.export</c> writes an <c>nn.Sequential</c> of
/// <c>nn.Linear</c> layers and activations. A pure function from bytes to the topology and parameters, or
/// to a refusal naming the node and its op type; it never throws.
/// </summary>
internal static class OnnxReader
{
    /// <summary>The operators accepted, as the diagnostics list them.</summary>
    public const string AcceptedOperators = "Gemm, MatMul followed by Add, Relu, LeakyRelu, Tanh, Sigmoid, Softmax (last axis) and Identity";

    public static ModelFileRead Read(string path, byte[] bytes)
    {
        try
        {
            OnnxGraph graph = OnnxModelDecoder.Decode(bytes);
            (ModelTopology topology, ByteBlob parameters) = ToLayers(graph, bytes);
            return new ModelFileRead(path, new ModelContent(ModelFileKind.Onnx, EquatableArray<NamedTensor>.Empty, topology, parameters), null);
        }
        catch (ModelFormatException e)
        {
            return new ModelFileRead(path, null, e.Error);
        }
    }

    private static (ModelTopology Topology, ByteBlob Parameters) ToLayers(OnnxGraph graph, byte[] bytes)
    {
        var initializers = new Dictionary<string, OnnxTensor>(StringComparer.Ordinal);
        foreach (OnnxTensor tensor in graph.Initializers)
        {
            initializers[tensor.Name] = tensor;
        }

        if (graph.SparseInitializer is not null)
        {
            throw Refuse(ModelReadErrorKind.NotFloat32, graph.SparseInitializer, "a sparse tensor");
        }

        // Before IR version 4 the initializers are listed among the inputs too; the real input is the one that is not.
        List<OnnxValue> inputs = graph.Inputs.Where(i => !initializers.ContainsKey(i.Name)).ToList();
        if (inputs.Count != 1 || graph.Outputs.Count != 1)
        {
            throw ModelFormatException.At(0, Invariant($"the graph has {inputs.Count} inputs and {graph.Outputs.Count} outputs; a network has one of each"));
        }

        OnnxValue input = inputs[0];
        int width = InputWidth(input);
        var producers = new Dictionary<string, OnnxNode>(StringComparer.Ordinal);
        var consumers = new Dictionary<string, List<OnnxNode>>(StringComparer.Ordinal);
        foreach (OnnxNode node in graph.Nodes)
        {
            foreach (string output in node.Outputs)
            {
                producers[output] = node;
            }

            foreach (string used in node.Inputs.Where(n => n.Length > 0 && !initializers.ContainsKey(n)))
            {
                if (!consumers.TryGetValue(used, out List<OnnxNode>? list))
                {
                    consumers[used] = list = new List<OnnxNode>();
                }

                if (!list.Contains(node))
                {
                    list.Add(node);
                }
            }
        }

        var builder = new LayerBuilder(width, bytes);
        var visited = new HashSet<OnnxNode>();
        string current = input.Name;
        while (current != graph.Outputs[0].Name)
        {
            if (!consumers.TryGetValue(current, out List<OnnxNode>? next) || next.Count == 0)
            {
                OnnxNode? stranded = graph.Nodes.FirstOrDefault(n => !visited.Contains(n));
                throw stranded is null
                    ? ModelFormatException.At(0, $"the value '{current}' leads nowhere: no node takes it and it is not the graph's output")
                    : Refuse(ModelReadErrorKind.NotAChain, stranded.DisplayName, stranded.OpType, $"it does not lie on the path from the input; nothing takes the value '{current}'");
            }

            if (next.Count > 1)
            {
                throw Refuse(ModelReadErrorKind.NotAChain, next[1].DisplayName, next[1].OpType, $"it takes the value '{current}', which '{next[0].DisplayName}' takes too");
            }

            OnnxNode node = next[0];
            if (!visited.Add(node))
            {
                throw Refuse(ModelReadErrorKind.NotAChain, node.DisplayName, node.OpType, "the graph has a cycle through it");
            }

            int computed = node.Inputs.Count(n => n.Length > 0 && !initializers.ContainsKey(n));
            if (computed != 1 || node.Outputs.Count != 1)
            {
                throw Refuse(ModelReadErrorKind.NotAChain, node.DisplayName, node.OpType, Invariant($"it takes {computed} computed values and gives {node.Outputs.Count} outputs, where a layer takes one and gives one"));
            }

            if (node.Domain.Length > 0 && node.Domain != "ai.onnx")
            {
                throw Refuse(ModelReadErrorKind.UnsupportedOperator, node.DisplayName, node.Domain + "." + node.OpType, "NetGen reads the default ONNX domain only");
            }

            builder.Add(node, current, initializers);
            current = node.Outputs[0];
        }

        OnnxNode? unused = graph.Nodes.FirstOrDefault(n => !visited.Contains(n));
        if (unused is not null)
        {
            throw Refuse(ModelReadErrorKind.NotAChain, unused.DisplayName, unused.OpType, "it does not lie on the path from the input to the output");
        }

        return builder.Finish();
    }

    private static int InputWidth(OnnxValue input)
    {
        if (input.ElementType != OnnxTensor.Float32)
        {
            throw Refuse(ModelReadErrorKind.NotFloat32, input.Name, ElementTypeName(input.ElementType));
        }

        if (!input.HasShape || input.Dims.Count != 2)
        {
            throw ModelFormatException.At(0, $"the input '{input.Name}' is not of rank 2 [batch, features]; NetGen reads networks over vectors");
        }

        (long? value, string? symbol) = input.Dims[1];
        if (value is null)
        {
            throw Refuse(ModelReadErrorKind.DynamicDimension, input.Name, "1", symbol is { Length: > 0 } ? "'" + symbol + "'" : "without a name");
        }

        if (value < 1 || value > 1 << 24)
        {
            throw ModelFormatException.At(0, Invariant($"the input '{input.Name}' has {value} features; a network takes from 1 to 16,777,216"));
        }

        return (int)value;
    }

    internal static ModelFormatException Refuse(ModelReadErrorKind kind, params string[] arguments) =>
        new(ModelReadError.Create(kind, arguments));

    internal static string ElementTypeName(int type) => type switch
    {
        1 => "float32",
        2 => "uint8",
        3 => "int8",
        4 => "uint16",
        5 => "int16",
        6 => "int32",
        7 => "int64",
        8 => "string",
        9 => "bool",
        10 => "float16",
        11 => "float64",
        12 => "uint32",
        13 => "uint64",
        16 => "bfloat16",
        _ => "element type " + type.ToString(CultureInfo.InvariantCulture),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Collects the layers node by node: a linear node opens a layer, an activation closes it.</summary>
    private sealed class LayerBuilder
    {
        private readonly int _inputs;
        private readonly byte[] _file;
        private readonly List<LayerSpec> _layers = new();
        private readonly List<byte[]> _parameters = new();
        private int _width;
        private long _parameterCount;

        // The open layer: its weights [out, in] and biases, and whether it came from a MatMul still waiting for its Add.
        private float[]? _weights;
        private float[]? _biases;
        private int _outputs;
        private bool _awaitingAdd;

        public LayerBuilder(int inputs, byte[] file)
        {
            _inputs = inputs;
            _width = inputs;
            _file = file;
        }

        public void Add(OnnxNode node, string input, Dictionary<string, OnnxTensor> initializers)
        {
            switch (node.OpType)
            {
                case "Identity":
                    return;
                case "Gemm":
                    Gemm(node, input, initializers);
                    return;
                case "MatMul":
                    MatMul(node, input, initializers);
                    return;
                case "Add" when _awaitingAdd:
                    Bias(node, initializers);
                    return;
                case "Add":
                    throw Refuse(ModelReadErrorKind.UnsupportedOperator, node.DisplayName, node.OpType, "an Add is accepted only as the bias right after a MatMul");
                case "Relu":
                    Close(node, ActivationKind.ReLU, 0f);
                    return;
                case "Tanh":
                    Close(node, ActivationKind.Tanh, 0f);
                    return;
                case "Sigmoid":
                    Close(node, ActivationKind.Sigmoid, 0f);
                    return;
                case "LeakyRelu":
                    Close(node, ActivationKind.LeakyReLU, Attribute(node, "alpha")?.Float ?? 0.01f);
                    return;
                case "Softmax":
                    long axis = Attribute(node, "axis")?.Int ?? -1;
                    if (axis != -1 && axis != 1)
                    {
                        throw Refuse(ModelReadErrorKind.UnsupportedOperator, node.DisplayName, node.OpType, Invariant($"its axis is {axis}, where NetGen applies softmax over the features, the last axis (-1 or 1)"));
                    }

                    Close(node, ActivationKind.Softmax, 0f);
                    return;
                default:
                    throw Refuse(ModelReadErrorKind.UnsupportedOperator, node.DisplayName, node.OpType, "NetGen turns only " + AcceptedOperators + " into layers");
            }
        }

        public (ModelTopology Topology, ByteBlob Parameters) Finish()
        {
            if (_weights is not null)
            {
                CloseLayer(ActivationKind.Identity, 0f);
            }

            if (_layers.Count == 0)
            {
                throw ModelFormatException.At(0, "the graph has no Gemm or MatMul node, so no layer");
            }

            byte[] all = new byte[_parameters.Sum(p => p.Length)];
            int at = 0;
            foreach (byte[] part in _parameters)
            {
                Buffer.BlockCopy(part, 0, all, at, part.Length);
                at += part.Length;
            }

            return (new ModelTopology(_inputs, null, _layers.ToEquatableArray()), new ByteBlob(all));
        }

        private void Gemm(OnnxNode node, string input, Dictionary<string, OnnxTensor> initializers)
        {
            if ((Attribute(node, "transA")?.Int ?? 0) != 0 || (Attribute(node, "alpha")?.Float ?? 1f) != 1f || (Attribute(node, "beta")?.Float ?? 1f) != 1f)
            {
                throw Refuse(ModelReadErrorKind.UnsupportedOperator, node.DisplayName, node.OpType, "NetGen reads a Gemm with transA = 0, alpha = 1 and beta = 1, as nn.Linear exports it");
            }

            if (node.Inputs.Count < 2 || node.Inputs[0] != input)
            {
                throw Refuse(ModelReadErrorKind.NotAChain, node.DisplayName, node.OpType, "its first input must be the previous layer's output and its weights an initializer");
            }

            bool transposed = (Attribute(node, "transB")?.Int ?? 0) != 0;
            OnnxTensor b = Initializer(node, node.Inputs[1], initializers);
            OpenLayer(node, b, transposed);
            if (node.Inputs.Count > 2 && node.Inputs[2].Length > 0)
            {
                _biases = BiasValues(node, Initializer(node, node.Inputs[2], initializers));
            }
        }

        private void MatMul(OnnxNode node, string input, Dictionary<string, OnnxTensor> initializers)
        {
            if (node.Inputs.Count != 2 || node.Inputs[0] != input)
            {
                throw Refuse(ModelReadErrorKind.NotAChain, node.DisplayName, node.OpType, "its first input must be the previous layer's output and its second the weights, an initializer");
            }

            OpenLayer(node, Initializer(node, node.Inputs[1], initializers), transposed: false);
            _awaitingAdd = true;
        }

        private void Bias(OnnxNode node, Dictionary<string, OnnxTensor> initializers)
        {
            string bias = node.Inputs.First(n => initializers.ContainsKey(n));
            _biases = BiasValues(node, initializers[bias]);
            _awaitingAdd = false;
        }

        /// <summary>Closes the open layer before a new one (an identity layer), then opens one from B: [in, out], or [out, in] when transposed.</summary>
        private void OpenLayer(OnnxNode node, OnnxTensor b, bool transposed)
        {
            if (_weights is not null)
            {
                CloseLayer(ActivationKind.Identity, 0f);
            }

            if (b.Dims.Count != 2)
            {
                throw Refuse(ModelReadErrorKind.NotAChain, node.DisplayName, node.OpType, Invariant($"its weights '{b.Name}' have rank {b.Dims.Count}, where a layer's are a matrix"));
            }

            long rows = transposed ? b.Dims[1] : b.Dims[0], columns = transposed ? b.Dims[0] : b.Dims[1];
            if (rows != _width || columns < 1 || columns > 1 << 24)
            {
                throw Refuse(ModelReadErrorKind.NotAChain, node.DisplayName, node.OpType, Invariant($"its weights '{b.Name}' have shape [{b.Dims[0]}, {b.Dims[1]}]{(transposed ? " (transposed)" : string.Empty)}, which does not take the {_width} values before it"));
            }

            float[] values = Values(node, b, rows * columns);
            int inputs = (int)rows, outputs = (int)columns;
            _weights = new float[values.Length];
            for (int j = 0; j < outputs; j++)
            {
                for (int i = 0; i < inputs; i++)
                {
                    // W[j, i]: row j holds the weights into neuron j.
                    _weights[(j * inputs) + i] = transposed ? values[(j * inputs) + i] : values[(i * outputs) + j];
                }
            }

            _outputs = outputs;
            _biases = null;
            _awaitingAdd = false;
        }

        private float[] BiasValues(OnnxNode node, OnnxTensor c)
        {
            long count = c.Dims.Aggregate(1L, (a, d) => d < 0 || a > int.MaxValue ? long.MaxValue : a * d);
            bool vector = c.Dims.Count == 1 || (c.Dims.Count == 2 && c.Dims[0] == 1);
            if (!vector || count != _outputs)
            {
                throw Refuse(ModelReadErrorKind.NotAChain, node.DisplayName, node.OpType, Invariant($"its bias '{c.Name}' has shape [{string.Join(", ", c.Dims)}], where the layer has {_outputs} outputs"));
            }

            return Values(node, c, count);
        }

        private void Close(OnnxNode node, ActivationKind activation, float slope)
        {
            if (_weights is null)
            {
                throw Refuse(ModelReadErrorKind.UnsupportedOperator, node.DisplayName, node.OpType, "an activation is accepted only right after a Gemm, or a MatMul and its Add");
            }

            CloseLayer(activation, slope);
        }

        private void CloseLayer(ActivationKind activation, float slope)
        {
            float[] weights = _weights!;
            float[] biases = _biases ?? new float[_outputs];
            _parameterCount += weights.Length + biases.Length;
            if (_parameterCount > 1L << 24)
            {
                throw ModelFormatException.At(0, "the graph has more than 16,777,216 parameters, the most NetGen generates");
            }

            byte[] bytes = new byte[4 * (weights.Length + biases.Length)];
            Buffer.BlockCopy(weights, 0, bytes, 0, 4 * weights.Length);
            Buffer.BlockCopy(biases, 0, bytes, 4 * weights.Length, 4 * biases.Length);
            if (!BitConverter.IsLittleEndian)
            {
                for (int i = 0; i < bytes.Length; i += 4)
                {
                    Array.Reverse(bytes, i, 4);
                }
            }

            _parameters.Add(bytes);
            _layers.Add(new LayerSpec(_outputs, activation, activation == ActivationKind.LeakyReLU ? slope : 0f));
            _width = _outputs;
            _weights = null;
            _biases = null;
            _awaitingAdd = false;
        }

        private static OnnxAttribute? Attribute(OnnxNode node, string name) => node.Attributes.LastOrDefault(a => a.Name == name);

        private static OnnxTensor Initializer(OnnxNode node, string name, Dictionary<string, OnnxTensor> initializers) =>
            initializers.TryGetValue(name, out OnnxTensor? tensor)
                ? tensor
                : throw Refuse(ModelReadErrorKind.NotAChain, node.DisplayName, node.OpType, $"its parameter '{name}' is computed in the graph, where NetGen needs an initializer");

        /// <summary>The tensor's float32 values, from raw_data (little-endian) or float_data; <paramref name="count"/> of them.</summary>
        private float[] Values(OnnxNode node, OnnxTensor tensor, long count)
        {
            if (tensor.DataType != OnnxTensor.Float32)
            {
                throw Refuse(ModelReadErrorKind.NotFloat32, tensor.Name, ElementTypeName(tensor.DataType));
            }

            if (tensor.IsExternal)
            {
                throw Refuse(ModelReadErrorKind.NotAChain, node.DisplayName, node.OpType, $"its initializer '{tensor.Name}' is stored in an external file; save the model with its weights inside");
            }

            (int start, int end) = tensor.Raw;
            long stored = end >= start ? (end - start) / 4 : tensor.FloatData.Count;
            if (stored != count || (end >= start && (end - start) % 4 != 0))
            {
                throw Refuse(ModelReadErrorKind.NotAChain, node.DisplayName, node.OpType, Invariant($"its initializer '{tensor.Name}' holds {stored} values where its shape [{string.Join(", ", tensor.Dims)}] needs {count}"));
            }

            var values = new float[count];
            if (end >= start)
            {
                Buffer.BlockCopy(_file, start, values, 0, end - start);
                if (!BitConverter.IsLittleEndian)
                {
                    for (int i = 0; i < values.Length; i++)
                    {
                        byte[] b = BitConverter.GetBytes(values[i]);
                        Array.Reverse(b);
                        values[i] = BitConverter.ToSingle(b, 0);
                    }
                }
            }
            else
            {
                tensor.FloatData.CopyTo(values);
            }

            return values;
        }
    }
}
