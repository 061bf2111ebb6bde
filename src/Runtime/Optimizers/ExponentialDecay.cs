using System;

namespace NetGen.Optimizers;

/// <summary>Exponential decay, as PyTorch's <c>ExponentialLR</c> counted in updates: <c>η_t = η₀ · γ^t</c>.</summary>
public sealed class ExponentialDecay : ILearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialLearningRate">The learning rate η₀ of the first iteration; positive.</param>
    /// <param name="gamma">The factor γ applied at every iteration, in (0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    public ExponentialDecay(float initialLearningRate, float gamma)
    {
        InitialLearningRate = OptimizerGuard.Positive(initialLearningRate, nameof(initialLearningRate));
        if (!(gamma > 0 && gamma <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "The decay factor must lie in (0, 1].");
        }

        Gamma = gamma;
    }

    /// <summary>The learning rate η₀ of the first iteration.</summary>
    public float InitialLearningRate { get; }

    /// <summary>The factor γ applied at every iteration.</summary>
    public float Gamma { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="iteration"/> is negative.</exception>
    /// <remarks>After very many iterations the value may underflow to zero.</remarks>
    public float LearningRateAt(int iteration)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(iteration);
        return (float)(InitialLearningRate * Math.Pow(Gamma, iteration));
    }
}
