using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;

namespace NetGen.Data;

/// <summary>Grey images read from an IDX file: <see cref="Count"/> images of <see cref="Rows"/> × <see cref="Columns"/> pixels scaled to [0, 1].</summary>
public sealed class IdxImages
{
    private readonly float[] _pixels;

    internal IdxImages(float[] pixels, int count, int rows, int columns)
    {
        _pixels = pixels;
        Count = count;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>The number of images.</summary>
    public int Count { get; }

    /// <summary>The pixel rows per image.</summary>
    public int Rows { get; }

    /// <summary>The pixel columns per image.</summary>
    public int Columns { get; }

    /// <summary>The pixels per image, <see cref="Rows"/> × <see cref="Columns"/>.</summary>
    public int PixelsPerImage => Rows * Columns;

    /// <summary>Every pixel, image after image, each image row-major; a byte <c>p</c> of the file is <c>p / 255</c>.</summary>
    public ReadOnlySpan<float> Pixels => _pixels;

    /// <summary>The pixels of image <paramref name="index"/>, row-major.</summary>
    /// <param name="index">The image, from 0 to <see cref="Count"/> − 1.</param>
    /// <returns>A span of <see cref="PixelsPerImage"/> values.</returns>
    public ReadOnlySpan<float> Image(int index) => new(_pixels, index * PixelsPerImage, PixelsPerImage);

    internal float[] PixelArray => _pixels;
}

/// <summary>
/// Reads the IDX format of MNIST and Fashion-MNIST: big-endian headers, unsigned-byte data. A file that starts with
/// the gzip signature is decompressed on the fly. Malformed files raise a <see cref="DataFormatException"/> naming
/// the file and the byte offset (in the decompressed content) at which the problem lies.
/// </summary>
public static class IdxLoader
{
    /// <summary>The magic number of an image file: unsigned bytes (0x08) in 3 dimensions (count, rows, columns).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>The magic number of a label file: unsigned bytes (0x08) in 1 dimension (count).</summary>
    public const int LabelsMagic = 0x00000801;

    private static readonly float[] s_byteToUnit = CreateByteToUnit();

    /// <summary>Reads an image file (magic 0x00000803).</summary>
    /// <param name="path">The file, raw or gzip-compressed.</param>
    /// <returns>The images, with pixels scaled to [0, 1].</returns>
    /// <exception cref="DataFormatException">
    /// The file is not a well-formed IDX image file: a wrong magic number, sizes its length cannot hold (checked before
    /// anything is allocated) or that overflow an array, data missing or left over, or gzip data that is corrupt or
    /// cut short. The exception names the file and the byte offset (in the decompressed content); it is the only
    /// exception a file's content causes.
    /// </exception>
    /// <exception cref="IOException">The file cannot be read (it does not exist, access is denied, and so on).</exception>
    public static IdxImages ReadImages(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using Stream stream = DataFiles.OpenRead(path);
        return ReadImages(stream, path);
    }

    /// <summary>Reads an image file (magic 0x00000803) from a stream of its uncompressed content.</summary>
    /// <param name="stream">The content; read to its end, not disposed.</param>
    /// <param name="sourceName">The name errors give the stream, or null.</param>
    /// <returns>The images, with pixels scaled to [0, 1].</returns>
    /// <exception cref="DataFormatException">
    /// The content is not a well-formed IDX image file, or <paramref name="stream"/> throws an
    /// <see cref="InvalidDataException"/> (corrupt compressed data). A seekable stream's length is checked against
    /// the header's sizes before anything is allocated; otherwise the values grow with the data that arrives.
    /// </exception>
    public static IdxImages ReadImages(Stream stream, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var reader = new IdxReader(stream, sourceName);
        int[] dimensions = reader.ReadHeader(ImagesMagic, "image", "count, rows, columns");
        int count = dimensions[0], rows = dimensions[1], columns = dimensions[2];
        if (rows == 0 || columns == 0)
        {
            throw reader.Error(rows == 0 ? 8 : 12, $"the images have {rows} × {columns} pixels; both dimensions must be positive");
        }

        // Each factor is below 2³¹, so neither product overflows a long.
        long perImage = (long)rows * columns;
        if (perImage > Array.MaxLength)
        {
            throw reader.Error(8, $"images of {rows} × {columns} pixels have {perImage} pixels each, more than an array holds");
        }

        long total = count * perImage;
        if (total > Array.MaxLength)
        {
            throw reader.Error(4, $"{count} images of {rows} × {columns} pixels make {total} values, more than an array holds");
        }

        float[] pixels = reader.ReadBody<float>(
            (int)total,
            end => $"the pixel data ends at byte offset {end}, but {count} images of {rows} × {columns} pixels need {total} bytes, up to byte offset {16 + total}",
            static (bytes, values) =>
            {
                for (int i = 0; i < bytes.Length; i++)
                {
                    values[i] = s_byteToUnit[bytes[i]];
                }
            });

        reader.RequireEnd($"{count} images");
        return new IdxImages(pixels, count, rows, columns);
    }

