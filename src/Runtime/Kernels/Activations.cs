using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// The activation functions <c>g</c> and their derivatives, as generated networks call them. Each
/// derivative is computed from the layer's stored output <c>h = g(a)</c>, which is all the backward
/// pass keeps: <c>σ' = h(1 − h)</c>, <c>tanh' = 1 − h²</c>, <c>ReLU' = [h &gt; 0]</c>, and for a leaky
/// ReLU with a slope in [0, 1], <c>[h &gt; 0] + slope·[h ≤ 0]</c> (its output is positive exactly when
/// its input is).
/// The span overloads run at the widest accelerated vector width that fits (see <c>VectorMath</c>), saturating
/// to exactly ±1, 0 and 1, NaN giving NaN. Against double-precision <see cref="Math"/> (asserted in the tests):
/// tanh within 3·10⁻⁷ absolute (a rational approximation), sigmoid within 3·10⁻⁷ absolute, exp within 3·10⁻⁷
/// relative. The scalar and <c>Vector128</c>/<c>Vector256</c> overloads, which unrolled layers call on values they
/// keep in registers, are the same computations inlined; span, vector and scalar overloads agree bit for bit.
/// </summary>
public static class Activations
{
    /// <summary>The logistic sigmoid <c>1 / (1 + e^-a)</c>; 0 or 1 at the extremes, NaN only for NaN.</summary>
    /// <param name="a">The pre-activation.</param>
    /// <returns><c>σ(a)</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sigmoid(float a) => VectorMath.ScalarSigmoid(a);

    /// <summary>The exponential <c>e^a</c>: +∞ above ln(float.MaxValue), through the subnormals to 0 below, NaN for NaN.</summary>
    /// <param name="a">The exponent.</param>
    /// <returns><c>e^a</c>, within 3·10⁻⁷ relative.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Exp(float a) => VectorMath.ScalarExp(a);

    /// <summary>The hyperbolic tangent; exactly ±1 from |a| ≈ 8, NaN for NaN.</summary>
    /// <param name="a">The pre-activation.</param>
    /// <returns><c>tanh(a)</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Tanh(float a) => VectorMath.ScalarTanh(a);

    /// <summary>The hyperbolic tangent of each lane, as <see cref="Tanh(float)"/> computes it.</summary>
    /// <param name="a">The pre-activations.</param>
    /// <returns><c>tanh(a)</c> per lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Tanh(Vector128<float> a) => VectorMath.Tanh<Simd128, Vector128<float>>(a);

    /// <summary>The hyperbolic tangent of each lane, as <see cref="Tanh(float)"/> computes it; two 128-bit halves where 256-bit vectors are not accelerated.</summary>
    /// <param name="a">The pre-activations.</param>
    /// <returns><c>tanh(a)</c> per lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Tanh(Vector256<float> a) => Vector256.IsHardwareAccelerated
        ? VectorMath.Tanh<Simd256, Vector256<float>>(a)
        : Vector256.Create(Tanh(a.GetLower()), Tanh(a.GetUpper()));

    /// <summary>The logistic sigmoid of each lane, as <see cref="Sigmoid(float)"/> computes it.</summary>
    /// <param name="a">The pre-activations.</param>
    /// <returns><c>σ(a)</c> per lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Sigmoid(Vector128<float> a) => VectorMath.Sigmoid<Simd128, Vector128<float>>(a);

    /// <summary>The logistic sigmoid of each lane, as <see cref="Sigmoid(float)"/> computes it; two 128-bit halves where 256-bit vectors are not accelerated.</summary>
    /// <param name="a">The pre-activations.</param>
    /// <returns><c>σ(a)</c> per lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Sigmoid(Vector256<float> a) => Vector256.IsHardwareAccelerated
        ? VectorMath.Sigmoid<Simd256, Vector256<float>>(a)
        : Vector256.Create(Sigmoid(a.GetLower()), Sigmoid(a.GetUpper()));

    /// <summary>The exponential of each lane, as <see cref="Exp(float)"/> computes it.</summary>
    /// <param name="a">The exponents.</param>
    /// <returns><c>e^a</c> per lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Exp(Vector128<float> a) => VectorMath.Exp<Simd128, Vector128<float>>(a);

