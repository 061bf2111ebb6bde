using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using NetGen.Data;
using NetGen.Serialization;
using Xunit;

namespace NetGen.Runtime.Tests.Serialization;

public sealed class ModelFileTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_saved_model_loads_back_with_bit_exact_parameters_and_scaler()
    {
        var saved = new IrisNet(seed: 1);
        saved.Parameters[0] = -0f;
        saved.Parameters[1] = float.Epsilon;
        saved.Parameters[2] = BitConverter.Int32BitsToSingle(0x7FC12345);
        saved.Parameters[3] = float.MaxValue;
        var scaler = new FeatureScaler(ScalingKind.Standard, [5.8433332f, 3.0573332f, 3.758f, 1.1993333f], [1.2114f, 2.3094f, 0.5677f, 1.3139f]);
        string path = _directory.File("iris.ngm");

        ModelFile.Save(path, saved, scaler);
        var loaded = new IrisNet(seed: 2);
        FeatureScaler? restored = ModelFile.Load(path, loaded);

        Assert.Equal(Bits(saved.Parameters), Bits(loaded.Parameters));
        Assert.NotNull(restored);
        Assert.Equal(ScalingKind.Standard, restored.Kind);
        Assert.Equal(Bits(scaler.Offset), Bits(restored.Offset));
        Assert.Equal(Bits(scaler.Scale), Bits(restored.Scale));
        Assert.Equal(["iris.ngm"], _directory.Names());
    }

    [Fact]
    public void A_model_without_scaler_loads_back_with_a_null_scaler_and_the_same_outputs()
    {
        var saved = new LeakyNet(seed: 3);
        using var stream = new MemoryStream();

        ModelFile.Save(stream, saved);
        stream.Position = 0;
        var loaded = new LeakyNet(seed: 4);
        FeatureScaler? scaler = ModelFile.Load(stream, loaded);

        Assert.Null(scaler);
        float[] input = [0.3f, -1.2f, 2f], expected = new float[2], actual = new float[2];
        saved.Forward(input, expected);
        loaded.Forward(input, actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Read_gives_the_topology_parameters_and_scaler_without_a_network()
    {
        var network = new LeakyNet(seed: 5);
        var scaler = new FeatureScaler(ScalingKind.MinMax, [0f, 1f, 2f], [1f, 0.5f, 0.25f]);

        SavedModel model = ModelFile.Deserialize(ModelFile.Serialize(network, scaler), "memory");

        Assert.Equal("3 → 5 (LeakyReLU 0.2) → 4 (Sigmoid) → 2 (Identity) with MeanSquaredError loss", model.Topology.ToString());
        Assert.Equal(NetworkTopology.Of(network), model.Topology);
        Assert.Equal(network.Parameters.ToArray(), model.Parameters.ToArray());
        Assert.Equal(ScalingKind.MinMax, model.Scaler!.Kind);
        Assert.Equal("memory", model.SourceName);
    }

    [Fact]
    public void The_file_of_a_tiny_network_is_byte_for_byte_as_documented()
    {
        var network = new TinyNet();
        network.Parameters[0] = 0.5f;
        network.Parameters[1] = -1.25f;
        network.Parameters[2] = 2f;

        byte[] file = ModelFile.Serialize(network);

        // Magic, version 1, flags 0, length 68, loss 0, input 2, 1 layer (1 output, Identity, slope 0),
        // 3 parameters (0.5, −1.25, 2), CRC-32 0x0A59902C (as computed by zlib.crc32 over bytes 0–63).
        Assert.Equal(
            "89 4E 47 4D 0D 0A 1A 0A 01 00 00 00 00 00 00 00 44 00 00 00 00 00 00 00 00 00 00 00 02 00 00 00 01 00 00 00 "
            + "01 00 00 00 00 00 00 00 00 00 00 00 03 00 00 00 00 00 00 3F 00 00 A0 BF 00 00 00 40 2C 90 59 0A",
            BitConverter.ToString(file).Replace('-', ' '));
        Assert.Equal(ReferenceCrc32.Of(file.AsSpan(0, 64)), BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(64)));
    }

    [Fact]
    public void The_scaler_follows_the_layers_as_documented()
    {
        var network = new TinyNet();
        var scaler = new FeatureScaler(ScalingKind.MinMax, [1f, -2f], [0.5f, 4f]);

        byte[] file = ModelFile.Serialize(network, scaler);

        Assert.Equal(68 + 8 + 16, file.Length);
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(12)));
        Assert.Equal((ulong)file.Length, BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(16)));
        Assert.Equal((uint)ScalingKind.MinMax, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(48)));
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(52)));
        Assert.Equal([1f, -2f, 0.5f, 4f], Enumerable.Range(0, 4).Select(i => BinaryPrimitives.ReadSingleLittleEndian(file.AsSpan(56 + (4 * i)))));
        Assert.Equal(3u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(72)));
    }

    [Fact]
    public void Loading_into_another_topology_names_both_and_leaves_the_network_unchanged()
    {
        string path = _directory.File("iris.ngm");
        ModelFile.Save(path, new IrisNet(seed: 1));
        var narrow = new NarrowIrisNet(seed: 7);
        float[] before = narrow.Parameters.ToArray();

        ModelTopologyMismatchException error = Assert.Throws<ModelTopologyMismatchException>(() => ModelFile.Load(path, narrow));

        Assert.Contains(
            "the file holds 4 → 16 (Tanh) → 3 (Softmax) with CrossEntropy loss, the network is 4 → 8 (Tanh) → 3 (Softmax) with CrossEntropy loss",
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.FileName);
        Assert.Equal(24, error.Offset);
        Assert.Equal("4 → 16 (Tanh) → 3 (Softmax) with CrossEntropy loss", error.FileTopology);
        Assert.Equal(before, narrow.Parameters.ToArray());
    }

    [Fact]
    public void A_different_leaky_slope_is_another_topology()
    {
        byte[] file = ModelFile.Serialize(new LeakyNet());

        ModelTopologyMismatchException error = Assert.Throws<ModelTopologyMismatchException>(() => ModelFile.Deserialize(file, "leaky.ngm").CopyTo(new OtherSlopeNet()));

        Assert.Contains("the file holds 3 → 5 (LeakyReLU 0.2) → 4 (Sigmoid) → 2 (Identity)", error.Message, StringComparison.Ordinal);
        Assert.Contains("the network is 3 → 5 (LeakyReLU 0.1) → 4 (Sigmoid) → 2 (Identity)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(11)]
    [InlineData(20)]
    [InlineData(100)]
    [InlineData(-1)]
    public void A_truncated_file_is_reported_with_the_offset_where_it_ends(int length)
    {
        byte[] file = ModelFile.Serialize(new IrisNet(seed: 1));
        length = length < 0 ? file.Length + length : length;
        string path = _directory.File("cut.ngm");
        File.WriteAllBytes(path, file[..length]);

        ModelFileTruncatedException error = Assert.Throws<ModelFileTruncatedException>(() => ModelFile.Load(path, new IrisNet()));

        Assert.Equal(length, error.Offset);
        Assert.Equal(path, error.FileName);
        Assert.Contains($"'{path}' is truncated: it ends at byte offset {length}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(28)]
    [InlineData(36)]
    [InlineData(200)]
    [InlineData(-5)]
    [InlineData(-1)]
    public void A_changed_byte_fails_the_checksum_and_leaves_the_network_unchanged(int position)
    {
        byte[] file = ModelFile.Serialize(new IrisNet(seed: 1));
        position = position < 0 ? file.Length + position : position;
        file[position] ^= 0x10;
        string path = _directory.File("flipped.ngm");
        File.WriteAllBytes(path, file);
        var network = new IrisNet(seed: 3);
        float[] before = network.Parameters.ToArray();

        ModelFileChecksumException error = Assert.Throws<ModelFileChecksumException>(() => ModelFile.Load(path, network));

        Assert.Equal(file.Length - 4, error.Offset);
        Assert.Equal(BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(file.Length - 4)), error.Stored);
        Assert.Equal(ReferenceCrc32.Of(file.AsSpan(0, file.Length - 4)), error.Computed);
        Assert.Contains($"'{path}' is damaged: the CRC-32 stored at byte offset {file.Length - 4}", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, network.Parameters.ToArray());
    }

    [Fact]
    public void A_file_of_another_kind_is_reported_as_not_a_model_file()
    {
        string path = _directory.File("weights.safetensors");
        SafeTensors.Save(path, new IrisNet());

        ModelFileMagicException error = Assert.Throws<ModelFileMagicException>(() => ModelFile.Load(path, new IrisNet()));

        Assert.Equal(0, error.Offset);
        Assert.Contains($"'{path}' is not a NetGen model file: byte offset 0 holds 0x", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_magic_number_damaged_by_a_text_mode_transfer_is_reported_at_the_first_differing_byte()
    {
        byte[] file = ModelFile.Serialize(new TinyNet());
        byte[] mangled = [.. file[..4], 0x0A, .. file[6..]];

        ModelFileMagicException error = Assert.Throws<ModelFileMagicException>(() => ModelFile.Deserialize(mangled, "mangled.ngm"));

        Assert.Equal(4, error.Offset);
        Assert.Contains("byte offset 4 holds 0x0A where the magic number 89 4E 47 4D 0D 0A 1A 0A has 0x0D", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2u)]
    [InlineData(0u)]
    public void A_file_of_an_unsupported_version_names_the_version_and_its_offset(uint version)
    {
        byte[] file = ModelFile.Serialize(new IrisNet());
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(8), version);
        ReferenceCrc32.Reseal(file);
        string path = _directory.File("future.ngm");
        File.WriteAllBytes(path, file);

        ModelFileVersionException error = Assert.Throws<ModelFileVersionException>(() => ModelFile.Load(path, new IrisNet()));

        Assert.Equal(8, error.Offset);
        Assert.Equal(version, error.Version);
        Assert.Contains($"'{path}' is a model file of format version {version} (the field at byte offset 8); this library reads version 1 only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_after_the_declared_end_are_reported_at_that_offset()
    {
        byte[] file = [.. ModelFile.Serialize(new TinyNet()), 0, 0];

        ModelFileFormatException error = Assert.Throws<ModelFileFormatException>(() => ModelFile.Deserialize(file, "long.ngm"));

        Assert.Equal(68, error.Offset);
        Assert.Contains("there are 2 unexpected bytes from byte offset 68 on", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(12, 2u, "the flags 0x00000002 set reserved bits")]
    [InlineData(24, 7u, "the loss 7 is unknown")]
    [InlineData(28, 0u, "the input size 0 is out of range")]
    [InlineData(40, 9u, "layer 1's activation 9 is unknown")]
    [InlineData(48, 4u, "the parameter count 4 does not fit the topology 2 → 1 (Identity) with MeanSquaredError loss, which has 3")]
    public void An_intact_file_with_an_invalid_field_names_the_field_and_its_offset(int offset, uint value, string problem)
    {
        byte[] file = ModelFile.Serialize(new TinyNet());
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(offset), value);
        ReferenceCrc32.Reseal(file);

        ModelFileFormatException error = Assert.Throws<ModelFileFormatException>(() => ModelFile.Deserialize(file, "odd.ngm"));

        Assert.Equal(offset, error.Offset);
        Assert.Equal($"'odd.ngm' is not a valid model file: at byte offset {offset}, {problem}.", error.Message);
    }

    [Fact]
    public void A_layer_count_that_runs_past_the_checksum_is_reported_as_invalid_not_truncated()
    {
        // Three layers declared need 36 bytes of layer records, but only 28 lie between the layer count and the
        // checksum: the count itself is reported, before the parameters are misread as layers 2 and 3.
        var network = new TinyNet();
        network.Parameters[0] = BitConverter.Int32BitsToSingle(1);
        network.Parameters[1] = 0f;
        network.Parameters[2] = BitConverter.Int32BitsToSingle(1);
        byte[] file = ModelFile.Serialize(network);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(32), 3);
        ReferenceCrc32.Reseal(file);

        ModelFileFormatException error = Assert.Throws<ModelFileFormatException>(() => ModelFile.Deserialize(file, "odd.ngm"));

        Assert.Equal(32, error.Offset);
        Assert.Equal("'odd.ngm' is not a valid model file: at byte offset 32, the layer count 3 needs 36 bytes of layer records, but 28 bytes remain before the checksum.", error.Message);
    }

    [Fact]
    public void A_scaler_of_another_width_is_refused_when_saving()
    {
        var scaler = new FeatureScaler(ScalingKind.Standard, [0f, 0f, 0f], [1f, 1f, 1f]);

        ArgumentException error = Assert.Throws<ArgumentException>(() => ModelFile.Save(_directory.File("x.ngm"), new IrisNet(), scaler));

        Assert.Contains("The scaler scales 3 features, but the network takes 4 inputs.", error.Message, StringComparison.Ordinal);
        Assert.Empty(_directory.Names());
    }

    private static int[] Bits(ReadOnlySpan<float> values) => values.ToArray().Select(BitConverter.SingleToInt32Bits).ToArray();
}
