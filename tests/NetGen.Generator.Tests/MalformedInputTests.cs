using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using NetGen.Generator.Tests.Infrastructure;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>
/// The generator runs inside the compiler and the IDE on half-typed code: whatever the input, it must not
/// throw. Where the compiler already reports the error, the generator stays silent rather than add noise.
/// </summary>
public sealed class MalformedInputTests
{
    [Fact]
    public void Stays_silent_when_the_attributes_lack_constructor_arguments()
    {
        GeneratorRun run = RunExpectingCompilerError("""
            using NetGen;

            [Network]
            [Dense]
            public partial class Net;
            """, "CS7036");

        GeneratorAssert.GeneratedNothing(run);
        GeneratorAssert.ReportedNothing(run);
    }

    [Fact]
    public void Stays_silent_when_a_layer_argument_has_the_wrong_type()
    {
        GeneratorRun run = RunExpectingCompilerError("""
            using NetGen;

            [Network(2)]
            [Dense("x", Activation.Tanh)]
            public partial class Net;
            """, "CS1503");

        GeneratorAssert.GeneratedNothing(run);
        GeneratorAssert.ReportedNothing(run);
    }

    [Fact]
    public void Stays_silent_when_the_inputs_argument_has_the_wrong_type()
    {
        GeneratorRun run = RunExpectingCompilerError("""
            using NetGen;

            [Network(2.5)]
            [Dense(1, Activation.Tanh)]
            public partial class Net;
            """, "CS1503");

        GeneratorAssert.GeneratedNothing(run);
        GeneratorAssert.ReportedNothing(run);
    }

