using System;
using System.Runtime.CompilerServices;
using NetGen.Kernels;

namespace NetGen.Optimizers;

/// <summary>RMSProp (Tieleman and Hinton, 2012), optionally centred and with momentum, following PyTorch's <c>torch.optim.RMSprop</c>.</summary>
/// <remarks>
/// <para>With learning rate η, smoothing constant α, ε, weight decay λ and momentum μ, each update does, element-wise:</para>
/// <code>
/// g ← ∇θ + λ θ
/// v ← α v + (1 − α) g²
/// if centred:   ḡ ← α ḡ + (1 − α) g;   d ← √max(v − ḡ², 0) + ε
/// else:         d ← √v + ε
/// if μ &gt; 0:    b ← μ b + g / d;       θ ← θ − η b
/// else:         θ ← θ − η g / d
/// </code>
/// <para>
/// ε is outside the square root. The <c>max(·, 0)</c> only guards the centred variance against rounding below zero.
/// The state (<c>v</c>, and <c>ḡ</c> and <c>b</c> when used) is allocated once by the constructor;
/// <see cref="Optimizer.Update"/> allocates nothing.
/// </para>
/// </remarks>
public sealed class RmsProp : Optimizer
{
    private readonly float[] _squareAverage;
    private readonly float[]? _gradientAverage;
    private readonly float[]? _velocity;

    /// <summary>Creates the optimizer for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">The length of the parameter and gradient spans; positive.</param>
    /// <param name="learningRate">The step size η; positive. Defaults to 0.01, as PyTorch.</param>
    /// <param name="alpha">The smoothing constant α of the running averages, in [0, 1). Defaults to 0.99.</param>
    /// <param name="epsilon">The term ε added to the denominator; positive. Defaults to 1e-8.</param>
    /// <param name="weightDecay">The L2 penalty λ added to the gradient as <c>λθ</c>; non-negative; 0 by default.</param>
    /// <param name="momentum">The momentum μ, in [0, 1); 0 (the default) turns momentum off.</param>
    /// <param name="centered">Whether to divide by an estimate of the gradient's variance instead of its second moment.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    public RmsProp(int parameterCount, float learningRate = 1e-2f, float alpha = 0.99f, float epsilon = 1e-8f, float weightDecay = 0f, float momentum = 0f, bool centered = false)
        : base(parameterCount, learningRate)
    {
        Alpha = OptimizerGuard.UnitInterval(alpha, nameof(alpha));
        Epsilon = OptimizerGuard.Positive(epsilon, nameof(epsilon));
        WeightDecay = OptimizerGuard.NonNegative(weightDecay, nameof(weightDecay));
        Momentum = OptimizerGuard.UnitInterval(momentum, nameof(momentum));
        Centered = centered;
        _squareAverage = new float[parameterCount];
        _gradientAverage = centered ? new float[parameterCount] : null;
        _velocity = momentum > 0 ? new float[parameterCount] : null;
    }

    /// <summary>The smoothing constant α of the running averages.</summary>
    public float Alpha { get; }

    /// <summary>The term ε added to the denominator.</summary>
    public float Epsilon { get; }

    /// <summary>The L2 penalty λ, added to the gradient as <c>λθ</c>.</summary>
    public float WeightDecay { get; }

    /// <summary>The momentum μ.</summary>
    public float Momentum { get; }

    /// <summary>Whether the denominator uses the centred second moment, an estimate of the gradient's variance.</summary>
    public bool Centered { get; }

    /// <inheritdoc/>
    protected override void ResetState()
    {
        _squareAverage.AsSpan().Clear();
        _gradientAverage?.AsSpan().Clear();
        _velocity?.AsSpan().Clear();
    }

    /// <inheritdoc/>
    protected override void ApplyRange(Span<float> parameters, ReadOnlySpan<float> gradients, int offset) =>
        VectorLoop.Apply(parameters, gradients, new Rule(_squareAverage, _gradientAverage, _velocity, offset, LearningRate, Alpha, Epsilon, WeightDecay, Momentum));

    /// <summary>The update of the class summary; the centred average <c>ḡ</c> and the velocity <c>b</c> only when their buffers exist.</summary>
    private readonly struct Rule(float[] squareAverage, float[]? gradientAverage, float[]? velocity, int offset, float rate, float alpha, float epsilon, float decay, float momentum)
        : IElementOperation
    {
        private readonly float _oneMinusAlpha = 1f - alpha;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Apply<TSimd, TVector>(ref float destination, ref float source, int index)
            where TSimd : struct, ISimd<TVector>
            where TVector : struct
        {
            ref float theta = ref Unsafe.Add(ref destination, index);
            ref float square = ref squareAverage[offset + index];
            TVector p = TSimd.Load(ref theta);
            TVector g = TSimd.Add(TSimd.Load(ref Unsafe.Add(ref source, index)), TSimd.Multiply(TSimd.Broadcast(decay), p));
            TVector v = TSimd.Add(TSimd.Multiply(TSimd.Broadcast(alpha), TSimd.Load(ref square)), TSimd.Multiply(TSimd.Broadcast(_oneMinusAlpha), TSimd.Multiply(g, g)));
            TSimd.Store(v, ref square);
            TVector denominator;
            if (gradientAverage is not null)
            {
                ref float mean = ref gradientAverage[offset + index];
                TVector m = TSimd.Add(TSimd.Multiply(TSimd.Broadcast(alpha), TSimd.Load(ref mean)), TSimd.Multiply(TSimd.Broadcast(_oneMinusAlpha), g));
                TSimd.Store(m, ref mean);
                denominator = TSimd.Add(TSimd.SquareRoot(TSimd.Max(TSimd.Subtract(v, TSimd.Multiply(m, m)), TSimd.Zero)), TSimd.Broadcast(epsilon));
            }
            else
            {
                denominator = TSimd.Add(TSimd.SquareRoot(v), TSimd.Broadcast(epsilon));
            }

            if (velocity is not null)
            {
                ref float velocityAt = ref velocity[offset + index];
                TVector b = TSimd.Add(TSimd.Multiply(TSimd.Broadcast(momentum), TSimd.Load(ref velocityAt)), TSimd.Divide(g, denominator));
                TSimd.Store(b, ref velocityAt);
                TSimd.Store(TSimd.Subtract(p, TSimd.Multiply(TSimd.Broadcast(rate), b)), ref theta);
            }
            else
            {
                TSimd.Store(TSimd.Subtract(p, TSimd.Multiply(TSimd.Broadcast(rate), TSimd.Divide(g, denominator))), ref theta);
            }
        }
    }
}
