using System;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Tests.Runtime;

/// <summary>
/// The SIMD kernels against naive double-precision loops, on shapes that hit every path: the 256- and 128-bit
/// bodies, the scalar fallback (fewer columns than a register), blocks of four registers of columns and single
/// registers after them, and every remainder of rows and columns.
/// </summary>
public class DenseKernelTests
{
    public static TheoryData<int, int> Shapes()
    {
        var shapes = new TheoryData<int, int>();
        foreach (int rows in new[] { 1, 3, 4, 5, 8, 9 })
        {
            foreach (int columns in new[] { 1, 3, 4, 5, 8, 9, 15, 16, 17, 33, 40, 56, 64, 100 })
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

    public static TheoryData<int, int, string> BackpropagationCases()
    {
        var cases = new TheoryData<int, int, string>();
        foreach ((int rows, int columns) in new[] { (1, 1), (1, 64), (3, 5), (4, 8), (5, 17), (8, 33), (9, 40), (9, 56), (4, 64), (5, 100), (64, 64) })
        {
            foreach (string below in new[] { "identity", "tanh", "sigmoid", "relu", "leaky_relu" })
            {
                cases.Add(rows, columns, below);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(BackpropagationCases))]
    public void Backpropagate_adds_the_weight_gradient_and_computes_the_gradient_below(int rows, int columns, string below)
    {
        const float Slope = 0.1f;
        var random = new Random((rows * 1000) + columns + below.Length);
        float[] w = Random(random, rows * columns), gradient = Random(random, rows), input = Random(random, columns);
        float[] dW = Random(random, rows * columns), dH = Random(random, columns); // dW added into, dH overwritten
        if (below is "tanh" or "sigmoid")
        {
            // Outputs of a tanh lie in (−1, 1) and of a sigmoid in (0, 1).
            for (int i = 0; i < columns; i++)
            {
                input[i] = below == "tanh" ? (float)Math.Tanh(3 * input[i]) : (float)(1 / (1 + Math.Exp(-3 * input[i])));
            }
        }

        float[] before = (float[])dW.Clone();

        switch (below)
        {
            case "identity": DenseKernels.Backpropagate(w, gradient, input, dW, dH); break;
            case "tanh": DenseKernels.BackpropagateTanh(w, gradient, input, dW, dH); break;
            case "sigmoid": DenseKernels.BackpropagateSigmoid(w, gradient, input, dW, dH); break;
            case "relu": DenseKernels.BackpropagateReLU(w, gradient, input, dW, dH); break;
            default: DenseKernels.BackpropagateLeakyReLU(w, gradient, input, dW, dH, Slope); break;
        }

        for (int j = 0; j < rows; j++)
        {
            for (int i = 0; i < columns; i++)
            {
                Assert.Equal(before[(j * columns) + i] + ((double)gradient[j] * input[i]), dW[(j * columns) + i], 1e-6);
            }
        }

        for (int i = 0; i < columns; i++)
        {
            double sum = 0, h = input[i];
            for (int j = 0; j < rows; j++)
            {
                sum += (double)w[(j * columns) + i] * gradient[j];
            }

            double derivative = below switch
            {
                "identity" => 1,
                "tanh" => 1 - (h * h),
                "sigmoid" => h * (1 - h),
                "relu" => h > 0 ? 1 : 0,
                _ => h > 0 ? 1 : Slope,
            };
            Assert.Equal(sum * derivative, dH[i], 1e-5);
        }
    }

    [Fact]
    public void Backpropagate_rejects_shapes_that_do_not_agree()
    {
        float[] w = new float[6], gradient = new float[2], input = new float[3];

        ArgumentException error = Assert.Throws<ArgumentException>(() => DenseKernels.Backpropagate(w, gradient, input, new float[5], new float[3]));
        Assert.Contains("[2, 3] matrix needs 6 elements but the span has 5", error.Message);
        Assert.Throws<ArgumentException>(() => DenseKernels.BackpropagateTanh(new float[5], gradient, input, new float[6], new float[3]));
        Assert.Throws<ArgumentException>(() => DenseKernels.BackpropagateReLU(w, gradient, input, new float[6], new float[2]));
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