    /// <summary>Reads a label file (magic 0x00000801).</summary>
    /// <param name="path">The file, raw or gzip-compressed.</param>
    /// <returns>The labels, one byte per sample.</returns>
    /// <exception cref="DataFormatException">
    /// The file is not a well-formed IDX label file: a wrong magic number, sizes its length cannot hold (checked before
    /// anything is allocated) or that overflow an array, data missing or left over, or gzip data that is corrupt or
    /// cut short. The exception names the file and the byte offset (in the decompressed content); it is the only
    /// exception a file's content causes.
    /// </exception>
    /// <exception cref="IOException">The file cannot be read (it does not exist, access is denied, and so on).</exception>
    public static byte[] ReadLabels(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using Stream stream = DataFiles.OpenRead(path);
        return ReadLabels(stream, path);
    }

    /// <summary>Reads a label file (magic 0x00000801) from a stream of its uncompressed content.</summary>
    /// <param name="stream">The content; read to its end, not disposed.</param>
    /// <param name="sourceName">The name errors give the stream, or null.</param>
    /// <returns>The labels, one byte per sample.</returns>
    /// <exception cref="DataFormatException">
    /// The content is not a well-formed IDX label file, or <paramref name="stream"/> throws an
    /// <see cref="InvalidDataException"/> (corrupt compressed data). A seekable stream's length is checked against
    /// the header's sizes before anything is allocated; otherwise the values grow with the data that arrives.
    /// </exception>
    public static byte[] ReadLabels(Stream stream, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var reader = new IdxReader(stream, sourceName);
        int count = reader.ReadHeader(LabelsMagic, "label", "count")[0];
        byte[] labels = reader.ReadBody<byte>(
            count,
            end => $"the labels end at byte offset {end}, but the header announces {count}, up to byte offset {8L + count}",
            static (bytes, values) => bytes.CopyTo(values));

        reader.RequireEnd($"{count} labels");
        return labels;
    }

    /// <summary>
    /// Reads an image file and its label file into a dataset: each image's pixels (scaled to [0, 1]) are a sample's
    /// features, its label one-hot over <paramref name="classCount"/> classes its targets.
    /// </summary>
    /// <param name="imagesPath">The image file (magic 0x00000803), raw or gzip-compressed.</param>
    /// <param name="labelsPath">The label file (magic 0x00000801), raw or gzip-compressed.</param>
    /// <param name="classCount">The number of classes; every label must be below it.</param>
    /// <returns>The dataset, <c>[count, rows · columns]</c> features and <c>[count, classCount]</c> targets.</returns>
    /// <exception cref="DataFormatException">
    /// A file is malformed, the files hold different numbers of samples (reported at byte offset 4 of the label file,
    /// its count), or a label is not below <paramref name="classCount"/> (reported at the label's byte offset).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is not positive.</exception>
    /// <exception cref="IOException">A file cannot be read (it does not exist, access is denied, and so on).</exception>
    public static Dataset Load(string imagesPath, string labelsPath, int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        IdxImages images = ReadImages(imagesPath);
        byte[] labels = ReadLabels(labelsPath);
        if (labels.Length != images.Count)
        {
            throw new DataFormatException(
                labelsPath, null, null, 4, $"the file holds {labels.Length} labels, but the image file {imagesPath} holds {images.Count} images");
        }

        float[] targets = new float[(long)labels.Length * classCount];
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= classCount)
            {
                throw new DataFormatException(
                    labelsPath, null, null, 8 + i, $"label {labels[i]} of sample {i} is not below the class count {classCount}");
            }

            targets[((long)i * classCount) + labels[i]] = 1f;
        }

