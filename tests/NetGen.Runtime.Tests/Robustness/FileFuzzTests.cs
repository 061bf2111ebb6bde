using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using NetGen.Data;
using NetGen.Runtime.Tests.Data;
using NetGen.Runtime.Tests.Serialization;
using NetGen.Serialization;
using Xunit;

namespace NetGen.Runtime.Tests.Robustness;

/// <summary>
/// A seeded file fuzzer: valid CSV, IDX (raw and gzip), model and safetensors files, mutated (bit flips, byte
/// insertions and deletions, truncations, header fields overwritten with extreme values, hostile tokens) or built
/// with a valid structure and hostile sizes, are loaded through the public readers. A load may succeed or throw the
/// reader's documented exception naming the file; any other exception fails, as does an allocation far beyond the
/// input. Every input is reproducible from its number: the failure message gives it.
/// </summary>
/// <remarks>
/// <para>
/// 10,000 inputs per run (<see cref="Inputs"/>), ten times as many with <c>NETGEN_FUZZ_LONG=1</c>.
/// </para>
/// <para>
/// The allocation bound, per load: <c>64 × input + 2 × result + 1 MiB</c>, where the input is the larger of the
/// file's length and, for gzip, the length of what it decompresses to (a reader cannot know less than what arrives),
/// and the result is the bytes of the arrays a successful load returns (one-hot encoding makes a dataset grow with
/// rows × classes, which no input-proportional bound covers). The constant covers the fixed buffers (file, gzip and
/// text buffers of 64 KB each, the 64 KB IDX chunk). The factor 64 covers what a reader legitimately spends per input
/// byte: a text byte becomes a UTF-16 char (2 bytes) in a line buffer that doubles (up to 4×), a one-character CSV
/// cell becomes a 4-byte float in a growing buffer plus its final array (up to 2 × 4 / 2 = 4× the two bytes "1,"), a
/// header name of one character becomes a string (about 22 bytes) and its slot; an IDX pixel byte becomes a 4-byte
/// float in an array that, for gzip, doubles as data arrives (at most 8×); a safetensors header becomes a JSON
/// document (about 12 bytes per token). A header that sizes an allocation from its claim, as the readers did before
/// (256 MB from 8 bytes), exceeds it by orders of magnitude.
/// </para>
/// </remarks>
public sealed class FileFuzzTests : IDisposable
{
    private const int Seed = 20_261_128;
    private const long FixedBuffers = 1 << 20;
    private const int PerInputByte = 64;

    private static readonly bool Long = Environment.GetEnvironmentVariable("NETGEN_FUZZ_LONG") == "1";

    private static readonly uint[] Extremes =
    [
        0, 1, 2, 3, 7, 255, 256, 0xFFFF, 1 << 16, 1 << 20, 1 << 24, 1 << 26, 1 << 28, 1 << 30,
        0x7FFFFFFE, 0x7FFFFFFF, 0x80000000, 0x80000001, 0xFFFFFFFE, 0xFFFFFFFF,
    ];

    private static readonly string[] JsonNumbers =
    [
        "0", "-1", "1", "4", "8", "12", "2147483647", "2147483648", "4294967296", "9223372036854775807",
        "9223372036854775806", "9223372036854775808", "18446744073709551615", "-9223372036854775808", "1e309", "1.5", "01",
    ];

    private static readonly string[] JsonTokens =
    [
        "\\ud800", "\\udc00", "\\ud800\\ud800", "\\u0000", "\"", "\\", "{", "}", "[", "]", ",", ":", "null", "true",
        "\"__metadata__\":{},", "\"layers.0.weight\":{},", "\"dtype\":\"F16\",", "[[[[[[[[", "\"shape\":[],",
    ];

    private static readonly string[] CsvTokens =
    [
        "\"", "\"\"", ",", "\t", ";", " ", "\n", "\r", "\r\n", "NaN", "Infinity", "-0", "1e39", "1e-50", "0x10", "1,5",
        "\uFEFF", "\u00e9", "\0", "\"a\"b", "\"\t", "\t\"", "99999999999999999999", new string('9', 300), new string(',', 40),
    ];

    private readonly TestFiles _files = new();

