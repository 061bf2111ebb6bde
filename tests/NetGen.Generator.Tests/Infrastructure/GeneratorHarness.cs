using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>Builds user compilations and runs <see cref="NetworkGenerator"/> over them, as the compiler would.</summary>
internal static class GeneratorHarness
{
    /// <summary>The file name every single-file test source gets; diagnostics and snapshots show it.</summary>
    public const string SourcePath = "Net.cs";

    // Diagnose mode checks the generated XML doc comments too, as a user building with documentation would.
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        deterministic: true);

    public static CSharpCompilation Compile(string source) => Compile((SourcePath, source));

    public static CSharpCompilation Compile(params (string Path, string Source)[] files) =>
        CSharpCompilation.Create(
            "UserProject",
            files.Select(f => Parse(f.Source, f.Path)),
            TestReferences.All,
            CompilationOptions);

    public static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new NetworkGenerator().AsSourceGenerator() },
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true),
            parseOptions: ParseOptions);

    public static GeneratorRun Run(Compilation compilation) => Run(CreateDriver(), compilation);

    public static GeneratorRun Run(string source) => Run(Compile(source));

    /// <summary>Runs <paramref name="driver"/> (fresh, or the one a previous run returned, to test caching) over <paramref name="compilation"/>.</summary>
    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        GeneratorDriver next = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out var diagnostics);
        return new GeneratorRun(next, next.GetRunResult(), output, diagnostics);
    }
}
