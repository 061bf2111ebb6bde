using System;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Tests.Runtime;

/// <summary>
/// The SIMD kernels against naive double-precision loops, on shapes that hit every path: the 512-, 256- and
/// 128-bit bodies, the scalar fallback (fewer columns than a register) and every remainder of rows and columns.
/// </summary>
public class DenseKernelTests
{
    public static TheoryData<int, int> Shapes()
    {
        var shapes = new TheoryData<int, int>();
        foreach (int rows in new[] { 1, 3, 4, 5, 8, 9 })
        {
            foreach (int columns in new[] { 1, 3, 4, 5, 8, 9, 15, 16, 17, 33, 64, 100 })
            {
                shapes.Add(rows, columns);
            }
        }

        return shapes;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MultiplyAdd_computes_W_x_plus_b(int rows, int columns)
    {
        var random = new Random((rows * 1000) + columns);
        float[] w = Random(random, rows * columns), x = Random(random, columns), b = Random(random, rows);
        float[] y = new float[rows];

        DenseKernels.MultiplyAdd(w, x, b, y);

        for (int j = 0; j < rows; j++)
        {
            double expected = b[j];
            for (int i = 0; i < columns; i++)
            {
                expected += (double)w[(j * columns) + i] * x[i];
            }

            Assert.Equal(expected, y[j], 1e-5);
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void AddOuterProduct_adds_left_times_right_transposed(int rows, int columns)
    {
        var random = new Random((rows * 1000) + columns + 1);
        float[] left = Random(random, rows), right = Random(random, columns), d = Random(random, rows * columns);
        float[] before = (float[])d.Clone();

        DenseKernels.AddOuterProduct(left, right, d);

        for (int j = 0; j < rows; j++)
        {
            for (int i = 0; i < columns; i++)
            {
                Assert.Equal(before[(j * columns) + i] + ((double)left[j] * right[i]), d[(j * columns) + i], 1e-6);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MultiplyTransposed_computes_W_transposed_v(int rows, int columns)
    {
        var random = new Random((rows * 1000) + columns + 2);
        float[] w = Random(random, rows * columns), v = Random(random, rows);
        float[] d = Random(random, columns); // overwritten, not added into

        DenseKernels.MultiplyTransposed(w, v, d);

        for (int i = 0; i < columns; i++)
        {
            double expected = 0;
            for (int j = 0; j < rows; j++)
            {
                expected += (double)w[(j * columns) + i] * v[j];
            }

            Assert.Equal(expected, d[i], 1e-5);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(19)]
    [InlineData(16)]
    [InlineData(35)]
    [InlineData(67)]
    public void Add_adds_elementwise(int length)
    {
        var random = new Random(length);
        float[] source = Random(random, length), destination = Random(random, length);
        float[] before = (float[])destination.Clone();

        DenseKernels.Add(source, destination);

        for (int i = 0; i < length; i++)
        {
            Assert.Equal(before[i] + source[i], destination[i]);
        }
    }

    [Fact]
    public void Kernels_reject_shapes_that_do_not_agree()
    {
        float[] w = new float[6], x = new float[3], b = new float[2], y = new float[3];

        ArgumentException error = Assert.Throws<ArgumentException>(() => DenseKernels.MultiplyAdd(w, x, b, y));
        Assert.Contains("[3, 3] matrix needs 9 elements but the span has 6", error.Message);
        Assert.Throws<ArgumentException>(() => DenseKernels.AddOuterProduct(b, y, new float[5]));
        Assert.Throws<ArgumentException>(() => DenseKernels.MultiplyTransposed(w, y, x));
        Assert.Throws<ArgumentException>(() => DenseKernels.Add(b, y));
    }

    private static float[] Random(Random random, int length)
    {
        float[] values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return values;
    }
}
