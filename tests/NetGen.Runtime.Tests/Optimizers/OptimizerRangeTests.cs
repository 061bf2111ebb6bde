using System;
using System.Linq;
using NetGen.Optimizers;
using Xunit;

namespace NetGen.Runtime.Tests.Optimizers;

/// <summary>
/// A step applied range by range (as the threads of a data-parallel step apply it) against the same step applied at
/// once: every optimizer and variant, ranges of uneven lengths that split a vector register, over several steps so
/// that momentum, moments and bias corrections all take part.
/// </summary>
public class OptimizerRangeTests
{
    private const int Count = 103;

    public static TheoryData<string> Configurations() => new(OptimizerConfigurations.Names);

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Ranges_then_CompleteStep_equal_one_Update(string configuration)
    {
        IOptimizer whole = OptimizerConfigurations.Create(configuration, Count), ranged = OptimizerConfigurations.Create(configuration, Count);
        var random = new Random(configuration.Length);
        float[] a = Enumerable.Range(0, Count).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        float[] b = (float[])a.Clone();
        int[] cuts = [0, 5, 40, 41, Count];
        for (int step = 0; step < 4; step++)
        {
            float[] gradient = Enumerable.Range(0, Count).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();

            whole.Update(a, gradient);
            for (int c = cuts.Length - 2; c >= 0; c--)
            {
                ranged.UpdateRange(b.AsSpan(cuts[c], cuts[c + 1] - cuts[c]), gradient.AsSpan(cuts[c], cuts[c + 1] - cuts[c]), cuts[c]);
            }

            ranged.CompleteStep();
            Assert.Equal(a, b);
        }
    }

    [Fact]
    public void A_range_outside_the_parameters_or_with_unequal_spans_is_rejected()
    {
        var adam = new Adam(10);

        Assert.Throws<ArgumentOutOfRangeException>(() => adam.UpdateRange(new float[4], new float[4], 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => adam.UpdateRange(new float[4], new float[4], -1));
        Assert.Throws<ArgumentException>(() => adam.UpdateRange(new float[4], new float[3], 0));
        Assert.Equal(0, adam.StepCount);
    }
}
