using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator.Tests.Infrastructure;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>
/// A project that cannot compile the generated code (no runtime, or a C# older than the generated code needs) gets
/// one NetGen diagnostic saying what to change, and no generated file, so no compiler error inside one.
/// </summary>
public sealed class ProjectSupportTests
{
    // Braces, not `partial class Xor;`, so that the declarations themselves compile at every version tried.
    private const string TwoNetworks = """
        using NetGen;

        namespace Samples
        {
            [Network(2, Loss = Loss.MeanSquaredError)]
            [Dense(8, Activation.Tanh)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Xor { }

            internal partial class Outer<T>
            {
                [Network(784, Loss = Loss.CrossEntropy, Kernels = KernelStrategy.Auto)]
                [Dense(32, Activation.LeakyReLU, Slope = 0.1f)]
                [Dense(16, Activation.ReLU)]
                [Dense(10, Activation.Softmax)]
                internal partial class Classifier
                {
                    public Classifier(string name) : this(seed: 3) { Name = name; }

                    public string Name { get; } = "";
                }
            }
        }
        """;

    private static readonly MetadataReference[] WithoutRuntime = TestReferences.All
        .Where(r => !string.Equals(System.IO.Path.GetFileName(r.Display), "NetGen.Runtime.dll", StringComparison.Ordinal))
        .ToArray();

    [Fact]
    public void Reports_NG0030_once_and_generates_nothing_when_the_runtime_is_not_referenced()
    {
        GeneratorRun run = Run(TwoNetworks, LanguageVersion.CSharp12, WithoutRuntime);

        Diagnostic diagnostic = Assert.Single(run.Result.Diagnostics);
        Assert.Equal("NG0030", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(
            "This project declares networks but does not reference the NetGen runtime (no type NetGen.INetwork), which the generated code calls, so no network is generated; add the NetGen package, which carries the runtime, to a project targeting net8.0 or later: dotnet add package NetGen",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        GeneratorAssert.GeneratedNothing(run);
        // The user's code compiles, apart from its call to the generated constructor, which is missing.
        Assert.All(run.OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), d => Assert.Equal("CS1739", d.Id));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, "7.3")]
    [InlineData(LanguageVersion.CSharp8, "8.0")]
    public void Reports_NG0031_naming_C_sharp_9_and_generates_nothing_below_it(LanguageVersion version, string shown)
    {
        GeneratorRun run = Run(TwoNetworks, version, TestReferences.All.ToArray());

        Diagnostic diagnostic = Assert.Single(run.Result.Diagnostics);
        Assert.Equal("NG0031", diagnostic.Id);
        Assert.Equal(
            $"The code NetGen generates needs C# 9.0 or later, but this project compiles as C# {shown}, so no network is generated; set <LangVersion>9.0</LangVersion> or later in the project file, or remove LangVersion to use the SDK's default",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        GeneratorAssert.GeneratedNothing(run);
    }

    [Fact]
    public void Reports_nothing_about_the_project_when_it_declares_no_network()
    {
        GeneratorRun run = Run("namespace Samples { public class Plain { } }", LanguageVersion.CSharp7_3, WithoutRuntime);

        GeneratorAssert.ReportedNothing(run);
    }

    // The stated minimum: the generated code of unrolled and SIMD layers, nested in a generic type, with a user
    // constructor, compiles at C# 9 with neither errors nor warnings.
    [Fact]
    public void Generated_code_compiles_at_C_sharp_9_the_stated_minimum()
    {
        GeneratorRun run = Run(TwoNetworks, LanguageVersion.CSharp9, TestReferences.All.ToArray());

        GeneratorAssert.DidNotFail(run);
        GeneratorAssert.ReportedNothing(run);
        Assert.Equal(2, run.GeneratedSources.Length);
        GeneratorAssert.OutputCompilesCleanly(run);
    }

    [Fact]
    public void The_minimum_language_version_is_C_sharp_9() =>
        Assert.Equal(LanguageVersion.CSharp9, Model.ProjectSupport.MinimumLanguageVersion);

    private static GeneratorRun Run(string source, LanguageVersion version, MetadataReference[] references)
    {
        var parseOptions = new CSharpParseOptions(version, DocumentationMode.Diagnose);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "UserProject",
            new[] { CSharpSyntaxTree.ParseText(source, parseOptions, GeneratorHarness.SourcePath) },
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: version >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new NetworkGenerator().AsSourceGenerator() },
            parseOptions: parseOptions);
        return GeneratorHarness.Run(driver, compilation);
    }
}
