using System;

namespace NetGen.Optimizers;

/// <summary>
/// Updates parameters from their gradient. Implementations keep their state (moments, velocities) in
/// buffers allocated once, for one parameter count; an <see cref="Update"/> allocates nothing.
/// </summary>
public interface IOptimizer
{
    /// <summary>The step size η of the next <see cref="Update"/>; learning-rate schedules set it.</summary>
    float LearningRate { get; set; }

    /// <summary>Applies one update, <c>θ ← update(θ, ∇θ)</c>.</summary>
    /// <param name="parameters">The parameters θ, updated in place.</param>
    /// <param name="gradients">The gradient ∇θ, already averaged over the minibatch.</param>
    /// <exception cref="ArgumentException">The spans' lengths differ from each other or from the optimizer's state.</exception>
    void Update(Span<float> parameters, ReadOnlySpan<float> gradients);
}
