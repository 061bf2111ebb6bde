using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text;
using NetGen.Data;
using NetGen.Runtime.Tests.Data;
using NetGen.Runtime.Tests.Serialization;
using NetGen.Serialization;
using Xunit;

namespace NetGen.Runtime.Tests.Robustness;

/// <summary>
/// One test per defect that hostile files found in the readers: each reproduces the file that broke a reader and
/// asserts the documented exception (and, for sizes read from headers, that nothing large was allocated).
/// </summary>
public sealed class HostileFileTests : IDisposable
{
    /// <summary>Far below what the hostile headers claim (256 MB and more), far above what reading a short file needs.</summary>
    private const long SmallAllocation = 1 << 20;

    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("labels.idx1")]
    [InlineData("labels.idx1.gz")]
    public void An_idx_label_header_claiming_2_pow_28_labels_fails_without_allocating_them(string name)
    {
        string path = _files.WriteBytes(name, Header(IdxLoader.LabelsMagic, 1 << 28));

        (DataFormatException error, long allocated) = FailsMeasured(() => IdxLoader.ReadLabels(path));

        Assert.Equal(path, error.FilePath);
        Assert.Equal(8, error.ByteOffset);
        Assert.EndsWith("the labels end at byte offset 8, but the header announces 268435456, up to byte offset 268435464", error.Message);
        Assert.InRange(allocated, 0, SmallAllocation);
    }

    [Theory]
    [InlineData("images.idx3")]
    [InlineData("images.idx3.gz")]
    public void An_idx_image_header_claiming_2_pow_26_images_fails_without_allocating_them(string name)
    {
        string path = _files.WriteBytes(name, Header(IdxLoader.ImagesMagic, 1 << 26, 5, 3));

        (DataFormatException error, long allocated) = FailsMeasured(() => IdxLoader.ReadImages(path));

        Assert.Equal(16, error.ByteOffset);
        Assert.EndsWith("the pixel data ends at byte offset 16, but 67108864 images of 5 × 3 pixels need 1006632960 bytes, up to byte offset 1006632976", error.Message);
        Assert.InRange(allocated, 0, SmallAllocation);
    }

    [Fact]
    public void An_idx_image_header_whose_gzip_data_is_shorter_than_claimed_allocates_about_what_arrives()
    {
        // 1,000 images of 10 × 10 arrive, 2²⁴ are announced: the buffer grows with the data, never to the claim.
        byte[] pixels = new byte[100_000];
        byte[] file = [.. Header(IdxLoader.ImagesMagic, 1 << 24, 10, 10), .. pixels];
        string path = _files.WriteBytes("short.idx3.gz", file);

        (DataFormatException error, long allocated) = FailsMeasured(() => IdxLoader.ReadImages(path));

        Assert.Equal(100_016, error.ByteOffset);
        Assert.InRange(allocated, 0, (8 * pixels.Length) + SmallAllocation);
    }

    [Theory]
    [InlineData(int.MaxValue, int.MaxValue, int.MaxValue, 8, "images of 2147483647 × 2147483647 pixels have 4611686014132420609 pixels each, more than an array holds")]
    [InlineData(1 << 21, 1 << 21, 1 << 22, 8, "images of 2097152 × 4194304 pixels have 8796093022208 pixels each, more than an array holds")]
    [InlineData(0, int.MaxValue, 2, 8, "images of 2147483647 × 2 pixels have 4294967294 pixels each, more than an array holds")]
    [InlineData(1 << 20, 1 << 10, 1 << 10, 4, "1048576 images of 1024 × 1024 pixels make 1099511627776 values, more than an array holds")]
    public void Idx_image_sizes_that_overflow_or_exceed_an_array_are_format_errors(int count, int rows, int columns, long offset, string problem)
    {
        // Before, count × rows × columns overflowed (OverflowException), or wrapped to 0 (2²¹ × 2²¹ × 2²²) and loaded
        // 2,097,152 empty images, and rows × columns wrapped to −2 in PixelsPerImage.
        string path = _files.WriteBytes("huge.idx3", Header(IdxLoader.ImagesMagic, count, rows, columns));

        DataFormatException error = Assert.Throws<DataFormatException>(() => IdxLoader.ReadImages(path));

        Assert.Equal(offset, error.ByteOffset);
        Assert.EndsWith(problem, error.Message);
    }

    [Theory]
    [InlineData(100_000_000)]
    [InlineData(0x7FFFFFFF)]
    public void A_model_file_whose_layer_count_exceeds_its_length_fails_before_allocating_layers(int layerCount)
    {
        byte[] file = DocumentedExample();
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(32), (uint)layerCount);
        ReferenceCrc32.Reseal(file);
        string path = _files.WriteBytes("layers.ngm", file);

        long before = GC.GetAllocatedBytesForCurrentThread();
        ModelFileFormatException error = Assert.Throws<ModelFileFormatException>(() => ModelFile.Read(path));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(32, error.Offset);
        Assert.Contains(
            string.Create(CultureInfo.InvariantCulture, $"at byte offset 32, the layer count {layerCount} needs {12L * layerCount} bytes of layer records, but 28 bytes remain before the checksum"),
            error.Message);
        Assert.InRange(allocated, 0, SmallAllocation);
    }

    [Fact]
    public void A_model_file_whose_layer_sizes_need_more_parameters_than_it_holds_fails_at_that_layer()
    {
        byte[] file = DocumentedExample();
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(36), int.MaxValue);
        ReferenceCrc32.Reseal(file);

        ModelFileFormatException error = Assert.Throws<ModelFileFormatException>(() => ModelFile.Deserialize(file, "big.ngm"));

        Assert.Equal(36, error.Offset);
        Assert.Contains("layer 1's size 2147483647 brings the parameters to at least 6442450941", error.Message);
    }

    [Theory]
    [InlineData("""{"__metadata__":{"format":"pt\ud800"},""")]
    [InlineData("""{"__metadata__":{"\udc00":"pt"},""")]
    [InlineData("""{"__metadata__":{"format":"pt"},"\ud800x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},""")]
    [InlineData("""{"layers.0.extra":{"\ud800":0,"dtype":"F32","shape":[1],"data_offsets":[0,4]},""")]
    public void Safetensors_strings_with_unpaired_surrogate_escapes_are_format_errors(string start)
    {
        byte[] file = SafeTensorsFile(start + TinyTensors + "}");

        ModelFileFormatException error = Assert.Throws<ModelFileFormatException>(() => SafeTensors.Deserialize(file, new TinyNet(), "escape.safetensors"));

        Assert.Equal(8, error.Offset);
        Assert.Contains("'escape.safetensors' has an invalid safetensors header (byte offset 8): a ", error.Message);
        Assert.Contains("is not valid Unicode (an escape spells an unpaired surrogate)", error.Message);
    }

    [Theory]
    [InlineData("dtype")]
    [InlineData("name")]
    public void Safetensors_headers_with_invalid_utf8_are_format_errors_at_the_byte(string where)
    {
        string json = "{" + TinyTensors + "}";
        byte[] header = Encoding.UTF8.GetBytes(json);
        int at = where == "dtype" ? json.IndexOf("F32", StringComparison.Ordinal) + 1 : json.IndexOf("layers.0.bias", StringComparison.Ordinal) + 3;
        header[at] = 0xFF;
        byte[] file = SafeTensorsFile(header);

        ModelFileFormatException error = Assert.Throws<ModelFileFormatException>(() => SafeTensors.Deserialize(file, new TinyNet(), "bytes.safetensors"));

        Assert.Equal(8 + at, error.Offset);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"'bytes.safetensors' has an invalid safetensors header: byte offset {8 + at} (0xFF) is not valid UTF-8."), error.Message);
    }

    [Fact]
    public void Safetensors_data_offsets_near_long_max_value_are_reported_with_exact_byte_offsets()
    {
        const long begin = long.MaxValue - 4;
        string json = "{" + TinyTensors.Replace("[8,12]", $"[{begin},{long.MaxValue}]", StringComparison.Ordinal) + "}";
        byte[] file = SafeTensorsFile(json);
        long dataStart = 8 + BinaryPrimitives.ReadInt64LittleEndian(file);

        ModelFileFormatException error = Assert.Throws<ModelFileFormatException>(() => SafeTensors.Deserialize(file, new TinyNet(), "far.safetensors"));

        // Before, dataStart + begin overflowed into a negative byte offset, in the message and in Offset.
        BigInteger byteOffset = new BigInteger(dataStart) + begin;
        Assert.Contains($"tensor layers.0.bias starts at data offset {begin} (byte offset {byteOffset}) and leaves a gap after the tensor before it, which ends at data offset 8", error.Message);
        Assert.Equal(file.Length, error.Offset);
    }

    [Fact]
    public void Safetensors_data_offsets_running_to_long_max_value_are_reported_with_their_span()
    {
        string json = "{" + TinyTensors.Replace("[8,12]", $"[8,{long.MaxValue}]", StringComparison.Ordinal) + "}";
        byte[] file = SafeTensorsFile(json);
        long dataStart = 8 + BinaryPrimitives.ReadInt64LittleEndian(file);

        ModelFileFormatException error = Assert.Throws<ModelFileFormatException>(() => SafeTensors.Deserialize(file, new TinyNet(), "far.safetensors"));

        Assert.Contains($"tensor layers.0.bias's data_offsets [8, {long.MaxValue}] span {long.MaxValue - 8} bytes, but F32 [1] needs 4.", error.Message);
        Assert.Equal(dataStart + 8, error.Offset);
    }

    [Theory]
    [InlineData("""{"__metadata__":{},"__metadata__":{"format":"pt"},""", "'__metadata__' appears twice")]
    [InlineData("""{"__metadata__":{"format":"pt"},"__metadata__":{},""", "'__metadata__' appears twice")]
    [InlineData("""{"__metadata__":{"format":"pt","format":"np"},""", "the metadata key 'format' appears twice")]
    [InlineData("""{"layers.0.bias":{"dtype":"F32","shape":[1],"data_offsets":[8,12]},""", "'layers.0.bias' appears twice")]
    public void Safetensors_headers_naming_a_key_twice_are_format_errors(string start, string problem)
    {
        byte[] file = SafeTensorsFile(start + TinyTensors + "}");

        ModelFileFormatException error = Assert.Throws<ModelFileFormatException>(() => SafeTensors.Deserialize(file, new TinyNet(), "twice.safetensors"));

        Assert.Equal($"'twice.safetensors' has an invalid safetensors header (byte offset 8): {problem}.", error.Message);
    }

    [Theory]
    [InlineData('\t', "\"1.5\"\t2\n\"3\" \t 4\n", new[] { 1.5f, 3f }, new[] { 2f, 4f })]
    [InlineData(' ', "\"1.5\" 2\n\"3\" 4\n", new[] { 1.5f, 3f }, new[] { 2f, 4f })]
    [InlineData('\t', "\"1.5\"\t\"2\"\n \"3\"\t4\n", new[] { 1.5f, 3f }, new[] { 2f, 4f })]
    public void Quoted_fields_before_a_whitespace_delimiter_parse(char delimiter, string text, float[] features, float[] targets)
    {
        CsvData data = CsvLoader.Load(new StringReader(text), new CsvOptions { Delimiter = delimiter, TargetColumns = [1] });

        Assert.Equal(features, data.Dataset.Features.ToArray());
        Assert.Equal(targets, data.Dataset.Targets.ToArray());
    }

    [Fact]
    public void A_tab_delimiter_after_a_quoted_field_is_never_skipped_as_a_blank()
    {
        // The second field is empty: skipping the tab as a blank would shift "2" into it.
        var options = new CsvOptions { Delimiter = '\t', TargetColumns = [2], FeatureColumns = [0] };

        CsvData data = CsvLoader.Load(new StringReader("\"1\"\t\t2\n"), options);
        DataFormatException error = Assert.Throws<DataFormatException>(
            () => CsvLoader.Load(new StringReader("\"1\"\t\t2\n"), options with { FeatureColumns = [1] }));

        Assert.Equal([1f], data.Dataset.Features.ToArray());
        Assert.Equal([2f], data.Dataset.Targets.ToArray());
        Assert.Equal(2, error.Column);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(-4)]
    [InlineData(-8)]
    [InlineData(-1)]
    public void A_truncated_gzip_csv_file_is_an_error_naming_the_file(double cut)
    {
        string text = "a,b\n" + string.Concat(Enumerable.Range(0, 2000).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i},{i * 0.25}\n")));
        string path = WriteCut("rows.csv.gz", Encoding.UTF8.GetBytes(text), cut);

        DataFormatException error = Assert.Throws<DataFormatException>(() => CsvLoader.Load(path, new CsvOptions { HasHeader = true, TargetColumns = ["b"] }));

        Assert.Equal(path, error.FilePath);
        Assert.NotNull(error.Line);
        Assert.Contains("the gzip data is", error.Message);
        Assert.Contains("cut short", error.Message);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(-4)]
    [InlineData(-8)]
    [InlineData(-1)]
    public void A_truncated_gzip_idx_file_is_an_error_naming_the_file(double cut)
    {
        byte[] labels = [.. Header(IdxLoader.LabelsMagic, 3000), .. Enumerable.Range(0, 3000).Select(i => (byte)(i * 7 % 10))];
        byte[] images = [.. Header(IdxLoader.ImagesMagic, 30, 10, 10), .. Enumerable.Range(0, 3000).Select(i => (byte)(i * 13))];
        string labelsPath = WriteCut("labels.idx1.gz", labels, cut);
        string imagesPath = WriteCut("images.idx3.gz", images, cut);

        DataFormatException labelsError = Assert.Throws<DataFormatException>(() => IdxLoader.ReadLabels(labelsPath));
        DataFormatException imagesError = Assert.Throws<DataFormatException>(() => IdxLoader.ReadImages(imagesPath));

        Assert.Equal(labelsPath, labelsError.FilePath);
        Assert.Equal(imagesPath, imagesError.FilePath);
        Assert.NotNull(labelsError.ByteOffset);
        Assert.Contains("cut short", labelsError.Message);
        Assert.Contains("cut short", imagesError.Message);
    }

    [Fact]
    public void Concatenated_gzip_members_still_load_as_one_file()
    {
        byte[] first = TestFiles.Gzip(Encoding.UTF8.GetBytes("1,2\n3,4\n"));
        byte[] second = TestFiles.Gzip(Encoding.UTF8.GetBytes("5,6\n"));
        string path = _files.WriteBytes("members.csv", [.. first, .. second]);

        CsvData data = CsvLoader.Load(path, new CsvOptions { TargetColumns = [1] });

        Assert.Equal([1f, 3f, 5f], data.Dataset.Features.ToArray());
    }

    private static (DataFormatException Error, long Allocated) FailsMeasured(Action load)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        DataFormatException error = Assert.Throws<DataFormatException>(load);
        return (error, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>Writes the gzip-compressed <paramref name="content"/> cut at a fraction of its length (0 to 1) or, when negative, that many bytes before its end.</summary>
    private string WriteCut(string name, byte[] content, double cut)
    {
        byte[] compressed = TestFiles.Gzip(content);
        int length = cut >= 0 ? (int)(compressed.Length * cut) : compressed.Length + (int)cut;
        return _files.WriteBytes(name.Replace(".gz", ".cut", StringComparison.Ordinal), compressed[..length]);
    }

    private static byte[] Header(int magic, params int[] dimensions)
    {
        byte[] bytes = new byte[4 + (4 * dimensions.Length)];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (int d = 0; d < dimensions.Length; d++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + (4 * d)), dimensions[d]);
        }

        return bytes;
    }

    /// <summary>The 68-byte example of docs/model-format.md: 2 → 1 (Identity), MSE, W₁ = [0.5, −1.25], b₁ = [2].</summary>
    private static byte[] DocumentedExample() => Convert.FromHexString(
        "894E474D0D0A1A0A" + "01000000" + "00000000" + "4400000000000000" + "00000000" + "02000000" + "01000000"
        + "0100000000000000" + "00000000" + "03000000" + "0000003F0000A0BF" + "00000040" + "2C90590A");

    private const string TinyTensors =
        "\"layers.0.weight\":{\"dtype\":\"F32\",\"shape\":[1,2],\"data_offsets\":[0,8]},\"layers.0.bias\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}";

    private static byte[] SafeTensorsFile(string json) => SafeTensorsFile(Encoding.UTF8.GetBytes(json));

    private static byte[] SafeTensorsFile(byte[] header)
    {
        byte[] file = new byte[8 + header.Length + 12];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)header.Length);
        header.CopyTo(file, 8);
        return file;
    }
}
