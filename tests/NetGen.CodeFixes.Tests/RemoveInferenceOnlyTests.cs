using System.Threading.Tasks;
using Xunit;

namespace NetGen.CodeFixes.Tests;

/// <summary>NG0055: InferenceOnly on a network without a model file is removed, which makes the network trainable.</summary>
public sealed class RemoveInferenceOnlyTests
{
    [Fact]
    public Task Removes_the_InferenceOnly_argument() =>
        new CodeFixTest<RemoveInferenceOnlyCodeFix>(
            """
            using NetGen;

            [Network(2, Loss = Loss.MeanSquaredError, {|NG0055:InferenceOnly = true|})]
            [Dense(4, Activation.Tanh)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net { }
            """,
            """
            using NetGen;

            [Network(2, Loss = Loss.MeanSquaredError)]
            [Dense(4, Activation.Tanh)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net { }
            """).RunAsync();

    [Fact]
    public Task Fix_all_removes_it_from_every_network() =>
        new CodeFixTest<RemoveInferenceOnlyCodeFix>(
            """
            using NetGen;

            [Network(2, {|NG0055:InferenceOnly = true|})]
            [Dense(1, Activation.Sigmoid)]
            public partial class First { }

            [Network(3, {|NG0055:InferenceOnly = true|}, Loss = Loss.MeanSquaredError)]
            [Dense(1, Activation.Identity)]
            public partial class Second { }
            """,
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public partial class First { }

            [Network(3, Loss = Loss.MeanSquaredError)]
            [Dense(1, Activation.Identity)]
            public partial class Second { }
            """).RunAsync();
}
