namespace NetGen.Optimizers;

/// <summary>The learning rate as a function of the optimizer update (0 for the first).</summary>
public interface ILearningRateSchedule
{
    /// <summary>The learning rate for iteration <paramref name="iteration"/>.</summary>
    /// <param name="iteration">The number of optimizer updates made before this one.</param>
    /// <returns>The learning rate, positive.</returns>
    float LearningRateAt(int iteration);
}
