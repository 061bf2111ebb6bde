using System.Collections.Generic;
using NetGen.Generator.WeightFiles;

namespace NetGen.Generator.Onnx;

/// <summary>The part of an ONNX <c>ModelProto</c> NetGen reads: the graph's nodes, initializers, inputs and outputs.</summary>
internal sealed class OnnxGraph
{
    public List<OnnxNode> Nodes { get; } = new();

    public List<OnnxTensor> Initializers { get; } = new();

    public List<OnnxValue> Inputs { get; } = new();

    public List<OnnxValue> Outputs { get; } = new();

    /// <summary>The name of a sparse initializer, which NetGen does not read, or null.</summary>
    public string? SparseInitializer { get; set; }
}

/// <summary>A <c>NodeProto</c>: its name, operator, domain, inputs, outputs and attributes.</summary>
internal sealed class OnnxNode
{
    public string Name { get; set; } = string.Empty;

    public string OpType { get; set; } = string.Empty;

    public string Domain { get; set; } = string.Empty;

    public List<string> Inputs { get; } = new();

    public List<string> Outputs { get; } = new();

    public List<OnnxAttribute> Attributes { get; } = new();

    /// <summary>How diagnostics name the node: its name, or its operator and first output when it has none.</summary>
    public string DisplayName => Name.Length > 0 ? Name : OpType + " → " + (Outputs.Count > 0 ? Outputs[0] : "?");
}

/// <summary>An <c>AttributeProto</c> with a single float or integer value (the only kinds the accepted operators take).</summary>
internal sealed class OnnxAttribute
{
    public string Name { get; set; } = string.Empty;

    public float? Float { get; set; }

    public long? Int { get; set; }
}

/// <summary>A <c>TensorProto</c>: name, element type, dimensions and its float32 values (when stored in the file as float32).</summary>
internal sealed class OnnxTensor
{
    public const int Float32 = 1;

    public string Name { get; set; } = string.Empty;

    public int DataType { get; set; }

    public List<long> Dims { get; } = new();

    public List<float> FloatData { get; } = new();

    /// <summary>The <c>raw_data</c> field's bounds in the file, or (0, -1) when absent.</summary>
    public (int Start, int End) Raw { get; set; } = (0, -1);

    public bool IsExternal { get; set; }
}

/// <summary>A <c>ValueInfoProto</c> of a graph input or output: its name, element type and dimensions (a value, or a symbol, or neither).</summary>
internal sealed class OnnxValue
{
    public string Name { get; set; } = string.Empty;

    public int ElementType { get; set; }

    public List<(long? Value, string? Symbol)> Dims { get; } = new();

    public bool HasShape { get; set; }
}

/// <summary>Decodes the ONNX protobuf messages NetGen needs, skipping every other field.</summary>
internal static class OnnxModelDecoder
{
    public static OnnxGraph Decode(byte[] bytes)
    {
        var model = new ProtoReader(bytes, 0, bytes.Length);
        OnnxGraph? graph = null;
        while (!model.AtEnd)
        {
            (int field, int wire) = model.ReadTag();
            if (field == 7)
            {
                model.Expect(wire, ProtoReader.WireLengthDelimited, "ModelProto.graph");
                graph = ReadGraph(model.ReadMessage());
            }
            else
            {
                model.Skip(wire);
            }
        }

        return graph ?? throw ModelFormatException.At(0, "the file holds no ONNX graph (ModelProto field 7)");
    }

