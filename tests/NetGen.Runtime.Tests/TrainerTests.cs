using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NetGen.Data;
using NetGen.Optimizers;
using NetGen.Training;
using Xunit;

namespace NetGen.Runtime.Tests;

public class TrainerTests
{
    [Fact]
    public void Fit_rejects_a_dataset_of_another_shape()
    {
        var data = new Dataset(new float[6], new float[2], inputSize: 3, outputSize: 1);

        ArgumentException error = Assert.Throws<ArgumentException>(() =>
            Trainer.Fit(new SmallRegressor(), data, null, new TrainingOptions { Optimizer = new FixedStep() }));

        Assert.Contains("The train set has 3 features and 1 targets per sample, but the network takes 2 inputs and gives 1 outputs", error.Message);
    }

    [Fact]
    public void Fit_stops_with_a_clear_error_when_the_loss_becomes_infinite()
    {
        var data = new Dataset([1f, 1f, -1f, 1f], [1e30f, -1e30f], inputSize: 2, outputSize: 1);

        TrainingDivergedException error = Assert.Throws<TrainingDivergedException>(() =>
            Trainer.Fit(new SmallRegressor(), data, null, new TrainingOptions { Optimizer = new FixedStep(), BatchSize = 2 }));

        Assert.Contains("The loss became Infinity in epoch 1, minibatch 1 of 1", error.Message);
    }

    [Fact]
    public void Fit_is_deterministic_for_a_seed_and_reports_every_epoch()
    {
        Dataset data = Wave(64);
        var first = new SmallRegressor(seed: 1);
        var second = new SmallRegressor(seed: 1);
        var reported = new List<EpochResult>();

        TrainingHistory history = Trainer.Fit(first, data, null, Options(epochs: 5), new SynchronousProgress(reported.Add));
        Trainer.Fit(second, data, null, Options(epochs: 5));

        Assert.True(first.Parameters.SequenceEqual(second.Parameters));
        Assert.Equal([1, 2, 3, 4, 5], reported.Select(r => r.Epoch));
        Assert.Equal(history.Epochs, reported);
        Assert.All(reported, r => Assert.Null(r.ValidationLoss));
        Assert.True(reported[^1].TrainLoss < reported[0].TrainLoss, "the loss falls");
    }

    [Fact]
    public void Early_stopping_restores_the_parameters_of_the_epoch_with_the_lowest_validation_loss()
    {
        // A validation set whose targets contradict the training set: after the first epochs every step the
        // network takes towards the training data moves it away from the validation data.
        Dataset train = Wave(64);
        Dataset validation = Wave(64, sign: -1);
        var net = new SmallRegressor(seed: 3);
        float[]? parametersAtBest = null;
        int bestSoFar = 0;
        double bestLoss = double.PositiveInfinity;
        var progress = new SynchronousProgress(r =>
        {
            if (r.ValidationLoss < bestLoss)
            {
                bestLoss = r.ValidationLoss!.Value;
                bestSoFar = r.Epoch;
                parametersAtBest = net.Parameters.ToArray();
            }
        });

        TrainingHistory history = Trainer.Fit(net, train, validation, Options(epochs: 200, patience: 3), progress);

        Assert.True(history.StoppedEarly);
        Assert.Equal(bestSoFar, history.BestEpoch);
        Assert.Equal(history.BestEpoch + 3, history.Epochs.Count);
        Assert.True(net.Parameters.SequenceEqual(parametersAtBest), "the best epoch's parameters are restored");
        Assert.Equal(bestLoss, Evaluation.MeanLossAndAccuracy(net, validation).Loss, 1e-9);
    }

    [Fact]
    public void Cancellation_stops_between_minibatches()
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress(r =>
        {
            if (r.Epoch == 2)
            {
                cancellation.Cancel();
            }
        });

