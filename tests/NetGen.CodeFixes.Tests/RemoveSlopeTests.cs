using System.Threading.Tasks;
using Xunit;

namespace NetGen.CodeFixes.Tests;

/// <summary>NG0015: the Slope of a layer that is not LeakyReLU is removed.</summary>
public sealed class RemoveSlopeTests
{
    [Fact]
    public Task Removes_the_slope_argument() =>
        new CodeFixTest<RemoveSlopeCodeFix>(
            """
            using NetGen;

            [Network(2)]
            [Dense(4, Activation.Tanh, {|NG0015:Slope = 0.5f|})]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net { }
            """,
            """
            using NetGen;

            [Network(2)]
            [Dense(4, Activation.Tanh)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net { }
            """).RunAsync();

    [Fact]
    public Task Fix_all_removes_every_ignored_slope() =>
        new CodeFixTest<RemoveSlopeCodeFix>(
            """
            using NetGen;

            [Network(2)]
            [Dense(4, Activation.ReLU, {|NG0015:Slope = 0.2f|})]
            [Dense(4, Activation.LeakyReLU, Slope = 0.2f)]
            [Dense(1, Activation.Sigmoid, {|NG0015:Slope = 0.1f|})]
            public partial class Net { }
            """,
            """
            using NetGen;

            [Network(2)]
            [Dense(4, Activation.ReLU)]
            [Dense(4, Activation.LeakyReLU, Slope = 0.2f)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net { }
            """).RunAsync();
}
