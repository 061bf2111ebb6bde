using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// Vectorised <c>exp</c>, <c>tanh</c>, sigmoid and softmax, written once over <see cref="ISimd{TVector}"/>
/// and specialised by the JIT for each register width (Vector512, Vector256, Vector128, one float).
/// The target framework (net8.0) has no vector <c>Exp</c>, so it is built here: <c>x = n·ln2 + r</c> with
/// <c>n = round(x / ln2)</c> (by the 1.5·2²³ rounding trick) and <c>|r| ≤ ln2/2</c> (ln2 split in a high
/// part exact for any <c>n</c> times it and a low part, so the reduction is exact enough with or without
/// FMA); <c>e^r − 1 = r + r²·P(r)</c> with Cephes' degree-5 minimax <c>P</c> of <c>expf</c>; and <c>2ⁿ</c>
/// built from exponent bits. <c>Exp</c> clamps to [−104, 89] and applies <c>2ⁿ</c> as two halves, so it
/// overflows to +∞ above ln(float.MaxValue), goes through the subnormals to 0 below (−∞ included), and
/// returns NaN for NaN. <c>Tanh</c> is a rational function in Estrin form, its dependency chain about half
/// as long as one through the exponential's (see <see cref="Tanh{TSimd, TVector}"/>). Sigmoid is <c>1 / (1 + e^−x)</c>: exactly 1 from x ≈ 17.3 and exactly 0
/// below −88.8. Every lane is computed alone, so a value's result does not depend on the width.
/// </summary>
/// <remarks>
/// The math is <c>AggressiveInlining</c>, so each width's copy has no calls; the span loops are not
/// inlined but compiled once per width (and op), each as its own method: inlined into a generated
/// method, the copies for all widths would exhaust that method's inline budget and leave calls inside
/// the loops (docs/kernel-strategy.md).
/// </remarks>
internal static class VectorMath
{
    private const float Log2E = 1.44269504088896341f;
    private const float Ln2Hi = 0.693359375f;
    private const float Ln2Lo = -2.12194440e-4f;
    private const float Magic = 12582912f; // 1.5·2²³: adding it rounds to an integer held in the low mantissa bits.
    private const int MagicBits = 0x4B400000;
    private const float ExpLow = -104f;
    private const float ExpHigh = 89f;

    // tanh: the rational approximation's coefficients (P's odd ones, Q's even ones), its clamp, and the magnitude below
    // which tanh x is x to within float rounding. The clamp is the first float at which the rational, evaluated with or
    // without fused multiply-adds, gives exactly 1 (tanh of it is 1 − 2.0·10⁻⁷); the coefficients were fitted up to 7.99881,
    // and between the two the rational is within 2.0·10⁻⁷ of tanh.
    private const float TanhClamp = 8.05207920074462890625f;
    private const float TanhTiny = 0.0004f;
    private const float A0 = 4.89352455891786e-03f;
    private const float A1 = 6.37261928875436e-04f;
    private const float A2 = 1.48572235717979e-05f;
    private const float A3 = 5.12229709037114e-08f;
    private const float A4 = -8.60467152213735e-11f;
    private const float A5 = 2.00018790482477e-13f;
    private const float A6 = -2.76076847742355e-16f;
    private const float B0 = 4.89352518554385e-03f;
    private const float B1 = 2.26843463243900e-03f;
    private const float B2 = 1.18534705686654e-04f;
    private const float B3 = 1.19825839466702e-06f;

    private const float P0 = 5.0000001201e-1f;
    private const float P1 = 1.6666665459e-1f;
    private const float P2 = 4.1665795894e-2f;
    private const float P3 = 8.3334519073e-3f;
    private const float P4 = 1.3981999507e-3f;
    private const float P5 = 1.9875691500e-4f;

    /// <summary><c>e^x</c> per lane; see <see cref="VectorMath"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Exp<TSimd, TVector>(TVector x)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        TVector c = TSimd.Min(TSimd.Max(x, TSimd.Broadcast(ExpLow)), TSimd.Broadcast(ExpHigh));
        TVector k = TSimd.MultiplyAdd(c, TSimd.Broadcast(Log2E), TSimd.Broadcast(Magic));
        TVector n = TSimd.Subtract(k, TSimd.Broadcast(Magic));
        TVector r = TSimd.MultiplyAdd(n, TSimd.Broadcast(-Ln2Hi), c);
        r = TSimd.MultiplyAdd(n, TSimd.Broadcast(-Ln2Lo), r);

