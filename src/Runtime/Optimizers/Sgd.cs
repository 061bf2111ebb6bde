using System;
using System.Numerics;
using System.Runtime.InteropServices;

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
/// velocity <c>b</c> is allocated once by the constructor; <see cref="Update"/> allocates nothing.
/// </para>
/// </remarks>
public sealed class Sgd : IOptimizer
{
    private readonly float[]? _velocity;
    private float _learningRate;

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
    {
        ParameterCount = OptimizerGuard.ParameterCount(parameterCount, nameof(parameterCount));
        _learningRate = OptimizerGuard.Positive(learningRate, nameof(learningRate));
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

    /// <summary>The momentum μ.</summary>
    public float Momentum { get; }

    /// <summary>The dampening τ.</summary>
    public float Dampening { get; }

    /// <summary>Whether the momentum is Nesterov's.</summary>
    public bool Nesterov { get; }

    /// <summary>The L2 penalty λ, added to the gradient as <c>λθ</c>.</summary>
    public float WeightDecay { get; }

    /// <summary>The number of updates made since construction or the last <see cref="Reset"/>.</summary>
    public int StepCount { get; private set; }

    /// <summary>Clears the velocity and the step count, as if the optimizer were new.</summary>
    public void Reset()
    {
        _velocity?.AsSpan().Clear();
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
        float rate = _learningRate, decay = WeightDecay;
        ref float theta = ref MemoryMarshal.GetReference(parameters);
        ref float gradient = ref MemoryMarshal.GetReference(gradients);
        int n = parameters.Length, i = 0;
        if (_velocity is null)
        {
            if (Vector.IsHardwareAccelerated)
            {
                Vector<float> vRate = new(rate), vDecay = new(decay);
                for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
                {
                    Vector<float> p = Vector.LoadUnsafe(ref theta, (nuint)i);
                    Vector<float> g = Vector.LoadUnsafe(ref gradient, (nuint)i) + vDecay * p;
                    (p - vRate * g).StoreUnsafe(ref theta, (nuint)i);
                }
            }

            for (; i < n; i++)
            {
                ref float p = ref parameters[i];
                float g = gradients[i] + decay * p;
                p -= rate * g;
            }

            return;
        }

        // b ← keep·b + add·g: on the first update (0, 1), which sets b = g exactly; afterwards (μ, 1 − τ).
        float keep = StepCount == 0 ? 0f : Momentum, add = StepCount == 0 ? 1f : 1f - Dampening;
        float momentum = Momentum;
        bool nesterov = Nesterov;
        Span<float> velocities = _velocity.AsSpan(offset, n);
        ref float velocity = ref MemoryMarshal.GetReference(velocities);
        if (Vector.IsHardwareAccelerated)
        {
            Vector<float> vRate = new(rate), vDecay = new(decay), vKeep = new(keep), vAdd = new(add), vMomentum = new(momentum);
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector<float> p = Vector.LoadUnsafe(ref theta, (nuint)i);
                Vector<float> g = Vector.LoadUnsafe(ref gradient, (nuint)i) + vDecay * p;
                Vector<float> b = vKeep * Vector.LoadUnsafe(ref velocity, (nuint)i) + vAdd * g;
                b.StoreUnsafe(ref velocity, (nuint)i);
                Vector<float> step = nesterov ? g + vMomentum * b : b;
                (p - vRate * step).StoreUnsafe(ref theta, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            ref float p = ref parameters[i];
            float g = gradients[i] + decay * p;
            float b = keep * velocities[i] + add * g;
            velocities[i] = b;
            float step = nesterov ? g + momentum * b : b;
            p -= rate * step;
        }
    }
}
