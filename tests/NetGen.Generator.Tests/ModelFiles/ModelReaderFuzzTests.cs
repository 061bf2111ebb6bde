using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;
using NetGen.Generator.WeightFiles;
using Xunit;

namespace NetGen.Generator.Tests.ModelFiles;

/// <summary>
/// The readers against damaged files: thousands of mutations of real files (flipped, overwritten, inserted and
/// deleted bytes, truncations), each of which must give the content or a refusal, never an exception; and a
/// smaller number run through the whole generator, which must report a diagnostic or generate code that compiles.
/// </summary>
public sealed class ModelReaderFuzzTests : IDisposable
{
    private const int MutationsPerFile = 1200;

    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    public static TheoryData<string> Files => new()
    {
        "leaky_tanh.safetensors",
        "netgen_naming.safetensors",
        "netgen_naming.ngm",
        "leaky_tanh.onnx",
        "matmul_add.onnx",
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_mutation_of_a_model_file_is_read_or_refused_without_an_exception(string fixture)
    {
        byte[] original = ModelFileHarness.FixtureBytes(fixture);
        var random = new Random(fixture.Sum(c => c));
        int refused = 0;
        for (int i = 0; i < MutationsPerFile; i++)
        {
            byte[] mutated = Mutate(original, random);
            if (fixture.EndsWith(".ngm", StringComparison.Ordinal) && i % 2 == 0)
            {
                // Half with a correct checksum, so the field checks behind it are reached too.
                FixChecksum(mutated);
            }

            ModelFileRead read = ReadWithoutException(fixture, mutated, i);
            Assert.True((read.Content is null) != (read.Error is null), $"Mutation {i} of {fixture} gave both or neither content and error.");
            refused += read.Error is null ? 0 : 1;
        }

        // Most mutations must be caught; the rest changed only weights or whitespace, which a reader cannot tell.
        Assert.True(refused > MutationsPerFile / 4, $"Only {refused} of {MutationsPerFile} mutations of {fixture} were refused.");
    }

    [Fact]
    public void Random_bytes_and_empty_files_are_refused_by_every_reader()
    {
        var random = new Random(3);
        foreach (string extension in new[] { ".safetensors", ".ngm", ".onnx" })
        {
            Assert.NotNull(ModelFileLoader.Read("empty" + extension, Array.Empty<byte>()).Error);
            for (int i = 0; i < 300; i++)
            {
                byte[] bytes = new byte[random.Next(0, 400)];
                random.NextBytes(bytes);
                ReadWithoutException("random" + extension, bytes, i);
            }
        }
    }

    [Fact]
    public void A_header_nested_too_deeply_or_claiming_a_huge_length_is_refused()
    {
        byte[] deep = Header(new string('[', 100_000) + new string(']', 100_000));
        byte[] huge = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(huge, ulong.MaxValue);

        Assert.Contains("nested more than", ModelFileLoader.Read("deep.safetensors", deep).Error!.Arguments[0], StringComparison.Ordinal);
        Assert.Contains("header length", ModelFileLoader.Read("huge.safetensors", huge).Error!.Arguments[0], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_generator_reports_a_diagnostic_or_generates_compiling_code_for_mutated_files(string fixture)
    {
        string source = fixture switch
        {
            "leaky_tanh.safetensors" => """
                [NetGen.Network(4, Weights = "model.safetensors")]
                [NetGen.Dense(6, NetGen.Activation.LeakyReLU, Slope = 0.2f)]
                [NetGen.Dense(6, NetGen.Activation.Tanh)]
                [NetGen.Dense(2, NetGen.Activation.Identity)]
                public partial class Net;
                """,
            "netgen_naming.safetensors" or "netgen_naming.ngm" => $$"""
                [NetGen.Network(4, Weights = "model{{System.IO.Path.GetExtension(fixture)}}")]
                [NetGen.Dense(5, NetGen.Activation.ReLU)]
                [NetGen.Dense(3, NetGen.Activation.Identity)]
                public partial class Net;
                """,
            _ => """
                [NetGen.OnnxNetwork("model.onnx")]
                public partial class Net;
                """,
        };
        Compilation compilation = GeneratorHarness.Compile(source);
        byte[] original = ModelFileHarness.FixtureBytes(fixture);
        var random = new Random(17);
        for (int i = 0; i < 40; i++)
        {
            string path = _scratch.Write("model" + System.IO.Path.GetExtension(fixture), Mutate(original, random));
            GeneratorRun run = GeneratorHarness.Run(ModelFileHarness.CreateDriver(new BinaryAdditionalFile(path)), compilation);

            GeneratorAssert.DidNotFail(run);
            if (run.GeneratedSources.IsEmpty)
            {
                Assert.Contains(run.Result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("NG00", StringComparison.Ordinal));
            }
            else
            {
                GeneratorAssert.OutputCompilesCleanly(run);
            }
        }
    }

    private static ModelFileRead ReadWithoutException(string name, byte[] bytes, int mutation)
    {
        try
        {
            return ModelFileLoader.Read(name, bytes);
        }
        catch (Exception e)
        {
            Assert.Fail($"Mutation {mutation} of {name} ({bytes.Length} bytes: {Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, 64)))}…) threw {e}");
            throw;
        }
    }

    /// <summary>One to three random edits: flip a bit, overwrite bytes with 0, 0xFF or a random value, insert, delete, truncate, or bump a varint-looking byte.</summary>
    internal static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        int edits = random.Next(1, 4);
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            // Favour the first 200 bytes, where the headers and the protobuf structure are.
            int at = random.Next(2) == 0 ? random.Next(Math.Min(bytes.Count, 200)) : random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = (byte)(random.Next(3) switch { 0 => 0x00, 1 => 0xFF, _ => random.Next(256) });
                    break;
                case 2:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 3:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 16), bytes.Count - at));
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 5:
                    bytes[at] = (byte)(bytes[at] | 0x80);
                    break;
                default:
                    int length = Math.Min(random.Next(1, 32), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
            }
        }

        return bytes.ToArray();
    }

    private static void FixChecksum(byte[] bytes)
    {
        if (bytes.Length >= 28)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4), NetGenModelReader.Crc32(bytes, bytes.Length - 4));
        }
    }

    private static byte[] Header(string json)
    {
        byte[] text = System.Text.Encoding.UTF8.GetBytes(json);
        byte[] file = new byte[8 + text.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)text.Length);
        text.CopyTo(file, 8);
        return file;
    }
}
