using System;
using System.Runtime.CompilerServices;
using NetGen.Kernels;

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
/// <see cref="Optimizer.Update"/> allocates nothing.
/// </para>
/// </remarks>
public class Adam : Optimizer
{
    private readonly float[] _firstMoment;
    private readonly float[] _secondMoment;
    private readonly bool _decoupled;

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
        : base(parameterCount, learningRate)
    {
        _decoupled = decoupled;
        Beta1 = OptimizerGuard.UnitInterval(beta1, nameof(beta1));
        Beta2 = OptimizerGuard.UnitInterval(beta2, nameof(beta2));
        Epsilon = OptimizerGuard.Positive(epsilon, nameof(epsilon));
        WeightDecay = OptimizerGuard.NonNegative(weightDecay, nameof(weightDecay));
        _firstMoment = new float[parameterCount];
        _secondMoment = new float[parameterCount];
    }

    /// <summary>The decay rate β₁ of the first moment.</summary>
    public float Beta1 { get; }

    /// <summary>The decay rate β₂ of the second moment.</summary>
    public float Beta2 { get; }

    /// <summary>The term ε added to the denominator.</summary>
    public float Epsilon { get; }

    /// <summary>The weight decay λ: for <see cref="Adam"/> an L2 penalty added to the gradient as <c>λθ</c>; for <see cref="AdamW"/> a decoupled shrink of the parameters by <c>1 − ηλ</c> before each update.</summary>
    public float WeightDecay { get; }

    /// <inheritdoc/>
    protected override void ResetState()
    {
        _firstMoment.AsSpan().Clear();
        _secondMoment.AsSpan().Clear();
    }

    /// <inheritdoc/>
    protected override void ApplyRange(Span<float> parameters, ReadOnlySpan<float> gradients, int offset)
    {
        int t = StepCount + 1;
        double correction1 = 1 - Math.Pow(Beta1, t), correction2 = 1 - Math.Pow(Beta2, t);
        VectorLoop.Apply(
            parameters,
            gradients,
            new Rule(
                _firstMoment,
                _secondMoment,
                offset,
                Beta1,
                1f - Beta1,
                Beta2,
                1f - Beta2,
                Epsilon,
                l2: _decoupled ? 0f : WeightDecay,
                shrink: _decoupled ? (float)(1 - ((double)LearningRate * WeightDecay)) : 1f,
                stepSize: (float)(LearningRate / correction1),
                sqrtCorrection2: (float)Math.Sqrt(correction2)));
    }

    /// <summary>
    /// <c>g ← ∇θ + l2·θ; m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; θ ← shrink·θ − stepSize · m / (√v / sqrtCorrection2 + ε)</c>:
    /// Adam with <c>l2 = λ, shrink = 1</c>, AdamW with <c>l2 = 0, shrink = 1 − ηλ</c>.
    /// </summary>
    private readonly struct Rule(
        float[] firstMoment,
        float[] secondMoment,
        int offset,
        float beta1,
        float oneMinusBeta1,
        float beta2,
        float oneMinusBeta2,
        float epsilon,
        float l2,
        float shrink,
        float stepSize,
        float sqrtCorrection2) : IElementOperation
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Apply<TSimd, TVector>(ref float destination, ref float source, int index)
            where TSimd : struct, ISimd<TVector>
            where TVector : struct
        {
            ref float theta = ref Unsafe.Add(ref destination, index);
            ref float m1 = ref firstMoment[offset + index];
            ref float m2 = ref secondMoment[offset + index];
            TVector p = TSimd.Load(ref theta);
            TVector g = TSimd.Add(TSimd.Load(ref Unsafe.Add(ref source, index)), TSimd.Multiply(TSimd.Broadcast(l2), p));
            TVector m = TSimd.Add(TSimd.Multiply(TSimd.Broadcast(beta1), TSimd.Load(ref m1)), TSimd.Multiply(TSimd.Broadcast(oneMinusBeta1), g));
            TVector v = TSimd.Add(TSimd.Multiply(TSimd.Broadcast(beta2), TSimd.Load(ref m2)), TSimd.Multiply(TSimd.Broadcast(oneMinusBeta2), TSimd.Multiply(g, g)));
            TSimd.Store(m, ref m1);
            TSimd.Store(v, ref m2);
            TVector denominator = TSimd.Add(TSimd.Divide(TSimd.SquareRoot(v), TSimd.Broadcast(sqrtCorrection2)), TSimd.Broadcast(epsilon));
            TSimd.Store(TSimd.Subtract(TSimd.Multiply(TSimd.Broadcast(shrink), p), TSimd.Multiply(TSimd.Broadcast(stepSize), TSimd.Divide(m, denominator))), ref theta);
        }
    }
}
