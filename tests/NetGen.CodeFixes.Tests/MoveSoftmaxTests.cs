using System.Threading.Tasks;
using Xunit;

namespace NetGen.CodeFixes.Tests;

/// <summary>NG0006: Softmax moves from a hidden layer to the output layer; the hidden layer gets ReLU.</summary>
public sealed class MoveSoftmaxTests
{
    [Fact]
    public Task Gives_the_hidden_layer_ReLU_and_the_output_layer_Softmax() =>
        new CodeFixTest<MoveSoftmaxCodeFix>(
            """
            using NetGen;

            [Network(4)]
            [Dense(8, {|NG0006:Activation.Softmax|})]
            [Dense(3, Activation.Identity)]
            public partial class Net { }
            """,
            """
            using NetGen;

            [Network(4)]
            [Dense(8, Activation.ReLU)]
            [Dense(3, Activation.Softmax)]
            public partial class Net { }
            """).RunAsync();

    [Fact]
    public Task Leaves_an_output_layer_that_already_has_Softmax() =>
        new CodeFixTest<MoveSoftmaxCodeFix>(
            """
            using NetGen;

            [Network(4, Loss = Loss.CrossEntropy)]
            [Dense(size: 8, {|NG0006:activation: NetGen.Activation.Softmax|})]
            [Dense(3, Activation.Softmax)]
            public partial class Net { }
            """,
            """
            using NetGen;

            [Network(4, Loss = Loss.CrossEntropy)]
            [Dense(size: 8, activation: NetGen.Activation.ReLU)]
            [Dense(3, Activation.Softmax)]
            public partial class Net { }
            """).RunAsync();

    [Fact]
    public Task Fix_all_moves_Softmax_in_every_network() =>
        new CodeFixTest<MoveSoftmaxCodeFix>(
            """
            using NetGen;

            [Network(4)]
            [Dense(8, {|NG0006:Activation.Softmax|})]
            [Dense(3, Activation.Tanh)]
            public partial class First { }

            [Network(4, Loss = Loss.CrossEntropy)]
            [Dense(6, {|NG0006:Activation.Softmax|})]
            [Dense(2, Activation.Softmax)]
            public partial class Second { }
            """,
            """
            using NetGen;

            [Network(4)]
            [Dense(8, Activation.ReLU)]
            [Dense(3, Activation.Softmax)]
            public partial class First { }

            [Network(4, Loss = Loss.CrossEntropy)]
            [Dense(6, Activation.ReLU)]
            [Dense(2, Activation.Softmax)]
            public partial class Second { }
            """).RunAsync();
}
