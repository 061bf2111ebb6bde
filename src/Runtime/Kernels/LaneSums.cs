using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

/// <summary>
/// The lane sums of several registers at once, each register's sum in one lane of the result, in order: what a row
/// dot product <c>W[j, :] · x</c> computed in vector registers ends with. The kernels that sum four or eight rows'
/// registers together (one-sample SIMD layers, unrolled layers by rows, the in-place first product on 256- and
/// 128-bit registers) call these, so they add in one order.
/// </summary>
/// <remarks>
/// The registers are paired up by interleaving (<c>unpcklps</c>/<c>unpckhps</c>, then <c>shufps</c>): every step is a
/// one-cycle shuffle and a plain add, where a horizontal add (<c>haddps</c>) is several micro-operations for the
/// same work. On the Zen 4 of docs/performance.md a 64 × 64 one-sample layer took about 9% less time this way,
/// a 64 × 16 layer about 16% less (docs/kernel-strategy.md, "Lane sums"). On x86 each lane is summed as
/// <c>(p₀ + p₂) + (p₁ + p₃)</c> within a 128-bit half, and the fallback without vector hardware adds in the same
/// order, so those paths give the same bits; ARM64 keeps its one-instruction pairwise adds, <c>(p₀ + p₁) + (p₂ + p₃)</c>.
/// </remarks>
internal static class LaneSums
{
    /// <summary><c>[Σa, Σb, Σc, Σd]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Of4(Vector128<float> a, Vector128<float> b, Vector128<float> c, Vector128<float> d)
    {
        if (Sse.IsSupported)
        {
            // [a₀+a₂, b₀+b₂, a₁+a₃, b₁+b₃], likewise of c and d; then the low pairs plus the high pairs.
            Vector128<float> ab = Sse.UnpackLow(a, b) + Sse.UnpackHigh(a, b);
            Vector128<float> cd = Sse.UnpackLow(c, d) + Sse.UnpackHigh(c, d);
            return Sse.Shuffle(ab, cd, 0x44) + Sse.Shuffle(ab, cd, 0xEE);
        }

        if (AdvSimd.Arm64.IsSupported)
        {
            // ARM64's pairwise add (faddp) is one instruction per step: [a₀+a₁, a₂+a₃, b₀+b₁, b₂+b₃], then the pairs.
            return AdvSimd.Arm64.AddPairwise(AdvSimd.Arm64.AddPairwise(a, b), AdvSimd.Arm64.AddPairwise(c, d));
        }

        return Vector128.Create(Of(a), Of(b), Of(c), Of(d));
    }

    /// <summary>
    /// <see cref="Of4(Vector128{float}, Vector128{float}, Vector128{float}, Vector128{float})"/> of each 128-bit half:
    /// <c>[Σlo a, Σlo b, Σlo c, Σlo d, Σhi a, Σhi b, Σhi c, Σhi d]</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> OfEachHalf(Vector256<float> a, Vector256<float> b, Vector256<float> c, Vector256<float> d)
    {
        if (Avx.IsSupported)
        {
            // The 128-bit steps of Of4 in both halves at once: these instructions never cross the halves.
            Vector256<float> ab = Avx.UnpackLow(a, b) + Avx.UnpackHigh(a, b);
            Vector256<float> cd = Avx.UnpackLow(c, d) + Avx.UnpackHigh(c, d);
            return Avx.Shuffle(ab, cd, 0x44) + Avx.Shuffle(ab, cd, 0xEE);
        }

        return Vector256.Create(
            Of4(a.GetLower(), b.GetLower(), c.GetLower(), d.GetLower()),
            Of4(a.GetUpper(), b.GetUpper(), c.GetUpper(), d.GetUpper()));
    }

    /// <summary><c>[Σa, Σb, Σc, Σd]</c> of four 256-bit registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Of4(Vector256<float> a, Vector256<float> b, Vector256<float> c, Vector256<float> d)
    {
        Vector256<float> halves = OfEachHalf(a, b, c, d);
        return halves.GetLower() + halves.GetUpper();
    }

    /// <summary><c>[Σs0, …, Σs7]</c> of eight 256-bit registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Of8(
        Vector256<float> s0, Vector256<float> s1, Vector256<float> s2, Vector256<float> s3,
        Vector256<float> s4, Vector256<float> s5, Vector256<float> s6, Vector256<float> s7)
    {
        Vector256<float> h0123 = OfEachHalf(s0, s1, s2, s3);
        Vector256<float> h4567 = OfEachHalf(s4, s5, s6, s7);
        if (Avx.IsSupported)
        {
            // [lo 0123 | lo 4567] + [hi 0123 | hi 4567]: one swap of halves each.
            return Avx.Permute2x128(h0123, h4567, 0x20) + Avx.Permute2x128(h0123, h4567, 0x31);
        }

        return Vector256.Create(h0123.GetLower() + h0123.GetUpper(), h4567.GetLower() + h4567.GetUpper());
    }

    /// <summary>
    /// <c>[Σa, Σb, Σc, Σd]</c> of the registers of a kernel generic over its register width: 256- and 128-bit ones by
    /// the overloads above, and one sum per register otherwise (one float each, or 512 bits, which no caller sums this way).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Of4<TSimd, TVector>(TVector a, TVector b, TVector c, TVector d)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        if (typeof(TVector) == typeof(Vector256<float>))
        {
            return Of4(
                Unsafe.As<TVector, Vector256<float>>(ref a), Unsafe.As<TVector, Vector256<float>>(ref b),
                Unsafe.As<TVector, Vector256<float>>(ref c), Unsafe.As<TVector, Vector256<float>>(ref d));
        }

        if (typeof(TVector) == typeof(Vector128<float>))
        {
            return Of4(
                Unsafe.As<TVector, Vector128<float>>(ref a), Unsafe.As<TVector, Vector128<float>>(ref b),
                Unsafe.As<TVector, Vector128<float>>(ref c), Unsafe.As<TVector, Vector128<float>>(ref d));
        }

        return Vector128.Create(TSimd.Sum(a), TSimd.Sum(b), TSimd.Sum(c), TSimd.Sum(d));
    }

    /// <summary>One register's lanes in the order the x86 vector paths add them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Of(Vector128<float> p) => (p.GetElement(0) + p.GetElement(2)) + (p.GetElement(1) + p.GetElement(3));
}
