using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>Diagnostics about activations, losses, slopes and kernel strategies.</summary>
public sealed class ActivationDiagnosticTests
{
    private const string ActivationChoices =
        "NetGen.Activation.Identity, NetGen.Activation.Sigmoid, NetGen.Activation.Tanh, NetGen.Activation.ReLU, NetGen.Activation.LeakyReLU, NetGen.Activation.Softmax";

    [Fact]
    public void Reports_NG0006_on_the_activation_argument_when_softmax_is_on_a_hidden_layer() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [Network(4)]
            [Dense(3, [|Activation.Softmax|])]
            [Dense(1, Activation.Identity)]
            public partial class Net;
            """,
            "NG0006",
            DiagnosticSeverity.Error,
            "Layer 1 of network 'Net' is a hidden layer and cannot use Softmax; use Softmax on the last layer only and another activation (such as ReLU or Tanh) here");

    [Fact]
    public void Reports_NG0007_on_the_loss_argument_when_cross_entropy_has_no_softmax_output() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [Network(4, [|Loss = Loss.CrossEntropy|])]
            [Dense(3, Activation.Sigmoid)]
            public partial class Net;
            """,
            "NG0007",
            DiagnosticSeverity.Error,
            "Network 'Net' uses Loss.CrossEntropy but its output layer uses Sigmoid; give the last layer Activation.Softmax, or use Loss.BinaryCrossEntropy with a Sigmoid output or Loss.MeanSquaredError");

    [Fact]
    public void Reports_NG0008_on_the_loss_argument_when_binary_cross_entropy_has_no_sigmoid_output() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [Network(4, [|Loss = Loss.BinaryCrossEntropy|])]
            [Dense(3, Activation.Softmax)]
            public partial class Net;
            """,
            "NG0008",
            DiagnosticSeverity.Error,
            "Network 'Net' uses Loss.BinaryCrossEntropy but its output layer uses Softmax; give the last layer Activation.Sigmoid, or use Loss.CrossEntropy with a Softmax output or Loss.MeanSquaredError");

    [Fact]
    public void Reports_NG0011_on_the_activation_argument_when_it_is_not_a_defined_value() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [Network(2)]
            [Dense(1, [|(Activation)42|])]
            public partial class Net;
            """,
            "NG0011",
            DiagnosticSeverity.Error,
            "42 is not a defined NetGen.Activation value; use one of " + ActivationChoices);

    // C# lets a named argument stand in its own position before positional ones; the location must still be the argument.
    [Fact]
    public void Reports_NG0011_on_the_positional_activation_argument_after_a_named_size() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [Network(2)]
            [Dense(size: 1, [|(Activation)42|])]
            public partial class Net;
            """,
            "NG0011",
            DiagnosticSeverity.Error,
            "42 is not a defined NetGen.Activation value; use one of " + ActivationChoices);

    [Fact]
    public void Reports_NG0011_on_the_loss_argument_when_it_is_not_a_defined_value() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [Network(2, [|Loss = (Loss)9|])]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net;
            """,
            "NG0011",
            DiagnosticSeverity.Error,
            "9 is not a defined NetGen.Loss value; use one of NetGen.Loss.MeanSquaredError, NetGen.Loss.CrossEntropy, NetGen.Loss.BinaryCrossEntropy");

    [Fact]
    public void Reports_NG0011_on_the_kernels_argument_when_it_is_not_a_defined_value() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [Network(2, [|Kernels = (KernelStrategy)(-1)|])]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net;
            """,
            "NG0011",
            DiagnosticSeverity.Error,
            "-1 is not a defined NetGen.KernelStrategy value; use one of NetGen.KernelStrategy.Auto, NetGen.KernelStrategy.Unrolled, NetGen.KernelStrategy.Simd");

    [Fact]
    public void Reports_NG0012_on_the_slope_argument_when_a_leaky_relu_slope_is_above_1() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [Network(2)]
            [Dense(3, Activation.LeakyReLU, [|Slope = 1.5f|])]
            [Dense(1, Activation.Identity)]
            public partial class Net;
            """,
            "NG0012",
            DiagnosticSeverity.Error,
            "Layer 1 of network 'Net' has slope 1.5; a LeakyReLU slope must be a finite number from 0 to 1");

    [Fact]
    public void Reports_NG0012_when_a_leaky_relu_slope_is_nan() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.LeakyReLU, [|Slope = float.NaN|])]
            public partial class Net;
            """,
            "NG0012",
            DiagnosticSeverity.Error,
            "Layer 1 of network 'Net' has slope NaN; a LeakyReLU slope must be a finite number from 0 to 1");

    // 32 × 32 = 1,024 weights, over the hard cap of 512: the layer stays SIMD and the network is still generated.
    [Fact]
    public void Warns_NG0013_on_the_kernels_argument_when_a_layer_is_too_large_to_unroll() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [Network(32, [|Kernels = KernelStrategy.Unrolled|])]
            [Dense(32, Activation.Tanh)]
            public partial class Net;
            """,
            "NG0013",
            DiagnosticSeverity.Warning,
            "Layer 1 of network 'Net' has 1,024 weights, more than the 512 that can be unrolled within the JIT's optimisation limits; it is generated as SIMD code instead");

    [Fact]
    public void Warns_NG0015_on_the_slope_argument_when_the_activation_is_not_leaky_relu() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Tanh, [|Slope = 0.5f|])]
            public partial class Net;
            """,
            "NG0015",
            DiagnosticSeverity.Warning,
            "Layer 1 of network 'Net' sets Slope but uses Tanh; Slope only applies to Activation.LeakyReLU, so remove it or change the activation");
}
