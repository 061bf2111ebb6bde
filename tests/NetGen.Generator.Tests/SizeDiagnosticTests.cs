using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>Diagnostics about the network's shape: no layers, sizes below 1, too many parameters.</summary>
public sealed class SizeDiagnosticTests
{
    [Fact]
    public void Reports_NG0002_on_the_network_attribute_when_there_are_no_layers() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [[|Network(2)|]]
            public partial class Net;
            """,
            "NG0002",
            DiagnosticSeverity.Error,
            "Network 'Net' declares no layers; add at least one [Dense(size, activation)] attribute after [Network]");

    [Fact]
    public void Reports_NG0003_on_the_inputs_argument_when_it_is_zero() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [Network([|0|])]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net;
            """,
            "NG0003",
            DiagnosticSeverity.Error,
            "Network 'Net' has input size 0; the number of inputs must be at least 1");

    [Fact]
    public void Reports_NG0003_on_a_named_inputs_argument_when_it_is_negative() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [Network([|inputs: -2|], Loss = Loss.MeanSquaredError)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net;
            """,
            "NG0003",
            DiagnosticSeverity.Error,
            "Network 'Net' has input size -2; the number of inputs must be at least 1");

    [Fact]
    public void Reports_NG0004_on_the_size_argument_of_the_layer_with_a_negative_size() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [Network(2)]
            [Dense(4, Activation.Tanh)]
            [Dense([|-5|], Activation.Sigmoid)]
            public partial class Net;
            """,
            "NG0004",
            DiagnosticSeverity.Error,
            "Layer 2 of network 'Net' has size -5; a layer must have at least 1 neuron");

    // 4096 × 4097 + 4097 + 4097 × 1 + 1 = 16,789,507 parameters, just over 2^24 = 16,777,216.
    [Fact]
    public void Reports_NG0005_on_the_network_attribute_when_the_parameters_exceed_2_to_the_24() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [[|Network(4096)|]]
            [Dense(4097, Activation.ReLU)]
            [Dense(1, Activation.Identity)]
            public partial class Net;
            """,
            "NG0005",
            DiagnosticSeverity.Error,
            "Network 'Net' has 16,789,507 parameters; NetGen generates networks of at most 16,777,216 parameters (64 MiB per buffer); use fewer or smaller layers");

    // Three layers of int.MaxValue² weights each overflow a 64-bit count; the size must still be reported.
    [Fact]
    public void Reports_NG0005_with_the_exact_count_when_the_parameter_count_overflows_64_bits() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [[|Network(int.MaxValue)|]]
            [Dense(int.MaxValue, Activation.ReLU)]
            [Dense(int.MaxValue, Activation.ReLU)]
            [Dense(int.MaxValue, Activation.ReLU)]
            public partial class Net;
            """,
            "NG0005",
            DiagnosticSeverity.Error,
            "Network 'Net' has 13,835,058,048,839,712,768 parameters; NetGen generates networks of at most 16,777,216 parameters (64 MiB per buffer); use fewer or smaller layers");
}
