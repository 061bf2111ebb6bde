using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.Intrinsics;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Tests.Runtime;

/// <summary>
/// The exact parts of the tanh contract, at every register width and in every lane of a span (whole registers and
/// the overlapping last one): exactly ±1 from the clamp (8.052079) on, <c>x</c> itself below 0.0004 (subnormals and
/// signed zeros included), NaN for NaN, odd bit for bit. They hold with and without fused multiply-adds, so CI runs
/// them again on the AVX2, SSE and scalar paths; the accuracy against double precision is
/// <see cref="ActivationAccuracyTests"/>'.
/// </summary>
public class TanhKernelTests
{
    // The first float at which the rational gives exactly 1, and the values above it up to +∞.
    private static readonly float[] Saturated =
        [8.052079f, MathF.BitIncrement(8.052079f), 8.1f, 9f, 20f, 1e4f, 1e30f, float.MaxValue, float.PositiveInfinity];

    // Below 0.0004: zero, subnormals (where a product with a coefficient loses bits that a division would magnify),
    // the smallest normal float, and normal values up to the bound.
    private static readonly float[] Tiny =
        [0f, float.Epsilon, 1.4e-43f, 1e-40f, 1.1754944e-38f, 1e-30f, 1e-10f, 1e-5f, 2.5e-4f, MathF.BitDecrement(0.0004f)];

    // Spans of 1 to 40 floats: one partly filled Vector128, whole Vector128/256/512 registers and each one's overlapping tail.
    private const int MaxLength = 40;

    [Fact]
    public void Tanh_is_exactly_plus_or_minus_one_from_the_clamp_on_in_every_lane()
    {
        foreach (float x in Saturated)
        {
            AssertEveryLane(x, 1f);
            AssertEveryLane(-x, -1f);
        }
    }

    [Fact]
    public void Tanh_of_a_value_below_the_tiny_bound_is_the_value_itself_in_every_lane()
    {
        foreach (float x in Tiny)
        {
            AssertEveryLane(x, x);
            AssertEveryLane(-x, -x);
        }
    }

    [Fact]
    public void Tanh_of_NaN_is_NaN_in_every_lane()
    {
        foreach (float nan in (float[])[float.NaN, -float.NaN, BitConverter.Int32BitsToSingle(0x7F800001)])
        {
            for (int length = 1; length <= MaxLength; length++)
            {
                for (int position = 0; position < length; position++)
                {
                    float[] values = Filled(length, position, nan);
                    Activations.Tanh(values);
                    Assert.True(float.IsNaN(values[position]), $"length {length}, position {position}");
                    AssertOtherLanesHoldTanhOfFiller(values, position);
                }
            }

            Assert.True(float.IsNaN(Activations.Tanh(nan)));
            Assert.True(float.IsNaN(Activations.Tanh(Vector128.Create(nan)).GetElement(3)));
            Assert.True(float.IsNaN(Activations.Tanh(Vector256.Create(nan)).GetElement(7)));
        }
    }

    [Fact]
    public void Tanh_is_odd_bit_for_bit_and_at_most_one_in_magnitude()
    {
        // Every 2^-13 from 0 to 8.1 (past the clamp) and the magnitudes around it, in spans of every tail length.
        float[] x = new float[66_400 + 200];
        for (int i = 0; i < 66_400; i++)
        {
            x[i] = i / 8192f;
        }

        float below = 8.052079f;
        for (int i = 66_400; i < x.Length; i++)
        {
            below = MathF.BitDecrement(below);
            x[i] = below;
        }

        for (int length = 1; length <= MaxLength; length++)
        {
            for (int start = 0; start + length <= x.Length; start += 997)
            {
                float[] positive = x.AsSpan(start, length).ToArray();
                float[] negative = Array.ConvertAll(positive, v => -v);
                Activations.Tanh(positive);
                Activations.Tanh(negative);
                for (int i = 0; i < length; i++)
                {
                    Assert.Equal(BitConverter.SingleToInt32Bits(-positive[i]), BitConverter.SingleToInt32Bits(negative[i]));
                    Assert.InRange(positive[i], 0f, 1f);
                }
            }
        }
    }

    [Fact]
    public void Tanh_is_within_3e_7_of_double_precision_tanh_for_every_float_from_6_to_9()
    {
        // Where tanh nears 1 and the rounding of the rational's steps counts most: without fused multiply-adds, evaluated
        // in single precision, it strayed to 3.19e-7 at 6.8960395 (now in double precision there: within 6.5e-8 below the
        // clamp, 2.0e-7 at it). The bound is the activations' promise, on whichever path CI runs this (with and without
        // fused multiply-adds). Every 64th float from 2^-20 to 6 as well, both signs.
        const double Bound = 3e-7;
        var x = new List<float>();
        for (uint bits = BitConverter.SingleToUInt32Bits(6f); bits <= BitConverter.SingleToUInt32Bits(9f); bits++)
        {
            x.Add(BitConverter.UInt32BitsToSingle(bits));
        }

        for (uint bits = BitConverter.SingleToUInt32Bits(MathF.Pow(2, -20)); bits < BitConverter.SingleToUInt32Bits(6f); bits += 64)
        {
            x.Add(BitConverter.UInt32BitsToSingle(bits));
        }

        float[] values = x.Concat(x.Select(v => -v)).ToArray();
        float[] y = (float[])values.Clone();
        Activations.Tanh(y);
        double worst = 0;
        float at = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double error = Math.Abs(y[i] - Math.Tanh(values[i]));
            if (error > worst)
            {
                (worst, at) = (error, values[i]);
            }
        }

        Assert.True(worst <= Bound, $"tanh({at:R}) is {worst:E3} from Math.Tanh, more than {Bound:E1}");
    }

    private static void AssertEveryLane(float x, float expected)
    {
        int bits = BitConverter.SingleToInt32Bits(expected);
        for (int length = 1; length <= MaxLength; length++)
        {
            for (int position = 0; position < length; position++)
            {
                float[] values = Filled(length, position, x);
                Activations.Tanh(values);
                Assert.True(bits == BitConverter.SingleToInt32Bits(values[position]), $"tanh({x:R}) = {values[position]:R}, length {length}, position {position}");
                AssertOtherLanesHoldTanhOfFiller(values, position);
            }
        }

        Assert.Equal(bits, BitConverter.SingleToInt32Bits(Activations.Tanh(x)));
        Assert.Equal(bits, BitConverter.SingleToInt32Bits(Activations.Tanh(Vector128.Create(x)).GetElement(2)));
        Assert.Equal(bits, BitConverter.SingleToInt32Bits(Activations.Tanh(Vector256.Create(x)).GetElement(5)));
    }

    // The other lanes hold 0.25, whose tanh is not 0.25: a lane left unwritten, or given another lane's value, shows.
    private static float[] Filled(int length, int position, float x)
    {
        float[] values = new float[length];
        Array.Fill(values, 0.25f);
        values[position] = x;
        return values;
    }

    private static void AssertOtherLanesHoldTanhOfFiller(float[] values, int position)
    {
        float expected = Activations.Tanh(0.25f);
        for (int i = 0; i < values.Length; i++)
        {
            if (i != position)
            {
                Assert.Equal(expected, values[i]);
            }
        }
    }
}
