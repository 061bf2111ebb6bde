using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// Vectorised <c>exp</c>, <c>tanh</c> and sigmoid for one register width at a time (Vector512, Vector256,
/// Vector128), for the span-level activations. The target framework (net8.0) has no vector <c>Exp</c>, so
/// it is built here: <c>x = n·ln2 + r</c> with <c>n = round(x / ln2)</c> (by the 1.5·2²³ rounding trick) and
/// <c>|r| ≤ ln2/2</c> (ln2 split in a high part exact for any <c>n</c> times it and a low part, so the
/// reduction is exact enough with or without FMA); <c>e^r − 1 = r + r²·P(r)</c> with Cephes' degree-5
/// minimax <c>P</c> of <c>expf</c>; and <c>2ⁿ</c> built from exponent bits. <c>Exp</c> clamps to
/// [−104, 89] and applies <c>2ⁿ</c> as two halves, so it overflows to +∞ above ln(float.MaxValue), goes
/// through the subnormals to 0 below, and returns NaN for NaN. <c>Tanh</c> is
/// <c>−expm1(−2|x|) / (2 + expm1(−2|x|))</c> with the sign of <c>x</c>: no cancellation near 0
/// (<c>expm1(y) = 2ⁿ·(e^r − 1) + (2ⁿ − 1)</c> is exact at <c>n = 0</c>), and exactly ±1 from |x| ≈ 9.
/// Sigmoid is <c>1 / (1 + e^−x)</c>: exactly 1 from x ≈ 17.3 and exactly 0 below −88.8.
/// The three width sections are the same code with the register type substituted.
/// </summary>
internal static class VectorMath
{
    private const float Log2E = 1.44269504088896341f;
    private const float Ln2Hi = 0.693359375f;
    private const float Ln2Lo = -2.12194440e-4f;
    private const float Magic = 12582912f; // 1.5·2²³: adding it rounds to an integer held in the low mantissa bits.
    private const int MagicBits = 0x4B400000;
    private const float ExpLow = -104f;
    private const float ExpHigh = 89f;
    private const float TanhLow = -40f;
    private const float P0 = 5.0000001201e-1f;
    private const float P1 = 1.6666665459e-1f;
    private const float P2 = 4.1665795894e-2f;
    private const float P3 = 8.3334519073e-3f;
    private const float P4 = 1.3981999507e-3f;
    private const float P5 = 1.9875691500e-4f;

    // ---- Vector512 (16 floats) ----

    /// <summary><c>e^x</c> per lane; see <see cref="VectorMath"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> x)
    {
        Vector512<float> c = Vector512.Min(Vector512.Max(x, Vector512.Create(ExpLow)), Vector512.Create(ExpHigh));
        Vector512<float> k = Simd512.MultiplyAdd(c, Vector512.Create(Log2E), Vector512.Create(Magic));
        Vector512<float> n = k - Vector512.Create(Magic);
        Vector512<float> r = Simd512.MultiplyAdd(n, Vector512.Create(-Ln2Hi), c);
        r = Simd512.MultiplyAdd(n, Vector512.Create(-Ln2Lo), r);
        Vector512<int> ni = k.AsInt32() - Vector512.Create(MagicBits);
        Vector512<int> half = Vector512.ShiftRightArithmetic(ni, 1);
        Vector512<float> s1 = Vector512.ShiftLeft(half + Vector512.Create(127), 23).AsSingle();
        Vector512<float> s2 = Vector512.ShiftLeft(ni - half + Vector512.Create(127), 23).AsSingle();
        Vector512<float> result = (ExpM1Reduced(r) + Vector512<float>.One) * s1 * s2;
        return Vector512.ConditionalSelect(Vector512.Equals(x, x), result, x);
    }

