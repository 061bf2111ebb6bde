using System.Threading.Tasks;
using Xunit;

namespace NetGen.CodeFixes.Tests;

/// <summary>NG0007 and NG0008: both fixes are offered, the output activation the loss needs, or the loss the output fits.</summary>
public sealed class MatchLossAndOutputTests
{
    private const string CrossEntropyOnSigmoid = """
        using NetGen;

        [Network(4, {|NG0007:Loss = Loss.CrossEntropy|})]
        [Dense(8, Activation.Tanh)]
        [Dense(3, Activation.Sigmoid)]
        public partial class Net { }
        """;

    private const string BinaryCrossEntropyOnSoftmax = """
        using NetGen;

        [Network(4, {|NG0008:Loss = Loss.BinaryCrossEntropy|})]
        [Dense(8, Activation.Tanh)]
        [Dense(3, Activation.Softmax)]
        public partial class Net { }
        """;

    [Fact]
    public Task NG0007_gives_the_output_layer_Softmax() =>
        new CodeFixTest<MatchLossAndOutputCodeFix>(
            CrossEntropyOnSigmoid,
            """
            using NetGen;

            [Network(4, Loss = Loss.CrossEntropy)]
            [Dense(8, Activation.Tanh)]
            [Dense(3, Activation.Softmax)]
            public partial class Net { }
            """)
        { CodeActionEquivalenceKey = MatchLossAndOutputCodeFix.ChangeActivationKey, CodeActionIndex = 0 }.RunAsync();

    [Fact]
    public Task NG0007_changes_the_loss_to_binary_cross_entropy_for_a_Sigmoid_output() =>
        new CodeFixTest<MatchLossAndOutputCodeFix>(
            CrossEntropyOnSigmoid,
            """
            using NetGen;

            [Network(4, Loss = Loss.BinaryCrossEntropy)]
            [Dense(8, Activation.Tanh)]
            [Dense(3, Activation.Sigmoid)]
            public partial class Net { }
            """)
        { CodeActionEquivalenceKey = MatchLossAndOutputCodeFix.ChangeLossKey, CodeActionIndex = 1 }.RunAsync();

    [Fact]
    public Task NG0008_gives_the_output_layer_Sigmoid() =>
        new CodeFixTest<MatchLossAndOutputCodeFix>(
            BinaryCrossEntropyOnSoftmax,
            """
            using NetGen;

            [Network(4, Loss = Loss.BinaryCrossEntropy)]
            [Dense(8, Activation.Tanh)]
            [Dense(3, Activation.Sigmoid)]
            public partial class Net { }
            """)
        { CodeActionEquivalenceKey = MatchLossAndOutputCodeFix.ChangeActivationKey, CodeActionIndex = 0 }.RunAsync();

    [Fact]
    public Task NG0008_changes_the_loss_to_cross_entropy_for_a_Softmax_output() =>
        new CodeFixTest<MatchLossAndOutputCodeFix>(
            BinaryCrossEntropyOnSoftmax,
            """
            using NetGen;

            [Network(4, Loss = Loss.CrossEntropy)]
            [Dense(8, Activation.Tanh)]
            [Dense(3, Activation.Softmax)]
            public partial class Net { }
            """)
        { CodeActionEquivalenceKey = MatchLossAndOutputCodeFix.ChangeLossKey, CodeActionIndex = 1 }.RunAsync();

    [Fact]
    public Task Changes_the_loss_to_mean_squared_error_for_any_other_output() =>
        new CodeFixTest<MatchLossAndOutputCodeFix>(
            """
            using NetGen;

            [Network(4, {|NG0007:Loss = Loss.CrossEntropy|})]
            [Dense(1, Activation.Identity)]
            public partial class Net { }
            """,
            """
            using NetGen;

            [Network(4, Loss = Loss.MeanSquaredError)]
            [Dense(1, Activation.Identity)]
            public partial class Net { }
            """)
        { CodeActionEquivalenceKey = MatchLossAndOutputCodeFix.ChangeLossKey, CodeActionIndex = 1 }.RunAsync();

    [Fact]
    public Task Fix_all_changes_the_loss_of_every_network() =>
        new CodeFixTest<MatchLossAndOutputCodeFix>(
            """
            using NetGen;

            [Network(4, {|NG0007:Loss = Loss.CrossEntropy|})]
            [Dense(3, Activation.Sigmoid)]
            public partial class First { }

            [Network(4, {|NG0008:Loss = Loss.BinaryCrossEntropy|})]
            [Dense(3, Activation.Softmax)]
            public partial class Second { }
            """,
            """
            using NetGen;

            [Network(4, Loss = Loss.BinaryCrossEntropy)]
            [Dense(3, Activation.Sigmoid)]
            public partial class First { }

            [Network(4, Loss = Loss.CrossEntropy)]
            [Dense(3, Activation.Softmax)]
            public partial class Second { }
            """)
        { CodeActionEquivalenceKey = MatchLossAndOutputCodeFix.ChangeLossKey, CodeActionIndex = 1 }.RunAsync();
}