        // 2ⁿ as 2^h · 2^(n−h), h = ⌊n/2⌋, each factor a normal float for every n the clamp allows.
        TVector ni = TSimd.SubtractInt32(k, TSimd.BroadcastInt32(MagicBits));
        TVector half = TSimd.ShiftRightArithmeticInt32(ni, 1);
        TVector s1 = TSimd.ShiftLeftInt32(TSimd.AddInt32(half, TSimd.BroadcastInt32(127)), 23);
        TVector s2 = TSimd.ShiftLeftInt32(TSimd.AddInt32(TSimd.SubtractInt32(ni, half), TSimd.BroadcastInt32(127)), 23);
        TVector result = TSimd.Multiply(TSimd.Multiply(TSimd.Add(ExpM1Reduced<TSimd, TVector>(r), TSimd.Broadcast(1f)), s1), s2);
        return TSimd.ConditionalSelect(TSimd.CompareEqual(x, x), result, x);
    }

    /// <summary>
    /// <c>tanh x</c> per lane: the rational <c>t·P(t²) / Q(t²)</c> of degrees 13 and 6 (the coefficients Eigen and XLA
    /// use) on <c>t</c>, <c>x</c> with its magnitude clamped to <see cref="TanhClamp"/>, where the rational is exactly 1;
    /// <c>P</c> and <c>Q</c> in Estrin form, so the dependency chain is two squarings, three multiply-adds and one
    /// division (in double precision where multiply-adds are not fused: <see cref="TanhRationalInDouble"/>). <c>x</c>
    /// itself below <see cref="TanhTiny"/> and for NaN; exactly ±1 from the clamp on.
    /// </summary>
    /// <remarks>
    /// The rational is odd and each of its operations rounds symmetrically, so computing it on the signed <c>t</c> gives
    /// the sign with no masking afterwards, and the clamp to where it is exactly 1 leaves no select for the saturated
    /// lanes: one select remains (the tiny and NaN lanes). The magnitude is clamped by an integer minimum on its bits:
    /// on Zen 4 the float minimum and the selects issue to the same two vector pipes as the multiply-adds, the integer
    /// minimum and the bitwise operations to any of the four. Fewer selects also leave fewer constants live, which with
    /// 16 registers (AVX2) the loop had reloaded on every register. docs/kernel-strategy.md ("Tanh on AVX2") has the
    /// measurements.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Tanh<TSimd, TVector>(TVector x)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        TVector ax = TSimd.Abs(x);

        // A NaN's bits exceed the clamp's, so its lane computes tanh of the clamp; the select below returns the NaN.
        TVector t = TSimd.Or(TSimd.MinInt32(ax, TSimd.Broadcast(TanhClamp)), TSimd.And(x, TSimd.Broadcast(-0f)));
        TVector r = TSimd.IsFused ? TanhRational<TSimd, TVector>(t) : TanhRationalInDouble<TSimd, TVector>(t);

        // Below the tiny bound, and for NaN (every comparison with it is false), x itself.
        return TSimd.ConditionalSelect(TSimd.CompareGreaterThanOrEqual(ax, TSimd.Broadcast(TanhTiny)), r, x);
    }

    /// <summary>
    /// The rational of <see cref="Tanh{TSimd, TVector}"/> in single precision, with fused multiply-adds: within
    /// 2.8·10⁻⁷ of tanh (the fit itself is within 3.5·10⁻⁸, the rest is rounding), exactly ±1 at the clamp.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector TanhRational<TSimd, TVector>(TVector t)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        TVector y = TSimd.Multiply(t, t);
        TVector y2 = TSimd.Multiply(y, y);

        // P(y) = A0 + A1·y + … + A6·y⁶ as (A0 + A1·y) + y²·((A2) + y·(A3 + A4·y + y²·(A5 + A6·y))); Q(y) = (B0 + B1·y) + y²·(B2 + B3·y).
        TVector high = TSimd.MultiplyAdd(TSimd.MultiplyAdd(TSimd.Broadcast(A6), y, TSimd.Broadcast(A5)), y2, TSimd.MultiplyAdd(TSimd.Broadcast(A4), y, TSimd.Broadcast(A3)));
        TVector p = TSimd.MultiplyAdd(TSimd.MultiplyAdd(high, y, TSimd.Broadcast(A2)), y2, TSimd.MultiplyAdd(TSimd.Broadcast(A1), y, TSimd.Broadcast(A0)));
        TVector q = TSimd.MultiplyAdd(TSimd.MultiplyAdd(TSimd.Broadcast(B3), y, TSimd.Broadcast(B2)), y2, TSimd.MultiplyAdd(TSimd.Broadcast(B1), y, TSimd.Broadcast(B0)));
        return TSimd.Divide(TSimd.Multiply(t, p), q);
    }

    /// <summary>
    /// The same rational where multiply-adds are not fused (SSE without FMA, and no vector hardware): in single
    /// precision, rounding twice per step, it strayed up to 3.19·10⁻⁷ from tanh (at 6.896), past the 3·10⁻⁷ the
    /// activations promise; evaluated in double precision it is within 6.5·10⁻⁸. Its value at the clamp is then
    /// 1 − 1.8·10⁻⁷, not 1, so the clamped lanes take ±1 as the single-precision evaluation gives them. It costs
    /// these paths 2.4 times (SSE) and 1.3 times (scalar) the single-precision tanh (docs/kernel-strategy.md).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector TanhRationalInDouble<TSimd, TVector>(TVector t)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        if (typeof(TVector) == typeof(Vector128<float>))
        {
            Vector128<float> v = Unsafe.As<TVector, Vector128<float>>(ref t);
            Vector128<float> r = Vector128.Narrow(TanhRational(Vector128.WidenLower(v)), TanhRational(Vector128.WidenUpper(v)));
            Vector128<float> saturated = Vector128.GreaterThanOrEqual(Vector128.Abs(v), Vector128.Create(TanhClamp));
            r = Vector128.ConditionalSelect(saturated, Vector128<float>.One | (v & Vector128.Create(-0f)), r);
            return Unsafe.As<Vector128<float>, TVector>(ref r);
        }

        if (typeof(TVector) == typeof(float))
        {
            float r = TanhRationalInDouble(Unsafe.As<TVector, float>(ref t));
            return Unsafe.As<float, TVector>(ref r);
        }

        // A wider register without fused multiply-adds (possible on .NET 8 with FMA switched off): one lane at a time.
        Span<float> lanes = stackalloc float[Vector512<float>.Count];
        ref float lane = ref MemoryMarshal.GetReference(lanes);
        TSimd.Store(t, ref lane);
        for (int i = 0; i < TSimd.Count; i++)
        {
            Unsafe.Add(ref lane, i) = TanhRationalInDouble(Unsafe.Add(ref lane, i));
        }

        return TSimd.Load(ref lane);
    }

    /// <summary><see cref="TanhRationalInDouble{TSimd, TVector}"/> on one float.</summary>
    private static float TanhRationalInDouble(float t) =>
        MathF.Abs(t) >= TanhClamp ? MathF.CopySign(1f, t) : (float)TanhRational((double)t);

    /// <summary><c>t·P(t²)/Q(t²)</c> in double precision, the coefficients as the single-precision rational has them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double TanhRational(double t)
    {
        double y = t * t, y2 = y * y;
        double p = ((double)A0 + ((double)A1 * y)) + (y2 * ((double)A2 + (y * (((double)A3 + ((double)A4 * y)) + (y2 * ((double)A5 + ((double)A6 * y)))))));
        double q = ((double)B0 + ((double)B1 * y)) + (y2 * ((double)B2 + ((double)B3 * y)));
        return t * p / q;
    }

    /// <summary><see cref="TanhRational(double)"/> on each of two lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> TanhRational(Vector128<double> t)
    {
        Vector128<double> y = t * t, y2 = y * y;
        Vector128<double> p = (Vector128.Create((double)A0) + (Vector128.Create((double)A1) * y))
            + (y2 * (Vector128.Create((double)A2) + (y * ((Vector128.Create((double)A3) + (Vector128.Create((double)A4) * y)) + (y2 * (Vector128.Create((double)A5) + (Vector128.Create((double)A6) * y)))))));
        Vector128<double> q = (Vector128.Create((double)B0) + (Vector128.Create((double)B1) * y)) + (y2 * (Vector128.Create((double)B2) + (Vector128.Create((double)B3) * y)));
        return t * p / q;
    }

    /// <summary><c>1 / (1 + e^−x)</c> per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Sigmoid<TSimd, TVector>(TVector x)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct =>
        TSimd.Divide(TSimd.Broadcast(1f), TSimd.Add(TSimd.Broadcast(1f), Exp<TSimd, TVector>(TSimd.Negate(x))));

    /// <summary>
    /// <see cref="Tanh{TSimd, TVector}"/> of one float, in the low lane of a Vector128 (bit for bit the value the span
    /// overloads give), or by <see cref="SimdScalar"/> where Vector128 is not accelerated. Inlined: a straight-line
    /// network keeps its values in registers, and a call would make it spill them all.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ScalarTanh(float x) => Vector128.IsHardwareAccelerated
        ? Tanh<Simd128, Vector128<float>>(Vector128.CreateScalar(x)).ToScalar()
        : Tanh<SimdScalar, float>(x);

    /// <summary><see cref="Sigmoid{TSimd, TVector}"/> of one float, as <see cref="ScalarTanh"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ScalarSigmoid(float x) => Vector128.IsHardwareAccelerated
        ? Sigmoid<Simd128, Vector128<float>>(Vector128.CreateScalar(x)).ToScalar()
        : Sigmoid<SimdScalar, float>(x);

    /// <summary><see cref="Exp{TSimd, TVector}"/> of one float, as <see cref="ScalarTanh"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ScalarExp(float x) => Vector128.IsHardwareAccelerated
        ? Exp<Simd128, Vector128<float>>(Vector128.CreateScalar(x)).ToScalar()
        : Exp<SimdScalar, float>(x);

    /// <summary><c>e^r − 1</c> for <c>|r| ≤ ln2 / 2</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector ExpM1Reduced<TSimd, TVector>(TVector r)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        TVector p = TSimd.MultiplyAdd(TSimd.Broadcast(P5), r, TSimd.Broadcast(P4));
        p = TSimd.MultiplyAdd(p, r, TSimd.Broadcast(P3));
        p = TSimd.MultiplyAdd(p, r, TSimd.Broadcast(P2));
        p = TSimd.MultiplyAdd(p, r, TSimd.Broadcast(P1));
        p = TSimd.MultiplyAdd(p, r, TSimd.Broadcast(P0));
        return TSimd.MultiplyAdd(p, TSimd.Multiply(r, r), r);
    }

    /// <summary>
    /// Applies <paramref name="op"/> in place, <c>length ≥ TSimd.Count</c>: whole registers, and one last register
    /// overlapping the previous one, loaded before anything was overwritten.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Map<TSimd, TVector, TOp>(ref float values, int length, TOp op)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
        where TOp : struct, IActivationOp
    {
        int lastStart = length - TSimd.Count;
        int end = length - (length % TSimd.Count);
        if (end != length)
        {
            // The last register, loaded before the loop overwrites the lanes it shares with the one before, is done
            // first and stored after, and the loop is a method of its own: nothing else is live across it, so with 16
            // registers (AVX2) the function's constants stay in registers. Held across the loop, the last register made
            // the JIT spill and reload constants on every iteration (measured on a Zen 4 with AVX2: tanh of 4,096 values
            // in 2.0–2.7 µs, now 1.9 µs).
            TVector last = op.Apply<TSimd, TVector>(TSimd.Load(ref Unsafe.Add(ref values, lastStart)));
            MapWhole<TSimd, TVector, TOp>(ref values, end, op);
            TSimd.Store(last, ref Unsafe.Add(ref values, lastStart));
            return;
        }

        MapWhole<TSimd, TVector, TOp>(ref values, end, op);
    }

    /// <summary>Applies <paramref name="op"/> in place to the <paramref name="end"/> / <c>TSimd.Count</c> whole registers from <paramref name="values"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void MapWhole<TSimd, TVector, TOp>(ref float values, int end, TOp op)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
        where TOp : struct, IActivationOp
    {
        for (int i = 0; i < end; i += TSimd.Count)
        {
            ref float at = ref Unsafe.Add(ref values, i);
            TSimd.Store(op.Apply<TSimd, TVector>(TSimd.Load(ref at)), ref at);
        }
    }

    /// <summary><c>gradient[i] = op(gradient[i], outputs[i])</c>, <c>length ≥ TSimd.Count</c>, the tail handled as in the one-span overload.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Map<TSimd, TVector, TOp>(ref float gradient, ref float outputs, int length, TOp op)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
        where TOp : struct, IDerivativeOp
    {
        int lastStart = length - TSimd.Count;
        TVector lastGradient = TSimd.Load(ref Unsafe.Add(ref gradient, lastStart));
        TVector lastOutputs = TSimd.Load(ref Unsafe.Add(ref outputs, lastStart));
        int i = 0;
        for (; i <= lastStart; i += TSimd.Count)
        {
            ref float at = ref Unsafe.Add(ref gradient, i);
            TSimd.Store(op.Apply<TSimd, TVector>(TSimd.Load(ref at), TSimd.Load(ref Unsafe.Add(ref outputs, i))), ref at);
        }

        if (i != length)
        {
            TSimd.Store(op.Apply<TSimd, TVector>(lastGradient, lastOutputs), ref Unsafe.Add(ref gradient, lastStart));
        }
    }

    /// <summary>Softmax in place, <c>length ≥ TSimd.Count</c>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Softmax<TSimd, TVector>(ref float values, int length)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        int lastStart = length - TSimd.Count;
        TVector last = TSimd.Load(ref Unsafe.Add(ref values, lastStart));
        TVector maxes = last;
        int i = 0;
        for (; i <= lastStart; i += TSimd.Count)
        {
            maxes = TSimd.Max(maxes, TSimd.Load(ref Unsafe.Add(ref values, i)));
        }

        TVector shift = TSimd.Broadcast(TSimd.MaxAcross(maxes));
        TVector sums = TSimd.Zero;
        for (i = 0; i <= lastStart; i += TSimd.Count)
        {
            ref float at = ref Unsafe.Add(ref values, i);
            TVector e = Exp<TSimd, TVector>(TSimd.Subtract(TSimd.Load(ref at), shift));
            sums = TSimd.Add(sums, e);
            TSimd.Store(e, ref at);
        }

        if (i != length)
        {
            // Only the lanes past i are new; the overlapping ones are already summed.
            TVector e = Exp<TSimd, TVector>(TSimd.Subtract(last, shift));
            TVector fresh = TSimd.CompareGreaterThanOrEqual(TSimd.LaneIndices, TSimd.Broadcast(i - lastStart));
            sums = TSimd.Add(sums, TSimd.And(e, fresh));
            last = e;
        }

        TVector scale = TSimd.Broadcast(1f / TSimd.Sum(sums));
        for (i = 0; i <= lastStart; i += TSimd.Count)
        {
            ref float at = ref Unsafe.Add(ref values, i);
            TSimd.Store(TSimd.Multiply(TSimd.Load(ref at), scale), ref at);
        }

        if (i != length)
        {
            TSimd.Store(TSimd.Multiply(last, scale), ref Unsafe.Add(ref values, lastStart));
        }
    }

    /// <summary>
    /// Softmax in place of 2 or 3 values, in one Vector128 loaded by <see cref="LoadShort"/>; the lanes that
    /// repeat a value are left out of the sum.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void SoftmaxShort(ref float values, int length)
    {
        Vector128<float> x = LoadShort(ref values, length);
        Vector128<float> e = Exp<Simd128, Vector128<float>>(x - Vector128.Create(Simd128.MaxAcross(x)));
        Vector128<float> real = Vector128.GreaterThan(Vector128.Create((float)length), Simd128.LaneIndices);
        StoreShort(e * Vector128.Create(1f / Vector128.Sum(e & real)), ref values, length);
    }

    /// <summary>Applies <paramref name="op"/> in place to 1 to 3 values, in one Vector128 loaded by <see cref="LoadShort"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void MapShort<TOp>(ref float values, int length, TOp op)
        where TOp : struct, IActivationOp =>
        StoreShort(op.Apply<Simd128, Vector128<float>>(LoadShort(ref values, length)), ref values, length);

    /// <summary>
    /// Loads 1 to 3 values into one Vector128 without reading past them, branch-free: lanes 0, 1, 2 hold
    /// <c>values[0]</c>, <c>values[length / 2]</c>, <c>values[length − 1]</c> and lane 3 <c>values[0]</c>, so
    /// lane <c>j</c> holds <c>values[j]</c> for <c>j &lt; length</c> and a copy of a real value elsewhere.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> LoadShort(ref float values, int length)
    {
        float first = values;
        return Vector128.Create(first, Unsafe.Add(ref values, length >> 1), Unsafe.Add(ref values, length - 1), first);
    }

    /// <summary>
    /// Stores lanes 0 to 2 back where <see cref="LoadShort"/> read them. Where two lanes land on one element
    /// they came from the same value, so an element-wise result writes the same float twice.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreShort(Vector128<float> value, ref float values, int length)
    {
        Unsafe.Add(ref values, length - 1) = value.GetElement(2);
        Unsafe.Add(ref values, length >> 1) = value.GetElement(1);
        values = value.ToScalar();
    }
}