    /// <summary><c>tanh x</c> per lane, as <c>−expm1(−2|x|) / (2 + expm1(−2|x|))</c> with the sign of <c>x</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Tanh(Vector512<float> x)
    {
        Vector512<float> sign = x & Vector512.Create(-0f);
        Vector512<float> y = Vector512.Max(Vector512.Abs(x) * Vector512.Create(-2f), Vector512.Create(TanhLow));
        Vector512<float> k = Simd512.MultiplyAdd(y, Vector512.Create(Log2E), Vector512.Create(Magic));
        Vector512<float> n = k - Vector512.Create(Magic);
        Vector512<float> r = Simd512.MultiplyAdd(n, Vector512.Create(-Ln2Hi), y);
        r = Simd512.MultiplyAdd(n, Vector512.Create(-Ln2Lo), r);
        Vector512<int> ni = k.AsInt32() - Vector512.Create(MagicBits);
        Vector512<float> s = Vector512.ShiftLeft(ni + Vector512.Create(127), 23).AsSingle();
        Vector512<float> u = Simd512.MultiplyAdd(s, ExpM1Reduced(r), s - Vector512<float>.One);
        Vector512<float> result = Vector512.Abs(u / (Vector512.Create(2f) + u)) | sign;
        return Vector512.ConditionalSelect(Vector512.Equals(x, x), result, x);
    }

    /// <summary><c>1 / (1 + e^−x)</c> per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Sigmoid(Vector512<float> x) => Vector512<float>.One / (Vector512<float>.One + Exp(-x));

    /// <summary><c>e^r − 1</c> for <c>|r| ≤ ln2 / 2</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ExpM1Reduced(Vector512<float> r)
    {
        Vector512<float> p = Simd512.MultiplyAdd(Vector512.Create(P5), r, Vector512.Create(P4));
        p = Simd512.MultiplyAdd(p, r, Vector512.Create(P3));
        p = Simd512.MultiplyAdd(p, r, Vector512.Create(P2));
        p = Simd512.MultiplyAdd(p, r, Vector512.Create(P1));
        p = Simd512.MultiplyAdd(p, r, Vector512.Create(P0));
        return Simd512.MultiplyAdd(p, r * r, r);
    }

    /// <summary>Applies <paramref name="op"/> in place, <c>values.Length ≥ 16</c>: whole registers, then one last register overlapping the previous one, loaded before anything was overwritten.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MapVector512<TOp>(ref float values, int length, TOp op)
        where TOp : struct, IActivationOp
    {
        int lastStart = length - 16;
        Vector512<float> last = Vector512.LoadUnsafe(ref values, (nuint)lastStart);
        int i = 0;
        for (; i <= lastStart; i += 16)
        {
            op.Apply(Vector512.LoadUnsafe(ref values, (nuint)i)).StoreUnsafe(ref values, (nuint)i);
        }

        if (i != length)
        {
            op.Apply(last).StoreUnsafe(ref values, (nuint)lastStart);
        }
    }

    /// <summary><c>gradient[i] = op(gradient[i], outputs[i])</c>, <c>length ≥ 16</c>, the tail handled as in the one-span overload.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MapVector512<TOp>(ref float gradient, ref float outputs, int length, TOp op)
        where TOp : struct, IDerivativeOp
    {
        int lastStart = length - 16;
        Vector512<float> lastGradient = Vector512.LoadUnsafe(ref gradient, (nuint)lastStart);
        Vector512<float> lastOutputs = Vector512.LoadUnsafe(ref outputs, (nuint)lastStart);
        int i = 0;
        for (; i <= lastStart; i += 16)
        {
            op.Apply(Vector512.LoadUnsafe(ref gradient, (nuint)i), Vector512.LoadUnsafe(ref outputs, (nuint)i)).StoreUnsafe(ref gradient, (nuint)i);
        }

        if (i != length)
        {
            op.Apply(lastGradient, lastOutputs).StoreUnsafe(ref gradient, (nuint)lastStart);
        }
    }

    /// <summary>Softmax in place, <c>length ≥ 16</c>.</summary>
    public static void SoftmaxVector512(ref float values, int length)
    {
        int lastStart = length - 16;
        Vector512<float> last = Vector512.LoadUnsafe(ref values, (nuint)lastStart);
        Vector512<float> maxes = last;
        int i = 0;
        for (; i <= lastStart; i += 16)
        {
            maxes = Vector512.Max(maxes, Vector512.LoadUnsafe(ref values, (nuint)i));
        }

        float max = float.NegativeInfinity;
        for (int j = 0; j < 16; j++)
        {
            max = MathF.Max(max, maxes.GetElement(j));
        }

        Vector512<float> shift = Vector512.Create(max);
        Vector512<float> sums = Vector512<float>.Zero;
        for (i = 0; i <= lastStart; i += 16)
        {
            Vector512<float> e = Exp(Vector512.LoadUnsafe(ref values, (nuint)i) - shift);
            sums += e;
            e.StoreUnsafe(ref values, (nuint)i);
        }

        if (i != length)
        {
            // Only the lanes past i are new; the overlapping ones are already summed.
            Vector512<float> e = Exp(last - shift);
            Vector512<int> fresh = Vector512.GreaterThanOrEqual(Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), Vector512.Create(i - lastStart));
            sums += e & fresh.AsSingle();
            last = e;
        }

