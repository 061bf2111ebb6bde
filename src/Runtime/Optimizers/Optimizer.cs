using System;

namespace NetGen.Optimizers;

/// <summary>
/// What every optimizer of NetGen shares: the parameter count its state is sized for, the guarded learning rate,
/// the step count, <see cref="Reset"/>, and an update made of ranges (<see cref="UpdateRange"/>) that a step ends
/// with <see cref="CompleteStep"/>. A derived class gives only its per-element rule (<see cref="ApplyRange"/>) and
/// how its state is cleared (<see cref="ResetState"/>).
/// </summary>
/// <remarks>
/// <para>
/// <b>Threading contract.</b> Within one step, <see cref="UpdateRange"/> may run on several threads at once, each on
/// a disjoint range: a rule reads and writes only the elements of its range (of the parameters, the gradient and its
/// own state) and reads the step's constants, which change only in <see cref="CompleteStep"/> and when
/// <see cref="LearningRate"/> is set between steps. <see cref="Update"/> is the whole range, then
/// <see cref="CompleteStep"/>.
/// </para>
/// <para>State is allocated once by the constructor; an update allocates nothing.</para>
/// </remarks>
public abstract class Optimizer : IOptimizer
{
    private float _learningRate;

    /// <summary>Checks and keeps the parameter count and the learning rate.</summary>
    /// <param name="parameterCount">The length of the parameter and gradient spans; positive.</param>
    /// <param name="learningRate">The step size η; positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    protected Optimizer(int parameterCount, float learningRate)
    {
        ParameterCount = OptimizerGuard.ParameterCount(parameterCount, nameof(parameterCount));
        _learningRate = OptimizerGuard.Positive(learningRate, nameof(learningRate));
    }

    /// <summary>The number of parameters the optimizer updates.</summary>
    public int ParameterCount { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    /// <remarks>Zero is accepted here (a schedule may anneal to it), though not by the constructor.</remarks>
    public float LearningRate
    {
        get => _learningRate;
        set => _learningRate = OptimizerGuard.NonNegative(value, nameof(value));
    }

    /// <summary>The number of completed updates since construction or the last <see cref="Reset"/>: the <c>t − 1</c> of the update in progress.</summary>
    public int StepCount { get; private set; }

    /// <summary>Clears the optimizer's state and the step count, as if the optimizer were new.</summary>
    public void Reset()
    {
        ResetState();
        StepCount = 0;
    }

    /// <inheritdoc/>
    public void Update(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        OptimizerGuard.Lengths(ParameterCount, parameters, gradients);
        ApplyRange(parameters, gradients, 0);
        CompleteStep();
    }

    /// <inheritdoc/>
    public void UpdateRange(Span<float> parameters, ReadOnlySpan<float> gradients, int offset)
    {
        OptimizerGuard.Range(ParameterCount, parameters, gradients, offset);
        ApplyRange(parameters, gradients, offset);
    }

    /// <inheritdoc/>
    public void CompleteStep() => StepCount++;

    /// <summary>
    /// The optimizer's rule: updates the parameters <c>[offset, offset + parameters.Length)</c> and the state kept for
    /// them, for update <c><see cref="StepCount"/> + 1</c>, element by element. The ranges are checked by the caller.
    /// </summary>
    /// <param name="parameters">The range of the parameters, updated in place.</param>
    /// <param name="gradients">The gradient of that range, as long as <paramref name="parameters"/>.</param>
    /// <param name="offset">Where the range starts among all the parameters (and in the state).</param>
    protected abstract void ApplyRange(Span<float> parameters, ReadOnlySpan<float> gradients, int offset);

    /// <summary>Sets the optimizer's state (moments, velocities, accumulators) back to its initial values.</summary>
    protected abstract void ResetState();
}
