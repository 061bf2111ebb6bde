using System;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Tests.Runtime;

/// <summary>
/// <see cref="BatchKernels.MultiplyAddRows"/> against a naive double-precision loop, on shapes that hit every tile:
/// sample counts that leave each remainder of the three- and four-sample tiles (and share the last tiles every
/// way), row counts that leave each remainder of the four-row tiles, and input widths under one register, at a whole number of 4, 8 and 16 floats and past them
/// by a few (each tail of <c>k</c> at every register width). CI runs these tests again with AVX-512, AVX2 and all
/// hardware intrinsics turned off, so the 256-bit, 128-bit and scalar forms are checked too.
/// </summary>
public class BatchKernelRowsTests
{
    public static TheoryData<int, int, int> Shapes()
    {
        var shapes = new TheoryData<int, int, int>();
        foreach (int rows in new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 13, 17 })
        {
            foreach (int inputs in new[] { 1, 3, 8, 15, 16, 17, 33, 100 })
            {
                foreach (int count in new[] { 0, 1, 2, 3, 4, 5, 7, 10, 13, 64 })
                {
                    shapes.Add(rows, inputs, count);
                }
            }
        }

        return shapes;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MultiplyAddRows_computes_W_X_transposed_plus_b_and_the_bias_in_the_padding(int rows, int inputs, int count)
    {
        var random = new Random((rows * 10000) + (inputs * 100) + count);
        int columns = BatchKernels.Columns(Math.Max(count, 1));
        float[] w = Random(random, rows * inputs), x = Random(random, count * inputs), b = Random(random, rows);
        float[] a = Random(random, rows * columns);

        BatchKernels.MultiplyAddRows(w, x, count, b, a, columns);

        for (int j = 0; j < rows; j++)
        {
            for (int s = 0; s < columns; s++)
            {
                double expected = b[j], magnitude = Math.Abs(b[j]);
                for (int i = 0; s < count && i < inputs; i++)
                {
                    double term = (double)w[(j * inputs) + i] * x[(s * inputs) + i];
                    expected += term;
                    magnitude += Math.Abs(term);
                }

                Assert.Equal(expected, a[(j * columns) + s], Tolerance(magnitude));
            }
        }
    }

    [Fact]
    public void MultiplyAddRows_matches_the_first_layer_of_a_784_input_network_on_a_whole_block()
    {
        const int Rows = 128, Inputs = 784, Count = BatchKernels.BlockSize;
        var random = new Random(784);
        float[] w = Random(random, Rows * Inputs), x = Random(random, Count * Inputs), b = Random(random, Rows);
        float[] a = new float[Rows * Count];

        BatchKernels.MultiplyAddRows(w, x, Count, b, a, Count);

        for (int j = 0; j < Rows; j++)
        {
            for (int s = 0; s < Count; s++)
            {
                double expected = b[j], magnitude = Math.Abs(b[j]);
                for (int i = 0; i < Inputs; i++)
                {
                    double term = (double)w[(j * Inputs) + i] * x[(s * Inputs) + i];
                    expected += term;
                    magnitude += Math.Abs(term);
                }

                Assert.Equal(expected, a[(j * Count) + s], Tolerance(magnitude));
            }
        }
    }

    /// <summary>
    /// <see cref="BatchKernels.MultiplyAddSamples"/> on both sides of <see cref="BatchKernels.InPlaceMinimumInputs"/>:
    /// the same product as the reference either way, the block written (as <see cref="BatchKernels.ToBlock"/> writes
    /// it) exactly where the kernel transposes, that is below the threshold or without 512-bit registers.
    /// </summary>
    [Theory]
    [InlineData(BatchKernels.InPlaceMinimumInputs - 1)]
    [InlineData(BatchKernels.InPlaceMinimumInputs)]
    [InlineData(784)]
    public void MultiplyAddSamples_transposes_only_where_reading_in_place_measured_slower(int inputs)
    {
        const int Rows = 9, Count = 13;
        int columns = BatchKernels.Columns(Count);
        var random = new Random(inputs);
        float[] w = Random(random, Rows * inputs), x = Random(random, Count * inputs), b = Random(random, Rows);
        float[] a = new float[Rows * columns], block = new float[inputs * columns];
        block.AsSpan().Fill(float.NaN);

        BatchKernels.MultiplyAddSamples(w, x, Count, b, block, a, columns);

        for (int j = 0; j < Rows; j++)
        {
            for (int s = 0; s < columns; s++)
            {
                double expected = b[j], magnitude = Math.Abs(b[j]);
                for (int i = 0; s < Count && i < inputs; i++)
                {
                    double term = (double)w[(j * inputs) + i] * x[(s * inputs) + i];
                    expected += term;
                    magnitude += Math.Abs(term);
                }

                Assert.Equal(expected, a[(j * columns) + s], Tolerance(magnitude));
            }
        }

        bool inPlace = System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated && inputs >= BatchKernels.InPlaceMinimumInputs;
        if (inPlace)
        {
            Assert.All(block, value => Assert.True(float.IsNaN(value), "the block is not written when the samples are read in place"));
        }
        else
        {
            float[] transposed = new float[inputs * columns];
            BatchKernels.ToBlock(x, Count, transposed, columns);
            Assert.Equal(transposed, block);
        }
    }

    [Fact]
    public void MultiplyAddRows_rejects_shapes_that_do_not_agree()
    {
        float[] w = new float[4 * 3], x = new float[2 * 3], b = new float[4], a = new float[4 * 16];

        Assert.Throws<ArgumentException>("weights", () => BatchKernels.MultiplyAddRows(new float[10], x, 2, b, a, 16));
        Assert.Throws<ArgumentException>("samples", () => BatchKernels.MultiplyAddRows(w, new float[5], 2, b, a, 16));
        Assert.Throws<ArgumentException>("count", () => BatchKernels.MultiplyAddRows(w, x, 17, b, a, 16));
        Assert.Throws<ArgumentException>("columns", () => BatchKernels.MultiplyAddRows(w, x, 2, b, a, 8));
        Assert.Throws<ArgumentException>("output", () => BatchKernels.MultiplyAddRows(w, x, 2, b, new float[4 * 32], 16));
    }

    private static double Tolerance(double magnitude) => 1e-5 + (1e-6 * magnitude);

    private static float[] Random(Random random, int length)
    {
        float[] values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (2f * random.NextSingle()) - 1f;
        }

        return values;
    }
}
