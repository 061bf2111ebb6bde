using System;

namespace NetGen.Optimizers;

/// <summary>
/// Cosine annealing from η₀ to η_min over <c>T</c> iterations, as PyTorch's <c>CosineAnnealingLR</c> in closed form:
/// <c>η_t = η_min + ½ (η₀ − η_min) (1 + cos(π t / T))</c> for <c>t ≤ T</c>, and <c>η_min</c> after (no restart).
/// </summary>
public sealed class CosineAnnealing : ILearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialLearningRate">The learning rate η₀ at iteration 0; positive.</param>
    /// <param name="iterations">The number <c>T</c> of iterations to reach the minimum in; positive.</param>
    /// <param name="minimumLearningRate">The learning rate η_min at iteration <c>T</c> and after, in [0, η₀]; 0 by default.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    public CosineAnnealing(float initialLearningRate, int iterations, float minimumLearningRate = 0f)
    {
        InitialLearningRate = OptimizerGuard.Positive(initialLearningRate, nameof(initialLearningRate));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(iterations);
        if (!(minimumLearningRate >= 0 && minimumLearningRate <= initialLearningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumLearningRate), minimumLearningRate, "The minimum learning rate must lie between 0 and the initial learning rate.");
        }

        Iterations = iterations;
        MinimumLearningRate = minimumLearningRate;
    }

    /// <summary>The learning rate η₀ at iteration 0.</summary>
    public float InitialLearningRate { get; }

    /// <summary>The number <c>T</c> of iterations over which the rate falls to the minimum.</summary>
    public int Iterations { get; }

    /// <summary>The learning rate η_min from iteration <c>T</c> on.</summary>
    public float MinimumLearningRate { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="iteration"/> is negative.</exception>
    public float LearningRateAt(int iteration)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(iteration);
        if (iteration >= Iterations)
        {
            return MinimumLearningRate;
        }

        double min = MinimumLearningRate;
        return (float)(min + 0.5 * (InitialLearningRate - min) * (1 + Math.Cos(Math.PI * iteration / Iterations)));
    }
}
