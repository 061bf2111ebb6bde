using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// The activation functions <c>g</c> and their derivatives, as generated networks call them. Each
/// derivative is computed from the layer's stored output <c>h = g(a)</c>, which is all the backward
/// pass keeps: <c>σ' = h(1 − h)</c>, <c>tanh' = 1 − h²</c>, <c>ReLU' = [h &gt; 0]</c>, and for a leaky
/// ReLU with a slope in [0, 1], <c>[h &gt; 0] + slope·[h ≤ 0]</c> (its output is positive exactly when
/// its input is).
/// The span overloads run at the widest accelerated vector width that fits (see <c>VectorMath</c>: tanh,
/// sigmoid and softmax within about 1.3 ulp of the exact values, saturating to exactly ±1, 0 and 1, NaN
/// giving NaN); the scalar overloads, which unrolled layers call, use <see cref="MathF"/> and agree with
/// them to 2.5e-7.
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
        ElementWise.Map(values, default(SigmoidOp));
    }

    /// <summary>Replaces each <c>a</c> by <c>tanh(a)</c>.</summary>
    /// <param name="values">The pre-activations, overwritten by the activations.</param>
    public static void Tanh(Span<float> values)
    {
        ElementWise.Map(values, default(TanhOp));
    }

    /// <summary>Replaces each <c>a</c> by <c>max(0, a)</c>.</summary>
    /// <param name="values">The pre-activations, overwritten by the activations.</param>
    public static void ReLU(Span<float> values)
    {
        ElementWise.Map(values, default(ReLUOp));
    }

    /// <summary>Replaces each <c>a</c> by the leaky ReLU of <c>a</c>.</summary>
    /// <param name="values">The pre-activations, overwritten by the activations.</param>
    /// <param name="slope">The slope for non-positive inputs.</param>
    public static void LeakyReLU(Span<float> values, float slope)
    {
        ElementWise.Map(values, new LeakyReLUOp(slope));
    }

    /// <summary>Replaces <c>a</c> by <c>softmax(a)_j = e^(a_j − max a) / Σ_c e^(a_c − max a)</c>; subtracting the maximum keeps every exponent ≤ 0, so no input overflows.</summary>
    /// <param name="values">The pre-activations, overwritten by the probabilities.</param>
    public static void Softmax(Span<float> values)
    {
        ref float start = ref MemoryMarshal.GetReference(values);
        if (Vector512.IsHardwareAccelerated && values.Length >= Vector512<float>.Count)
        {
            VectorMath.SoftmaxVector512(ref start, values.Length);
            return;
        }

        if (Vector256.IsHardwareAccelerated && values.Length >= Vector256<float>.Count)
        {
            VectorMath.SoftmaxVector256(ref start, values.Length);
            return;
        }

        if (Vector128.IsHardwareAccelerated && values.Length >= Vector128<float>.Count)
        {
            VectorMath.SoftmaxVector128(ref start, values.Length);
            return;
        }

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
        ElementWise.Map(gradient, outputs, default(SigmoidDerivativeOp));
    }

    /// <summary><c>gradient ⊙= tanh'(a)</c>, from the outputs <c>h = tanh(a)</c>.</summary>
    /// <param name="gradient">The gradient with respect to <c>h</c>, overwritten by the one with respect to <c>a</c>.</param>
    /// <param name="outputs">The tanh's outputs.</param>
    public static void MultiplyByTanhDerivative(Span<float> gradient, ReadOnlySpan<float> outputs)
    {
        ElementWise.Map(gradient, outputs, default(TanhDerivativeOp));
    }

    /// <summary><c>gradient ⊙= ReLU'(a)</c>, from the outputs <c>h = ReLU(a)</c>.</summary>
    /// <param name="gradient">The gradient with respect to <c>h</c>, overwritten by the one with respect to <c>a</c>.</param>
    /// <param name="outputs">The ReLU's outputs.</param>
    public static void MultiplyByReLUDerivative(Span<float> gradient, ReadOnlySpan<float> outputs)
    {
        ElementWise.Map(gradient, outputs, default(ReLUDerivativeOp));
    }

    /// <summary><c>gradient ⊙= LeakyReLU'(a)</c>, from the outputs.</summary>
    /// <param name="gradient">The gradient with respect to <c>h</c>, overwritten by the one with respect to <c>a</c>.</param>
    /// <param name="outputs">The leaky ReLU's outputs.</param>
    /// <param name="slope">The slope for non-positive inputs, in [0, 1].</param>
    public static void MultiplyByLeakyReLUDerivative(Span<float> gradient, ReadOnlySpan<float> outputs, float slope)
    {
        ElementWise.Map(gradient, outputs, new LeakyReLUDerivativeOp(slope));
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

    private readonly struct SigmoidOp : IActivationOp
    {
        public float Apply(float x) => Sigmoid(x);

        public Vector128<float> Apply(Vector128<float> x) => VectorMath.Sigmoid(x);

        public Vector256<float> Apply(Vector256<float> x) => VectorMath.Sigmoid(x);

        public Vector512<float> Apply(Vector512<float> x) => VectorMath.Sigmoid(x);
    }

    private readonly struct TanhOp : IActivationOp
    {
        public float Apply(float x) => Tanh(x);

        public Vector128<float> Apply(Vector128<float> x) => VectorMath.Tanh(x);

        public Vector256<float> Apply(Vector256<float> x) => VectorMath.Tanh(x);

        public Vector512<float> Apply(Vector512<float> x) => VectorMath.Tanh(x);
    }

    // x > 0 ? x : 0, as the scalar overload: NaN and −0 give +0.
    private readonly struct ReLUOp : IActivationOp
    {
        public float Apply(float x) => ReLU(x);

        public Vector128<float> Apply(Vector128<float> x) => Vector128.GreaterThan(x, Vector128<float>.Zero) & x;

        public Vector256<float> Apply(Vector256<float> x) => Vector256.GreaterThan(x, Vector256<float>.Zero) & x;

        public Vector512<float> Apply(Vector512<float> x) => Vector512.GreaterThan(x, Vector512<float>.Zero) & x;
    }

    private readonly struct LeakyReLUOp(float slope) : IActivationOp
    {
        public float Apply(float x) => LeakyReLU(x, slope);

        public Vector128<float> Apply(Vector128<float> x) =>
            Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128<float>.Zero), x, x * slope);

        public Vector256<float> Apply(Vector256<float> x) =>
            Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<float>.Zero), x, x * slope);

        public Vector512<float> Apply(Vector512<float> x) =>
            Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<float>.Zero), x, x * slope);
    }

    // The derivative ops round exactly as the scalar overloads do (no fused multiply-add), so all widths agree bit for bit.
    private readonly struct SigmoidDerivativeOp : IDerivativeOp
    {
        public float Apply(float gradient, float output) => gradient * SigmoidDerivative(output);

        public Vector128<float> Apply(Vector128<float> gradient, Vector128<float> output) => gradient * (output * (Vector128<float>.One - output));

        public Vector256<float> Apply(Vector256<float> gradient, Vector256<float> output) => gradient * (output * (Vector256<float>.One - output));

        public Vector512<float> Apply(Vector512<float> gradient, Vector512<float> output) => gradient * (output * (Vector512<float>.One - output));
    }

    private readonly struct TanhDerivativeOp : IDerivativeOp
    {
        public float Apply(float gradient, float output) => gradient * TanhDerivative(output);

        public Vector128<float> Apply(Vector128<float> gradient, Vector128<float> output) => gradient * (Vector128<float>.One - (output * output));

        public Vector256<float> Apply(Vector256<float> gradient, Vector256<float> output) => gradient * (Vector256<float>.One - (output * output));

        public Vector512<float> Apply(Vector512<float> gradient, Vector512<float> output) => gradient * (Vector512<float>.One - (output * output));
    }

    private readonly struct ReLUDerivativeOp : IDerivativeOp
    {
        public float Apply(float gradient, float output) => gradient * ReLUDerivative(output);

        public Vector128<float> Apply(Vector128<float> gradient, Vector128<float> output) =>
            gradient * (Vector128.GreaterThan(output, Vector128<float>.Zero) & Vector128<float>.One);

        public Vector256<float> Apply(Vector256<float> gradient, Vector256<float> output) =>
            gradient * (Vector256.GreaterThan(output, Vector256<float>.Zero) & Vector256<float>.One);

        public Vector512<float> Apply(Vector512<float> gradient, Vector512<float> output) =>
            gradient * (Vector512.GreaterThan(output, Vector512<float>.Zero) & Vector512<float>.One);
    }

    private readonly struct LeakyReLUDerivativeOp(float slope) : IDerivativeOp
    {
        public float Apply(float gradient, float output) => gradient * LeakyReLUDerivative(output, slope);

        public Vector128<float> Apply(Vector128<float> gradient, Vector128<float> output) =>
            gradient * Vector128.ConditionalSelect(Vector128.GreaterThan(output, Vector128<float>.Zero), Vector128<float>.One, Vector128.Create(slope));

        public Vector256<float> Apply(Vector256<float> gradient, Vector256<float> output) =>
            gradient * Vector256.ConditionalSelect(Vector256.GreaterThan(output, Vector256<float>.Zero), Vector256<float>.One, Vector256.Create(slope));

        public Vector512<float> Apply(Vector512<float> gradient, Vector512<float> output) =>
            gradient * Vector512.ConditionalSelect(Vector512.GreaterThan(output, Vector512<float>.Zero), Vector512<float>.One, Vector512.Create(slope));
    }
}
