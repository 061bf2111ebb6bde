using System;
using System.Runtime.CompilerServices;
using NetGen.Kernels;

namespace NetGen.Optimizers;

/// <summary>AdaGrad (Duchi, Hazan and Singer, 2011), following PyTorch's <c>torch.optim.Adagrad</c> (without learning-rate decay).</summary>
/// <remarks>
/// <para>With learning rate η, ε and weight decay λ, each update does, element-wise:</para>
/// <code>
/// g ← ∇θ + λ θ
/// s ← s + g²
/// θ ← θ − η g / (√s + ε)
/// </code>
/// <para>
/// The accumulator <c>s</c> starts at the initial accumulator value (0 by default) and is allocated once by the
/// constructor; <see cref="Optimizer.Update"/> allocates nothing. ε is outside the square root.
/// </para>
/// </remarks>
public sealed class AdaGrad : Optimizer
{
    private readonly float[] _sumOfSquares;

    /// <summary>Creates the optimizer for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">The length of the parameter and gradient spans; positive.</param>
    /// <param name="learningRate">The step size η; positive. Defaults to 0.01, as PyTorch.</param>
    /// <param name="epsilon">The term ε added to the denominator; positive. Defaults to 1e-10, as PyTorch.</param>
    /// <param name="weightDecay">The L2 penalty λ added to the gradient as <c>λθ</c>; non-negative; 0 by default.</param>
    /// <param name="initialAccumulatorValue">The starting value of every accumulator <c>s</c>; non-negative; 0 by default.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    public AdaGrad(int parameterCount, float learningRate = 1e-2f, float epsilon = 1e-10f, float weightDecay = 0f, float initialAccumulatorValue = 0f)
        : base(parameterCount, learningRate)
    {
        Epsilon = OptimizerGuard.Positive(epsilon, nameof(epsilon));
        WeightDecay = OptimizerGuard.NonNegative(weightDecay, nameof(weightDecay));
        InitialAccumulatorValue = OptimizerGuard.NonNegative(initialAccumulatorValue, nameof(initialAccumulatorValue));
        _sumOfSquares = new float[parameterCount];
        _sumOfSquares.AsSpan().Fill(initialAccumulatorValue);
    }

    /// <summary>The term ε added to the denominator.</summary>
    public float Epsilon { get; }

    /// <summary>The L2 penalty λ, added to the gradient as <c>λθ</c>.</summary>
    public float WeightDecay { get; }

    /// <summary>The starting value of every accumulator.</summary>
    public float InitialAccumulatorValue { get; }

    /// <summary>Sets every accumulator back to <see cref="InitialAccumulatorValue"/>.</summary>
    protected override void ResetState() => _sumOfSquares.AsSpan().Fill(InitialAccumulatorValue);

    /// <inheritdoc/>
    protected override void ApplyRange(Span<float> parameters, ReadOnlySpan<float> gradients, int offset) =>
        VectorLoop.Apply(parameters, gradients, new Rule(_sumOfSquares, offset, LearningRate, Epsilon, WeightDecay));

    /// <summary><c>g ← ∇θ + λθ; s ← s + g²; θ ← θ − η g / (√s + ε)</c>.</summary>
    private readonly struct Rule(float[] sumOfSquares, int offset, float rate, float epsilon, float decay) : IElementOperation
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Apply<TSimd, TVector>(ref float destination, ref float source, int index)
            where TSimd : struct, ISimd<TVector>
            where TVector : struct
        {
            ref float theta = ref Unsafe.Add(ref destination, index);
            ref float sum = ref sumOfSquares[offset + index];
            TVector p = TSimd.Load(ref theta);
            TVector g = TSimd.Add(TSimd.Load(ref Unsafe.Add(ref source, index)), TSimd.Multiply(TSimd.Broadcast(decay), p));
            TVector s = TSimd.Add(TSimd.Load(ref sum), TSimd.Multiply(g, g));
            TSimd.Store(s, ref sum);
            TSimd.Store(TSimd.Subtract(p, TSimd.Multiply(TSimd.Broadcast(rate), TSimd.Divide(g, TSimd.Add(TSimd.SquareRoot(s), TSimd.Broadcast(epsilon))))), ref theta);
        }
    }
}