    [Fact]
    public void Reports_NG0011_for_out_of_range_activation_and_loss_values()
    {
        GeneratorRun run = RunWithoutFailure("""
            using NetGen;

            [Network(2, Loss = (Loss)9)]
            [Dense(1, (Activation)42)]
            public partial class Net;
            """);

        GeneratorAssert.GeneratedNothing(run);
        Assert.Equal(new[] { "NG0011", "NG0011" }, run.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Stays_silent_when_network_is_applied_twice_to_one_declaration()
    {
        GeneratorRun run = RunExpectingCompilerError("""
            using NetGen;

            [Network(2)]
            [Network(3)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net;
            """, "CS0579");

        GeneratorAssert.GeneratedNothing(run);
        GeneratorAssert.ReportedNothing(run);
    }

    [Fact]
    public void Stays_silent_when_network_is_applied_to_two_partial_declarations()
    {
        GeneratorRun run = RunExpectingCompilerError("""
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net;

            [Network(3)]
            public partial class Net;
            """, "CS0579");

        GeneratorAssert.GeneratedNothing(run);
        GeneratorAssert.ReportedNothing(run);
    }

    [Fact]
    public void Warns_NG0020_on_the_first_dense_layer_of_a_class_without_a_network_attribute()
    {
        const string Source = """
            using NetGen;

            [Dense(4, Activation.Tanh)]
            [Dense(1, Activation.Sigmoid)]
            public partial class NotANetwork;
            """;
        GeneratorRun run = RunWithoutFailure(Source);

        GeneratorAssert.GeneratedNothing(run);
        Diagnostic warning = Assert.Single(run.Result.Diagnostics);
        Assert.Equal("NG0020", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(
            "'NotANetwork' has [Dense] layers but no [Network] attribute, so nothing is generated; add [Network(inputs)] to the declaration",
            warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new LinePosition(2, 1), warning.Location.GetLineSpan().StartLinePosition);
        Assert.Equal("Dense(4, Activation.Tanh)", Source.Substring(warning.Location.SourceSpan.Start, warning.Location.SourceSpan.Length));
    }

    [Fact]
    public void Ignores_network_attributes_on_a_struct()
    {
        GeneratorRun run = RunExpectingCompilerError("""
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public partial struct Net;
            """, "CS0592");

        GeneratorAssert.GeneratedNothing(run);
        GeneratorAssert.ReportedNothing(run);
    }

    [Fact]
    public void Ignores_network_attributes_on_a_record_struct()
    {
        GeneratorRun run = RunExpectingCompilerError("""
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public partial record struct Net;
            """, "CS0592");

        GeneratorAssert.GeneratedNothing(run);
        GeneratorAssert.ReportedNothing(run);
    }

    [Fact]
    public void Generates_a_network_whose_class_has_an_empty_body()
    {
        GeneratorRun run = RunWithoutFailure("""
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net
            {
            }
            """);

        Assert.Single(run.GeneratedSources);
        GeneratorAssert.OutputCompilesCleanly(run);
    }

    [Fact]
    public void Survives_a_file_full_of_syntax_errors()
    {
        Compilation compilation = GeneratorHarness.Compile("""
            using NetGen;

            [Network(2, Loss = )]
            [Dense(4, Activation.)]
            [Dense(
            public partial class Net
            {
                public void Forward(
            [Network(inputs: ]
            partial class
            """);
        Assert.Contains(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);

        GeneratorRun run = GeneratorHarness.Run(compilation);

        GeneratorAssert.DidNotFail(run);
        GeneratorAssert.GeneratedNothing(run);
    }

    [Fact]
    public void Rejects_a_nan_leaky_relu_slope()
    {
        GeneratorRun run = RunWithoutFailure("""
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.LeakyReLU, Slope = float.NaN)]
            public partial class Net;
            """);

        GeneratorAssert.GeneratedNothing(run);
        Assert.Equal("NG0012", Assert.Single(run.Diagnostics).Id);
    }

    // The slope is ignored, so the network is valid; the generated code must not contain a NaN literal.
    [Fact]
    public void Generates_compiling_code_when_a_non_leaky_layer_has_a_nan_slope()
    {
        GeneratorRun run = RunWithoutFailure("""
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Tanh, Slope = float.NaN)]
            public partial class Net;
            """);

        Assert.Equal("NG0015", Assert.Single(run.Diagnostics).Id);
        Assert.DoesNotContain("NaN", run.SourceOf("Net.g.cs"));
        GeneratorAssert.OutputCompilesCleanly(run);
    }

    [Fact]
    public void Rejects_int_max_value_inputs_as_too_large()
    {
        GeneratorRun run = RunWithoutFailure("""
            using NetGen;

            [Network(int.MaxValue)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net;
            """);

        GeneratorAssert.GeneratedNothing(run);
        Assert.Equal("NG0005", Assert.Single(run.Diagnostics).Id);
    }

    // Before the parameter count was kept exact, this overflowed to a small number and the emitter tried to unroll 2^31 terms.
    [Fact]
    public void Rejects_layers_of_int_max_value_whose_parameter_count_overflows_a_long()
    {
        GeneratorRun run = RunWithoutFailure("""
            using NetGen;

            [Network(int.MaxValue)]
            [Dense(int.MaxValue, Activation.ReLU)]
            [Dense(int.MaxValue, Activation.ReLU)]
            [Dense(int.MaxValue, Activation.ReLU)]
            [Dense(int.MaxValue, Activation.ReLU)]
            public partial class Net;
            """);

        GeneratorAssert.GeneratedNothing(run);
        Assert.Equal("NG0005", Assert.Single(run.Diagnostics).Id);
    }

    [Fact]
    public void Rejects_negative_input_and_layer_sizes_without_a_size_error_cascade()
    {
        GeneratorRun run = RunWithoutFailure("""
            using NetGen;

            [Network(-1)]
            [Dense(-1, Activation.Tanh)]
            [Dense(int.MinValue, Activation.Sigmoid)]
            public partial class Net;
            """);

        GeneratorAssert.GeneratedNothing(run);
        Assert.Equal(new[] { "NG0003", "NG0004", "NG0004" }, run.Diagnostics.Select(d => d.Id));
    }

    private static GeneratorRun RunWithoutFailure(string source)
    {
        GeneratorRun run = GeneratorHarness.Run(source);
        GeneratorAssert.DidNotFail(run);
        return run;
    }

    /// <summary>Checks that the source really is broken the way the test says, so the test keeps testing what its name claims.</summary>
    private static GeneratorRun RunExpectingCompilerError(string source, string compilerErrorId)
    {
        Compilation compilation = GeneratorHarness.Compile(source);
        Assert.Contains(compilation.GetDiagnostics(), d => d.Id == compilerErrorId && d.Severity == DiagnosticSeverity.Error);
        GeneratorRun run = GeneratorHarness.Run(compilation);
        GeneratorAssert.DidNotFail(run);
        return run;
    }
}
