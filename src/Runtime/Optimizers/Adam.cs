using System;

namespace NetGen.Optimizers;

/// <summary>Adam (Kingma and Ba, 2015) with optional L2 weight decay, following PyTorch's <c>torch.optim.Adam</c> (without AMSGrad).</summary>
/// <remarks>
/// <para>With learning rate η, decay rates β₁ and β₂, ε and weight decay λ, update <c>t</c> (from 1) does, element-wise:</para>
/// <code>
/// g ← ∇θ + λ θ
/// m ← β₁ m + (1 − β₁) g
/// v ← β₂ v + (1 − β₂) g²
/// θ ← θ − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
/// </code>
/// <para>
/// that is <c>θ ← θ − η m̂ / (√v̂ + ε)</c> with the bias-corrected moments <c>m̂ = m / (1 − β₁ᵗ)</c> and
/// <c>v̂ = v / (1 − β₂ᵗ)</c>, and ε outside the square root. The bias corrections are computed in double
/// precision. The weight decay here is an L2 penalty whose gradient passes through the adaptive scaling; for
/// decoupled weight decay use <see cref="AdamW"/>. The moments are allocated once by the constructor;
/// <see cref="Update"/> allocates nothing.
/// </para>
/// </remarks>
public class Adam : IOptimizer
{
    private readonly float[] _firstMoment;
    private readonly float[] _secondMoment;
    private readonly bool _decoupled;
    private float _learningRate;

    /// <summary>Creates the optimizer for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">The length of the parameter and gradient spans; positive.</param>
    /// <param name="learningRate">The step size η; positive. Defaults to 0.001.</param>
    /// <param name="beta1">The decay rate β₁ of the first moment, in [0, 1). Defaults to 0.9.</param>
    /// <param name="beta2">The decay rate β₂ of the second moment, in [0, 1). Defaults to 0.999.</param>
    /// <param name="epsilon">The term ε added to the denominator; positive. Defaults to 1e-8.</param>
    /// <param name="weightDecay">The L2 penalty λ added to the gradient as <c>λθ</c>; non-negative; 0 by default.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    public Adam(int parameterCount, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0f)
        : this(parameterCount, learningRate, beta1, beta2, epsilon, weightDecay, decoupled: false)
    {
    }

    /// <summary>The constructor <see cref="AdamW"/> shares, with the weight decay applied as an L2 penalty or decoupled.</summary>
    private protected Adam(int parameterCount, float learningRate, float beta1, float beta2, float epsilon, float weightDecay, bool decoupled)
    {
        _decoupled = decoupled;
        ParameterCount = OptimizerGuard.ParameterCount(parameterCount, nameof(parameterCount));
        _learningRate = OptimizerGuard.Positive(learningRate, nameof(learningRate));
        Beta1 = OptimizerGuard.UnitInterval(beta1, nameof(beta1));
        Beta2 = OptimizerGuard.UnitInterval(beta2, nameof(beta2));
        Epsilon = OptimizerGuard.Positive(epsilon, nameof(epsilon));
        WeightDecay = OptimizerGuard.NonNegative(weightDecay, nameof(weightDecay));
        _firstMoment = new float[parameterCount];
        _secondMoment = new float[parameterCount];
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

    /// <summary>The decay rate β₁ of the first moment.</summary>
    public float Beta1 { get; }

    /// <summary>The decay rate β₂ of the second moment.</summary>
    public float Beta2 { get; }

    /// <summary>The term ε added to the denominator.</summary>
    public float Epsilon { get; }

    /// <summary>The weight decay λ: for <see cref="Adam"/> an L2 penalty added to the gradient as <c>λθ</c>; for <see cref="AdamW"/> a decoupled shrink of the parameters by <c>1 − ηλ</c> before each update.</summary>
    public float WeightDecay { get; }

    /// <summary>The number of updates made since construction or the last <see cref="Reset"/>; the <c>t</c> of the bias corrections.</summary>
    public int StepCount { get; private set; }

    /// <summary>Clears the moments and the step count, as if the optimizer were new.</summary>
    public void Reset()
    {
        _firstMoment.AsSpan().Clear();
        _secondMoment.AsSpan().Clear();
        StepCount = 0;
    }

    /// <inheritdoc/>
    public void Update(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        OptimizerGuard.Lengths(ParameterCount, parameters, gradients);
        UpdateRange(parameters, gradients, 0);
        CompleteStep();
    }

    /// <inheritdoc/>
    public void CompleteStep() => StepCount++;

    /// <inheritdoc/>
    public void UpdateRange(Span<float> parameters, ReadOnlySpan<float> gradients, int offset)
    {
        OptimizerGuard.Range(ParameterCount, parameters, gradients, offset);
        int t = StepCount + 1;
        double correction1 = 1 - Math.Pow(Beta1, t), correction2 = 1 - Math.Pow(Beta2, t);
        AdamKernel.Update(
            parameters,
            gradients,
            _firstMoment.AsSpan(offset, parameters.Length),
            _secondMoment.AsSpan(offset, parameters.Length),
            Beta1,
            Beta2,
            Epsilon,
            l2: _decoupled ? 0f : WeightDecay,
            shrink: _decoupled ? (float)(1 - ((double)_learningRate * WeightDecay)) : 1f,
            stepSize: (float)(_learningRate / correction1),
            sqrtCorrection2: (float)Math.Sqrt(correction2));
    }
}
