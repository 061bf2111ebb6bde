using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using NetGen.Data;
using Xunit;

namespace NetGen.Runtime.Tests.Data;

public sealed class IdxLoaderTests : IDisposable
{
    // Three images of 2 × 3 pixels.
    private static readonly byte[] Pixels =
    [
        0, 51, 102, 153, 204, 255,
        255, 0, 0, 0, 0, 255,
        1, 2, 3, 4, 5, 6,
    ];

    private static readonly byte[] Labels = [2, 0, 9];

    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("images.idx3", "labels.idx1")]
    [InlineData("images.idx3.gz", "labels.idx1.gz")]
    public void Images_and_labels_become_unit_pixels_and_one_hot_targets(string imagesName, string labelsName)
    {
        string images = _files.WriteBytes(imagesName, Idx(IdxLoader.ImagesMagic, [3, 2, 3], Pixels));
        string labels = _files.WriteBytes(labelsName, Idx(IdxLoader.LabelsMagic, [3], Labels));

        Dataset data = IdxLoader.Load(images, labels, classCount: 10);

        Assert.Equal(3, data.Count);
        Assert.Equal(6, data.InputSize);
        Assert.Equal(10, data.OutputSize);
        Assert.Equal([0f, 0.2f, 0.4f, 0.6f, 0.8f, 1f], data.FeaturesOf(0).ToArray());
        Assert.Equal([1f, 0f, 0f, 0f, 0f, 1f], data.FeaturesOf(1).ToArray());
        Assert.Equal(2 / 255f, data.FeaturesOf(2)[1]);
        Assert.Equal([0f, 0f, 1f, 0f, 0f, 0f, 0f, 0f, 0f, 0f], data.TargetsOf(0).ToArray());
        Assert.Equal([1f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f], data.TargetsOf(1).ToArray());
        Assert.Equal([0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 1f], data.TargetsOf(2).ToArray());
    }

    [Fact]
    public void Image_files_report_their_dimensions()
    {
        string path = _files.WriteBytes("images.gz", Idx(IdxLoader.ImagesMagic, [3, 2, 3], Pixels));

        IdxImages images = IdxLoader.ReadImages(path);

        Assert.Equal(3, images.Count);
        Assert.Equal(2, images.Rows);
        Assert.Equal(3, images.Columns);
        Assert.Equal(6, images.PixelsPerImage);
        Assert.Equal(18, images.Pixels.Length);
        Assert.Equal([1 / 255f, 2 / 255f, 3 / 255f, 4 / 255f, 5 / 255f, 6 / 255f], images.Image(2).ToArray());
        Assert.Equal(Labels, IdxLoader.ReadLabels(_files.WriteBytes("labels", Idx(IdxLoader.LabelsMagic, [3], Labels))));
    }

    [Fact]
    public void Images_larger_than_one_read_chunk_are_read_whole()
    {
        byte[] pixels = Enumerable.Range(0, 100 * 28 * 28).Select(i => (byte)(i * 7)).ToArray();
        string path = _files.WriteBytes("many.gz", Idx(IdxLoader.ImagesMagic, [100, 28, 28], pixels));

        IdxImages images = IdxLoader.ReadImages(path);

        Assert.Equal(100, images.Count);
        Assert.Equal(pixels[^1] / 255f, images.Image(99)[783]);
        Assert.Equal(pixels[65_536] / 255f, images.Pixels[65_536]);
    }

    [Fact]
    public void A_stream_can_be_read_under_a_given_name()
    {
        using var stream = new MemoryStream(Idx(IdxLoader.LabelsMagic, [2], [1, 2]).AsSpan(0, 9).ToArray());

        DataFormatException error = Assert.Throws<DataFormatException>(() => IdxLoader.ReadLabels(stream, "labels in memory"));

        AssertPlace(error, "labels in memory", 9);
    }

    [Fact]
    public void A_label_file_read_as_images_has_the_wrong_magic_number_at_offset_0()
    {
        string path = _files.WriteBytes("labels", Idx(IdxLoader.LabelsMagic, [3], Labels));

        DataFormatException error = Assert.Throws<DataFormatException>(() => IdxLoader.ReadImages(path));

        AssertPlace(error, path, 0);
        Assert.EndsWith("the magic number is 0x00000801 (that of an IDX label file), but an IDX image file has 0x00000803", error.Message);
    }

    [Fact]
    public void Any_other_magic_number_is_an_error_at_offset_0()
    {
        string path = _files.WriteBytes("text.gz", "hello, world"u8.ToArray());

        DataFormatException error = Assert.Throws<DataFormatException>(() => IdxLoader.ReadLabels(path));

        AssertPlace(error, path, 0);
        Assert.EndsWith("the magic number is 0x68656C6C, but an IDX label file has 0x00000801", error.Message);
    }

    [Fact]
    public void An_empty_file_is_an_error_at_offset_0()
    {
        string path = _files.WriteBytes("empty", []);

        DataFormatException error = Assert.Throws<DataFormatException>(() => IdxLoader.ReadImages(path));

        AssertPlace(error, path, 0);
        Assert.EndsWith("the file is empty, where an IDX image file starts with the magic number 0x00000803", error.Message);
    }

    [Fact]
    public void A_file_cut_inside_the_magic_number_is_an_error_where_it_ends()
    {
        string path = _files.WriteBytes("stub", [0, 0, 8]);

        DataFormatException error = Assert.Throws<DataFormatException>(() => IdxLoader.ReadImages(path));

        AssertPlace(error, path, 3);
        Assert.EndsWith("the file ends at byte offset 3, inside the magic number", error.Message);
    }

    [Theory]
    [InlineData("cut-header")]
    [InlineData("cut-header.gz")]
    public void A_truncated_header_is_an_error_where_it_ends(string name)
    {
        string path = _files.WriteBytes(name, Idx(IdxLoader.ImagesMagic, [3, 2, 3], Pixels).AsSpan(0, 10).ToArray());

        DataFormatException error = Assert.Throws<DataFormatException>(() => IdxLoader.ReadImages(path));

        AssertPlace(error, path, 10);
        Assert.EndsWith(
            "the header ends at byte offset 10, but the header of an IDX image file is 16 bytes: the magic number and 3 big-endian 32-bit sizes (count, rows, columns)",
            error.Message);
    }

    [Theory]
    [InlineData("cut-pixels")]
    [InlineData("cut-pixels.gz")]
    public void Truncated_pixels_are_an_error_where_they_end(string name)
    {
        string path = _files.WriteBytes(name, Idx(IdxLoader.ImagesMagic, [3, 2, 3], Pixels).AsSpan(0, 16 + 10).ToArray());

        DataFormatException error = Assert.Throws<DataFormatException>(() => IdxLoader.ReadImages(path));

        AssertPlace(error, path, 26);
        Assert.EndsWith("the pixel data ends at byte offset 26, but 3 images of 2 × 3 pixels need 18 bytes, up to byte offset 34", error.Message);
    }

    [Fact]
    public void Truncated_labels_are_an_error_where_they_end()
    {
        string path = _files.WriteBytes("cut-labels.gz", Idx(IdxLoader.LabelsMagic, [3], Labels).AsSpan(0, 9).ToArray());

        DataFormatException error = Assert.Throws<DataFormatException>(() => IdxLoader.ReadLabels(path));

        AssertPlace(error, path, 9);
        Assert.EndsWith("the labels end at byte offset 9, but the header announces 3, up to byte offset 11", error.Message);
    }

    [Fact]
    public void Bytes_past_the_announced_data_are_an_error_where_they_start()
    {
        string path = _files.WriteBytes("long", [.. Idx(IdxLoader.ImagesMagic, [3, 2, 3], Pixels), 7]);

        DataFormatException error = Assert.Throws<DataFormatException>(() => IdxLoader.ReadImages(path));

        AssertPlace(error, path, 34);
        Assert.EndsWith("the file goes on past the 3 images its header announces, which end at byte offset 34", error.Message);
    }

    [Fact]
    public void Images_without_pixels_are_an_error_at_the_zero_size()
    {
        string path = _files.WriteBytes("flat", Idx(IdxLoader.ImagesMagic, [3, 2, 0], []));

        DataFormatException error = Assert.Throws<DataFormatException>(() => IdxLoader.ReadImages(path));

        AssertPlace(error, path, 12);
        Assert.EndsWith("the images have 2 × 0 pixels; both dimensions must be positive", error.Message);
    }

    [Fact]
    public void A_size_beyond_int_max_is_an_error_at_its_field()
    {
        byte[] bytes = Idx(IdxLoader.LabelsMagic, [1], [0]);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), 3_000_000_000);
        string path = _files.WriteBytes("huge", bytes);

        DataFormatException error = Assert.Throws<DataFormatException>(() => IdxLoader.ReadLabels(path));

        AssertPlace(error, path, 4);
        Assert.EndsWith("size 3000000000 is beyond the largest supported, 2147483647", error.Message);
    }

    [Fact]
    public void Different_sample_counts_are_an_error_at_the_label_count()
    {
        string images = _files.WriteBytes("images", Idx(IdxLoader.ImagesMagic, [3, 2, 3], Pixels));
        string labels = _files.WriteBytes("labels.gz", Idx(IdxLoader.LabelsMagic, [2], [0, 1]));

        DataFormatException error = Assert.Throws<DataFormatException>(() => IdxLoader.Load(images, labels, 10));

        AssertPlace(error, labels, 4);
        Assert.EndsWith($"the file holds 2 labels, but the image file {images} holds 3 images", error.Message);
    }

    [Fact]
    public void A_label_not_below_the_class_count_is_an_error_at_its_byte()
    {
        string images = _files.WriteBytes("images", Idx(IdxLoader.ImagesMagic, [3, 2, 3], Pixels));
        string labels = _files.WriteBytes("labels", Idx(IdxLoader.LabelsMagic, [3], Labels));

        DataFormatException error = Assert.Throws<DataFormatException>(() => IdxLoader.Load(images, labels, classCount: 9));

        AssertPlace(error, labels, 10);
        Assert.EndsWith("label 9 of sample 2 is not below the class count 9", error.Message);
    }

    [Fact]
    public void Corrupt_gzip_data_is_a_format_error_with_the_cause()
    {
        string path = _files.WriteBytes("corrupt", [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF]);

        DataFormatException error = Assert.Throws<DataFormatException>(() => IdxLoader.ReadLabels(path));

        AssertPlace(error, path, 0);
        Assert.IsType<InvalidDataException>(error.InnerException);
    }

    private static byte[] Idx(int magic, int[] dimensions, byte[] data)
    {
        byte[] bytes = new byte[4 + (4 * dimensions.Length) + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (int d = 0; d < dimensions.Length; d++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + (4 * d)), dimensions[d]);
        }

        data.CopyTo(bytes, 4 + (4 * dimensions.Length));
        return bytes;
    }

    private static void AssertPlace(DataFormatException error, string path, long offset)
    {
        Assert.Equal(path, error.FilePath);
        Assert.Equal(offset, error.ByteOffset);
        Assert.Null(error.Line);
        Assert.Null(error.Column);
        Assert.StartsWith($"{path}, byte offset {offset}: ", error.Message);
    }
}
