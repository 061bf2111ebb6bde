using System;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Tests.Runtime;

/// <summary>
/// The block kernels against naive double-precision loops, on shapes that hit every tile of every register file:
/// row counts from 1 to 17 and a few larger ones (every tile height, and every way the last rows are shared between
/// two tiles), one to four registers of columns and a single odd register, the inner dimension under and over one
/// depth chunk, and (for the weight gradient, whose columns are the inputs) columns past the last whole register.
/// CI runs these tests again with AVX-512, AVX2 and all hardware intrinsics turned off, so the 256-bit,
/// 128-bit and scalar forms are checked too.
/// </summary>
public class BatchKernelTests
{
    public static TheoryData<int, int, int> Shapes()
    {
        var shapes = new TheoryData<int, int, int>();
        foreach (int rows in new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 20, 26 })
        {
            foreach (int inner in new[] { 1, 3, 24, 48, 100, 257 })
            {
                foreach (int count in new[] { 1, 16, 17, 33, 48, 64 })
                {
                    shapes.Add(rows, inner, count);
                }
            }
        }

        return shapes;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MultiplyAdd_computes_W_H_plus_b_for_every_column(int rows, int inputs, int count)
    {
        var random = new Random((rows * 10000) + (inputs * 100) + count);
        int columns = BatchKernels.Columns(count);
        float[] w = Random(random, rows * inputs), h = Random(random, inputs * columns), b = Random(random, rows);
        float[] a = new float[rows * columns];

        BatchKernels.MultiplyAdd(w, h, b, a, columns);

        for (int j = 0; j < rows; j++)
        {
            for (int s = 0; s < columns; s++)
            {
                double expected = b[j], magnitude = Math.Abs(b[j]);
                for (int i = 0; i < inputs; i++)
                {
                    double term = (double)w[(j * inputs) + i] * h[(i * columns) + s];
                    expected += term;
                    magnitude += Math.Abs(term);
                }

                Assert.Equal(expected, a[(j * columns) + s], Tolerance(magnitude));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MultiplyTransposed_computes_W_transposed_times_the_deltas(int outputs, int inputs, int count)
    {
        var random = new Random((outputs * 10000) + (inputs * 100) + count + 1);
        int columns = BatchKernels.Columns(count);
        float[] w = Random(random, outputs * inputs), deltas = Random(random, outputs * columns);
        float[] result = Random(random, inputs * columns);

        BatchKernels.MultiplyTransposed(w, deltas, result, columns);

        for (int i = 0; i < inputs; i++)
        {
            for (int s = 0; s < columns; s++)
            {
                double expected = 0, magnitude = 0;
                for (int j = 0; j < outputs; j++)
                {
                    double term = (double)w[(j * inputs) + i] * deltas[(j * columns) + s];
                    expected += term;
                    magnitude += Math.Abs(term);
                }

                Assert.Equal(expected, result[(i * columns) + s], Tolerance(magnitude));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void WeightGradient_and_BiasGradient_add_or_write_the_sums_over_the_samples(int outputs, int inputs, int count)
    {
        var random = new Random((outputs * 10000) + (inputs * 100) + count + 2);
        int columns = BatchKernels.Columns(count);
        float[] deltas = Random(random, outputs * columns), rows = Random(random, count * inputs);
        float[] dW = Random(random, outputs * inputs), db = Random(random, outputs);
        float[] dWBefore = (float[])dW.Clone(), dbBefore = (float[])db.Clone();
        float[] dWWritten = Random(random, outputs * inputs), dbWritten = Random(random, outputs);

        BatchKernels.WeightGradient(deltas, columns, rows, count, dW, add: true);
        BatchKernels.BiasGradient(deltas, columns, count, db, add: true);
        BatchKernels.WeightGradient(deltas, columns, rows, count, dWWritten, add: false);
        BatchKernels.BiasGradient(deltas, columns, count, dbWritten, add: false);

        for (int j = 0; j < outputs; j++)
        {
            double bias = dbBefore[j];
            for (int s = 0; s < count; s++)
            {
                bias += deltas[(j * columns) + s];
            }

            Assert.Equal(bias, db[j], 1e-5);
            Assert.Equal(bias - dbBefore[j], dbWritten[j], 1e-5);
            for (int i = 0; i < inputs; i++)
            {
                double sum = 0;
                for (int s = 0; s < count; s++)
                {
                    sum += (double)deltas[(j * columns) + s] * rows[(s * inputs) + i];
                }

                Assert.Equal(dWBefore[(j * inputs) + i] + sum, dW[(j * inputs) + i], 1e-5);
                Assert.Equal(sum, dWWritten[(j * inputs) + i], 1e-5);
            }
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 7)]
    [InlineData(8, 8)]
    [InlineData(17, 9)]
    [InlineData(64, 100)]
    [InlineData(40, 784)]
    public void ToBlock_and_FromBlock_transpose_and_zero_the_padding(int count, int features)
    {
        var random = new Random((count * 1000) + features);
        int columns = BatchKernels.Columns(count);
        float[] samples = Random(random, count * features);
        float[] block = Random(random, features * columns);
        float[] back = new float[samples.Length];

        BatchKernels.ToBlock(samples, count, block, columns);
        BatchKernels.FromBlock(block, columns, count, back);

        for (int f = 0; f < features; f++)
        {
            for (int s = 0; s < columns; s++)
            {
                Assert.Equal(s < count ? samples[(s * features) + f] : 0f, block[(f * columns) + s]);
            }
        }

        Assert.Equal(samples, back);
    }

    [Fact]
    public void Kernels_reject_shapes_that_do_not_agree()
    {
        Assert.Throws<ArgumentException>(() => BatchKernels.MultiplyAdd(new float[12], new float[4 * 16], new float[3], new float[3 * 16], 17));
        Assert.Throws<ArgumentException>(() => BatchKernels.MultiplyAdd(new float[12], new float[5 * 16], new float[3], new float[3 * 16], 16));
        Assert.Throws<ArgumentException>(() => BatchKernels.MultiplyTransposed(new float[13], new float[3 * 16], new float[4 * 16], 16));
        Assert.Throws<ArgumentException>(() => BatchKernels.WeightGradient(new float[3 * 16], 16, new float[17 * 4], 17, new float[12], add: true));
        Assert.Throws<ArgumentException>(() => BatchKernels.ToBlock(new float[4], 1, new float[4 * 80], 80));
        Assert.Equal(16, BatchKernels.Columns(1));
        Assert.Equal(64, BatchKernels.Columns(64));
        Assert.Equal(0, BatchKernels.Columns(0));
    }

    public static TheoryData<int, int> OutputShapes()
    {
        var shapes = new TheoryData<int, int>();
        foreach (int outputs in new[] { 1, 2, 3, 10, 17 })
        {
            foreach (int count in new[] { 1, 16, 17, 33, 64 })
            {
                shapes.Add(outputs, count);
            }
        }

        return shapes;
    }

    [Theory]
    [MemberData(nameof(OutputShapes))]
    public void Softmax_and_SoftmaxCrossEntropy_give_each_column_the_softmax_the_loss_and_its_gradient(int outputs, int count)
    {
        var random = new Random((outputs * 100) + count);
        int columns = BatchKernels.Columns(count);
        float[] logits = Random(random, outputs * columns), targets = new float[outputs * columns];
        for (int i = 0; i < logits.Length; i++)
        {
            logits[i] *= 30f;
        }

        for (int s = 0; s < count; s++)
        {
            // Soft targets that sum to 0.5 to 1.5, so the Σt factor of the gradient is exercised.
            for (int c = 0; c < outputs; c++)
            {
                targets[(c * columns) + s] = random.NextSingle() / outputs * 1.5f;
            }
        }

        float[] probabilities = new float[logits.Length], inPlace = (float[])logits.Clone(), gradient = Random(random, logits.Length);
        const float scale = 0.25f;

        BatchKernels.Softmax(logits, probabilities, columns);
        BatchKernels.Softmax(inPlace, inPlace, columns);
        float loss = BatchKernels.SoftmaxCrossEntropy(logits, probabilities, targets, count, gradient, columns, scale);

        Assert.Equal(probabilities, inPlace);
        double expectedLoss = 0;
        for (int s = 0; s < columns; s++)
        {
            double max = double.NegativeInfinity, sum = 0, targetSum = 0;
            for (int c = 0; c < outputs; c++)
            {
                max = Math.Max(max, logits[(c * columns) + s]);
            }

            for (int c = 0; c < outputs; c++)
            {
                sum += Math.Exp(logits[(c * columns) + s] - max);
                targetSum += targets[(c * columns) + s];
            }

            for (int c = 0; c < outputs; c++)
            {
                int at = (c * columns) + s;
                double probability = Math.Exp(logits[at] - max) / sum;
                Assert.Equal(probability, probabilities[at], 1e-6);
                Assert.Equal(((probability * targetSum) - targets[at]) * scale, gradient[at], 1e-6);
                if (s < count)
                {
                    expectedLoss -= targets[at] * (logits[at] - max - Math.Log(sum));
                }
            }
        }

        Assert.Equal(expectedLoss, loss, Tolerance(Math.Abs(expectedLoss)));
    }

    /// <summary>The error float arithmetic may make in a sum whose terms add up to <paramref name="magnitude"/> in absolute value.</summary>
    private static double Tolerance(double magnitude) => 1e-5 + (1e-6 * magnitude);

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