    /// <summary>The inputs per run, split between the formats.</summary>
    public static int Inputs => Long ? 100_000 : 10_000;

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Csv_files_raw_and_gzip_load_or_fail_with_a_format_error()
    {
        var outcomes = Run("csv", Inputs * 3 / 10, (random, path) =>
        {
            (string text, CsvOptions options) = CsvSeed(random);
            byte[] bytes = MutateText(random, Encoding.UTF8.GetBytes(text), CsvTokens);
            Written input = WriteMaybeGzip(random, path, bytes);
            return (input, () => Result(CsvLoader.Load(path, options).Dataset));
        });

        AssertBothOutcomes(outcomes);
    }

    [Fact]
    public void Idx_files_raw_and_gzip_load_or_fail_with_a_format_error()
    {
        var outcomes = Run("idx", Inputs * 3 / 10, (random, path) =>
        {
            bool images = random.Next(2) == 0;
            byte[] bytes = random.Next(4) == 0 ? HostileIdx(random, images) : MutateIdx(random, ValidIdx(random, images));
            Written input = WriteMaybeGzip(random, path, bytes);
            return (input, images ? () => 4L * IdxLoader.ReadImages(path).Pixels.Length : () => IdxLoader.ReadLabels(path).LongLength);
        });

        AssertBothOutcomes(outcomes);
    }

    [Fact]
    public void Model_files_load_or_fail_with_a_model_file_exception()
    {
        var outcomes = Run("ngm", Inputs * 2 / 10, (random, path) =>
        {
            INetwork network = Network(random);
            byte[] bytes = random.Next(4) == 0 ? HostileModel(random) : MutateModel(random, ValidModel(random, network));
            File.WriteAllBytes(path, bytes);

            long LoadIntoNetwork()
            {
                ModelFile.Load(path, network);
                return 0;
            }

            Func<long> load = random.Next(2) == 0 ? () => 4L * ModelFile.Read(path).Parameters.Length : LoadIntoNetwork;
            return (new Written(bytes.Length, bytes.Length), load);
        });

        AssertBothOutcomes(outcomes);
    }

    [Fact]
    public void Safetensors_files_load_or_fail_with_a_model_file_exception()
    {
        var outcomes = Run("safetensors", Inputs * 2 / 10, (random, path) =>
        {
            INetwork network = Network(random);
            byte[] bytes = MutateSafeTensors(random, SafeTensors.Serialize(network));
            File.WriteAllBytes(path, bytes);
            return (new Written(bytes.Length, bytes.Length), () => SafeTensors.Load(path, network).Count);
        });

        AssertBothOutcomes(outcomes);
    }

    /// <summary>The length of the file written and of the content a reader sees (decompressed, for gzip).</summary>
    private readonly record struct Written(long FileLength, long ContentLength);

    /// <summary>Loads <paramref name="count"/> inputs of a format, returning how many loaded and how many failed as documented.</summary>
    private (int Loaded, int Rejected) Run(string format, int count, Func<Random, string, (Written Input, Func<long> Load)> next)
    {
        string path = Path.Combine(_files.Folder, "fuzz." + format);
        int loaded = 0, rejected = 0;
        for (int i = 0; i < count; i++)
        {
            var random = new Random(unchecked((Seed * 1_000_003) + (i * 7919) + format.Length));
            (Written input, Func<long> load) = next(random, path);
            long result = 0;
            Exception? thrown = null;
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                result = load();
            }
            catch (Exception error)
            {
                thrown = error;
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            string where = $"{format} input #{i} (seed {Seed}; {input.FileLength} bytes, {input.ContentLength} decompressed)";
            if (thrown is null)
            {
                loaded++;
            }
            else if (IsDocumented(format, thrown, path))
            {
                rejected++;
            }
            else
            {
                Assert.Fail($"{where} threw an undocumented exception: {thrown}\nfile (base64): {Convert.ToBase64String(File.ReadAllBytes(path))}");
            }

            long bound = (PerInputByte * Math.Max(input.FileLength, input.ContentLength)) + (2 * result) + FixedBuffers;
            if (allocated > bound)
            {
                Assert.Fail($"{where} allocated {allocated} bytes, over the bound of {bound}\nfile (base64): {Convert.ToBase64String(File.ReadAllBytes(path))}");
            }
        }

        Assert.Equal(count, loaded + rejected);
        return (loaded, rejected);
    }