        Assert.Throws<OperationCanceledException>(() =>
            Trainer.Fit(new SmallRegressor(), Wave(32), null, Options(epochs: 10), progress, cancellation.Token));
    }

    [Fact]
    public void An_epoch_of_training_and_validation_allocates_nothing()
    {
        Dataset train = Wave(128), validation = Wave(32);
        var net = new IrisShapedClassifier();
        Dataset classes = OneHotBands(train);
        Dataset validationClasses = OneHotBands(validation);
        var allocatedAtEpochEnd = new List<long>(capacity: 16);
        var progress = new SynchronousProgress(_ => allocatedAtEpochEnd.Add(GC.GetAllocatedBytesForCurrentThread()));
        var options = new TrainingOptions
        {
            Optimizer = new Adam(IrisShapedClassifier.ParameterCount, learningRate: 1e-2f),
            Schedule = new CosineAnnealing(1e-2f, iterations: 100),
            MaxGradientNorm = 1f,
            Epochs = 6,
            BatchSize = 16,
            Patience = 100,
        };

        Trainer.Fit(net, classes, validationClasses, options, progress);

        // After the first epoch an epoch allocates nothing: shuffling, minibatches, the gradient, clipping, the
        // optimizer, validation and the best-parameter copy all reuse buffers. An allocation in any of them would
        // recur in every epoch; the runtime's own one-off work on this thread (tiered compilation starting its
        // worker) lands in one epoch at most, so the quietest epoch after the first must allocate 0 bytes.
        long quietest = Enumerable.Range(2, allocatedAtEpochEnd.Count - 2).Min(e => allocatedAtEpochEnd[e] - allocatedAtEpochEnd[e - 1]);
        Assert.Equal(0, quietest);
    }

    [Fact]
    public void Fit_with_two_workers_is_deterministic_and_close_to_one_worker()
    {
        Dataset classes = OneHotBands(Wave(256)), validation = OneHotBands(Wave(64));
        float[] Train(int workers)
        {
            var net = new IrisShapedClassifier(seed: 2);
            TrainingHistory history = Trainer.Fit(net, classes, validation, new TrainingOptions
            {
                Optimizer = new Adam(IrisShapedClassifier.ParameterCount, learningRate: 1e-2f),
                Epochs = 5,
                BatchSize = 100,
                Seed = 3,
                Workers = workers,
            });
            Assert.Equal(5, history.Epochs.Count);
            return net.Parameters.ToArray();
        }

        float[] first = Train(2), second = Train(2), serial = Train(1);

        Assert.Equal(first, second);
        Assert.All(first.Zip(serial), pair => Assert.Equal(pair.Second, pair.First, 1e-3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Trainer.Fit(new IrisShapedClassifier(), classes, null, new TrainingOptions { Optimizer = new Sgd(IrisShapedClassifier.ParameterCount), Workers = 0 }));
    }

    private static TrainingOptions Options(int epochs, int? patience = null) => new()
    {
        Optimizer = new FixedStep(),
        Epochs = epochs,
        BatchSize = 8,
        Patience = patience,
        Seed = 4,
    };

    /// <summary>y = sign · sin(x1 + x2) on a grid of <paramref name="count"/> points.</summary>
    private static Dataset Wave(int count, float sign = 1)
    {
        float[] x = new float[count * 2], y = new float[count];
        for (int i = 0; i < count; i++)
        {
            x[2 * i] = (i % 8) / 4f - 1;
            x[(2 * i) + 1] = (i / 8 % 8) / 4f - 1;
            y[i] = sign * MathF.Sin(x[2 * i] + x[(2 * i) + 1]);
        }

        return new Dataset(x, y, 2, 1);
    }

    /// <summary>The same points, labelled by which third of the target range they fall in.</summary>
    private static Dataset OneHotBands(Dataset wave)
    {
        float[] x = new float[wave.Count * 4], y = new float[wave.Count * 3];
        for (int i = 0; i < wave.Count; i++)
        {
            wave.FeaturesOf(i).CopyTo(x.AsSpan(4 * i));
            float t = wave.TargetsOf(i)[0];
            y[(3 * i) + (t < -0.33f ? 0 : t < 0.33f ? 1 : 2)] = 1;
        }

        return new Dataset(x, y, 4, 3);
    }

    private sealed class SynchronousProgress(Action<EpochResult> report) : IProgress<EpochResult>
    {
        public void Report(EpochResult value) => report(value);
    }

    /// <summary>Plain gradient descent, θ ← θ − η∇θ, kept here so the trainer is tested on its own.</summary>
    private sealed class FixedStep : IOptimizer
    {
        public float LearningRate { get; set; } = 0.1f;

        public void Update(Span<float> parameters, ReadOnlySpan<float> gradients) => UpdateRange(parameters, gradients, 0);

        public void UpdateRange(Span<float> parameters, ReadOnlySpan<float> gradients, int offset)
        {
            for (int i = 0; i < parameters.Length; i++)
            {
                parameters[i] -= LearningRate * gradients[i];
            }
        }

        public void CompleteStep()
        {
        }
    }
}
