using System;
using System.Runtime.CompilerServices;

namespace NetGen.Kernels;

/// <summary>
/// The activation functions <c>g</c> and their derivatives, as generated networks call them. Each
/// derivative is computed from the layer's stored output <c>h = g(a)</c>, which is all the backward
/// pass keeps: <c>σ' = h(1 − h)</c>, <c>tanh' = 1 − h²</c>, <c>ReLU' = [h &gt; 0]</c>, and for a leaky
/// ReLU with a slope in [0, 1], <c>[h &gt; 0] + slope·[h ≤ 0]</c> (its output is positive exactly when
/// its input is).
/// </summary>
public static class Activations
{
    /// <summary>The logistic sigmoid <c>1 / (1 + e^-a)</c>; 0 or 1 at the extremes, never NaN.</summary>
    /// <param name="a">The pre-activation.</param>
    /// <returns><c>σ(a)</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sigmoid(float a) => 1f / (1f + MathF.Exp(-a));

    /// <summary>The hyperbolic tangent.</summary>
    /// <param name="a">The pre-activation.</param>
    /// <returns><c>tanh(a)</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Tanh(float a) => MathF.Tanh(a);

    /// <summary>The rectified linear unit <c>max(0, a)</c>.</summary>
    /// <param name="a">The pre-activation.</param>
    /// <returns><c>max(0, a)</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ReLU(float a) => a > 0f ? a : 0f;

    /// <summary>The leaky rectified linear unit: <c>a</c> if positive, else <c>slope · a</c>.</summary>
    /// <param name="a">The pre-activation.</param>
    /// <param name="slope">The slope for non-positive inputs.</param>
    /// <returns>The activation.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float LeakyReLU(float a, float slope) => a > 0f ? a : slope * a;

    /// <summary><c>σ'(a)</c> from <c>h = σ(a)</c>.</summary>
    /// <param name="h">The sigmoid's output.</param>
    /// <returns><c>h(1 − h)</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SigmoidDerivative(float h) => h * (1f - h);

    /// <summary><c>tanh'(a)</c> from <c>h = tanh(a)</c>.</summary>
    /// <param name="h">The tanh's output.</param>
    /// <returns><c>1 − h²</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float TanhDerivative(float h) => 1f - (h * h);

    /// <summary><c>ReLU'(a)</c> from <c>h = ReLU(a)</c>.</summary>
    /// <param name="h">The ReLU's output.</param>
    /// <returns>1 where <c>h &gt; 0</c>, else 0.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ReLUDerivative(float h) => h > 0f ? 1f : 0f;

    /// <summary>The leaky ReLU's derivative from its output.</summary>
    /// <param name="h">The leaky ReLU's output.</param>
    /// <param name="slope">The slope for non-positive inputs, in [0, 1].</param>
    /// <returns>1 where <c>h &gt; 0</c>, else <paramref name="slope"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float LeakyReLUDerivative(float h, float slope) => h > 0f ? 1f : slope;

    /// <summary>Replaces each <c>a</c> by <c>σ(a)</c>.</summary>
    /// <param name="values">The pre-activations, overwritten by the activations.</param>
    public static void Sigmoid(Span<float> values)
    {
        foreach (ref float v in values)
        {
            v = Sigmoid(v);
        }
    }

    /// <summary>Replaces each <c>a</c> by <c>tanh(a)</c>.</summary>
    /// <param name="values">The pre-activations, overwritten by the activations.</param>
    public static void Tanh(Span<float> values)
    {
        foreach (ref float v in values)
        {
            v = MathF.Tanh(v);
        }
    }

    /// <summary>Replaces each <c>a</c> by <c>max(0, a)</c>.</summary>
    /// <param name="values">The pre-activations, overwritten by the activations.</param>
    public static void ReLU(Span<float> values)
    {
        foreach (ref float v in values)
        {
            v = ReLU(v);
        }
    }

    /// <summary>Replaces each <c>a</c> by the leaky ReLU of <c>a</c>.</summary>
    /// <param name="values">The pre-activations, overwritten by the activations.</param>
    /// <param name="slope">The slope for non-positive inputs.</param>
    public static void LeakyReLU(Span<float> values, float slope)
    {
        foreach (ref float v in values)
        {
            v = LeakyReLU(v, slope);
        }
    }

