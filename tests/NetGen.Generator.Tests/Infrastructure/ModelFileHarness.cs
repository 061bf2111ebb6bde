using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>Runs the generator with model files among the AdditionalFiles, as a project listing them would.</summary>
internal static class ModelFileHarness
{
    /// <summary>The fixture written by tests/Fixtures/make_models.py, copied beside the test assembly.</summary>
    public static string Fixture(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "models", file);

    public static byte[] FixtureBytes(string file) => File.ReadAllBytes(Fixture(file));

    public static GeneratorDriver CreateDriver(params AdditionalText[] files) =>
        CSharpGeneratorDriver.Create(
            new[] { new NetworkGenerator().AsSourceGenerator() },
            additionalTexts: files,
            parseOptions: GeneratorHarness.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(string source, params AdditionalText[] files) =>
        GeneratorHarness.Run(CreateDriver(files), GeneratorHarness.Compile(source));
}

/// <summary>
/// An additional file as the compiler gives it for a binary file: a path, and text the generator must not ask
/// for (the compiler would decode the bytes lossily, or report CS2015 for a file with NUL bytes).
/// </summary>
internal sealed class BinaryAdditionalFile : AdditionalText
{
    public BinaryAdditionalFile(string path) => Path = path;

    public override string Path { get; }

    public override SourceText? GetText(CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException($"The generator asked for the text of the binary file '{Path}'.");
}

/// <summary>A directory of files written by a test, deleted afterwards.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "netgen-models-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(Root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