    /// <summary>The exponential of each lane, as <see cref="Exp(float)"/> computes it; two 128-bit halves where 256-bit vectors are not accelerated.</summary>
    /// <param name="a">The exponents.</param>
    /// <returns><c>e^a</c> per lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> a) => Vector256.IsHardwareAccelerated
        ? VectorMath.Exp<Simd256, Vector256<float>>(a)
        : Vector256.Create(Exp(a.GetLower()), Exp(a.GetUpper()));

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

    /// <summary>The rectified linear unit of each lane, as <see cref="ReLU(float)"/>.</summary>
    /// <param name="a">The pre-activations.</param>
    /// <returns><c>max(0, a)</c> per lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ReLU(Vector128<float> a) => default(ReLUOp).Apply<Simd128, Vector128<float>>(a);

    /// <summary>The rectified linear unit of each lane, as <see cref="ReLU(float)"/>.</summary>
    /// <param name="a">The pre-activations.</param>
    /// <returns><c>max(0, a)</c> per lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> ReLU(Vector256<float> a) => default(ReLUOp).Apply<Simd256, Vector256<float>>(a);

    /// <summary>The leaky rectified linear unit of each lane, as <see cref="LeakyReLU(float, float)"/>.</summary>
    /// <param name="a">The pre-activations.</param>
    /// <param name="slope">The slope for non-positive inputs.</param>
    /// <returns>The activations.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> LeakyReLU(Vector128<float> a, float slope) => new LeakyReLUOp(slope).Apply<Simd128, Vector128<float>>(a);

    /// <summary>The leaky rectified linear unit of each lane, as <see cref="LeakyReLU(float, float)"/>.</summary>
    /// <param name="a">The pre-activations.</param>
    /// <param name="slope">The slope for non-positive inputs.</param>
    /// <returns>The activations.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> LeakyReLU(Vector256<float> a, float slope) => new LeakyReLUOp(slope).Apply<Simd256, Vector256<float>>(a);

    /// <summary><see cref="SigmoidDerivative(float)"/> of each lane.</summary>
    /// <param name="h">The sigmoid's outputs.</param>
    /// <returns><c>h(1 − h)</c> per lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> SigmoidDerivative(Vector128<float> h) => h * (Vector128<float>.One - h);

    /// <summary><see cref="SigmoidDerivative(float)"/> of each lane.</summary>
    /// <param name="h">The sigmoid's outputs.</param>
    /// <returns><c>h(1 − h)</c> per lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> SigmoidDerivative(Vector256<float> h) => h * (Vector256<float>.One - h);

    /// <summary><see cref="TanhDerivative(float)"/> of each lane.</summary>
    /// <param name="h">The tanh's outputs.</param>
    /// <returns><c>1 − h²</c> per lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> TanhDerivative(Vector128<float> h) => Vector128<float>.One - (h * h);

    /// <summary><see cref="TanhDerivative(float)"/> of each lane.</summary>
    /// <param name="h">The tanh's outputs.</param>
    /// <returns><c>1 − h²</c> per lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> TanhDerivative(Vector256<float> h) => Vector256<float>.One - (h * h);

    /// <summary><see cref="ReLUDerivative(float)"/> of each lane.</summary>
    /// <param name="h">The ReLU's outputs.</param>
    /// <returns>1 where <c>h &gt; 0</c>, else 0, per lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ReLUDerivative(Vector128<float> h) => Vector128.GreaterThan(h, Vector128<float>.Zero) & Vector128<float>.One;

    /// <summary><see cref="ReLUDerivative(float)"/> of each lane.</summary>
    /// <param name="h">The ReLU's outputs.</param>
    /// <returns>1 where <c>h &gt; 0</c>, else 0, per lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> ReLUDerivative(Vector256<float> h) => Vector256.GreaterThan(h, Vector256<float>.Zero) & Vector256<float>.One;

    /// <summary><see cref="LeakyReLUDerivative(float, float)"/> of each lane.</summary>
    /// <param name="h">The leaky ReLU's outputs.</param>
    /// <param name="slope">The slope for non-positive inputs, in [0, 1].</param>
    /// <returns>1 where <c>h &gt; 0</c>, else <paramref name="slope"/>, per lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> LeakyReLUDerivative(Vector128<float> h, float slope) =>
        Vector128.ConditionalSelect(Vector128.GreaterThan(h, Vector128<float>.Zero), Vector128<float>.One, Vector128.Create(slope));