    /// <summary>Replaces <c>a</c> by <c>softmax(a)_j = e^(a_j − max a) / Σ_c e^(a_c − max a)</c>; subtracting the maximum keeps every exponent ≤ 0, so no input overflows.</summary>
    /// <param name="values">The pre-activations, overwritten by the probabilities.</param>
    public static void Softmax(Span<float> values)
    {
        float max = float.NegativeInfinity;
        foreach (float v in values)
        {
            max = MathF.Max(max, v);
        }

        float sum = 0f;
        foreach (ref float v in values)
        {
            v = MathF.Exp(v - max);
            sum += v;
        }

        float scale = 1f / sum;
        foreach (ref float v in values)
        {
            v *= scale;
        }
    }

    /// <summary><c>gradient ⊙= σ'(a)</c>, from the outputs <c>h = σ(a)</c>.</summary>
    /// <param name="gradient">The gradient with respect to <c>h</c>, overwritten by the one with respect to <c>a</c>.</param>
    /// <param name="outputs">The sigmoid's outputs.</param>
    public static void MultiplyBySigmoidDerivative(Span<float> gradient, ReadOnlySpan<float> outputs)
    {
        ShapeGuard.RequireLength(outputs.Length, gradient.Length, nameof(outputs));
        for (int i = 0; i < gradient.Length; i++)
        {
            gradient[i] *= SigmoidDerivative(outputs[i]);
        }
    }

    /// <summary><c>gradient ⊙= tanh'(a)</c>, from the outputs <c>h = tanh(a)</c>.</summary>
    /// <param name="gradient">The gradient with respect to <c>h</c>, overwritten by the one with respect to <c>a</c>.</param>
    /// <param name="outputs">The tanh's outputs.</param>
    public static void MultiplyByTanhDerivative(Span<float> gradient, ReadOnlySpan<float> outputs)
    {
        ShapeGuard.RequireLength(outputs.Length, gradient.Length, nameof(outputs));
        for (int i = 0; i < gradient.Length; i++)
        {
            gradient[i] *= TanhDerivative(outputs[i]);
        }
    }

    /// <summary><c>gradient ⊙= ReLU'(a)</c>, from the outputs <c>h = ReLU(a)</c>.</summary>
    /// <param name="gradient">The gradient with respect to <c>h</c>, overwritten by the one with respect to <c>a</c>.</param>
    /// <param name="outputs">The ReLU's outputs.</param>
    public static void MultiplyByReLUDerivative(Span<float> gradient, ReadOnlySpan<float> outputs)
    {
        ShapeGuard.RequireLength(outputs.Length, gradient.Length, nameof(outputs));
        for (int i = 0; i < gradient.Length; i++)
        {
            gradient[i] *= ReLUDerivative(outputs[i]);
        }
    }

    /// <summary><c>gradient ⊙= LeakyReLU'(a)</c>, from the outputs.</summary>
    /// <param name="gradient">The gradient with respect to <c>h</c>, overwritten by the one with respect to <c>a</c>.</param>
    /// <param name="outputs">The leaky ReLU's outputs.</param>
    /// <param name="slope">The slope for non-positive inputs, in [0, 1].</param>
    public static void MultiplyByLeakyReLUDerivative(Span<float> gradient, ReadOnlySpan<float> outputs, float slope)
    {
        ShapeGuard.RequireLength(outputs.Length, gradient.Length, nameof(outputs));
        for (int i = 0; i < gradient.Length; i++)
        {
            gradient[i] *= LeakyReLUDerivative(outputs[i], slope);
        }
    }

    /// <summary>
    /// <c>gradient ← J_softmaxᵀ gradient</c>, from the probabilities <c>s</c>: <c>∇a_j = s_j (∇s_j − Σ_c ∇s_c s_c)</c>.
    /// Only needed when a softmax output is trained with a loss other than cross-entropy.
    /// </summary>
    /// <param name="gradient">The gradient with respect to <c>s</c>, overwritten by the one with respect to <c>a</c>.</param>
    /// <param name="outputs">The softmax's outputs <c>s</c>.</param>
    public static void MultiplyBySoftmaxJacobian(Span<float> gradient, ReadOnlySpan<float> outputs)
    {
        ShapeGuard.RequireLength(outputs.Length, gradient.Length, nameof(outputs));
        float dot = 0f;
        for (int i = 0; i < gradient.Length; i++)
        {
            dot += gradient[i] * outputs[i];
        }

        for (int i = 0; i < gradient.Length; i++)
        {
            gradient[i] = outputs[i] * (gradient[i] - dot);
        }
    }
}
