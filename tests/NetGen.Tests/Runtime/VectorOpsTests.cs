using System;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Tests.Runtime;

/// <summary>
/// The element-wise helpers against plain loops, on lengths that take every register width the machine has and a
/// scalar tail (and none).
/// </summary>
public class VectorOpsTests
{
    public static TheoryData<int> Lengths() => new([0, 1, 3, 4, 7, 8, 15, 16, 17, 33, 64, 100, 1023, 1024, 1025, 5000]);

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Scale_multiplies_every_element(int length)
    {
        float[] values = Values(length, seed: length);
        float[] expected = Array.ConvertAll(values, v => v * -0.37f);

        VectorOps.Scale(values, -0.37f);

        Assert.Equal(expected, values);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void SumOfSquares_matches_a_double_precision_sum(int length)
    {
        float[] values = Values(length, seed: length + 1);
        double expected = 0;
        foreach (float v in values)
        {
            expected += (double)v * v;
        }

        Assert.Equal(expected, VectorOps.SumOfSquares(values), Math.Max(expected, 1) * 1e-6);
    }

    [Fact]
    public void SumOfSquares_keeps_its_accuracy_over_many_elements()
    {
        // 4,000,000 squares of 0.001: 4 exactly in real arithmetic; a float accumulator over the whole span would drift.
        float[] values = new float[4_000_000];
        values.AsSpan().Fill(0.001f);
        double square = (double)0.001f * 0.001f;

        Assert.Equal(values.Length * square, VectorOps.SumOfSquares(values), 1e-6);
    }

    private static float[] Values(int length, int seed)
    {
        var random = new Random(seed);
        float[] values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (float)((random.NextDouble() * 4) - 2);
        }

        return values;
    }
}
