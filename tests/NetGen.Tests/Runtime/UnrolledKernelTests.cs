using System;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Tests.Runtime;

/// <summary>
/// The short-vector pieces of unrolled layers computed by rows (<see cref="UnrolledKernels"/>) and the vector overloads of
/// the activations they call, against sums and softmaxes computed in double precision and against the scalar overloads.
/// </summary>
public class UnrolledKernelTests
{
    // A sum of 8 float products rounded pairwise: within 8 float roundings of the magnitudes summed (measured 1.2e-7 here).
    private const double SumMaxRelativeToMagnitude = 8 * 6e-8;

    // Softmax over the first lanes, inputs in [−20, 20]: measured max abs 1.2e-7 against double precision; the bound is the span
    // softmax's (ActivationAccuracyTests), whose exponential this is.
    private const double SoftmaxMaxAbsolute = 4e-7;

    [Fact]
    public void SumEach_of_four_rows_gives_each_rows_sum_in_order()
    {
        var random = new Random(3);
        for (int trial = 0; trial < 1000; trial++)
        {
            float[][] rows = RandomRows(random, 4, 4);
            Vector128<float> sums = UnrolledKernels.SumEach(
                Vector128.Create(rows[0]), Vector128.Create(rows[1]), Vector128.Create(rows[2]), Vector128.Create(rows[3]));
            for (int j = 0; j < 4; j++)
            {
                AssertSum(rows[j], sums[j]);
            }
        }
    }

