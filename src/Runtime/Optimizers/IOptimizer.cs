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

    /// <summary>
    /// Applies the current step's update to the parameters <c>[offset, offset + parameters.Length)</c> only, with the
    /// state kept for them, so that several threads can each update a disjoint range of one step at once (as
    /// <see cref="Training.TrainingStep"/> does). The step is not counted until <see cref="CompleteStep"/>.
    /// <see cref="Update"/> is this over the whole range, then <see cref="CompleteStep"/>.
    /// </summary>
    /// <param name="parameters">The range of the parameters, updated in place.</param>
    /// <param name="gradients">The gradient of that range, already averaged over the minibatch.</param>
    /// <param name="offset">Where the range starts among all the parameters.</param>
    /// <exception cref="ArgumentException">The spans' lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The range does not lie inside the optimizer's parameters.</exception>
    void UpdateRange(Span<float> parameters, ReadOnlySpan<float> gradients, int offset);

    /// <summary>Ends a step whose ranges were applied by <see cref="UpdateRange"/>: counts it (for bias corrections and first-step rules).</summary>
    void CompleteStep();
}
