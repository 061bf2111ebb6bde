using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;
using Xunit;
using static Microsoft.CodeAnalysis.IncrementalStepRunReason;

namespace NetGen.Generator.Tests;

/// <summary>What the generator recomputes after an edit: nothing for unrelated edits, the source only when the network changes.</summary>
public sealed class IncrementalCachingTests
{
    private const string Source = """
        using NetGen;

        namespace Samples;

        [Network(2)]
        [Dense(4, Activation.Tanh)]
        [Dense(1, Activation.Sigmoid)]
        public partial class Net;

        // A comment after the declaration.
        """;

    private const string HintName = "Samples.Net.g.cs";

    // Parse is the transform of ForAttributeWithMetadataName, which Roslyn re-runs whenever the compilation
    // changes; its equal output (Unchanged) is what lets every later step come from the cache.
    [Fact]
    public void Caches_every_step_after_parse_when_an_unrelated_file_is_added()
    {
        Baseline first = Start(Source);
        Compilation edited = first.Compilation.AddSyntaxTrees(GeneratorHarness.Parse("namespace Other;\n\ninternal sealed class Unrelated;\n", "Unrelated.cs"));

        GeneratorRun second = GeneratorHarness.Run(first.Run.Driver, edited);

        IncrementalAssert.StepOutputsAre(second, TrackingNames.Parse, Cached, Unchanged);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.Validate, Cached);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.Diagnostics, Cached);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.Spec, Cached);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.Plan, Cached);
        IncrementalAssert.SourceOutputsAre(second, Cached);
        Assert.Equal(first.Run.SourceOf(HintName), second.SourceOf(HintName));
    }

    // The parsed declaration holds source locations, which belong to the edited tree, so it is recomputed;
    // without diagnostics its validation is equal, so everything after it comes from the cache.
    [Fact]
    public void Keeps_the_source_cached_when_a_comment_after_the_declaration_is_edited()
    {
        Baseline first = Start(Source);

        GeneratorRun second = GeneratorHarness.Run(first.Run.Driver, Edit(first.Compilation, "// A comment after the declaration.", "// An edited comment after the declaration, now longer."));

        IncrementalAssert.StepOutputsAre(second, TrackingNames.Parse, Modified);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.Validate, Unchanged);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.Diagnostics, Cached);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.Spec, Cached);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.Plan, Cached);
        IncrementalAssert.SourceOutputsAre(second, Cached);
    }

    // The comment moves every location down two lines: the parsed declaration changes, but the network does not.
    [Fact]
    public void Keeps_the_generated_source_when_a_comment_before_the_declaration_moves_it()
    {
        Baseline first = Start(Source);

        GeneratorRun second = GeneratorHarness.Run(first.Run.Driver, Edit(first.Compilation, "[Network(2)]", "// A comment before the declaration,\n// two lines long.\n[Network(2)]"));

        IncrementalAssert.StepOutputsAre(second, TrackingNames.Parse, Modified);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.Validate, Unchanged);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.Spec, Cached, Unchanged);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.Plan, Cached, Unchanged);
        IncrementalAssert.SourceOutputsAre(second, Cached, Unchanged);
        Assert.Equal(first.Run.SourceOf(HintName), second.SourceOf(HintName));
    }

    // A warning carries its location, so it must move with the declaration while the source stays cached.
    [Fact]
    public void Moves_a_warning_with_its_declaration_and_keeps_the_source_cached()
    {
        Baseline first = Start(Source.Replace("[Dense(4, Activation.Tanh)]", "[Dense(4, Activation.Tanh, Slope = 0.5f)]"));
        Assert.Equal(6, Assert.Single(first.Run.Result.Diagnostics).Location.GetLineSpan().StartLinePosition.Line + 1);

        GeneratorRun second = GeneratorHarness.Run(first.Run.Driver, Edit(first.Compilation, "[Network(2)]", "// Moved down.\n[Network(2)]"));

        IncrementalAssert.StepOutputsAre(second, TrackingNames.Validate, Modified);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.Diagnostics, Modified);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.Spec, Unchanged);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.Plan, Cached);
        Diagnostic moved = Assert.Single(second.Result.Diagnostics);
        Assert.Equal("NG0015", moved.Id);
        Assert.Equal(7, moved.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Equal(first.Run.SourceOf(HintName), second.SourceOf(HintName));
    }

    // The hint names depend on every network's name, but a network whose file name is unaffected keeps its source.
    [Fact]
    public void Keeps_a_networks_source_cached_when_another_network_is_added()
    {
        Baseline first = Start(Source);
        Compilation edited = first.Compilation.AddSyntaxTrees(GeneratorHarness.Parse(
            "using NetGen;\n\nnamespace Other;\n\n[Network(1)]\n[Dense(1, Activation.Tanh)]\ninternal partial class Added;\n", "Added.cs"));

        GeneratorRun second = GeneratorHarness.Run(first.Run.Driver, edited);

        IncrementalAssert.StepOutputsAre(second, TrackingNames.NetworkNames, Modified);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.File, Cached, Unchanged, New);
        Assert.Single(IncrementalAssert.Reasons(second, TrackingNames.File), r => r == New);
        IncrementalAssert.SourceOutputsAre(second, Cached, Unchanged, New);
        Assert.Equal(2, second.GeneratedSources.Length);
        Assert.Equal(first.Run.SourceOf(HintName), second.SourceOf(HintName));
    }

    [Fact]
    public void Regenerates_the_source_when_a_layer_size_changes()
    {
        Baseline first = Start(Source);

        GeneratorRun second = GeneratorHarness.Run(first.Run.Driver, Edit(first.Compilation, "[Dense(4, Activation.Tanh)]", "[Dense(5, Activation.Tanh)]"));

        IncrementalAssert.StepOutputsAre(second, TrackingNames.Spec, Modified);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.Plan, Modified);
        Assert.Contains(Modified, second.Generator.TrackedOutputSteps.SelectMany(p => p.Value).SelectMany(s => s.Outputs).Select(o => o.Reason));
        string before = first.Run.SourceOf(HintName), after = second.SourceOf(HintName);
        Assert.NotEqual(before, after);
        Assert.Contains("public const int ParameterCount = 17;", before);
        Assert.Contains("public const int ParameterCount = 21;", after);
        GeneratorAssert.OutputCompilesCleanly(second);
    }

    [Fact]
    public void Removes_the_source_and_reports_an_error_when_an_edit_makes_the_network_invalid()
    {
        Baseline first = Start(Source);

        GeneratorRun second = GeneratorHarness.Run(first.Run.Driver, Edit(first.Compilation, "[Dense(4, Activation.Tanh)]", "[Dense(4, Activation.Softmax)]"));

        GeneratorAssert.GeneratedNothing(second);
        Assert.Equal("NG0006", Assert.Single(second.Result.Diagnostics).Id);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.Validate, Modified);
    }

    private static Baseline Start(string source)
    {
        Compilation compilation = GeneratorHarness.Compile(source);
        GeneratorRun run = GeneratorHarness.Run(compilation);
        GeneratorAssert.DidNotFail(run);
        Assert.Single(run.GeneratedSources);
        return new Baseline(compilation, run);
    }

    private static Compilation Edit(Compilation compilation, string oldText, string newText)
    {
        SyntaxTree tree = compilation.SyntaxTrees.Single(t => t.FilePath == GeneratorHarness.SourcePath);
        string source = tree.GetText().ToString();
        Assert.Contains(oldText, source);
        return compilation.ReplaceSyntaxTree(tree, GeneratorHarness.Parse(source.Replace(oldText, newText), GeneratorHarness.SourcePath));
    }

    private sealed record Baseline(Compilation Compilation, GeneratorRun Run);
}