    [Fact]
    public void SumEach_of_eight_lane_rows_gives_each_rows_sum_in_order()
    {
        var random = new Random(4);
        for (int trial = 0; trial < 1000; trial++)
        {
            float[][] rows = RandomRows(random, 8, 8);
            Vector256<float>[] p = Array.ConvertAll(rows, r => Vector256.Create(r));
            Vector128<float> four = UnrolledKernels.SumEach(p[0], p[1], p[2], p[3]);
            Vector256<float> eight = UnrolledKernels.SumEach(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]);
            for (int j = 0; j < 8; j++)
            {
                AssertSum(rows[j], eight[j]);
                if (j < 4)
                {
                    AssertSum(rows[j], four[j]);
                }
            }
        }
    }

    [Fact]
    public void SumEachHalf_sums_rows_side_by_side_into_rows_0_to_7_in_order()
    {
        var random = new Random(5);
        for (int trial = 0; trial < 1000; trial++)
        {
            float[][] rows = RandomRows(random, 8, 4);
            Vector256<float> Pair(int j) => Vector256.Create(Vector128.Create(rows[j]), Vector128.Create(rows[j + 4]));
            Vector256<float> sums = UnrolledKernels.SumEachHalf(Pair(0), Pair(1), Pair(2), Pair(3));
            for (int j = 0; j < 8; j++)
            {
                AssertSum(rows[j], sums[j]);
            }
        }
    }

    [Fact]
    public void Row_sums_add_in_one_order_whatever_the_register_width()
    {
        // The x86 paths and the software fallback add a 128-bit group as (p0 + p2) + (p1 + p3), ARM64 as
        // (p0 + p1) + (p2 + p3) (its pairwise adds); then a 256-bit row's low group plus its high group. CI runs this
        // class with AVX-512, AVX2 and all hardware intrinsics off in turn. The magnitudes are mixed so that another
        // order would round differently.
        bool pairwiseOrder = AdvSimd.Arm64.IsSupported;
        var random = new Random(8);
        int differentFromLeftToRight = 0, differentFromOther = 0;
        for (int trial = 0; trial < 2000; trial++)
        {
            float[][] rows = new float[8][];
            for (int j = 0; j < 8; j++)
            {
                rows[j] = new float[8];
                for (int i = 0; i < 8; i++)
                {
                    rows[j][i] = (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 8)));
                }
            }

            Vector256<float>[] p = Array.ConvertAll(rows, r => Vector256.Create(r));
            Vector256<float> eight = UnrolledKernels.SumEach(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]);
            Vector128<float> four = UnrolledKernels.SumEach(p[0], p[1], p[2], p[3]);
            Vector128<float> low = UnrolledKernels.SumEach(p[0].GetLower(), p[1].GetLower(), p[2].GetLower(), p[3].GetLower());
            for (int j = 0; j < 8; j++)
            {
                float[] r = rows[j];
                float lowGroup = pairwiseOrder ? (r[0] + r[1]) + (r[2] + r[3]) : (r[0] + r[2]) + (r[1] + r[3]);
                float highGroup = pairwiseOrder ? (r[4] + r[5]) + (r[6] + r[7]) : (r[4] + r[6]) + (r[5] + r[7]);
                float whole = lowGroup + highGroup;
                Assert.Equal(whole, eight[j]);
                if (j < 4)
                {
                    Assert.Equal(whole, four[j]);
                    Assert.Equal(lowGroup, low[j]);
                }

                float leftToRight = 0;
                foreach (float v in r)
                {
                    leftToRight += v;
                }

                differentFromLeftToRight += leftToRight != whole ? 1 : 0;

                // The other path's order: the x86 sums' order before 2026-11-28 (horizontal adds), or x86's on ARM64.
                float other = pairwiseOrder
                    ? ((r[0] + r[2]) + (r[1] + r[3])) + ((r[4] + r[6]) + (r[5] + r[7]))
                    : ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
                differentFromOther += other != whole ? 1 : 0;
            }
        }

        // The inputs do tell the orders apart.
        Assert.True(differentFromLeftToRight > 1000, $"{differentFromLeftToRight} sums differ from left to right");
        Assert.True(differentFromOther > 1000, $"{differentFromOther} sums differ from the other order");
    }

    [Fact]
    public void Softmax_over_the_first_lanes_matches_double_precision_and_zeroes_the_rest()
    {
        var random = new Random(6);
        double worst = 0;
        for (int trial = 0; trial < 2000; trial++)
        {
            float[] a = new float[8];
            for (int i = 0; i < 8; i++)
            {
                a[i] = (40f * random.NextSingle()) - 20f;
            }

            for (int count = 1; count <= 8; count++)
            {
                float[] probabilities = new float[8];
                float max, sum;
                if (count <= 4)
                {
                    UnrolledKernels.Softmax(Vector128.Create(a[0], a[1], a[2], a[3]), count, out max, out sum).CopyTo(probabilities);
                }
                else
                {
                    UnrolledKernels.Softmax(Vector256.Create(a), count, out max, out sum).CopyTo(probabilities);
                }

                double expectedMax = double.NegativeInfinity, expectedSum = 0;
                for (int i = 0; i < count; i++)
                {
                    expectedMax = Math.Max(expectedMax, a[i]);
                }

                for (int i = 0; i < count; i++)
                {
                    expectedSum += Math.Exp(a[i] - expectedMax);
                }

                Assert.Equal((float)expectedMax, max);
                Assert.Equal(expectedSum, sum, expectedSum * 1e-6);
                for (int i = 0; i < probabilities.Length; i++)
                {
                    double expected = i < count ? Math.Exp(a[i] - expectedMax) / expectedSum : 0;
                    worst = Math.Max(worst, Math.Abs(probabilities[i] - expected));
                }
            }
        }

        Assert.True(worst <= SoftmaxMaxAbsolute, $"max abs error {worst:E2}");
    }

    [Theory]
    [InlineData(1e4f)]
    [InlineData(-1e4f)]
    public void Softmax_stays_finite_for_logits_of_ten_thousand(float large)
    {
        Vector128<float> three = UnrolledKernels.Softmax(Vector128.Create(large, -large, 0f, 99f), 3, out float max, out float sum);
        Vector256<float> eight = UnrolledKernels.Softmax(Vector256.Create(large, -large, 0f, large, 1f, -1f, 2f, 1e30f), 7, out float max8, out float sum8);

        Assert.Equal(Math.Abs(large), max);
        Assert.Equal(1f, sum);
        Assert.Equal(large > 0 ? Vector128.Create(1f, 0f, 0f, 0f) : Vector128.Create(0f, 1f, 0f, 0f), three);
        Assert.Equal(Math.Abs(large), max8);
        for (int i = 0; i < 8; i++)
        {
            Assert.True(float.IsFinite(eight[i]), $"lane {i}: {eight[i]}");
        }

        Assert.Equal(large > 0 ? 2f : 1f, sum8);
        Assert.Equal(0f, eight[7]);
    }

    [Fact]
    public void AddTo_adds_one_register_into_the_destination()
    {
        float[] four = [1f, 2f, 3f, 4f], eight = [1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f];
        UnrolledKernels.AddTo(four, Vector128.Create(0.5f, -1f, 2f, 0f));
        UnrolledKernels.AddTo(eight, Vector256.Create(1f));

        Assert.Equal([1.5f, 1f, 5f, 4f], four);
        Assert.Equal([2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f], eight);
    }

    [Fact]
    public void Vector_activations_and_derivatives_agree_with_the_scalar_overloads_bit_for_bit()
    {
        float[] values = [-3f, -0.5f, -0f, 0f, 1e-8f, 0.25f, 0.9f, 7f, float.NaN, float.NegativeInfinity, float.PositiveInfinity, -1e-30f];
        const float slope = 0.01f;
        foreach (float v in values)
        {
            AssertSame(Activations.ReLU(v), Activations.ReLU(Vector128.Create(v))[1], Activations.ReLU(Vector256.Create(v))[5]);
            AssertSame(Activations.LeakyReLU(v, slope), Activations.LeakyReLU(Vector128.Create(v), slope)[2], Activations.LeakyReLU(Vector256.Create(v), slope)[7]);
            AssertSame(Activations.ReLUDerivative(v), Activations.ReLUDerivative(Vector128.Create(v))[0], Activations.ReLUDerivative(Vector256.Create(v))[4]);
            AssertSame(Activations.LeakyReLUDerivative(v, slope), Activations.LeakyReLUDerivative(Vector128.Create(v), slope)[3], Activations.LeakyReLUDerivative(Vector256.Create(v), slope)[6]);
            AssertSame(Activations.TanhDerivative(v), Activations.TanhDerivative(Vector128.Create(v))[1], Activations.TanhDerivative(Vector256.Create(v))[2]);
            AssertSame(Activations.SigmoidDerivative(v), Activations.SigmoidDerivative(Vector128.Create(v))[1], Activations.SigmoidDerivative(Vector256.Create(v))[3]);
        }
    }

    private static void AssertSame(float scalar, float lane128, float lane256)
    {
        Assert.Equal(BitConverter.SingleToInt32Bits(scalar), BitConverter.SingleToInt32Bits(lane128));
        Assert.Equal(BitConverter.SingleToInt32Bits(scalar), BitConverter.SingleToInt32Bits(lane256));
    }

    private static float[][] RandomRows(Random random, int count, int length)
    {
        float[][] rows = new float[count][];
        for (int j = 0; j < count; j++)
        {
            rows[j] = new float[length];
            for (int i = 0; i < length; i++)
            {
                rows[j][i] = (float)((random.NextDouble() * 200) - 100);
            }
        }

        return rows;
    }

    private static void AssertSum(float[] row, float actual)
    {
        double expected = 0, magnitude = 0;
        foreach (float v in row)
        {
            expected += v;
            magnitude += Math.Abs(v);
        }

        Assert.True(Math.Abs(actual - expected) <= SumMaxRelativeToMagnitude * magnitude, $"sum {actual} against {expected}");
    }
}