        return new Dataset(images.PixelArray, targets, images.PixelsPerImage, classCount);
    }

    private static float[] CreateByteToUnit()
    {
        float[] table = new float[256];
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = i / 255f;
        }

        return table;
    }

    /// <summary>Turns a chunk of the data's bytes into values.</summary>
    private delegate void Convert<T>(ReadOnlySpan<byte> bytes, Span<T> values);

    /// <summary>Reads an IDX stream, keeping track of the byte offset for error messages.</summary>
    private sealed class IdxReader(Stream stream, string? source)
    {
        private const int ChunkLength = 1 << 16;

        // The bytes left in a seekable stream (a raw file), or null when its length is unknown (a gzip file).
        private readonly long? _remaining = stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) : null;

        public long Offset { get; private set; }

        /// <summary>
        /// Reads the <paramref name="count"/> data bytes the header announces and converts them. The header is only a
        /// claim: when the stream's length is known, the claim is checked against it before anything is allocated;
        /// when it is not (gzip), the values grow as the bytes arrive, so that a short file with a large count costs
        /// what it holds, not what it claims (at most twice the values read, plus one chunk).
        /// </summary>
        /// <param name="count">The bytes announced.</param>
        /// <param name="dataEnds">The problem when the data ends early, given the offset at which it ends.</param>
        /// <param name="convert">Turns bytes into values, chunk by chunk.</param>
        public T[] ReadBody<T>(int count, Func<long, string> dataEnds, Convert<T> convert)
        {
            if (_remaining is { } remaining && remaining - Offset < count)
            {
                long end = remaining;
                throw Error(end, dataEnds(end));
            }

            T[] values = new T[_remaining is null ? Math.Min(count, ChunkLength) : count];
            byte[] chunk = new byte[Math.Min(count, ChunkLength)];
            for (int done = 0; done < count;)
            {
                int want = Math.Min(chunk.Length, count - done);
                int got = Read(chunk.AsSpan(0, want));
                if (got < want)
                {
                    throw Error(Offset, dataEnds(Offset));
                }

                if (done + got > values.Length)
                {
                    Array.Resize(ref values, (int)Math.Min(count, Math.Max(done + got, 2L * values.Length)));
                }

                convert(chunk.AsSpan(0, got), values.AsSpan(done, got));
                done += got;
            }

            return values;
        }

        public int[] ReadHeader(int magic, string kind, string dimensionNames)
        {
            int dimensionCount = magic & 0xFF;
            int headerLength = 4 * (1 + dimensionCount);
            Span<byte> header = stackalloc byte[headerLength];
            int got = Read(header[..4]);
            if (got == 0)
            {
                throw Error(0, $"the file is empty, where an IDX {kind} file starts with the magic number {Hex(magic)}");
            }

            if (got < 4)
            {
                throw Error(got, $"the file ends at byte offset {got}, inside the magic number");
            }

            int found = BinaryPrimitives.ReadInt32BigEndian(header);
            if (found != magic)
            {
                string other = found == ImagesMagic ? " (that of an IDX image file)" : found == LabelsMagic ? " (that of an IDX label file)" : string.Empty;
                throw Error(0, $"the magic number is {Hex(found)}{other}, but an IDX {kind} file has {Hex(magic)}");
            }

            got = Read(header[4..]);
            if (got < headerLength - 4)
            {
                throw Error(
                    Offset,
                    $"the header ends at byte offset {Offset}, but the header of an IDX {kind} file is {headerLength} bytes: the magic number and {dimensionCount} big-endian 32-bit sizes ({dimensionNames})");
            }

            int[] dimensions = new int[dimensionCount];
            for (int d = 0; d < dimensionCount; d++)
            {
                dimensions[d] = BinaryPrimitives.ReadInt32BigEndian(header[(4 + (4 * d))..]);
                if (dimensions[d] < 0)
                {
                    throw Error(4 + (4 * d), $"size {(uint)dimensions[d]} is beyond the largest supported, {int.MaxValue}");
                }
            }

            return dimensions;
        }

        /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends.</summary>
        public int Read(Span<byte> buffer)
        {
            int got;
            try
            {
                got = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            }
            catch (Exception corrupt) when (corrupt is GzipDataException or InvalidDataException)
            {
                throw DataFiles.CorruptData(corrupt, source, null, Offset);
            }

            Offset += got;
            return got;
        }

        public void RequireEnd(string content)
        {
            Span<byte> probe = stackalloc byte[1];
            if (Read(probe) != 0)
            {
                throw Error(Offset - 1, $"the file goes on past the {content} its header announces, which end at byte offset {Offset - 1}");
            }
        }

        public DataFormatException Error(long offset, string problem) => new(source, null, null, offset, problem);

        private static string Hex(int value) => "0x" + value.ToString("X8", CultureInfo.InvariantCulture);
    }
}
