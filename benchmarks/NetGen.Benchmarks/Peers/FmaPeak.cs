using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using BenchmarkDotNet.Attributes;

namespace NetGen.Benchmarks.Peers;

/// <summary>
/// The single-core FMA peak the peer rows are measured against: independent chains of fused multiply-adds, enough
/// to hide the FMA latency on every pipe, <see cref="Iterations"/> times, with nothing else in the loop but the
/// counter. GFLOP/s = 2 · chains · lanes · iterations / time. <see cref="Chains512"/> chains on 512-bit registers
/// (AVX-512 has 32), <see cref="Chains256"/> on 256-bit ones: with AVX2's 16 ymm registers, 16 chains and the two
/// constants do not fit, and the spills halve the measured peak; 12 chains and 2 constants fit and still cover
/// 4-cycle latency on two pipes.
/// </summary>
/// <remarks>
/// <see cref="Vector512Fma"/> uses <c>Avx512F.FusedMultiplyAdd</c> on 16 lanes; where <c>Vector512</c> is not
/// accelerated it runs the 256-bit loop instead (and is counted with 8 lanes). <see cref="Vector256Fma"/> always
/// uses <c>Fma.MultiplyAdd</c> on 8 lanes. Each chain computes a ← a·m + c with m &lt; 1, which converges,
/// so no value overflows or becomes denormal.
/// </remarks>
public class FmaPeak
{
    public const int Chains512 = 16;
    public const int Chains256 = 12;
    public const int Iterations = 4096;

    private float _multiplier = 0.999f;
    private float _addend = 0.001f;

    public static bool Vector512Accelerated => Avx512F.IsSupported && Vector512.IsHardwareAccelerated;

    public static double FlopsPerCall(int bits) => bits == 512 && Vector512Accelerated ? 2.0 * Chains512 * 16 * Iterations : 2.0 * Chains256 * 8 * Iterations;

    [Benchmark, PeerWork(PeerWork.Probe, Workload.FmaPeak)]
    public float Vector512Fma() => Vector512Accelerated ? Fma512(_multiplier, _addend) : Fma256(_multiplier, _addend);

    [Benchmark, PeerWork(PeerWork.Probe, Workload.FmaPeak)]
    public float Vector256Fma() => Fma256(_multiplier, _addend);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Fma512(float multiplier, float addend)
    {
        Vector512<float> m = Vector512.Create(multiplier), c = Vector512.Create(addend);
        Vector512<float> a0 = Vector512.Create(0.00f), a1 = Vector512.Create(0.01f), a2 = Vector512.Create(0.02f), a3 = Vector512.Create(0.03f);
        Vector512<float> a4 = Vector512.Create(0.04f), a5 = Vector512.Create(0.05f), a6 = Vector512.Create(0.06f), a7 = Vector512.Create(0.07f);
        Vector512<float> a8 = Vector512.Create(0.08f), a9 = Vector512.Create(0.09f), a10 = Vector512.Create(0.10f), a11 = Vector512.Create(0.11f);
        Vector512<float> a12 = Vector512.Create(0.12f), a13 = Vector512.Create(0.13f), a14 = Vector512.Create(0.14f), a15 = Vector512.Create(0.15f);
        for (int i = 0; i < Iterations; i++)
        {
            a0 = Avx512F.FusedMultiplyAdd(a0, m, c);
            a1 = Avx512F.FusedMultiplyAdd(a1, m, c);
            a2 = Avx512F.FusedMultiplyAdd(a2, m, c);
            a3 = Avx512F.FusedMultiplyAdd(a3, m, c);
            a4 = Avx512F.FusedMultiplyAdd(a4, m, c);
            a5 = Avx512F.FusedMultiplyAdd(a5, m, c);
            a6 = Avx512F.FusedMultiplyAdd(a6, m, c);
            a7 = Avx512F.FusedMultiplyAdd(a7, m, c);
            a8 = Avx512F.FusedMultiplyAdd(a8, m, c);
            a9 = Avx512F.FusedMultiplyAdd(a9, m, c);
            a10 = Avx512F.FusedMultiplyAdd(a10, m, c);
            a11 = Avx512F.FusedMultiplyAdd(a11, m, c);
            a12 = Avx512F.FusedMultiplyAdd(a12, m, c);
            a13 = Avx512F.FusedMultiplyAdd(a13, m, c);
            a14 = Avx512F.FusedMultiplyAdd(a14, m, c);
            a15 = Avx512F.FusedMultiplyAdd(a15, m, c);
        }

        Vector512<float> sum = ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)) + ((a8 + a9) + (a10 + a11)) + ((a12 + a13) + (a14 + a15));
        return Vector512.Sum(sum);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Fma256(float multiplier, float addend)
    {
        Vector256<float> m = Vector256.Create(multiplier), c = Vector256.Create(addend);
        Vector256<float> a0 = Vector256.Create(0.00f), a1 = Vector256.Create(0.01f), a2 = Vector256.Create(0.02f), a3 = Vector256.Create(0.03f);
        Vector256<float> a4 = Vector256.Create(0.04f), a5 = Vector256.Create(0.05f), a6 = Vector256.Create(0.06f), a7 = Vector256.Create(0.07f);
        Vector256<float> a8 = Vector256.Create(0.08f), a9 = Vector256.Create(0.09f), a10 = Vector256.Create(0.10f), a11 = Vector256.Create(0.11f);
        for (int i = 0; i < Iterations; i++)
        {
            a0 = Fma.MultiplyAdd(a0, m, c);
            a1 = Fma.MultiplyAdd(a1, m, c);
            a2 = Fma.MultiplyAdd(a2, m, c);
            a3 = Fma.MultiplyAdd(a3, m, c);
            a4 = Fma.MultiplyAdd(a4, m, c);
            a5 = Fma.MultiplyAdd(a5, m, c);
            a6 = Fma.MultiplyAdd(a6, m, c);
            a7 = Fma.MultiplyAdd(a7, m, c);
            a8 = Fma.MultiplyAdd(a8, m, c);
            a9 = Fma.MultiplyAdd(a9, m, c);
            a10 = Fma.MultiplyAdd(a10, m, c);
            a11 = Fma.MultiplyAdd(a11, m, c);
        }

        Vector256<float> sum = ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)) + ((a8 + a9) + (a10 + a11));
        return Vector256.Sum(sum);
    }
}
