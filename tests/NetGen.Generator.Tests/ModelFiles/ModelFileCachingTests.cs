using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;
using Xunit;
using static Microsoft.CodeAnalysis.IncrementalStepRunReason;

namespace NetGen.Generator.Tests.ModelFiles;

/// <summary>
/// What the generator recomputes for a network with compiled-in weights: nothing after an unrelated edit or an
/// unrelated model file, the source when one byte of its weight file changes.
/// </summary>
public sealed class ModelFileCachingTests : System.IDisposable
{
    private const string Source = """
        using NetGen;

        namespace Samples;

        [Network(3, Weights = "linear.safetensors")]
        [Dense(2, Activation.Identity)]
        public partial class Net;
        """;

    private const string HintName = "Samples.Net.g.cs";

    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Caches_every_step_after_parse_when_an_unrelated_file_is_added()
    {
        (GeneratorRun first, Compilation compilation, _) = Start();

        GeneratorRun second = GeneratorHarness.Run(first.Driver, compilation.AddSyntaxTrees(GeneratorHarness.Parse("namespace Other;\n\ninternal sealed class Unrelated;\n", "Unrelated.cs")));

        IncrementalAssert.StepOutputsAre(second, TrackingNames.ModelFile, Cached);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.Resolve, Cached);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.Validate, Cached);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.Plan, Cached);
        IncrementalAssert.SourceOutputsAre(second, Cached);
        Assert.Equal(first.SourceOf(HintName), second.SourceOf(HintName));
    }

    [Fact]
    public void Regenerates_the_network_when_one_byte_of_its_weight_file_changes()
    {
        (GeneratorRun first, Compilation compilation, BinaryAdditionalFile file) = Start();
        byte[] bytes = System.IO.File.ReadAllBytes(file.Path);
        bytes[^1] ^= 0x01;
        System.IO.File.WriteAllBytes(file.Path, bytes);
        var changed = new BinaryAdditionalFile(file.Path);

        GeneratorRun second = GeneratorHarness.Run(first.Driver.ReplaceAdditionalText(file, changed), compilation);

        GeneratorAssert.DidNotFail(second);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.ModelFile, Modified);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.Validate, Modified);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.Plan, Modified);
        IncrementalAssert.SourceOutputsAre(second, Cached, Modified);
        Assert.NotEqual(first.SourceOf(HintName), second.SourceOf(HintName));
        GeneratorAssert.OutputCompilesCleanly(second);
    }

    [Fact]
    public void Regenerates_nothing_when_the_weight_file_is_saved_again_unchanged()
    {
        (GeneratorRun first, Compilation compilation, BinaryAdditionalFile file) = Start();
        var resaved = new BinaryAdditionalFile(file.Path);

        GeneratorRun second = GeneratorHarness.Run(first.Driver.ReplaceAdditionalText(file, resaved), compilation);

        IncrementalAssert.StepOutputsAre(second, TrackingNames.ModelFile, Unchanged);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.Validate, Cached);
        IncrementalAssert.SourceOutputsAre(second, Cached);
    }

    [Fact]
    public void Regenerates_nothing_when_an_unrelated_model_file_is_added()
    {
        (GeneratorRun first, Compilation compilation, _) = Start();

        GeneratorRun second = GeneratorHarness.Run(
            first.Driver.AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(new BinaryAdditionalFile(ModelFileHarness.Fixture("leaky_tanh.onnx")))),
            compilation);

        IncrementalAssert.StepOutputsAre(second, TrackingNames.Resolve, Cached, Unchanged);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.Validate, Cached);
        IncrementalAssert.SourceOutputsAre(second, Cached);
    }

    [Fact]
    public void A_second_run_on_an_equal_compilation_recomputes_nothing_and_the_models_hold_no_compilation_objects()
    {
        (GeneratorRun first, Compilation compilation, _) = Start();

        GeneratorRun second = GeneratorHarness.Run(first.Driver, compilation.Clone());

        ModelGraphAssert.HoldsNoCompilationObjects(first);
        IncrementalAssert.NothingRecomputed(second);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.ModelFile, Cached);
    }

    [Fact]
    public void Turning_InferenceOnly_on_regenerates_the_network_from_the_file_already_read()
    {
        (GeneratorRun first, Compilation compilation, _) = Start();
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        Compilation edited = compilation.ReplaceSyntaxTree(
            tree,
            GeneratorHarness.Parse(Source.Replace("Weights = \"linear.safetensors\"", "Weights = \"linear.safetensors\", InferenceOnly = true", System.StringComparison.Ordinal), tree.FilePath));

        GeneratorRun second = GeneratorHarness.Run(first.Driver, edited);

        GeneratorAssert.DidNotFail(second);
        GeneratorAssert.ReportedNothing(second);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.ModelFile, Cached);
        IncrementalAssert.StepOutputsAre(second, TrackingNames.Plan, Modified);
        Assert.Contains("partial class Net : global::NetGen.IInferenceNetwork", second.SourceOf(HintName), System.StringComparison.Ordinal);
        Assert.DoesNotContain("Backward", second.SourceOf(HintName), System.StringComparison.Ordinal);
        GeneratorAssert.OutputCompilesCleanly(second);
    }

    private (GeneratorRun Run, Compilation Compilation, BinaryAdditionalFile File) Start()
    {
        var file = new BinaryAdditionalFile(_scratch.Write("linear.safetensors", ModelFileHarness.FixtureBytes("linear.safetensors")));
        Compilation compilation = GeneratorHarness.Compile(Source);
        GeneratorRun run = GeneratorHarness.Run(ModelFileHarness.CreateDriver(file), compilation);
        GeneratorAssert.DidNotFail(run);
        GeneratorAssert.ReportedNothing(run);
        GeneratorAssert.OutputCompilesCleanly(run);
        Assert.Single(run.GeneratedSources);
        return (run, compilation, file);
    }
}
