using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using NetGen.Data;
using NetGen.Optimizers;

namespace NetGen.Training;

/// <summary>
/// Minibatch training: epochs over shuffled minibatches, the gradient averaged over each batch, an optimizer
/// update per batch, validation after each epoch and early stopping. Everything it needs is allocated before
/// the first epoch; an update allocates nothing.
/// </summary>
public static class Trainer
{
    /// <summary>Trains <paramref name="network"/> on <paramref name="train"/>.</summary>
    /// <param name="network">The network; its parameters are updated in place.</param>
    /// <param name="train">The training set.</param>
    /// <param name="validation">A validation set evaluated after every epoch (and used for early stopping), or null.</param>
    /// <param name="options">The optimizer, epochs, batch size and the rest.</param>
    /// <param name="progress">Receives each epoch's result as it ends, or null.</param>
    /// <param name="cancellationToken">Stops training between minibatches; the network keeps the parameters it has.</param>
    /// <returns>The history of the run.</returns>
    /// <exception cref="ArgumentException">A dataset's shape does not match the network.</exception>
    /// <exception cref="TrainingDivergedException">A minibatch's loss or gradient became NaN or infinite.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static TrainingHistory Fit(
        INetwork network,
        Dataset train,
        Dataset? validation,
        TrainingOptions options,
        IProgress<EpochResult>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        RequireShape(network, train, nameof(train));
        if (train.Count == 0)
        {
            throw new ArgumentException("The training set is empty.", nameof(train));
        }

        if (validation is not null)
        {
            RequireShape(network, validation, nameof(validation));
        }

        var sampler = new MinibatchSampler(train.Count, options.BatchSize, options.Seed);
        bool earlyStopping = options.Patience is not null && validation is { Count: > 0 };
        float[]? best = earlyStopping ? new float[network.ParameterCount] : null;
        var epochs = new List<EpochResult>(options.Epochs);
        double bestLoss = double.PositiveInfinity;
        int bestEpoch = 0, sinceBest = 0, iteration = 0;
        bool stoppedEarly = false;
        int inputSize = network.InputSize, outputSize = network.OutputSize;
        int largest = Math.Min(options.BatchSize, train.Count);
        float[] inputs = new float[largest * inputSize], targets = new float[largest * outputSize];
        float[] validationOutputs = validation is { Count: > 0 } ? new float[Evaluation.ChunkOf(validation) * outputSize] : [];
        using var step = new TrainingStep(network, options.Optimizer, options.Workers);
        using var inference = new ParallelInference(network, options.Workers);
        for (int epoch = 1; epoch <= options.Epochs && !stoppedEarly; epoch++)
        {
            long start = Stopwatch.GetTimestamp();
            sampler.Shuffle();
            double lossSum = 0;
            int correct = 0;
            for (int b = 0; b < sampler.BatchCount; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ReadOnlySpan<int> batch = sampler.Batch(b);

                // The shuffled samples gathered into one block, as the batched methods take them.
                for (int s = 0; s < batch.Length; s++)
                {
                    train.FeaturesOf(batch[s]).CopyTo(inputs.AsSpan(s * inputSize, inputSize));
                    train.TargetsOf(batch[s]).CopyTo(targets.AsSpan(s * outputSize, outputSize));
                }

                if (options.Schedule is { } schedule)
                {
                    options.Optimizer.LearningRate = schedule.LearningRateAt(iteration);
                }

                // θ ← θ − η · (1/m) Σ ∇θ. Without clipping the step updates the parameters itself (slice by slice on
                // its threads, and not at all when the loss is not finite); with it, the mean gradient is clipped
                // first, then applied here.
                ReadOnlySpan<float> x = inputs.AsSpan(0, batch.Length * inputSize), y = targets.AsSpan(0, batch.Length * outputSize);
                double batchLoss = (options.MaxGradientNorm is null ? step.Run(x, y) : step.ComputeGradient(x, y)) * batch.Length;
                if (!double.IsFinite(batchLoss))
                {
                    throw Diverged("loss", batchLoss, epoch, b, sampler.BatchCount);
                }

                if (options.MaxGradientNorm is { } maxNorm)
                {
                    double norm = GradientClipping.ClipByGlobalNorm(network.Gradients, maxNorm);
                    if (!double.IsFinite(norm))
                    {
                        throw Diverged("gradient norm", norm, epoch, b, sampler.BatchCount);
                    }

                    options.Optimizer.Update(network.Parameters, network.Gradients);
                }

                correct += Classification.CountCorrect(network.Loss, step.Outputs, y, outputSize);
                iteration++;
                lossSum += batchLoss;
            }

            (double Loss, double? Accuracy)? validated = validation is { Count: > 0 } ? Evaluation.MeanLossAndAccuracy(inference, validation, validationOutputs) : null;
            if (best is not null && validated is { } v)
            {
                if (v.Loss < bestLoss)
                {
                    bestLoss = v.Loss;
                    bestEpoch = epoch;
                    sinceBest = 0;
                    network.Parameters.CopyTo(best);
                }
                else if (++sinceBest >= options.Patience)
                {
                    stoppedEarly = true;
                }
            }

            var result = new EpochResult(
                epoch,
                options.Epochs,
                lossSum / train.Count,
                Classification.IsClassifier(network.Loss) ? (double)correct / train.Count : null,
                validated?.Loss,
                validated?.Accuracy,
                options.Optimizer.LearningRate,
                Stopwatch.GetElapsedTime(start));
            epochs.Add(result);
            progress?.Report(result);
        }

        if (best is not null && bestEpoch > 0)
        {
            best.CopyTo(network.Parameters);
        }

        return new TrainingHistory(epochs, best is not null && bestEpoch > 0 ? bestEpoch : epochs.Count, stoppedEarly);
    }

    private static void RequireShape(INetwork network, Dataset data, string name)
    {
        if (data.InputSize != network.InputSize || data.OutputSize != network.OutputSize)
        {
            throw new ArgumentException(
                $"The {name} set has {data.InputSize} features and {data.OutputSize} targets per sample, but the network takes {network.InputSize} inputs and gives {network.OutputSize} outputs.",
                name);
        }
    }

    private static TrainingDivergedException Diverged(string what, double value, int epoch, int batch, int batches) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The {what} became {value} in epoch {epoch}, minibatch {batch + 1} of {batches}; training stopped. Lower the learning rate, clip the gradient (TrainingOptions.MaxGradientNorm) or scale the features."));
}