    private static OnnxGraph ReadGraph(ProtoReader reader)
    {
        var graph = new OnnxGraph();
        while (!reader.AtEnd)
        {
            (int field, int wire) = reader.ReadTag();
            switch (field)
            {
                case 1:
                    reader.Expect(wire, ProtoReader.WireLengthDelimited, "GraphProto.node");
                    graph.Nodes.Add(ReadNode(reader.ReadMessage()));
                    break;
                case 5:
                    reader.Expect(wire, ProtoReader.WireLengthDelimited, "GraphProto.initializer");
                    graph.Initializers.Add(ReadTensor(reader.ReadMessage()));
                    break;
                case 11:
                    reader.Expect(wire, ProtoReader.WireLengthDelimited, "GraphProto.input");
                    graph.Inputs.Add(ReadValue(reader.ReadMessage()));
                    break;
                case 12:
                    reader.Expect(wire, ProtoReader.WireLengthDelimited, "GraphProto.output");
                    graph.Outputs.Add(ReadValue(reader.ReadMessage()));
                    break;
                case 15:
                    reader.Expect(wire, ProtoReader.WireLengthDelimited, "GraphProto.sparse_initializer");
                    graph.SparseInitializer ??= SparseName(reader.ReadMessage());
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return graph;
    }

    private static OnnxNode ReadNode(ProtoReader reader)
    {
        var node = new OnnxNode();
        while (!reader.AtEnd)
        {
            (int field, int wire) = reader.ReadTag();
            switch (field)
            {
                case 1:
                    reader.Expect(wire, ProtoReader.WireLengthDelimited, "NodeProto.input");
                    node.Inputs.Add(reader.ReadString());
                    break;
                case 2:
                    reader.Expect(wire, ProtoReader.WireLengthDelimited, "NodeProto.output");
                    node.Outputs.Add(reader.ReadString());
                    break;
                case 3:
                    reader.Expect(wire, ProtoReader.WireLengthDelimited, "NodeProto.name");
                    node.Name = reader.ReadString();
                    break;
                case 4:
                    reader.Expect(wire, ProtoReader.WireLengthDelimited, "NodeProto.op_type");
                    node.OpType = reader.ReadString();
                    break;
                case 5:
                    reader.Expect(wire, ProtoReader.WireLengthDelimited, "NodeProto.attribute");
                    node.Attributes.Add(ReadAttribute(reader.ReadMessage()));
                    break;
                case 7:
                    reader.Expect(wire, ProtoReader.WireLengthDelimited, "NodeProto.domain");
                    node.Domain = reader.ReadString();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return node;
    }

    private static OnnxAttribute ReadAttribute(ProtoReader reader)
    {
        var attribute = new OnnxAttribute();
        while (!reader.AtEnd)
        {
            (int field, int wire) = reader.ReadTag();
            switch (field)
            {
                case 1:
                    reader.Expect(wire, ProtoReader.WireLengthDelimited, "AttributeProto.name");
                    attribute.Name = reader.ReadString();
                    break;
                case 2:
                    reader.Expect(wire, ProtoReader.WireFixed32, "AttributeProto.f");
                    attribute.Float = reader.ReadFloat();
                    break;
                case 3:
                    reader.Expect(wire, ProtoReader.WireVarint, "AttributeProto.i");
                    attribute.Int = reader.ReadInt64();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return attribute;
    }

    private static OnnxTensor ReadTensor(ProtoReader reader)
    {
        var tensor = new OnnxTensor();
        while (!reader.AtEnd)
        {
            (int field, int wire) = reader.ReadTag();
            switch (field)
            {
                case 1 when wire == ProtoReader.WireLengthDelimited:
                    ProtoReader dims = reader.ReadMessage();
                    while (!dims.AtEnd)
                    {
                        tensor.Dims.Add(dims.ReadInt64());
                    }

                    break;
                case 1:
                    reader.Expect(wire, ProtoReader.WireVarint, "TensorProto.dims");
                    tensor.Dims.Add(reader.ReadInt64());
                    break;
                case 2:
                    reader.Expect(wire, ProtoReader.WireVarint, "TensorProto.data_type");
                    tensor.DataType = (int)reader.ReadInt64();
                    break;
                case 4 when wire == ProtoReader.WireLengthDelimited:
                    ProtoReader floats = reader.ReadMessage();
                    while (!floats.AtEnd)
                    {
                        tensor.FloatData.Add(floats.ReadFloat());
                    }

                    break;
                case 4:
                    reader.Expect(wire, ProtoReader.WireFixed32, "TensorProto.float_data");
                    tensor.FloatData.Add(reader.ReadFloat());
                    break;
                case 8:
                    reader.Expect(wire, ProtoReader.WireLengthDelimited, "TensorProto.name");
                    tensor.Name = reader.ReadString();
                    break;
                case 9:
                    reader.Expect(wire, ProtoReader.WireLengthDelimited, "TensorProto.raw_data");
                    tensor.Raw = reader.ReadLengthDelimited();
                    break;
                case 13:
                    tensor.IsExternal = true;
                    reader.Skip(wire);
                    break;
                case 14:
                    reader.Expect(wire, ProtoReader.WireVarint, "TensorProto.data_location");
                    tensor.IsExternal |= reader.ReadInt64() == 1;
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return tensor;
    }

    private static OnnxValue ReadValue(ProtoReader reader)
    {
        var value = new OnnxValue();
        while (!reader.AtEnd)
        {
            (int field, int wire) = reader.ReadTag();
            if (field == 1)
            {
                reader.Expect(wire, ProtoReader.WireLengthDelimited, "ValueInfoProto.name");
                value.Name = reader.ReadString();
            }
            else if (field == 2)
            {
                reader.Expect(wire, ProtoReader.WireLengthDelimited, "ValueInfoProto.type");
                ReadType(reader.ReadMessage(), value);
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return value;
    }

    /// <summary>TypeProto → tensor_type (1) → elem_type (1), shape (2) → dim (1) → dim_value (1) or dim_param (2).</summary>
    private static void ReadType(ProtoReader type, OnnxValue value)
    {
        while (!type.AtEnd)
        {
            (int field, int wire) = type.ReadTag();
            if (field != 1)
            {
                type.Skip(wire);
                continue;
            }

            type.Expect(wire, ProtoReader.WireLengthDelimited, "TypeProto.tensor_type");
            ProtoReader tensor = type.ReadMessage();
            while (!tensor.AtEnd)
            {
                (int tensorField, int tensorWire) = tensor.ReadTag();
                if (tensorField == 1)
                {
                    tensor.Expect(tensorWire, ProtoReader.WireVarint, "TypeProto.Tensor.elem_type");
                    value.ElementType = (int)tensor.ReadInt64();
                }
                else if (tensorField == 2)
                {
                    tensor.Expect(tensorWire, ProtoReader.WireLengthDelimited, "TypeProto.Tensor.shape");
                    value.HasShape = true;
                    ReadShape(tensor.ReadMessage(), value);
                }
                else
                {
                    tensor.Skip(tensorWire);
                }
            }
        }
    }

    private static void ReadShape(ProtoReader shape, OnnxValue value)
    {
        while (!shape.AtEnd)
        {
            (int field, int wire) = shape.ReadTag();
            if (field != 1)
            {
                shape.Skip(wire);
                continue;
            }

            shape.Expect(wire, ProtoReader.WireLengthDelimited, "TensorShapeProto.dim");
            ProtoReader dim = shape.ReadMessage();
            long? size = null;
            string? symbol = null;
            while (!dim.AtEnd)
            {
                (int dimField, int dimWire) = dim.ReadTag();
                if (dimField == 1 && dimWire == ProtoReader.WireVarint)
                {
                    size = dim.ReadInt64();
                }
                else if (dimField == 2 && dimWire == ProtoReader.WireLengthDelimited)
                {
                    symbol = dim.ReadString();
                }
                else
                {
                    dim.Skip(dimWire);
                }
            }

            value.Dims.Add((size, symbol));
        }
    }

    private static string SparseName(ProtoReader sparse)
    {
        // SparseTensorProto.values (1) is a TensorProto whose name (8) is the initializer's name.
        while (!sparse.AtEnd)
        {
            (int field, int wire) = sparse.ReadTag();
            if (field == 1 && wire == ProtoReader.WireLengthDelimited)
            {
                OnnxTensor values = ReadTensor(sparse.ReadMessage());
                return values.Name;
            }

            sparse.Skip(wire);
        }

        return string.Empty;
    }
}
