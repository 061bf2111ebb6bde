using NetGen.Generator.Tests.Infrastructure;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>Snapshots of diagnostics as text, for declarations with several problems or a warning next to generated code.</summary>
public sealed class DiagnosticSnapshotTests
{
    [Fact]
    public void Reports_every_problem_of_a_declaration_and_generates_nothing() =>
        NetworkSnapshot.VerifyRejected("""
            using NetGen;

            namespace Samples;

            [Network(0, Loss = Loss.CrossEntropy)]
            [Dense(-3, Activation.Softmax)]
            [Dense(4, Activation.LeakyReLU, Slope = 2f)]
            [Dense(2, (Activation)42)]
            internal partial class Broken;
            """);

    // A warning leaves the network valid: both the diagnostic and the code are part of the snapshot.
    [Fact]
    public void Reports_a_warning_next_to_the_generated_code() =>
        NetworkSnapshot.Verify("""
            using NetGen;

            namespace Samples;

            [Network(2)]
            [Dense(3, Activation.Tanh, Slope = 0.5f)]
            [Dense(1, Activation.Identity)]
            public partial class IgnoredSlope;
            """);
}