        Vector512<float> scale = Vector512.Create(1f / Vector512.Sum(sums));
        for (i = 0; i <= lastStart; i += 16)
        {
            (Vector512.LoadUnsafe(ref values, (nuint)i) * scale).StoreUnsafe(ref values, (nuint)i);
        }

        if (i != length)
        {
            (last * scale).StoreUnsafe(ref values, (nuint)lastStart);
        }
    }

    // ---- Vector256 (8 floats) ----

    /// <summary><c>e^x</c> per lane; see <see cref="VectorMath"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> x)
    {
        Vector256<float> c = Vector256.Min(Vector256.Max(x, Vector256.Create(ExpLow)), Vector256.Create(ExpHigh));
        Vector256<float> k = Simd256.MultiplyAdd(c, Vector256.Create(Log2E), Vector256.Create(Magic));
        Vector256<float> n = k - Vector256.Create(Magic);
        Vector256<float> r = Simd256.MultiplyAdd(n, Vector256.Create(-Ln2Hi), c);
        r = Simd256.MultiplyAdd(n, Vector256.Create(-Ln2Lo), r);
        Vector256<int> ni = k.AsInt32() - Vector256.Create(MagicBits);
        Vector256<int> half = Vector256.ShiftRightArithmetic(ni, 1);
        Vector256<float> s1 = Vector256.ShiftLeft(half + Vector256.Create(127), 23).AsSingle();
        Vector256<float> s2 = Vector256.ShiftLeft(ni - half + Vector256.Create(127), 23).AsSingle();
        Vector256<float> result = (ExpM1Reduced(r) + Vector256<float>.One) * s1 * s2;
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);
    }

    /// <summary><c>tanh x</c> per lane, as <c>−expm1(−2|x|) / (2 + expm1(−2|x|))</c> with the sign of <c>x</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Tanh(Vector256<float> x)
    {
        Vector256<float> sign = x & Vector256.Create(-0f);
        Vector256<float> y = Vector256.Max(Vector256.Abs(x) * Vector256.Create(-2f), Vector256.Create(TanhLow));
        Vector256<float> k = Simd256.MultiplyAdd(y, Vector256.Create(Log2E), Vector256.Create(Magic));
        Vector256<float> n = k - Vector256.Create(Magic);
        Vector256<float> r = Simd256.MultiplyAdd(n, Vector256.Create(-Ln2Hi), y);
        r = Simd256.MultiplyAdd(n, Vector256.Create(-Ln2Lo), r);
        Vector256<int> ni = k.AsInt32() - Vector256.Create(MagicBits);
        Vector256<float> s = Vector256.ShiftLeft(ni + Vector256.Create(127), 23).AsSingle();
        Vector256<float> u = Simd256.MultiplyAdd(s, ExpM1Reduced(r), s - Vector256<float>.One);
        Vector256<float> result = Vector256.Abs(u / (Vector256.Create(2f) + u)) | sign;
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);
    }

    /// <summary><c>1 / (1 + e^−x)</c> per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Sigmoid(Vector256<float> x) => Vector256<float>.One / (Vector256<float>.One + Exp(-x));

    /// <summary><c>e^r − 1</c> for <c>|r| ≤ ln2 / 2</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ExpM1Reduced(Vector256<float> r)
    {
        Vector256<float> p = Simd256.MultiplyAdd(Vector256.Create(P5), r, Vector256.Create(P4));
        p = Simd256.MultiplyAdd(p, r, Vector256.Create(P3));
        p = Simd256.MultiplyAdd(p, r, Vector256.Create(P2));
        p = Simd256.MultiplyAdd(p, r, Vector256.Create(P1));
        p = Simd256.MultiplyAdd(p, r, Vector256.Create(P0));
        return Simd256.MultiplyAdd(p, r * r, r);
    }

    /// <summary>Applies <paramref name="op"/> in place, <c>values.Length ≥ 8</c>: whole registers, then one last register overlapping the previous one, loaded before anything was overwritten.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MapVector256<TOp>(ref float values, int length, TOp op)
        where TOp : struct, IActivationOp
    {
        int lastStart = length - 8;
        Vector256<float> last = Vector256.LoadUnsafe(ref values, (nuint)lastStart);
        int i = 0;
        for (; i <= lastStart; i += 8)
        {
            op.Apply(Vector256.LoadUnsafe(ref values, (nuint)i)).StoreUnsafe(ref values, (nuint)i);
        }

        if (i != length)
        {
            op.Apply(last).StoreUnsafe(ref values, (nuint)lastStart);
        }
    }

    /// <summary><c>gradient[i] = op(gradient[i], outputs[i])</c>, <c>length ≥ 8</c>, the tail handled as in the one-span overload.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MapVector256<TOp>(ref float gradient, ref float outputs, int length, TOp op)
        where TOp : struct, IDerivativeOp
    {
        int lastStart = length - 8;
        Vector256<float> lastGradient = Vector256.LoadUnsafe(ref gradient, (nuint)lastStart);
        Vector256<float> lastOutputs = Vector256.LoadUnsafe(ref outputs, (nuint)lastStart);
        int i = 0;
        for (; i <= lastStart; i += 8)
        {
            op.Apply(Vector256.LoadUnsafe(ref gradient, (nuint)i), Vector256.LoadUnsafe(ref outputs, (nuint)i)).StoreUnsafe(ref gradient, (nuint)i);
        }

        if (i != length)
        {
            op.Apply(lastGradient, lastOutputs).StoreUnsafe(ref gradient, (nuint)lastStart);
        }
    }

    /// <summary>Softmax in place, <c>length ≥ 8</c>.</summary>
    public static void SoftmaxVector256(ref float values, int length)
    {
        int lastStart = length - 8;
        Vector256<float> last = Vector256.LoadUnsafe(ref values, (nuint)lastStart);
        Vector256<float> maxes = last;
        int i = 0;
        for (; i <= lastStart; i += 8)
        {
            maxes = Vector256.Max(maxes, Vector256.LoadUnsafe(ref values, (nuint)i));
        }

        float max = float.NegativeInfinity;
        for (int j = 0; j < 8; j++)
        {
            max = MathF.Max(max, maxes.GetElement(j));
        }

        Vector256<float> shift = Vector256.Create(max);
        Vector256<float> sums = Vector256<float>.Zero;
        for (i = 0; i <= lastStart; i += 8)
        {
            Vector256<float> e = Exp(Vector256.LoadUnsafe(ref values, (nuint)i) - shift);
            sums += e;
            e.StoreUnsafe(ref values, (nuint)i);
        }

        if (i != length)
        {
            // Only the lanes past i are new; the overlapping ones are already summed.
            Vector256<float> e = Exp(last - shift);
            Vector256<int> fresh = Vector256.GreaterThanOrEqual(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(i - lastStart));
            sums += e & fresh.AsSingle();
            last = e;
        }

        Vector256<float> scale = Vector256.Create(1f / Vector256.Sum(sums));
        for (i = 0; i <= lastStart; i += 8)
        {
            (Vector256.LoadUnsafe(ref values, (nuint)i) * scale).StoreUnsafe(ref values, (nuint)i);
        }

        if (i != length)
        {
            (last * scale).StoreUnsafe(ref values, (nuint)lastStart);
        }
    }

    // ---- Vector128 (4 floats) ----

    /// <summary><c>e^x</c> per lane; see <see cref="VectorMath"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Exp(Vector128<float> x)
    {
        Vector128<float> c = Vector128.Min(Vector128.Max(x, Vector128.Create(ExpLow)), Vector128.Create(ExpHigh));
        Vector128<float> k = Simd128.MultiplyAdd(c, Vector128.Create(Log2E), Vector128.Create(Magic));
        Vector128<float> n = k - Vector128.Create(Magic);
        Vector128<float> r = Simd128.MultiplyAdd(n, Vector128.Create(-Ln2Hi), c);
        r = Simd128.MultiplyAdd(n, Vector128.Create(-Ln2Lo), r);
        Vector128<int> ni = k.AsInt32() - Vector128.Create(MagicBits);
        Vector128<int> half = Vector128.ShiftRightArithmetic(ni, 1);
        Vector128<float> s1 = Vector128.ShiftLeft(half + Vector128.Create(127), 23).AsSingle();
        Vector128<float> s2 = Vector128.ShiftLeft(ni - half + Vector128.Create(127), 23).AsSingle();
        Vector128<float> result = (ExpM1Reduced(r) + Vector128<float>.One) * s1 * s2;
        return Vector128.ConditionalSelect(Vector128.Equals(x, x), result, x);
    }

    /// <summary><c>tanh x</c> per lane, as <c>−expm1(−2|x|) / (2 + expm1(−2|x|))</c> with the sign of <c>x</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Tanh(Vector128<float> x)
    {
        Vector128<float> sign = x & Vector128.Create(-0f);
        Vector128<float> y = Vector128.Max(Vector128.Abs(x) * Vector128.Create(-2f), Vector128.Create(TanhLow));
        Vector128<float> k = Simd128.MultiplyAdd(y, Vector128.Create(Log2E), Vector128.Create(Magic));
        Vector128<float> n = k - Vector128.Create(Magic);
        Vector128<float> r = Simd128.MultiplyAdd(n, Vector128.Create(-Ln2Hi), y);
        r = Simd128.MultiplyAdd(n, Vector128.Create(-Ln2Lo), r);
        Vector128<int> ni = k.AsInt32() - Vector128.Create(MagicBits);
        Vector128<float> s = Vector128.ShiftLeft(ni + Vector128.Create(127), 23).AsSingle();
        Vector128<float> u = Simd128.MultiplyAdd(s, ExpM1Reduced(r), s - Vector128<float>.One);
        Vector128<float> result = Vector128.Abs(u / (Vector128.Create(2f) + u)) | sign;
        return Vector128.ConditionalSelect(Vector128.Equals(x, x), result, x);
    }

    /// <summary><c>1 / (1 + e^−x)</c> per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Sigmoid(Vector128<float> x) => Vector128<float>.One / (Vector128<float>.One + Exp(-x));

    /// <summary><c>e^r − 1</c> for <c>|r| ≤ ln2 / 2</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ExpM1Reduced(Vector128<float> r)
    {
        Vector128<float> p = Simd128.MultiplyAdd(Vector128.Create(P5), r, Vector128.Create(P4));
        p = Simd128.MultiplyAdd(p, r, Vector128.Create(P3));
        p = Simd128.MultiplyAdd(p, r, Vector128.Create(P2));
        p = Simd128.MultiplyAdd(p, r, Vector128.Create(P1));
        p = Simd128.MultiplyAdd(p, r, Vector128.Create(P0));
        return Simd128.MultiplyAdd(p, r * r, r);
    }

    /// <summary>Applies <paramref name="op"/> in place, <c>values.Length ≥ 4</c>: whole registers, then one last register overlapping the previous one, loaded before anything was overwritten.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MapVector128<TOp>(ref float values, int length, TOp op)
        where TOp : struct, IActivationOp
    {
        int lastStart = length - 4;
        Vector128<float> last = Vector128.LoadUnsafe(ref values, (nuint)lastStart);
        int i = 0;
        for (; i <= lastStart; i += 4)
        {
            op.Apply(Vector128.LoadUnsafe(ref values, (nuint)i)).StoreUnsafe(ref values, (nuint)i);
        }

        if (i != length)
        {
            op.Apply(last).StoreUnsafe(ref values, (nuint)lastStart);
        }
    }

    /// <summary><c>gradient[i] = op(gradient[i], outputs[i])</c>, <c>length ≥ 4</c>, the tail handled as in the one-span overload.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MapVector128<TOp>(ref float gradient, ref float outputs, int length, TOp op)
        where TOp : struct, IDerivativeOp
    {
        int lastStart = length - 4;
        Vector128<float> lastGradient = Vector128.LoadUnsafe(ref gradient, (nuint)lastStart);
        Vector128<float> lastOutputs = Vector128.LoadUnsafe(ref outputs, (nuint)lastStart);
        int i = 0;
        for (; i <= lastStart; i += 4)
        {
            op.Apply(Vector128.LoadUnsafe(ref gradient, (nuint)i), Vector128.LoadUnsafe(ref outputs, (nuint)i)).StoreUnsafe(ref gradient, (nuint)i);
        }

        if (i != length)
        {
            op.Apply(lastGradient, lastOutputs).StoreUnsafe(ref gradient, (nuint)lastStart);
        }
    }

    /// <summary>Softmax in place, <c>length ≥ 4</c>.</summary>
    public static void SoftmaxVector128(ref float values, int length)
    {
        int lastStart = length - 4;
        Vector128<float> last = Vector128.LoadUnsafe(ref values, (nuint)lastStart);
        Vector128<float> maxes = last;
        int i = 0;
        for (; i <= lastStart; i += 4)
        {
            maxes = Vector128.Max(maxes, Vector128.LoadUnsafe(ref values, (nuint)i));
        }

        float max = float.NegativeInfinity;
        for (int j = 0; j < 4; j++)
        {
            max = MathF.Max(max, maxes.GetElement(j));
        }

        Vector128<float> shift = Vector128.Create(max);
        Vector128<float> sums = Vector128<float>.Zero;
        for (i = 0; i <= lastStart; i += 4)
        {
            Vector128<float> e = Exp(Vector128.LoadUnsafe(ref values, (nuint)i) - shift);
            sums += e;
            e.StoreUnsafe(ref values, (nuint)i);
        }

        if (i != length)
        {
            // Only the lanes past i are new; the overlapping ones are already summed.
            Vector128<float> e = Exp(last - shift);
            Vector128<int> fresh = Vector128.GreaterThanOrEqual(Vector128.Create(0, 1, 2, 3), Vector128.Create(i - lastStart));
            sums += e & fresh.AsSingle();
            last = e;
        }

        Vector128<float> scale = Vector128.Create(1f / Vector128.Sum(sums));
        for (i = 0; i <= lastStart; i += 4)
        {
            (Vector128.LoadUnsafe(ref values, (nuint)i) * scale).StoreUnsafe(ref values, (nuint)i);
        }

        if (i != length)
        {
            (last * scale).StoreUnsafe(ref values, (nuint)lastStart);
        }
    }

}