    private static bool IsDocumented(string format, Exception error, string path) => format switch
    {
        "csv" => error is DataFormatException { Line: not null } csv && csv.FilePath == path && csv.Message.StartsWith(path, StringComparison.Ordinal),
        "idx" => error is DataFormatException { ByteOffset: not null } idx && idx.FilePath == path && idx.Message.StartsWith(path, StringComparison.Ordinal),
        "ngm" => error is ModelFileTruncatedException or ModelFileMagicException or ModelFileVersionException or ModelFileChecksumException
            or ModelFileFormatException or ModelTopologyMismatchException && ((ModelFileException)error).FileName == path && error.Message.Contains(path, StringComparison.Ordinal),
        "safetensors" => error is ModelFileTruncatedException or ModelFileFormatException or ModelTopologyMismatchException
            && ((ModelFileException)error).FileName == path && error.Message.Contains(path, StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>A fuzzer that only ever loads, or only ever rejects, is not exploring: both must happen.</summary>
    private static void AssertBothOutcomes((int Loaded, int Rejected) outcomes)
    {
        Assert.InRange(outcomes.Loaded, 1, int.MaxValue);
        Assert.InRange(outcomes.Rejected, 1, int.MaxValue);
    }

    private static long Result(Dataset data) => 4L * (data.Features.Length + data.Targets.Length);

    // ---- writing, raw or gzip ----

    /// <summary>Writes <paramref name="content"/> raw (half the time) or gzip-compressed, then possibly damaged or cut.</summary>
    private static Written WriteMaybeGzip(Random random, string path, byte[] content)
    {
        if (random.Next(2) == 0)
        {
            File.WriteAllBytes(path, content);
            return new Written(content.Length, content.Length);
        }

        byte[] compressed = TestFiles.Gzip(content);
        compressed = random.Next(3) switch
        {
            0 => compressed,
            1 when compressed.Length > 2 => compressed[..random.Next(2, compressed.Length)],
            _ => MutateBytes(random, compressed, 2),
        };
        File.WriteAllBytes(path, compressed);
        return new Written(compressed.Length, DecompressedLength(compressed));
    }

    /// <summary>How many bytes <paramref name="compressed"/> yields before it ends or fails, as a plain <see cref="GZipStream"/> reads it.</summary>
    private static long DecompressedLength(byte[] compressed)
    {
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            for (int read; (read = gzip.Read(buffer)) > 0;)
            {
                total += read;
            }
        }
        catch (InvalidDataException)
        {
            // What arrived before the damage counts.
        }

        return total;
    }

    // ---- CSV ----

    private static (string Text, CsvOptions Options) CsvSeed(Random random)
    {
        char delimiter = random.Next(4) switch { 0 => ',', 1 => '\t', 2 => ';', _ => ' ' };
        int columns = random.Next(2, 7), rows = random.Next(1, 40);
        bool header = random.Next(2) == 0, classLabel = random.Next(3) == 0, categorical = columns > 2 && random.Next(3) == 0;
        int target = random.Next(columns), category = (target + 1) % columns;
        var text = new StringBuilder();
        if (header)
        {
            text.AppendJoin(delimiter, Enumerable.Range(0, columns).Select(c => random.Next(4) == 0 ? $"\"c{c}\"" : $"c{c}")).Append('\n');
        }

        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                string cell = (c == target && classLabel) || (c == category && categorical)
                    ? "k" + random.Next(5).ToString(CultureInfo.InvariantCulture)
                    : (random.NextDouble() * 200 - 100).ToString("G6", CultureInfo.InvariantCulture);
                text.Append(c == 0 ? string.Empty : delimiter).Append(random.Next(5) == 0 ? $"\"{cell}\"" : cell);
            }

            text.Append(random.Next(4) == 0 ? "\r\n" : "\n");
        }

