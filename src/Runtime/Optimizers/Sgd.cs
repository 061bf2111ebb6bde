using System;
using System.Runtime.CompilerServices;
using NetGen.Kernels;

namespace NetGen.Optimizers;

/// <summary>
/// Stochastic gradient descent with optional momentum (heavy-ball or Nesterov) and L2 weight decay, following
/// PyTorch's <c>torch.optim.SGD</c>.
/// </summary>
/// <remarks>
/// <para>With learning rate η, momentum μ, dampening τ and weight decay λ, update <c>t</c> (from 1) does, element-wise:</para>
/// <code>
/// g ← ∇θ + λ θ
/// if μ ≠ 0:
///     b ← g                    (t = 1)
///     b ← μ b + (1 − τ) g      (t &gt; 1)
///     g ← g + μ b   if Nesterov, else   g ← b
/// θ ← θ − η g
/// </code>
/// <para>
/// Without momentum this is plain gradient descent, <c>θ ← θ − η (∇θ + λθ)</c>, and keeps no state. The
/// velocity <c>b</c> is allocated once by the constructor; <see cref="Optimizer.Update"/> allocates nothing.
/// </para>
/// </remarks>
public sealed class Sgd : Optimizer
{
    private readonly float[]? _velocity;

    /// <summary>Creates the optimizer for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">The length of the parameter and gradient spans; positive.</param>
    /// <param name="learningRate">The step size η; positive. Defaults to 0.001, as PyTorch.</param>
    /// <param name="momentum">The momentum μ, in [0, 1); 0 (the default) turns momentum off.</param>
    /// <param name="dampening">The dampening τ of the gradient added to the velocity, in [0, 1]; 0 by default.</param>
    /// <param name="nesterov">Whether to use Nesterov momentum; it needs a positive momentum and zero dampening.</param>
    /// <param name="weightDecay">The L2 penalty λ added to the gradient as <c>λθ</c>; non-negative; 0 by default.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    /// <exception cref="ArgumentException"><paramref name="nesterov"/> is set without a positive momentum and zero dampening.</exception>
    public Sgd(int parameterCount, float learningRate = 1e-3f, float momentum = 0f, float dampening = 0f, bool nesterov = false, float weightDecay = 0f)
        : base(parameterCount, learningRate)
    {
        Momentum = OptimizerGuard.UnitInterval(momentum, nameof(momentum));
        if (!(dampening >= 0 && dampening <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(dampening), dampening, "Must lie in [0, 1].");
        }

        if (nesterov && (momentum == 0 || dampening != 0))
        {
            throw new ArgumentException("Nesterov momentum needs a positive momentum and zero dampening.", nameof(nesterov));
        }

        Dampening = dampening;
        Nesterov = nesterov;
        WeightDecay = OptimizerGuard.NonNegative(weightDecay, nameof(weightDecay));
        _velocity = momentum > 0 ? new float[parameterCount] : null;
    }

    /// <summary>The momentum μ.</summary>
    public float Momentum { get; }

    /// <summary>The dampening τ.</summary>
    public float Dampening { get; }

    /// <summary>Whether the momentum is Nesterov's.</summary>
    public bool Nesterov { get; }

    /// <summary>The L2 penalty λ, added to the gradient as <c>λθ</c>.</summary>
    public float WeightDecay { get; }

    /// <inheritdoc/>
    protected override void ResetState() => _velocity?.AsSpan().Clear();

    /// <inheritdoc/>
    protected override void ApplyRange(Span<float> parameters, ReadOnlySpan<float> gradients, int offset)
    {
        if (_velocity is null)
        {
            VectorLoop.Apply(parameters, gradients, new PlainRule(LearningRate, WeightDecay));
            return;
        }

        // b ← keep·b + add·g: on the first update (0, 1), which sets b = g exactly; afterwards (μ, 1 − τ).
        bool first = StepCount == 0;
        VectorLoop.Apply(
            parameters,
            gradients,
            new MomentumRule(_velocity, offset, LearningRate, WeightDecay, first ? 0f : Momentum, first ? 1f : 1f - Dampening, Momentum, Nesterov));
    }

    /// <summary><c>θ ← θ − η (∇θ + λθ)</c>.</summary>
    private readonly struct PlainRule(float rate, float decay) : IElementOperation
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Apply<TSimd, TVector>(ref float destination, ref float source, int index)
            where TSimd : struct, ISimd<TVector>
            where TVector : struct
        {
            ref float theta = ref Unsafe.Add(ref destination, index);
            TVector p = TSimd.Load(ref theta);
            TVector g = TSimd.Add(TSimd.Load(ref Unsafe.Add(ref source, index)), TSimd.Multiply(TSimd.Broadcast(decay), p));
            TSimd.Store(TSimd.Subtract(p, TSimd.Multiply(TSimd.Broadcast(rate), g)), ref theta);
        }
    }

    /// <summary><c>g ← ∇θ + λθ; b ← keep·b + add·g; θ ← θ − η (g + μb if Nesterov, else b)</c>.</summary>
    private readonly struct MomentumRule(float[] velocity, int offset, float rate, float decay, float keep, float add, float momentum, bool nesterov) : IElementOperation
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Apply<TSimd, TVector>(ref float destination, ref float source, int index)
            where TSimd : struct, ISimd<TVector>
            where TVector : struct
        {
            ref float theta = ref Unsafe.Add(ref destination, index);
            ref float velocityAt = ref velocity[offset + index];
            TVector p = TSimd.Load(ref theta);
            TVector g = TSimd.Add(TSimd.Load(ref Unsafe.Add(ref source, index)), TSimd.Multiply(TSimd.Broadcast(decay), p));
            TVector b = TSimd.Add(TSimd.Multiply(TSimd.Broadcast(keep), TSimd.Load(ref velocityAt)), TSimd.Multiply(TSimd.Broadcast(add), g));
            TSimd.Store(b, ref velocityAt);
            TVector step = nesterov ? TSimd.Add(g, TSimd.Multiply(TSimd.Broadcast(momentum), b)) : b;
            TSimd.Store(TSimd.Subtract(p, TSimd.Multiply(TSimd.Broadcast(rate), step)), ref theta);
        }
    }
}
