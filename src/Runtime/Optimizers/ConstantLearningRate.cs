using System;

namespace NetGen.Optimizers;

/// <summary>The same learning rate at every iteration.</summary>
public sealed class ConstantLearningRate : ILearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="learningRate">The learning rate; positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> is not positive and finite.</exception>
    public ConstantLearningRate(float learningRate) => LearningRate = OptimizerGuard.Positive(learningRate, nameof(learningRate));

    /// <summary>The learning rate.</summary>
    public float LearningRate { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="iteration"/> is negative.</exception>
    public float LearningRateAt(int iteration)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(iteration);
        return LearningRate;
    }
}