/// <summary>An element-wise activation, at every register width and for one float.</summary>
internal interface IActivationOp
{
    float Apply(float x);

    Vector128<float> Apply(Vector128<float> x);

    Vector256<float> Apply(Vector256<float> x);

    Vector512<float> Apply(Vector512<float> x);
}

/// <summary>An element-wise <c>gradient ⊙ g'(output)</c>, at every register width and for one float.</summary>
internal interface IDerivativeOp
{
    float Apply(float gradient, float output);

    Vector128<float> Apply(Vector128<float> gradient, Vector128<float> output);

    Vector256<float> Apply(Vector256<float> gradient, Vector256<float> output);

    Vector512<float> Apply(Vector512<float> gradient, Vector512<float> output);
}

/// <summary>Runs an <see cref="IActivationOp"/> or <see cref="IDerivativeOp"/> over a span at the widest accelerated width that fits.</summary>
internal static class ElementWise
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Map<TOp>(Span<float> values, TOp op)
        where TOp : struct, IActivationOp
    {
        ref float start = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(values);
        int length = values.Length;
        if (Vector512.IsHardwareAccelerated && length >= Vector512<float>.Count)
        {
            VectorMath.MapVector512(ref start, length, op);
        }
        else if (Vector256.IsHardwareAccelerated && length >= Vector256<float>.Count)
        {
            VectorMath.MapVector256(ref start, length, op);
        }
        else if (Vector128.IsHardwareAccelerated && length >= Vector128<float>.Count)
        {
            VectorMath.MapVector128(ref start, length, op);
        }
        else
        {
            foreach (ref float v in values)
            {
                v = op.Apply(v);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Map<TOp>(Span<float> gradient, ReadOnlySpan<float> outputs, TOp op)
        where TOp : struct, IDerivativeOp
    {
        ShapeGuard.RequireLength(outputs.Length, gradient.Length, nameof(outputs));
        ref float g = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(gradient);
        ref float h = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(outputs);
        int length = gradient.Length;
        if (Vector512.IsHardwareAccelerated && length >= Vector512<float>.Count)
        {
            VectorMath.MapVector512(ref g, ref h, length, op);
        }
        else if (Vector256.IsHardwareAccelerated && length >= Vector256<float>.Count)
        {
            VectorMath.MapVector256(ref g, ref h, length, op);
        }
        else if (Vector128.IsHardwareAccelerated && length >= Vector128<float>.Count)
        {
            VectorMath.MapVector128(ref g, ref h, length, op);
        }
        else
        {
            for (int i = 0; i < gradient.Length; i++)
            {
                gradient[i] = op.Apply(gradient[i], outputs[i]);
            }
        }
    }
}
