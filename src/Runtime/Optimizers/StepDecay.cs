using System;

namespace NetGen.Optimizers;

/// <summary>Step decay, as PyTorch's <c>StepLR</c> counted in updates: <c>η_t = η₀ · γ^⌊t / stepSize⌋</c>.</summary>
public sealed class StepDecay : ILearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialLearningRate">The learning rate η₀ of the first <paramref name="stepSize"/> iterations; positive.</param>
    /// <param name="stepSize">The number of iterations between decays; positive.</param>
    /// <param name="gamma">The factor γ applied at each decay, in (0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    public StepDecay(float initialLearningRate, int stepSize, float gamma)
    {
        InitialLearningRate = OptimizerGuard.Positive(initialLearningRate, nameof(initialLearningRate));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepSize);
        if (!(gamma > 0 && gamma <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "The decay factor must lie in (0, 1].");
        }

        StepSize = stepSize;
        Gamma = gamma;
    }

    /// <summary>The learning rate η₀ before the first decay.</summary>
    public float InitialLearningRate { get; }

    /// <summary>The number of iterations between decays.</summary>
    public int StepSize { get; }

    /// <summary>The factor γ applied at each decay.</summary>
    public float Gamma { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="iteration"/> is negative.</exception>
    public float LearningRateAt(int iteration)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(iteration);
        return (float)(InitialLearningRate * Math.Pow(Gamma, iteration / StepSize));
    }
}
