using System;
using NetGen.Optimizers;

namespace NetGen.Training;

/// <summary>How <see cref="Trainer"/> trains a network.</summary>
public sealed class TrainingOptions
{
    /// <summary>The optimizer that updates the parameters from each minibatch's mean gradient.</summary>
    public required IOptimizer Optimizer { get; init; }

    /// <summary>The number of passes over the training set; positive. Defaults to 10.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>The samples per minibatch; positive. Defaults to 32.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>The learning rate per optimizer update; when null the optimizer's own learning rate stays as it is.</summary>
    public ILearningRateSchedule? Schedule { get; init; }

    /// <summary>When set, each minibatch's mean gradient is rescaled so its global L2 norm is at most this value.</summary>
    public float? MaxGradientNorm { get; init; }

    /// <summary>
    /// When set (and a validation set is given), training stops after this many epochs without a lower validation
    /// loss, and the parameters of the best epoch are restored.
    /// </summary>
    public int? Patience { get; init; }

    /// <summary>The seed of the minibatch shuffles. Defaults to 0.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// The threads that compute each minibatch's gradient (data-parallel, see <see cref="TrainingStep"/>) and evaluate
    /// the validation set (<see cref="ParallelInference"/>): <see cref="WorkerCount.Auto"/> (the default), which uses
    /// one thread where a step is too small to share, or a fixed positive count such as <c>Workers = 2</c>. The result
    /// depends on the seed and the number of threads each step uses, not on thread timing.
    /// </summary>
    public WorkerCount Workers { get; init; }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Optimizer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Epochs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize);
        Workers.Checked(nameof(Workers));
        if (MaxGradientNorm is { } norm && !(norm > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxGradientNorm), norm, "The gradient norm bound must be positive.");
        }

        if (Patience is { } patience)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(patience, nameof(Patience));
        }
    }
}
