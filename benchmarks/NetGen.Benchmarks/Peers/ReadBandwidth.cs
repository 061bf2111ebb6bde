using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;

namespace NetGen.Benchmarks.Peers;

/// <summary>
/// The read bandwidth of a buffer the size of 784-128-10's first weight matrix (784 × 128 floats, 401,408 bytes),
/// which a one-sample forward pass reads from L2 on every call: the buffer is summed with the widest accelerated
/// vectors and eight independent accumulators, so the loads, not the additions, set the pace. A one-sample
/// forward of a network whose first layer has <c>W1</c> bytes cannot be faster than <c>W1</c> bytes at this
/// bandwidth; the "% of L2 bound" column is that bound over the row's time.
/// </summary>
public class ReadBandwidth
{
    public const int Floats = 784 * 128;

    public static double Bytes => Floats * sizeof(float);

    private readonly float[] _buffer = CreateBuffer();

    [Benchmark, PeerWork(PeerWork.Probe, Workload.L2Read)]
    public float L2Read()
    {
        ref float start = ref MemoryMarshal.GetArrayDataReference(_buffer);
        return Vector512.IsHardwareAccelerated ? Sum<Vector512<float>>(ref start) : Sum<Vector256<float>>(ref start);
    }

    private static float[] CreateBuffer()
    {
        var buffer = new float[Floats];
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (i % 7) * 0.125f;
        }

        return buffer;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Sum<TVector>(ref float start)
        where TVector : struct
    {
        if (typeof(TVector) == typeof(Vector512<float>))
        {
            Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default, s4 = default, s5 = default, s6 = default, s7 = default;
            for (nuint i = 0; i < Floats; i += 128)
            {
                s0 += Vector512.LoadUnsafe(ref start, i);
                s1 += Vector512.LoadUnsafe(ref start, i + 16);
                s2 += Vector512.LoadUnsafe(ref start, i + 32);
                s3 += Vector512.LoadUnsafe(ref start, i + 48);
                s4 += Vector512.LoadUnsafe(ref start, i + 64);
                s5 += Vector512.LoadUnsafe(ref start, i + 80);
                s6 += Vector512.LoadUnsafe(ref start, i + 96);
                s7 += Vector512.LoadUnsafe(ref start, i + 112);
            }

            return Vector512.Sum(((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)));
        }
        else
        {
            Vector256<float> s0 = default, s1 = default, s2 = default, s3 = default, s4 = default, s5 = default, s6 = default, s7 = default;
            for (nuint i = 0; i < Floats; i += 64)
            {
                s0 += Vector256.LoadUnsafe(ref start, i);
                s1 += Vector256.LoadUnsafe(ref start, i + 8);
                s2 += Vector256.LoadUnsafe(ref start, i + 16);
                s3 += Vector256.LoadUnsafe(ref start, i + 24);
                s4 += Vector256.LoadUnsafe(ref start, i + 32);
                s5 += Vector256.LoadUnsafe(ref start, i + 40);
                s6 += Vector256.LoadUnsafe(ref start, i + 48);
                s7 += Vector256.LoadUnsafe(ref start, i + 56);
            }

            return Vector256.Sum(((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)));
        }
    }
}
