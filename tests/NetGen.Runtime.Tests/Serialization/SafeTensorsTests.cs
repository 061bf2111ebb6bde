using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NetGen.Serialization;
using Xunit;

namespace NetGen.Runtime.Tests.Serialization;

public sealed class SafeTensorsTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Saved_tensors_load_back_bit_exact_with_the_metadata()
    {
        var saved = new IrisNet(seed: 1);
        saved.Parameters[7] = -0f;
        string path = _directory.File("iris.safetensors");

        SafeTensors.Save(path, saved, new Dictionary<string, string> { ["epoch"] = "12" });
        var loaded = new IrisNet(seed: 2);
        IReadOnlyDictionary<string, string> metadata = SafeTensors.Load(path, loaded);

        Assert.Equal(saved.Parameters.ToArray().Select(BitConverter.SingleToInt32Bits), loaded.Parameters.ToArray().Select(BitConverter.SingleToInt32Bits));
        Assert.Equal("pt", metadata["format"]);
        Assert.Equal("12", metadata["epoch"]);
        Assert.Equal("4 → 16 (Tanh) → 3 (Softmax) with CrossEntropy loss", metadata[SafeTensors.TopologyKey]);
    }

    [Fact]
    public void The_file_of_a_tiny_network_is_byte_for_byte_as_documented()
    {
        var network = new TinyNet();
        network.Parameters[0] = 0.5f;
        network.Parameters[1] = -1.25f;
        network.Parameters[2] = 2f;

        byte[] file = SafeTensors.Serialize(network);

        const string Header =
            "{\"__metadata__\":{\"format\":\"pt\",\"netgen.topology\":\"2 \\u2192 1 (Identity) with MeanSquaredError loss\"},"
            + "\"layers.0.weight\":{\"dtype\":\"F32\",\"shape\":[1,2],\"data_offsets\":[0,8]},"
            + "\"layers.0.bias\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}    ";
        Assert.Equal(236 + 4, Header.Length);
        Assert.Equal(8 + 240 + 12, file.Length);
        Assert.Equal("F0 00 00 00 00 00 00 00", BitConverter.ToString(file, 0, 8).Replace('-', ' '));
        Assert.Equal(Header, Encoding.ASCII.GetString(file, 8, 240));
        Assert.Equal("00 00 00 3F 00 00 A0 BF 00 00 00 40", BitConverter.ToString(file, 248).Replace('-', ' '));
    }

    [Fact]
    public void Tensors_hold_the_nn_Linear_layout_at_8_byte_aligned_data()
    {
        var network = new LeakyNet(seed: 3);

        byte[] file = SafeTensors.Serialize(network);

        int headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(file);
        Assert.Equal(0, (8 + headerLength) % 8);
        Assert.Contains("\"layers.1.weight\":{\"dtype\":\"F32\",\"shape\":[4,5],\"data_offsets\":[80,160]}", Encoding.UTF8.GetString(file, 8, headerLength), StringComparison.Ordinal);
        float[] data = new float[LeakyNet.ParameterCount];
        Buffer.BlockCopy(file, 8 + headerLength, data, 0, 4 * data.Length);
        Assert.Equal(network.Parameters.ToArray(), data);
    }

    [Fact]
    public void A_file_written_as_PyTorch_does_loads_whatever_the_order_of_its_tensors()
    {
        // No NetGen metadata, keys and data in another order (biases first), as safetensors.torch.save_file may write them.
        float[] w = [1f, 2f], b = [-3f];
        byte[] file = Build(
            [("layers.0.bias", "F32", [1], 0, 4), ("layers.0.weight", "F32", [1, 2], 4, 12)],
            [.. b, .. w],
            metadata: "{\"format\":\"pt\"}");
        var network = new TinyNet();

        IReadOnlyDictionary<string, string> metadata = SafeTensors.Deserialize(file, network, "torch.safetensors");

        Assert.Equal([1f, 2f, -3f], network.Parameters.ToArray());
        Assert.Equal("pt", Assert.Single(metadata).Value);
    }

    [Fact]
    public void Missing_and_unexpected_tensor_names_are_listed()
    {
        // nn.Sequential names its modules by position: 0.weight, 0.bias.
        byte[] file = Build([("0.bias", "F32", [1], 0, 4), ("0.weight", "F32", [1, 2], 4, 12)], [0f, 0f, 0f]);

        ModelFileFormatException error = Assert.Throws<ModelFileFormatException>(() => SafeTensors.Deserialize(file, new TinyNet(), "seq.safetensors"));

        Assert.Equal(
            "'seq.safetensors' does not hold the tensors of a 1-layer network (layers.0.weight, layers.0.bias … layers.0.bias): it lacks layers.0.weight, layers.0.bias; it has unexpected tensors 0.bias, 0.weight.",
            error.Message);
        Assert.Equal(8, error.Offset);
    }

    [Fact]
    public void A_tensor_of_another_dtype_is_refused_with_a_hint()
    {
        byte[] file = Build([("layers.0.weight", "F16", [1, 2], 0, 4), ("layers.0.bias", "F32", [1], 4, 8)], [0f, 0f]);

        ModelFileFormatException error = Assert.Throws<ModelFileFormatException>(() => SafeTensors.Deserialize(file, new TinyNet(), "half.safetensors"));

        Assert.Equal("'half.safetensors': tensor layers.0.weight has dtype F16; NetGen reads F32 only (convert with .float() before saving).", error.Message);
    }

    [Fact]
    public void A_tensor_of_another_shape_names_the_shapes_of_both()
    {
        var narrow = new NarrowIrisNet(seed: 1);
        byte[] file = StripMetadata(SafeTensors.Serialize(new IrisNet(seed: 1)));
        float[] before = narrow.Parameters.ToArray();

        ModelTopologyMismatchException error = Assert.Throws<ModelTopologyMismatchException>(() => SafeTensors.Deserialize(file, narrow, "iris.safetensors"));

        Assert.Equal(
            "'iris.safetensors': tensor layers.0.weight has shape [16, 4], but layer 0 of the network needs [8, 4]: "
            + "the file holds layers.0.weight [16, 4], layers.0.bias [16], layers.1.weight [3, 16], layers.1.bias [3], "
            + "the network is layers.0.weight [8, 4], layers.0.bias [8], layers.1.weight [3, 8], layers.1.bias [3].",
            error.Message);
        Assert.Equal(before, narrow.Parameters.ToArray());
    }

    [Fact]
    public void A_recorded_topology_that_differs_names_both()
    {
        string path = _directory.File("leaky.safetensors");
        SafeTensors.Save(path, new LeakyNet());

        ModelTopologyMismatchException error = Assert.Throws<ModelTopologyMismatchException>(() => SafeTensors.Load(path, new OtherSlopeNet()));

        Assert.Contains(
            "the file holds 3 → 5 (LeakyReLU 0.2) → 4 (Sigmoid) → 2 (Identity) with MeanSquaredError loss, the network is 3 → 5 (LeakyReLU 0.1) → 4 (Sigmoid) → 2 (Identity) with MeanSquaredError loss",
            error.Message,
            StringComparison.Ordinal);
        Assert.Equal(path, error.FileName);
    }

    [Theory]
    [InlineData(0, 8, 4, 8, 4, "overlaps the tensor before it, which ends at data offset 8")]
    [InlineData(0, 8, 12, 16, 12, "leaves a gap after the tensor before it, which ends at data offset 8")]
    [InlineData(0, 12, 12, 16, 0, "tensor layers.0.weight's data_offsets [0, 12] span 12 bytes, but F32 [1, 2] needs 8")]
    public void Inconsistent_data_offsets_are_reported_at_their_byte_offset(int weightBegin, int weightEnd, int biasBegin, int biasEnd, int dataOffset, string problem)
    {
        int dataLength = Math.Max(weightEnd, biasEnd);
        byte[] file = Build([("layers.0.weight", "F32", [1, 2], weightBegin, weightEnd), ("layers.0.bias", "F32", [1], biasBegin, biasEnd)], new float[dataLength / 4]);
        long dataStart = 8 + (long)BinaryPrimitives.ReadUInt64LittleEndian(file);

        ModelFileException error = Assert.ThrowsAny<ModelFileException>(() => SafeTensors.Deserialize(file, new TinyNet(), "odd.safetensors"));

        Assert.IsType<ModelFileFormatException>(error);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(dataStart + dataOffset, error.Offset);
    }

    [Fact]
    public void Bytes_after_the_last_tensor_are_reported()
    {
        byte[] file = [.. SafeTensors.Serialize(new TinyNet()), 1, 2, 3, 4];

        ModelFileFormatException error = Assert.Throws<ModelFileFormatException>(() => SafeTensors.Deserialize(file, new TinyNet(), "long.safetensors"));

        Assert.Equal("'long.safetensors' has 4 bytes after its last tensor, from byte offset 260.", error.Message);
        Assert.Equal(260, error.Offset);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(100)]
    [InlineData(-1)]
    public void A_truncated_file_is_reported_with_the_offset_where_it_ends(int length)
    {
        byte[] whole = SafeTensors.Serialize(new IrisNet());
        length = length < 0 ? whole.Length + length : length;
        string path = _directory.File("cut.safetensors");
        File.WriteAllBytes(path, whole[..length]);
        var network = new IrisNet(seed: 5);
        float[] before = network.Parameters.ToArray();

        ModelFileTruncatedException error = Assert.Throws<ModelFileTruncatedException>(() => SafeTensors.Load(path, network));

        Assert.Equal(length, error.Offset);
        Assert.Contains($"'{path}' is truncated: it ends at byte offset {length}", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, network.Parameters.ToArray());
    }

    [Fact]
    public void Malformed_JSON_is_reported_with_its_position()
    {
        byte[] json = Encoding.UTF8.GetBytes("{\"layers.0.weight\":{\"dtype\":\"F32\",}");
        byte[] file = [.. BitConverter.GetBytes((ulong)json.Length), .. json];

        ModelFileFormatException error = Assert.Throws<ModelFileFormatException>(() => SafeTensors.Deserialize(file, new TinyNet(), "bad.safetensors"));

        Assert.StartsWith("'bad.safetensors' has a malformed JSON header (line 1, byte 34 of the line, from byte offset 8)", error.Message, StringComparison.Ordinal);
        Assert.Equal(8 + 34, error.Offset);
    }

    [Fact]
    public void A_model_file_is_not_taken_for_safetensors()
    {
        byte[] file = ModelFile.Serialize(new TinyNet());

        ModelFileFormatException error = Assert.Throws<ModelFileFormatException>(() => SafeTensors.Deserialize(file, new TinyNet(), "model.ngm"));

        Assert.StartsWith("'model.ngm' is not a safetensors file: the header length at byte offset 0 is ", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, error.Offset);
    }

    [Fact]
    public void A_tensor_entry_without_data_offsets_is_refused()
    {
        byte[] json = Encoding.UTF8.GetBytes("{\"layers.0.weight\":{\"dtype\":\"F32\",\"shape\":[1,2]}}");
        byte[] file = [.. BitConverter.GetBytes((ulong)json.Length), .. json];

        ModelFileFormatException error = Assert.Throws<ModelFileFormatException>(() => SafeTensors.Deserialize(file, new TinyNet(), "bad.safetensors"));

        Assert.Equal(
            "'bad.safetensors' has an invalid safetensors header (byte offset 8): tensor layers.0.weight needs a string \"dtype\", an array \"shape\" and a two-element array \"data_offsets\".",
            error.Message);
    }

    /// <summary>A safetensors file from hand-written header entries and float data.</summary>
    private static byte[] Build((string Name, string DType, int[] Shape, int Begin, int End)[] tensors, float[] data, string? metadata = null)
    {
        var header = new StringBuilder("{");
        if (metadata is not null)
        {
            header.Append("\"__metadata__\":").Append(metadata).Append(',');
        }

        header.AppendJoin(',', tensors.Select(t => $"\"{t.Name}\":{{\"dtype\":\"{t.DType}\",\"shape\":[{string.Join(',', t.Shape)}],\"data_offsets\":[{t.Begin},{t.End}]}}"));
        byte[] json = Encoding.UTF8.GetBytes(header.Append('}').ToString());
        byte[] bytes = new byte[8 + json.Length + (4 * data.Length)];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)json.Length);
        json.CopyTo(bytes, 8);
        Buffer.BlockCopy(data, 0, bytes, 8 + json.Length, 4 * data.Length);
        return bytes;
    }

    /// <summary>The same file without its __metadata__, as a PyTorch export without metadata would be.</summary>
    private static byte[] StripMetadata(byte[] file)
    {
        int length = (int)BinaryPrimitives.ReadUInt64LittleEndian(file);
        string header = Encoding.UTF8.GetString(file, 8, length);
        int start = header.IndexOf("\"__metadata__\"", StringComparison.Ordinal);
        int end = header.IndexOf('}', start) + 2;
        byte[] json = Encoding.UTF8.GetBytes(header.Remove(start, end - start));
        byte[] bytes = new byte[8 + json.Length + (file.Length - 8 - length)];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)json.Length);
        json.CopyTo(bytes, 8);
        file.AsSpan(8 + length).CopyTo(bytes.AsSpan(8 + json.Length));
        return bytes;
    }
}