    /// <summary><see cref="LeakyReLUDerivative(float, float)"/> of each lane.</summary>
    /// <param name="h">The leaky ReLU's outputs.</param>
    /// <param name="slope">The slope for non-positive inputs, in [0, 1].</param>
    /// <returns>1 where <c>h &gt; 0</c>, else <paramref name="slope"/>, per lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> LeakyReLUDerivative(Vector256<float> h, float slope) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(h, Vector256<float>.Zero), Vector256<float>.One, Vector256.Create(slope));

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
        ElementWise.Softmax(values);
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
        public static bool ShortSpansInOneRegister => true;

        public float Apply(float x) => Sigmoid(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TVector Apply<TSimd, TVector>(TVector x)
            where TSimd : struct, ISimd<TVector>
            where TVector : struct => VectorMath.Sigmoid<TSimd, TVector>(x);
    }

    private readonly struct TanhOp : IActivationOp
    {
        public static bool ShortSpansInOneRegister => true;

        public float Apply(float x) => Tanh(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TVector Apply<TSimd, TVector>(TVector x)
            where TSimd : struct, ISimd<TVector>
            where TVector : struct => VectorMath.Tanh<TSimd, TVector>(x);
    }

    // x > 0 ? x : 0, as the scalar overload: NaN and −0 give +0.
    private readonly struct ReLUOp : IActivationOp
    {
        public static bool ShortSpansInOneRegister => false;

        public float Apply(float x) => ReLU(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TVector Apply<TSimd, TVector>(TVector x)
            where TSimd : struct, ISimd<TVector>
            where TVector : struct => TSimd.And(TSimd.CompareGreaterThan(x, TSimd.Zero), x);
    }

    private readonly struct LeakyReLUOp(float slope) : IActivationOp
    {
        public static bool ShortSpansInOneRegister => false;

        public float Apply(float x) => LeakyReLU(x, slope);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TVector Apply<TSimd, TVector>(TVector x)
            where TSimd : struct, ISimd<TVector>
            where TVector : struct =>
            TSimd.ConditionalSelect(TSimd.CompareGreaterThan(x, TSimd.Zero), x, TSimd.Multiply(x, TSimd.Broadcast(slope)));
    }

    // The derivative ops round exactly as the scalar overloads do (no fused multiply-add), so all widths agree bit for bit.
    internal readonly struct SigmoidDerivativeOp : IDerivativeOp
    {
        public float Apply(float gradient, float output) => gradient * SigmoidDerivative(output);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TVector Apply<TSimd, TVector>(TVector gradient, TVector output)
            where TSimd : struct, ISimd<TVector>
            where TVector : struct =>
            TSimd.Multiply(gradient, TSimd.Multiply(output, TSimd.Subtract(TSimd.Broadcast(1f), output)));
    }

    internal readonly struct TanhDerivativeOp : IDerivativeOp
    {
        public float Apply(float gradient, float output) => gradient * TanhDerivative(output);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TVector Apply<TSimd, TVector>(TVector gradient, TVector output)
            where TSimd : struct, ISimd<TVector>
            where TVector : struct =>
            TSimd.Multiply(gradient, TSimd.Subtract(TSimd.Broadcast(1f), TSimd.Multiply(output, output)));
    }

    internal readonly struct ReLUDerivativeOp : IDerivativeOp
    {
        public float Apply(float gradient, float output) => gradient * ReLUDerivative(output);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TVector Apply<TSimd, TVector>(TVector gradient, TVector output)
            where TSimd : struct, ISimd<TVector>
            where TVector : struct =>
            TSimd.Multiply(gradient, TSimd.And(TSimd.CompareGreaterThan(output, TSimd.Zero), TSimd.Broadcast(1f)));
    }

    internal readonly struct LeakyReLUDerivativeOp(float slope) : IDerivativeOp
    {
        public float Apply(float gradient, float output) => gradient * LeakyReLUDerivative(output, slope);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TVector Apply<TSimd, TVector>(TVector gradient, TVector output)
            where TSimd : struct, ISimd<TVector>
            where TVector : struct =>
            TSimd.Multiply(gradient, TSimd.ConditionalSelect(TSimd.CompareGreaterThan(output, TSimd.Zero), TSimd.Broadcast(1f), TSimd.Broadcast(slope)));
    }
}