        // Columns chosen all by index or all by name, so that no header makes the options contradict themselves.
        bool byName = header && random.Next(2) == 0;
        CsvColumn Column(int c) => byName ? CsvColumn.Named("c" + c.ToString(CultureInfo.InvariantCulture)) : CsvColumn.At(c);
        var options = new CsvOptions
        {
            Delimiter = delimiter,
            HasHeader = header,
            TargetColumns = [Column(target)],
            TargetKind = classLabel ? CsvTargetKind.ClassLabel : CsvTargetKind.Numeric,
            CategoricalFeatures = categorical ? [new CategoricalFeature(Column(category))] : null,
            SkipLines = random.Next(8) == 0 ? 1 : 0,
        };
        return (text.ToString(), options);
    }

    private static byte[] MutateText(Random random, byte[] text, string[] tokens)
    {
        int mutations = random.Next(0, 4);
        for (int m = 0; m < mutations; m++)
        {
            text = random.Next(3) == 0
                ? Splice(random, text, Encoding.UTF8.GetBytes(tokens[random.Next(tokens.Length)]))
                : MutateBytes(random, text, 1);
        }

        return text;
    }

    // ---- IDX ----

    private static byte[] ValidIdx(Random random, bool images)
    {
        int count = random.Next(0, 20), rows = random.Next(1, 8), columns = random.Next(1, 8);
        int[] dimensions = images ? [count, rows, columns] : [count];
        byte[] data = new byte[images ? count * rows * columns : count];
        random.NextBytes(data);
        return Idx(images ? IdxLoader.ImagesMagic : IdxLoader.LabelsMagic, dimensions, data);
    }

    /// <summary>A valid magic number, extreme sizes, and between none and a few hundred data bytes.</summary>
    private static byte[] HostileIdx(Random random, bool images)
    {
        int[] dimensions = Enumerable.Range(0, images ? 3 : 1).Select(_ => (int)Pick(random, Extremes)).ToArray();
        byte[] data = new byte[random.Next(0, 400)];
        random.NextBytes(data);
        return Idx(images ? IdxLoader.ImagesMagic : IdxLoader.LabelsMagic, dimensions, data);
    }

    private static byte[] MutateIdx(Random random, byte[] file)
    {
        if (random.Next(3) == 0 && file.Length >= 8)
        {
            int field = random.Next(Math.Min(4, file.Length / 4));
            BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(4 * field), Pick(random, Extremes));
            return file;
        }

        return MutateBytes(random, file, random.Next(1, 4));
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

    // ---- model files ----

    private static INetwork Network(Random random) => random.Next(3) switch
    {
        0 => new TinyNet(),
        1 => new LeakyNet(seed: random.Next()),
        _ => new IrisNet(seed: random.Next()),
    };

    private static byte[] ValidModel(Random random, INetwork network)
    {
        FeatureScaler? scaler = null;
        if (random.Next(2) == 0)
        {
            float[] features = Enumerable.Range(0, 3 * network.InputSize).Select(_ => (float)random.NextDouble()).ToArray();
            var data = new Dataset(features, new float[3], network.InputSize, 1);
            scaler = random.Next(2) == 0 ? FeatureScaler.FitStandard(data) : FeatureScaler.FitMinMax(data);
        }

        return ModelFile.Serialize(network, scaler);
    }

    /// <summary>Overwrites a field (a 4-byte aligned word of the first 64 bytes, or the length) with an extreme value, resealing the file half the time so that the damage gets past the checksum; or mutates bytes.</summary>
    private static byte[] MutateModel(Random random, byte[] file)
    {
        switch (random.Next(3))
        {
            case 0:
                int field = 2 + random.Next(Math.Min(14, (file.Length / 4) - 3));
                BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4 * field), Pick(random, Extremes));
                break;
            case 1:
                BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(16), random.Next(2) == 0 ? ulong.MaxValue - (ulong)random.Next(8) : (ulong)random.Next(file.Length * 2));
                break;
            default:
                return MutateBytes(random, file, random.Next(1, 4));
        }

        if (random.Next(2) == 0)
        {
            ReferenceCrc32.Reseal(file);
        }

        return file;
    }

    /// <summary>A sealed file (right magic, version, length and checksum) whose topology has extreme sizes and whose parameters are too few.</summary>
    private static byte[] HostileModel(Random random)
    {
        int layers = random.Next(1, 4);
        int parameterWords = random.Next(0, 16);
        byte[] file = new byte[36 + (12 * layers) + 4 + (4 * parameterWords) + 4];
        ModelFile.Magic.CopyTo(file);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(8), ModelFile.FormatVersion);
        BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(16), (ulong)file.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(24), (uint)random.Next(3));
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(28), random.Next(2) == 0 ? Pick(random, Extremes) : (uint)random.Next(1, 5));
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(32), random.Next(2) == 0 ? Pick(random, Extremes) : (uint)layers);
        for (int k = 0; k < layers; k++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(36 + (12 * k)), random.Next(2) == 0 ? Pick(random, Extremes) : (uint)random.Next(1, 5));
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(40 + (12 * k)), (uint)random.Next(6));
        }

        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(36 + (12 * layers)), random.Next(2) == 0 ? Pick(random, Extremes) : (uint)parameterWords);
        ReferenceCrc32.Reseal(file);
        return file;
    }

    // ---- safetensors ----

    /// <summary>Mutates the JSON header as text (numbers made extreme, hostile tokens spliced in, invalid UTF-8), the header length, or the bytes.</summary>
    private static byte[] MutateSafeTensors(Random random, byte[] file)
    {
        int headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(file);
        string json = Encoding.UTF8.GetString(file, 8, headerLength).TrimEnd(' ');
        byte[] data = file[(8 + headerLength)..];
        switch (random.Next(5))
        {
            case 0:
            case 1:
                int mutations = random.Next(1, 4);
                for (int m = 0; m < mutations; m++)
                {
                    json = random.Next(2) == 0 ? ReplaceNumber(random, json) : SpliceText(random, json, JsonTokens[random.Next(JsonTokens.Length)]);
                }

                return SafeTensorsFile(Encoding.UTF8.GetBytes(json), data);
            case 2:
                byte[] header = Encoding.UTF8.GetBytes(json);
                header[random.Next(header.Length)] = (byte)random.Next(0x80, 0x100);
                return SafeTensorsFile(header, data);
            case 3:
                BinaryPrimitives.WriteUInt64LittleEndian(
                    file,
                    random.Next(3) switch { 0 => ulong.MaxValue - (ulong)random.Next(16), 1 => SafeTensors.MaxHeaderLength, _ => (ulong)random.Next(file.Length + 16) });
                return file;
            default:
                return MutateBytes(random, file, random.Next(1, 4));
        }
    }

    private static string ReplaceNumber(Random random, string json)
    {
        int[] digits = Enumerable.Range(0, json.Length).Where(i => i > 0 && char.IsAsciiDigit(json[i]) && json[i - 1] is ':' or '[' or ',').ToArray();
        if (digits.Length == 0)
        {
            return json;
        }

        int start = digits[random.Next(digits.Length)], end = start;
        while (end < json.Length && char.IsAsciiDigit(json[end]))
        {
            end++;
        }

        return string.Concat(json.AsSpan(0, start), JsonNumbers[random.Next(JsonNumbers.Length)], json.AsSpan(end));
    }

    private static byte[] SafeTensorsFile(byte[] header, byte[] data)
    {
        byte[] file = new byte[8 + header.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)header.Length);
        header.CopyTo(file, 8);
        data.CopyTo(file, 8 + header.Length);
        return file;
    }

    // ---- byte-level mutations ----

    private static byte[] MutateBytes(Random random, byte[] bytes, int mutations)
    {
        for (int m = 0; m < mutations && bytes.Length > 0; m++)
        {
            int at = random.Next(bytes.Length);
            switch (random.Next(5))
            {
                case 0:
                    bytes = (byte[])bytes.Clone();
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    byte[] inserted = new byte[random.Next(1, 17)];
                    random.NextBytes(inserted);
                    bytes = [.. bytes.AsSpan(0, at), .. inserted, .. bytes.AsSpan(at)];
                    break;
                case 2:
                    int length = Math.Min(random.Next(1, 17), bytes.Length - at);
                    bytes = [.. bytes.AsSpan(0, at), .. bytes.AsSpan(at + length)];
                    break;
                case 3:
                    bytes = bytes[..at];
                    break;
                default:
                    int from = random.Next(bytes.Length);
                    int count = Math.Min(random.Next(1, 33), bytes.Length - from);
                    bytes = [.. bytes.AsSpan(0, at), .. bytes.AsSpan(from, count), .. bytes.AsSpan(at)];
                    break;
            }
        }

        return bytes;
    }

    private static byte[] Splice(Random random, byte[] bytes, byte[] token)
    {
        int at = random.Next(bytes.Length + 1);
        return [.. bytes.AsSpan(0, at), .. token, .. bytes.AsSpan(at)];
    }

    private static string SpliceText(Random random, string text, string token) => text.Insert(random.Next(text.Length + 1), token);

    private static uint Pick(Random random, uint[] values) => random.Next(4) == 0 ? (uint)random.Next() : values[random.Next(values.Length)];
}
