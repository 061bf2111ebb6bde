using System;
using System.Linq;
using NetGen.Optimizers;
using NetGen.Training;
using Xunit;
using NetGen.Testing;

namespace NetGen.Runtime.Tests.Training;

/// <summary>
/// One- and multi-thread gradient steps: the mean gradient, determinism for a worker count, agreement between
/// worker counts to float rounding, and no allocation per step.
/// </summary>
public class TrainingStepTests
{
    private const int Batch = 150;

    [Fact]
    public void ComputeGradient_leaves_the_mean_of_BackwardBatch_and_returns_the_mean_loss()
    {
        var network = new ParallelClassifier(seed: 1);
        (float[] x, float[] y) = Minibatch(Batch, seed: 2);
        float[] outputs = new float[Batch * ParallelClassifier.OutputSize];
        network.ZeroGradients();
        float total = network.BackwardBatch(x, y, outputs);
        float[] sum = network.Gradients.ToArray();
        using var step = new TrainingStep(network, new Sgd(ParallelClassifier.ParameterCount, 0.1f));

        double loss = step.ComputeGradient(x, y);

        Assert.Equal(total / Batch, loss, 1e-6);
        for (int p = 0; p < sum.Length; p++)
        {
            Assert.Equal(sum[p] / Batch, network.Gradients[p], 1e-7);
        }

        Assert.Equal(outputs, step.Outputs.ToArray());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Several_workers_give_the_one_worker_gradient_to_float_rounding(int workers)
    {
        var single = new ParallelClassifier(seed: 3);
        var parallel = new ParallelClassifier(seed: 3);
        (float[] x, float[] y) = Minibatch(Batch, seed: 4);
        using var one = new TrainingStep(single, new Sgd(ParallelClassifier.ParameterCount, 0.1f));
        using var many = new TrainingStep(parallel, new Sgd(ParallelClassifier.ParameterCount, 0.1f), workers);

        double expected = one.ComputeGradient(x, y);
        double actual = many.ComputeGradient(x, y);

        Assert.Equal(workers, many.Workers);
        Assert.Equal(expected, actual, 1e-5);
        double scale = single.Gradients.ToArray().Max(Math.Abs);
        for (int p = 0; p < ParallelClassifier.ParameterCount; p++)
        {
            Assert.True(Math.Abs(single.Gradients[p] - parallel.Gradients[p]) <= 1e-5 * scale, $"parameter {p}: {single.Gradients[p]} against {parallel.Gradients[p]}");
        }

        Assert.Equal(one.Outputs.ToArray(), many.Outputs.ToArray());
    }

    [Fact]
    public void Training_with_two_workers_is_deterministic_and_tracks_one_worker()
    {
        float[] first = Train(workers: 2), second = Train(workers: 2), serial = Train(workers: 1);

        Assert.Equal(first, second);
        Assert.NotEqual(first, serial);
        for (int p = 0; p < first.Length; p++)
        {
            Assert.Equal(serial[p], first[p], 1e-3);
        }
    }

    [Fact]
    public void More_workers_than_samples_leave_some_shards_empty()
    {
        var network = new ParallelClassifier(seed: 5);
        (float[] x, float[] y) = Minibatch(2, seed: 6);
        using var step = new TrainingStep(network, new Sgd(ParallelClassifier.ParameterCount, 0.1f), workers: 4);

        double loss = step.ComputeGradient(x, y);

        Assert.True(double.IsFinite(loss) && loss > 0);
        Assert.Contains(network.Gradients.ToArray(), g => g != 0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_step_allocates_nothing(int workers)
    {
        var network = new ParallelClassifier(seed: 7);
        (float[] x, float[] y) = Minibatch(Batch, seed: 8);
        using var step = new TrainingStep(network, new Adam(ParallelClassifier.ParameterCount, 1e-3f), workers);
        for (int i = 0; i < 20; i++)
        {
            step.Run(x, y);
        }

        // The calling thread runs shard 0, its slice of the reduction and the barrier waits: the same code as
        // every worker thread, whose own allocation counters a test cannot read.
        Assert.Equal(0, Allocations.SteadyState(() =>
        {
            for (int i = 0; i < 200; i++)
            {
                step.Run(x, y);
            }
        }));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_step_whose_loss_is_not_finite_leaves_the_parameters_as_they_were(int workers)
    {
        var network = new ParallelClassifier(seed: 11);
        (float[] x, float[] y) = Minibatch(Batch, seed: 12);
        y[3] = float.NaN;
        float[] before = network.Parameters.ToArray();
        var adam = new Adam(ParallelClassifier.ParameterCount, 1e-2f);
        using var step = new TrainingStep(network, adam, workers);

        double loss = step.Run(x, y);

        Assert.True(double.IsNaN(loss));
        Assert.Equal(before, network.Parameters.ToArray());
        Assert.Equal(0, adam.StepCount);
    }

    [Fact]
    public void Bad_minibatches_and_worker_counts_are_rejected()
    {
        var network = new ParallelClassifier(seed: 9);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingStep(network, new Sgd(ParallelClassifier.ParameterCount, 0.1f), workers: 0));
        using var step = new TrainingStep(network, new Sgd(ParallelClassifier.ParameterCount, 0.1f), workers: 2);

        Assert.Throws<ArgumentException>(() => step.Run([], []));
        Assert.Throws<ArgumentException>(() => step.Run(new float[20], new float[10]));
        step.Dispose();
        Assert.Throws<ObjectDisposedException>(() => step.Run(new float[20], new float[5]));
    }

    private static float[] Train(int workers)
    {
        var network = new ParallelClassifier(seed: 10);
        using var step = new TrainingStep(network, new Adam(ParallelClassifier.ParameterCount, 1e-2f), workers);
        for (int i = 0; i < 30; i++)
        {
            (float[] x, float[] y) = Minibatch(Batch, seed: 100 + i);
            step.Run(x, y);
        }

        return network.Parameters.ToArray();
    }

    /// <summary>Random inputs in [−1, 1] labelled by the sign pattern of four of their sums, one-hot over 5 classes.</summary>
    private static (float[] Inputs, float[] Targets) Minibatch(int count, int seed)
    {
        var random = new Random(seed);
        float[] x = new float[count * ParallelClassifier.InputSize], y = new float[count * ParallelClassifier.OutputSize];
        for (int s = 0; s < count; s++)
        {
            float sum = 0;
            for (int i = 0; i < ParallelClassifier.InputSize; i++)
            {
                float value = (float)((random.NextDouble() * 2) - 1);
                x[(s * ParallelClassifier.InputSize) + i] = value;
                sum += value * (i % 3 - 1);
            }

            int label = Math.Clamp((int)((sum + 2.5f) / 1.25f), 0, ParallelClassifier.OutputSize - 1);
            y[(s * ParallelClassifier.OutputSize) + label] = 1;
        }

        return (x, y);
    }
}
