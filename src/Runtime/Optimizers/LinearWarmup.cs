using System;

namespace NetGen.Optimizers;

/// <summary>
/// A linear warm-up in front of another schedule: over the first <c>W</c> iterations the rate climbs linearly to the
/// inner schedule's first value, <c>η_t = inner(0) · (t + 1) / (W + 1)</c> for <c>t &lt; W</c>; from then on the inner
/// schedule runs from its own start, <c>η_t = inner(t − W)</c>.
/// </summary>
/// <remarks>
/// The ramp starts above zero (at <c>inner(0) / (W + 1)</c>) and reaches <c>inner(0)</c> at iteration <c>W</c> with the
/// same slope, so an inner <see cref="CosineAnnealing"/> over <c>T</c> iterations spans iterations <c>W … W + T</c>.
/// </remarks>
public sealed class LinearWarmup : ILearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="inner">The schedule that follows the warm-up.</param>
    /// <param name="warmupIterations">The number <c>W</c> of warm-up iterations; positive.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="warmupIterations"/> is not positive.</exception>
    public LinearWarmup(ILearningRateSchedule inner, int warmupIterations)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(warmupIterations);
        Inner = inner;
        WarmupIterations = warmupIterations;
    }

    /// <summary>The schedule that follows the warm-up.</summary>
    public ILearningRateSchedule Inner { get; }

    /// <summary>The number <c>W</c> of warm-up iterations.</summary>
    public int WarmupIterations { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="iteration"/> is negative.</exception>
    public float LearningRateAt(int iteration)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(iteration);
        return iteration < WarmupIterations
            ? (float)((double)Inner.LearningRateAt(0) * (iteration + 1) / (WarmupIterations + 1))
            : Inner.LearningRateAt(iteration - WarmupIterations);
    }
}