/// <summary>An element-wise activation: the scalar overload, and the same function written once for every register width.</summary>
internal interface IActivationOp
{
    /// <summary>
    /// Whether 1 to 3 values are faster in one Vector128 than one at a time: so for the activations built
    /// on the exponential, not for those cheaper than the loads and stores that takes.
    /// </summary>
    static abstract bool ShortSpansInOneRegister { get; }

    float Apply(float x);

    TVector Apply<TSimd, TVector>(TVector x)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct;
}

/// <summary>An element-wise <c>gradient ⊙ g'(output)</c>: as the scalar overloads compute it, and written once for every register width.</summary>
internal interface IDerivativeOp
{
    float Apply(float gradient, float output);

    TVector Apply<TSimd, TVector>(TVector gradient, TVector output)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct;
}

/// <summary>
/// Runs an <see cref="IActivationOp"/>, an <see cref="IDerivativeOp"/> or softmax over a span at the widest
/// accelerated width that fits; each width's loop is compiled once per op, out of line. Below one
/// Vector128, tanh and sigmoid of 1 to 3 floats and softmax of 2 or 3 go in one partly filled Vector128;
/// the cheap activations and derivative products, for which the loads and stores that takes cost more
/// than they save, and machines with no vector hardware take the scalar overloads.
/// </summary>
internal static class ElementWise
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Map<TOp>(Span<float> values, TOp op)
        where TOp : struct, IActivationOp
    {
        ref float start = ref MemoryMarshal.GetReference(values);
        int length = values.Length;
        if (Vector512.IsHardwareAccelerated && length >= Vector512<float>.Count)
        {
            VectorMath.Map<Simd512, Vector512<float>, TOp>(ref start, length, op);
        }
        else if (Vector256.IsHardwareAccelerated && length >= Vector256<float>.Count)
        {
            VectorMath.Map<Simd256, Vector256<float>, TOp>(ref start, length, op);
        }
        else if (Vector128.IsHardwareAccelerated && length >= Vector128<float>.Count)
        {
            VectorMath.Map<Simd128, Vector128<float>, TOp>(ref start, length, op);
        }
        else if (TOp.ShortSpansInOneRegister && Vector128.IsHardwareAccelerated && length != 0)
        {
            VectorMath.MapShort(ref start, length, op);
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
        ref float g = ref MemoryMarshal.GetReference(gradient);
        ref float h = ref MemoryMarshal.GetReference(outputs);
        int length = gradient.Length;
        if (Vector512.IsHardwareAccelerated && length >= Vector512<float>.Count)
        {
            VectorMath.Map<Simd512, Vector512<float>, TOp>(ref g, ref h, length, op);
        }
        else if (Vector256.IsHardwareAccelerated && length >= Vector256<float>.Count)
        {
            VectorMath.Map<Simd256, Vector256<float>, TOp>(ref g, ref h, length, op);
        }
        else if (Vector128.IsHardwareAccelerated && length >= Vector128<float>.Count)
        {
            VectorMath.Map<Simd128, Vector128<float>, TOp>(ref g, ref h, length, op);
        }
        else
        {
            for (int i = 0; i < gradient.Length; i++)
            {
                gradient[i] = op.Apply(gradient[i], outputs[i]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Softmax(Span<float> values)
    {
        ref float start = ref MemoryMarshal.GetReference(values);
        int length = values.Length;
        if (Vector512.IsHardwareAccelerated && length >= Vector512<float>.Count)
        {
            VectorMath.Softmax<Simd512, Vector512<float>>(ref start, length);
        }
        else if (Vector256.IsHardwareAccelerated && length >= Vector256<float>.Count)
        {
            VectorMath.Softmax<Simd256, Vector256<float>>(ref start, length);
        }
        else if (Vector128.IsHardwareAccelerated && length >= Vector128<float>.Count)
        {
            VectorMath.Softmax<Simd128, Vector128<float>>(ref start, length);
        }
        else if (Vector128.IsHardwareAccelerated && length >= 2)
        {
            VectorMath.SoftmaxShort(ref start, length);
        }
        else if (length == 1)
        {
            // e^(a − a) / e^(a − a): 1, or NaN where a is NaN or ±∞, as the general computation gives.
            start = 1f + (start - start);
        }
        else if (length != 0)
        {
            VectorMath.Softmax<SimdScalar, float>(ref start, length);
        }
    }
}
