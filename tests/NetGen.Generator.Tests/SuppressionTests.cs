using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generator.Tests.Infrastructure;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>
/// NetGen's warnings behave like the compiler's: they sit in the user's source, so <c>#pragma warning</c>,
/// <c>[SuppressMessage]</c> and a per-file <c>.editorconfig</c> severity apply to them.
/// </summary>
public sealed class SuppressionTests
{
    // NG0015 (a slope on a layer that is not LeakyReLU) is a warning that still generates the network.
    private const string SlopeIgnored = """
        using NetGen;

        namespace Samples;

        [Network(2)]
        [Dense(4, Activation.Tanh, Slope = 0.5f)]
        [Dense(1, Activation.Sigmoid)]
        public partial class Net;
        """;

    [Fact]
    public void Reports_warnings_in_the_users_source_tree_with_a_help_link_and_a_description()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(SlopeIgnored);
        GeneratorRun run = GeneratorHarness.Run(compilation);

        Diagnostic warning = Assert.Single(run.DriverDiagnostics);
        Assert.Equal("NG0015", warning.Id);
        Assert.True(warning.Location.IsInSource);
        Assert.Same(compilation.SyntaxTrees.Single(), warning.Location.SourceTree);
        Assert.Equal("https://github.com/netgen/netgen/blob/main/README.md#ng0015", warning.Descriptor.HelpLinkUri);
        Assert.False(string.IsNullOrWhiteSpace(warning.Descriptor.Description.ToString()));
    }

    [Fact]
    public void Pragma_warning_disable_suppresses_a_warning_and_the_network_is_still_generated()
    {
        GeneratorRun run = GeneratorHarness.Run(SlopeIgnored.Replace("[Network(2)]", "#pragma warning disable NG0015\n[Network(2)]"));

        GeneratorAssert.DidNotFail(run);
        Diagnostic warning = Assert.Single(run.DriverDiagnostics);
        Assert.Equal("NG0015", warning.Id);
        Assert.True(warning.IsSuppressed, "The pragma did not suppress the warning.");
        Assert.Single(run.GeneratedSources);
        GeneratorAssert.OutputCompilesCleanly(run);
    }

    [Fact]
    public void Pragma_warning_disable_after_the_declaration_leaves_the_warning_in_place()
    {
        GeneratorRun run = GeneratorHarness.Run(SlopeIgnored + "\n#pragma warning disable NG0015\n");

        Diagnostic warning = Assert.Single(run.DriverDiagnostics);
        Assert.Equal("NG0015", warning.Id);
        Assert.False(warning.IsSuppressed);
    }

    [Fact]
    public void A_per_file_editorconfig_severity_silences_a_warning_in_that_file_only()
    {
        const string other = """
            using NetGen;

            namespace Samples;

            [Network(2)]
            [Dense(4, Activation.Tanh, Slope = 0.5f)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Other;
            """;
        CSharpCompilation compilation = GeneratorHarness.Compile((GeneratorHarness.SourcePath, SlopeIgnored), ("Other.cs", other));
        SyntaxTree silenced = compilation.SyntaxTrees.Single(t => t.FilePath == GeneratorHarness.SourcePath);
        compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(
            new PerTreeOptions(silenced, "NG0015", ReportDiagnostic.Suppress)));

        GeneratorRun run = GeneratorHarness.Run(compilation);

        Diagnostic remaining = Assert.Single(run.DriverDiagnostics, d => !d.IsSuppressed);
        Assert.Equal("NG0015", remaining.Id);
        Assert.Equal("Other.cs", remaining.Location.GetLineSpan().Path);
        Assert.Equal(2, run.GeneratedSources.Length);
    }

    // GetEffectiveDiagnostics is the compiler's filter for diagnostics that did not come from an analyzer:
    // options, pragmas and [SuppressMessage], which it can apply only to a location in one of the trees.
    [Fact]
    public void SuppressMessage_on_the_network_class_suppresses_a_warning()
    {
        string suppressed = SlopeIgnored.Replace(
            "public partial class Net;",
            "[System.Diagnostics.CodeAnalysis.SuppressMessage(\"NetGen\", \"NG0015\", Justification = \"Kept for a later LeakyReLU.\")]\npublic partial class Net;");

        GeneratorRun plain = GeneratorHarness.Run(SlopeIgnored);
        GeneratorRun run = GeneratorHarness.Run(suppressed);

        Assert.False(Assert.Single(CompilationWithAnalyzers.GetEffectiveDiagnostics(plain.Result.Diagnostics, plain.OutputCompilation)).IsSuppressed);
        Diagnostic warning = Assert.Single(CompilationWithAnalyzers.GetEffectiveDiagnostics(run.Result.Diagnostics, run.OutputCompilation));
        Assert.Equal("NG0015", warning.Id);
        Assert.True(warning.IsSuppressed, "[SuppressMessage] did not suppress the warning.");
        Assert.Single(run.GeneratedSources);
    }

    [Fact]
    public void Every_descriptor_has_a_description_and_a_help_link_to_its_row_in_the_readme()
    {
        string readme = System.IO.File.ReadAllText(System.IO.Path.Combine(TestPaths.RepositoryRoot, "README.md"));
        DiagnosticDescriptor[] descriptors = typeof(DiagnosticDescriptors)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToArray();

        Assert.NotEmpty(descriptors);
        foreach (DiagnosticDescriptor descriptor in descriptors)
        {
            string anchor = descriptor.Id.ToLowerInvariant();
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()), $"{descriptor.Id} has no description.");
            Assert.Equal(DiagnosticDescriptors.HelpLinkBase + anchor, descriptor.HelpLinkUri);
            Assert.Contains($"| <a id=\"{anchor}\"></a>{descriptor.Id} |", readme);
        }
    }

    private sealed class PerTreeOptions : SyntaxTreeOptionsProvider
    {
        private readonly SyntaxTree _tree;
        private readonly string _id;
        private readonly ReportDiagnostic _severity;

        public PerTreeOptions(SyntaxTree tree, string id, ReportDiagnostic severity) => (_tree, _id, _severity) = (tree, id, severity);

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = _severity;
            return tree == _tree && diagnosticId == _id;
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = default;
            return false;
        }
    }
}
