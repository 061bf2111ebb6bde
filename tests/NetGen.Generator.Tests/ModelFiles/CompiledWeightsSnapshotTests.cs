using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;
using Xunit;

namespace NetGen.Generator.Tests.ModelFiles;

/// <summary>Snapshots of networks with compiled-in weights: the data blob, the parameterless constructor, the seeded one without a default; and inference-only networks.</summary>
public sealed class CompiledWeightsSnapshotTests
{
    [Fact]
    public void Compiles_in_the_weights_of_a_network_declared_from_an_onnx_file() =>
        Verify(
            """
            using NetGen;

            namespace Samples;

            [OnnxNetwork("models/linear.onnx")]
            public partial class Linear;
            """,
            "linear.onnx");

    [Fact]
    public void Compiles_in_the_weights_of_a_netgen_model_file_checked_against_the_declared_layers() =>
        Verify(
            """
            using NetGen;

            namespace Samples;

            [Network(4, Weights = "netgen_naming.ngm")]
            [Dense(5, Activation.ReLU)]
            [Dense(3, Activation.Identity)]
            public partial class Trained;
            """,
            "netgen_naming.ngm");

    [Fact]
    public void Generates_an_inference_only_network_from_a_safetensors_file() =>
        Verify(
            """
            using NetGen;

            namespace Samples;

            [Network(4, Weights = "relu_identity.safetensors", InferenceOnly = true)]
            [Dense(8, Activation.ReLU)]
            [Dense(3, Activation.Identity)]
            public partial class Regressor;
            """,
            "relu_identity.safetensors");

    [Fact]
    public void Generates_an_inference_only_network_from_an_onnx_file() =>
        Verify(
            """
            using NetGen;

            namespace Samples;

            [OnnxNetwork("sigmoid_softmax.onnx", Loss = Loss.CrossEntropy, InferenceOnly = true)]
            public partial class Classifier;
            """,
            "sigmoid_softmax.onnx");

    /// <summary>The checks of <see cref="NetworkSnapshot"/>, with <paramref name="fixture"/> among the AdditionalFiles.</summary>
    private static void Verify(string source, string fixture, [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "")
    {
        Compilation compilation = GeneratorHarness.Compile(source);
        GeneratorRun run = GeneratorHarness.Run(ModelFileHarness.CreateDriver(new BinaryAdditionalFile(ModelFileHarness.Fixture(fixture))), compilation);
        GeneratorAssert.DidNotFail(run);
        GeneratorAssert.ReportedNothing(run);
        GeneratorAssert.OutputCompilesCleanly(run);
        ModelGraphAssert.HoldsNoCompilationObjects(run);

        GeneratorRun again = GeneratorHarness.Run(run.Driver, compilation.Clone());
        GeneratorAssert.DidNotFail(again);
        // An [OnnxNetwork] has no [Network] to parse, so not every step runs; those that do must be cached.
        IncrementalAssert.NothingRecomputed(again, requireEveryStep: false);
        IncrementalAssert.StepOutputsAre(again, TrackingNames.Validate, IncrementalStepRunReason.Cached);
        IncrementalAssert.StepOutputsAre(again, TrackingNames.ModelFile, IncrementalStepRunReason.Cached);

        Snapshot.Verify(run, testFile, testMethod);
    }
}
