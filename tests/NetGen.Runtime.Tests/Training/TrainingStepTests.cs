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

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Training_on_several_workers_is_bit_identical_across_runs_and_tracks_one_worker(int workers)
    {
        float[] first = Train(workers), second = Train(workers), serial = Train(workers: 1);

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
    public void Every_slice_follows_one_decision_made_before_the_reduction()
    {
        // The slice of the second thread fails in the optimizer; the first thread's slice must still be updated in
        // every step, whichever thread reaches its slice first: the decision to update was taken once, before either.
        var network = new ParallelClassifier(seed: 13);
        (float[] x, float[] y) = Minibatch(Batch, seed: 14);
        var optimizer = new RecordingOptimizer(failFrom: 1);
        using var step = new TrainingStep(network, optimizer, workers: 2);
        int secondSlice = (ParallelClassifier.ParameterCount / 2) & -16;

        for (int i = 0; i < 25; i++)
        {
            var failure = Assert.Throws<InvalidOperationException>(() => step.Run(x, y));
            Assert.Contains($"range at {secondSlice}", failure.Message);
        }

        Assert.Equal(Enumerable.Repeat(0, 25).Concat(Enumerable.Repeat(secondSlice, 25)), optimizer.Offsets());
        Assert.Equal(0, optimizer.CompletedSteps);
    }

    [Fact]
    public void A_failed_shard_stops_the_update_of_every_slice()
    {
        var network = new ParallelClassifier(seed: 15);
        (float[] x, float[] y) = Minibatch(Batch, seed: 16);
        float[] before = network.Parameters.ToArray();
        var optimizer = new RecordingOptimizer();
        using var step = new TrainingStep(new ShardFailingNetwork(network), optimizer, workers: 2);

        var failure = Assert.Throws<InvalidOperationException>(() => step.Run(x, y));

        Assert.Equal("This shard failed on purpose.", failure.Message);
        Assert.Empty(optimizer.Offsets());
        Assert.Equal(0, optimizer.CompletedSteps);
        Assert.Equal(before, network.Parameters.ToArray());
    }

    [Fact]
    public void Run_on_several_workers_applies_the_mean_gradient_that_ComputeGradient_leaves()
    {
        // Plain SGD with η = 1: θ_after = θ_before − ∇, so the update shows the gradient each slice was updated with.
        var network = new ParallelClassifier(seed: 17);
        (float[] x, float[] y) = Minibatch(Batch, seed: 18);
        float[] before = network.Parameters.ToArray();
        using var step = new TrainingStep(network, new Sgd(ParallelClassifier.ParameterCount, 1f), workers: 3);
        step.ComputeGradient(x, y);
        float[] mean = network.Gradients.ToArray();

        step.Run(x, y);

        for (int p = 0; p < before.Length; p++)
        {
            Assert.Equal(before[p] - mean[p], network.Parameters[p]);
        }
    }

    [Fact]
    public void Auto_takes_one_thread_for_a_small_network_and_gives_its_result_exactly()
    {
        float[] auto = Train(WorkerCount.Auto, out int used), serial = Train(workers: 1);

        Assert.Equal(1, used);
        Assert.Equal(serial, auto);
    }

    [Fact]
    public void Auto_shares_a_large_network_from_32_samples_a_thread()
    {
        var network = new WideClassifier(seed: 1);
        using var step = new TrainingStep(network, new Sgd(WideClassifier.ParameterCount, 1e-3f), WorkerCount.Auto);
        var random = new Random(19);
        int expected128 = Math.Min(128 / 32, Environment.ProcessorCount);

        Assert.Equal(Environment.ProcessorCount, step.Workers);
        foreach ((int samples, int workers) in new[] { (32, 1), (63, 1), (128, expected128), (16, 1) })
        {
            float[] x = new float[samples * WideClassifier.InputSize], y = new float[samples * WideClassifier.OutputSize];
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = random.NextSingle();
            }

            for (int s = 0; s < samples; s++)
            {
                y[(s * WideClassifier.OutputSize) + (s % WideClassifier.OutputSize)] = 1;
            }

            Assert.True(double.IsFinite(step.Run(x, y)));
            Assert.Equal(workers, step.LastStepWorkers);
        }
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

    private static float[] Train(int workers) => Train(workers, out _);

    private static float[] Train(WorkerCount workers, out int lastStepWorkers)
    {
        var network = new ParallelClassifier(seed: 10);
        using var step = new TrainingStep(network, new Adam(ParallelClassifier.ParameterCount, 1e-2f), workers);
        for (int i = 0; i < 30; i++)
        {
            (float[] x, float[] y) = Minibatch(Batch, seed: 100 + i);
            step.Run(x, y);
        }

        lastStepWorkers = step.LastStepWorkers;
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
