namespace NetGen.Optimizers;

/// <summary>The learning rate as a function of the optimizer update (0 for the first).</summary>
/// <remarks>
/// The schedules here (<see cref="ConstantLearningRate"/>, <see cref="StepDecay"/>, <see cref="ExponentialDecay"/>,
/// <see cref="CosineAnnealing"/>, <see cref="LinearWarmup"/>) are immutable, compute each value in closed form in
/// double precision, and allocate nothing.
/// </remarks>
public interface ILearningRateSchedule
{
    /// <summary>The learning rate for iteration <paramref name="iteration"/>.</summary>
    /// <param name="iteration">The number of optimizer updates made before this one.</param>
    /// <returns>The learning rate, finite and not negative (positive unless a schedule decays to zero).</returns>
    float LearningRateAt(int iteration);
}
