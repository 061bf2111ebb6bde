using System;
using System.Numerics;
using System.Runtime.InteropServices;

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
/// constructor; <see cref="Update"/> allocates nothing. ε is outside the square root.
/// </para>
/// </remarks>
public sealed class AdaGrad : IOptimizer
{
    private readonly float[] _sumOfSquares;
    private float _learningRate;

    /// <summary>Creates the optimizer for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">The length of the parameter and gradient spans; positive.</param>
    /// <param name="learningRate">The step size η; positive. Defaults to 0.01, as PyTorch.</param>
    /// <param name="epsilon">The term ε added to the denominator; positive. Defaults to 1e-10, as PyTorch.</param>
    /// <param name="weightDecay">The L2 penalty λ added to the gradient as <c>λθ</c>; non-negative; 0 by default.</param>
    /// <param name="initialAccumulatorValue">The starting value of every accumulator <c>s</c>; non-negative; 0 by default.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    public AdaGrad(int parameterCount, float learningRate = 1e-2f, float epsilon = 1e-10f, float weightDecay = 0f, float initialAccumulatorValue = 0f)
    {
        ParameterCount = OptimizerGuard.ParameterCount(parameterCount, nameof(parameterCount));
        _learningRate = OptimizerGuard.Positive(learningRate, nameof(learningRate));
        Epsilon = OptimizerGuard.Positive(epsilon, nameof(epsilon));
        WeightDecay = OptimizerGuard.NonNegative(weightDecay, nameof(weightDecay));
        InitialAccumulatorValue = OptimizerGuard.NonNegative(initialAccumulatorValue, nameof(initialAccumulatorValue));
        _sumOfSquares = new float[parameterCount];
        _sumOfSquares.AsSpan().Fill(initialAccumulatorValue);
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

    /// <summary>The term ε added to the denominator.</summary>
    public float Epsilon { get; }

    /// <summary>The L2 penalty λ, added to the gradient as <c>λθ</c>.</summary>
    public float WeightDecay { get; }

    /// <summary>The starting value of every accumulator.</summary>
    public float InitialAccumulatorValue { get; }

    /// <summary>The number of updates made since construction or the last <see cref="Reset"/>.</summary>
    public int StepCount { get; private set; }

    /// <summary>Sets every accumulator back to <see cref="InitialAccumulatorValue"/> and the step count to 0, as if the optimizer were new.</summary>
    public void Reset()
    {
        _sumOfSquares.AsSpan().Fill(InitialAccumulatorValue);
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
        float rate = _learningRate, epsilon = Epsilon, decay = WeightDecay;
        ref float theta = ref MemoryMarshal.GetReference(parameters);
        ref float gradient = ref MemoryMarshal.GetReference(gradients);
        int n = parameters.Length, i = 0;
        Span<float> sums = _sumOfSquares.AsSpan(offset, n);
        ref float sum = ref MemoryMarshal.GetReference(sums);
        if (Vector.IsHardwareAccelerated)
        {
            Vector<float> vRate = new(rate), vEpsilon = new(epsilon), vDecay = new(decay);
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector<float> p = Vector.LoadUnsafe(ref theta, (nuint)i);
                Vector<float> g = Vector.LoadUnsafe(ref gradient, (nuint)i) + vDecay * p;
                Vector<float> s = Vector.LoadUnsafe(ref sum, (nuint)i) + g * g;
                s.StoreUnsafe(ref sum, (nuint)i);
                (p - vRate * (g / (Vector.SquareRoot(s) + vEpsilon))).StoreUnsafe(ref theta, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            ref float p = ref parameters[i];
            float g = gradients[i] + decay * p;
            float s = sums[i] + g * g;
            sums[i] = s;
            p -= rate * (g / (MathF.Sqrt(s) + epsilon));
        }
    }
}
