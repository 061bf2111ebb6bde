using System;
using System.Numerics;
using System.Runtime.InteropServices;

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
/// <see cref="Update"/> allocates nothing.
/// </para>
/// </remarks>
public sealed class RmsProp : IOptimizer
{
    private readonly float[] _squareAverage;
    private readonly float[]? _gradientAverage;
    private readonly float[]? _velocity;
    private float _learningRate;

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
    {
        ParameterCount = OptimizerGuard.ParameterCount(parameterCount, nameof(parameterCount));
        _learningRate = OptimizerGuard.Positive(learningRate, nameof(learningRate));
        Alpha = OptimizerGuard.UnitInterval(alpha, nameof(alpha));
        Epsilon = OptimizerGuard.Positive(epsilon, nameof(epsilon));
        WeightDecay = OptimizerGuard.NonNegative(weightDecay, nameof(weightDecay));
        Momentum = OptimizerGuard.UnitInterval(momentum, nameof(momentum));
        Centered = centered;
        _squareAverage = new float[parameterCount];
        _gradientAverage = centered ? new float[parameterCount] : null;
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

    /// <summary>The number of updates made since construction or the last <see cref="Reset"/>.</summary>
    public int StepCount { get; private set; }

    /// <summary>Clears the running averages, the velocity and the step count, as if the optimizer were new.</summary>
    public void Reset()
    {
        _squareAverage.AsSpan().Clear();
        _gradientAverage?.AsSpan().Clear();
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
        float rate = _learningRate, alpha = Alpha, oneMinusAlpha = 1f - Alpha, epsilon = Epsilon, decay = WeightDecay, momentum = Momentum;
        bool centered = _gradientAverage is not null, withMomentum = _velocity is not null;

        // Unused state points at the square average and is never written through.
        int n = parameters.Length, i = 0;
        Span<float> squareAverages = _squareAverage.AsSpan(offset, n);
        Span<float> gradientAverages = (_gradientAverage ?? _squareAverage).AsSpan(offset, n), velocities = (_velocity ?? _squareAverage).AsSpan(offset, n);
        ref float theta = ref MemoryMarshal.GetReference(parameters);
        ref float gradient = ref MemoryMarshal.GetReference(gradients);
        ref float square = ref MemoryMarshal.GetReference(squareAverages);
        ref float mean = ref MemoryMarshal.GetReference(gradientAverages);
        ref float velocity = ref MemoryMarshal.GetReference(velocities);
        if (Vector.IsHardwareAccelerated)
        {
            Vector<float> vRate = new(rate), vAlpha = new(alpha), vOneMinusAlpha = new(oneMinusAlpha), vEpsilon = new(epsilon), vDecay = new(decay), vMomentum = new(momentum);
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector<float> p = Vector.LoadUnsafe(ref theta, (nuint)i);
                Vector<float> g = Vector.LoadUnsafe(ref gradient, (nuint)i) + vDecay * p;
                Vector<float> v = vAlpha * Vector.LoadUnsafe(ref square, (nuint)i) + vOneMinusAlpha * (g * g);
                v.StoreUnsafe(ref square, (nuint)i);
                Vector<float> denominator;
                if (centered)
                {
                    Vector<float> m = vAlpha * Vector.LoadUnsafe(ref mean, (nuint)i) + vOneMinusAlpha * g;
                    m.StoreUnsafe(ref mean, (nuint)i);
                    denominator = Vector.SquareRoot(Vector.Max(v - m * m, Vector<float>.Zero)) + vEpsilon;
                }
                else
                {
                    denominator = Vector.SquareRoot(v) + vEpsilon;
                }

                if (withMomentum)
                {
                    Vector<float> b = vMomentum * Vector.LoadUnsafe(ref velocity, (nuint)i) + g / denominator;
                    b.StoreUnsafe(ref velocity, (nuint)i);
                    (p - vRate * b).StoreUnsafe(ref theta, (nuint)i);
                }
                else
                {
                    (p - vRate * (g / denominator)).StoreUnsafe(ref theta, (nuint)i);
                }
            }
        }

        for (; i < n; i++)
        {
            ref float p = ref parameters[i];
            float g = gradients[i] + decay * p;
            float v = alpha * squareAverages[i] + oneMinusAlpha * (g * g);
            squareAverages[i] = v;
            float denominator;
            if (centered)
            {
                float m = alpha * gradientAverages[i] + oneMinusAlpha * g;
                gradientAverages[i] = m;
                denominator = MathF.Sqrt(MathF.Max(v - m * m, 0f)) + epsilon;
            }
            else
            {
                denominator = MathF.Sqrt(v) + epsilon;
            }

            if (withMomentum)
            {
                float b = momentum * velocities[i] + g / denominator;
                velocities[i] = b;
                p -= rate * b;
            }
            else
            {
                p -= rate * (g / denominator);
            }
        }
    }
}
