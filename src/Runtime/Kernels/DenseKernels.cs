using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// The SIMD kernels of a dense layer, called by generated networks for layers too large to unroll.
/// Matrices are row-major <c>[rows, columns]</c>. Every kernel is inlined into its caller, so a generated
/// layer that passes spans of constant length gets loops with constant bounds and the widest vector
/// registers the machine accelerates (512, 256 or 128 bits, else scalar). None of them allocates.
/// </summary>
public static class DenseKernels
{
    /// <summary>Row blocking: this many rows share each load of the vector they multiply.</summary>
    private const int RowBlock = 4;

    /// <summary>
    /// The 512-bit path only from this many columns on: below it the per-row horizontal sums of the wider
    /// registers cost more than they save (measured 1.05–1.7× slower than 256-bit at 16–32 columns, faster
    /// from 64; docs/kernel-strategy.md).
    /// </summary>
    private const int Wide512MinColumns = 64;

    /// <summary><c>output = weights · input + bias</c>, the pre-activation <c>a = W h + b</c> of a layer.</summary>
    /// <param name="weights">The matrix <c>W</c>, <c>[output.Length, input.Length]</c> row-major.</param>
    /// <param name="input">The vector <c>h</c>.</param>
    /// <param name="bias">The bias <c>b</c>, as long as <paramref name="output"/>.</param>
    /// <param name="output">Receives <c>a</c>.</param>
    /// <exception cref="ArgumentException">The lengths do not agree.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyAdd(ReadOnlySpan<float> weights, ReadOnlySpan<float> input, ReadOnlySpan<float> bias, Span<float> output)
    {
        RequireMatrix(weights.Length, output.Length, input.Length);
        ShapeGuard.RequireLength(bias.Length, output.Length, nameof(bias));
        ref float w = ref MemoryMarshal.GetReference(weights);
        ref float x = ref MemoryMarshal.GetReference(input);
        ref float b = ref MemoryMarshal.GetReference(bias);
        ref float y = ref MemoryMarshal.GetReference(output);
        int rows = output.Length, columns = input.Length;
        if (Vector512.IsHardwareAccelerated && columns >= Wide512MinColumns)
        {
            MultiplyAdd<Simd512, Vector512<float>>(ref w, ref x, ref b, ref y, rows, columns);
        }
        else if (Vector256.IsHardwareAccelerated && columns >= Vector256<float>.Count)
        {
            MultiplyAdd<Simd256, Vector256<float>>(ref w, ref x, ref b, ref y, rows, columns);
        }
        else if (Vector128.IsHardwareAccelerated && columns >= Vector128<float>.Count)
        {
            MultiplyAdd<Simd128, Vector128<float>>(ref w, ref x, ref b, ref y, rows, columns);
        }
        else
        {
            MultiplyAdd<SimdScalar, float>(ref w, ref x, ref b, ref y, rows, columns);
        }
    }

    /// <summary><c>destination += left · rightᵀ</c>, the weight gradient <c>∇W += ∇a h_prevᵀ</c> of a layer.</summary>
    /// <param name="left">The column vector (<c>∇a</c>), one entry per row of <paramref name="destination"/>.</param>
    /// <param name="right">The row vector (<c>h_prev</c>), one entry per column.</param>
    /// <param name="destination">The matrix <c>[left.Length, right.Length]</c> row-major, added into.</param>
    /// <exception cref="ArgumentException">The lengths do not agree.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddOuterProduct(ReadOnlySpan<float> left, ReadOnlySpan<float> right, Span<float> destination)
    {
        RequireMatrix(destination.Length, left.Length, right.Length);
        ref float l = ref MemoryMarshal.GetReference(left);
        ref float r = ref MemoryMarshal.GetReference(right);
        ref float d = ref MemoryMarshal.GetReference(destination);
        int rows = left.Length, columns = right.Length;
        if (Vector512.IsHardwareAccelerated && columns >= Wide512MinColumns)
        {
            AddOuterProduct<Simd512, Vector512<float>>(ref l, ref r, ref d, rows, columns);
        }
        else if (Vector256.IsHardwareAccelerated && columns >= Vector256<float>.Count)
        {
            AddOuterProduct<Simd256, Vector256<float>>(ref l, ref r, ref d, rows, columns);
        }
        else if (Vector128.IsHardwareAccelerated && columns >= Vector128<float>.Count)
        {
            AddOuterProduct<Simd128, Vector128<float>>(ref l, ref r, ref d, rows, columns);
        }
        else
        {
            AddOuterProduct<SimdScalar, float>(ref l, ref r, ref d, rows, columns);
        }
    }

    /// <summary><c>destination = weightsᵀ · vector</c>, the back-propagated gradient <c>∇h_prev = Wᵀ ∇a</c>.</summary>
    /// <param name="weights">The matrix <c>W</c>, <c>[vector.Length, destination.Length]</c> row-major.</param>
    /// <param name="vector">The vector <c>∇a</c>, one entry per row of <paramref name="weights"/>.</param>
    /// <param name="destination">Receives <c>∇h_prev</c>, one entry per column of <paramref name="weights"/>.</param>
    /// <exception cref="ArgumentException">The lengths do not agree.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyTransposed(ReadOnlySpan<float> weights, ReadOnlySpan<float> vector, Span<float> destination)
    {
        RequireMatrix(weights.Length, vector.Length, destination.Length);
        ref float w = ref MemoryMarshal.GetReference(weights);
        ref float v = ref MemoryMarshal.GetReference(vector);
        ref float d = ref MemoryMarshal.GetReference(destination);
        int rows = vector.Length, columns = destination.Length;
        if (Vector512.IsHardwareAccelerated && columns >= Wide512MinColumns)
        {
            MultiplyTransposed<Simd512, Vector512<float>>(ref w, ref v, ref d, rows, columns);
        }
        else if (Vector256.IsHardwareAccelerated && columns >= Vector256<float>.Count)
        {
            MultiplyTransposed<Simd256, Vector256<float>>(ref w, ref v, ref d, rows, columns);
        }
        else if (Vector128.IsHardwareAccelerated && columns >= Vector128<float>.Count)
        {
            MultiplyTransposed<Simd128, Vector128<float>>(ref w, ref v, ref d, rows, columns);
        }
        else
        {
            MultiplyTransposed<SimdScalar, float>(ref w, ref v, ref d, rows, columns);
        }
    }

    /// <summary><c>destination += source</c>, the bias gradient <c>∇b += ∇a</c>.</summary>
    /// <param name="source">The vector added.</param>
    /// <param name="destination">The vector added into, as long as <paramref name="source"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(ReadOnlySpan<float> source, Span<float> destination)
    {
        ShapeGuard.RequireLength(destination.Length, source.Length, nameof(destination));
        ref float s = ref MemoryMarshal.GetReference(source);
        ref float d = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= source.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                (Vector256.LoadUnsafe(ref d, (nuint)i) + Vector256.LoadUnsafe(ref s, (nuint)i)).StoreUnsafe(ref d, (nuint)i);
            }
        }

        for (; i < source.Length; i++)
        {
            Unsafe.Add(ref d, i) += Unsafe.Add(ref s, i);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MultiplyAdd<TSimd, TVector>(ref float w, ref float x, ref float b, ref float y, int rows, int columns)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        int vectorEnd = columns - (columns % TSimd.Count);
        int j = 0;

        // Four rows at a time: each load of x feeds four independent accumulators.
        for (; j <= rows - RowBlock; j += RowBlock)
        {
            ref float w0 = ref Unsafe.Add(ref w, j * columns);
            ref float w1 = ref Unsafe.Add(ref w0, columns);
            ref float w2 = ref Unsafe.Add(ref w1, columns);
            ref float w3 = ref Unsafe.Add(ref w2, columns);
            TVector s0 = TSimd.Zero, s1 = TSimd.Zero, s2 = TSimd.Zero, s3 = TSimd.Zero;
            for (int i = 0; i < vectorEnd; i += TSimd.Count)
            {
                TVector xi = TSimd.Load(ref Unsafe.Add(ref x, i));
                s0 = TSimd.MultiplyAdd(TSimd.Load(ref Unsafe.Add(ref w0, i)), xi, s0);
                s1 = TSimd.MultiplyAdd(TSimd.Load(ref Unsafe.Add(ref w1, i)), xi, s1);
                s2 = TSimd.MultiplyAdd(TSimd.Load(ref Unsafe.Add(ref w2, i)), xi, s2);
                s3 = TSimd.MultiplyAdd(TSimd.Load(ref Unsafe.Add(ref w3, i)), xi, s3);
            }

            float t0 = TSimd.Sum(s0), t1 = TSimd.Sum(s1), t2 = TSimd.Sum(s2), t3 = TSimd.Sum(s3);
            for (int i = vectorEnd; i < columns; i++)
            {
                float xi = Unsafe.Add(ref x, i);
                t0 += Unsafe.Add(ref w0, i) * xi;
                t1 += Unsafe.Add(ref w1, i) * xi;
                t2 += Unsafe.Add(ref w2, i) * xi;
                t3 += Unsafe.Add(ref w3, i) * xi;
            }

            Unsafe.Add(ref y, j) = t0 + Unsafe.Add(ref b, j);
            Unsafe.Add(ref y, j + 1) = t1 + Unsafe.Add(ref b, j + 1);
            Unsafe.Add(ref y, j + 2) = t2 + Unsafe.Add(ref b, j + 2);
            Unsafe.Add(ref y, j + 3) = t3 + Unsafe.Add(ref b, j + 3);
        }

        for (; j < rows; j++)
        {
            ref float wj = ref Unsafe.Add(ref w, j * columns);
            TVector s = TSimd.Zero;
            for (int i = 0; i < vectorEnd; i += TSimd.Count)
            {
                s = TSimd.MultiplyAdd(TSimd.Load(ref Unsafe.Add(ref wj, i)), TSimd.Load(ref Unsafe.Add(ref x, i)), s);
            }

            float t = TSimd.Sum(s);
            for (int i = vectorEnd; i < columns; i++)
            {
                t += Unsafe.Add(ref wj, i) * Unsafe.Add(ref x, i);
            }

            Unsafe.Add(ref y, j) = t + Unsafe.Add(ref b, j);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddOuterProduct<TSimd, TVector>(ref float l, ref float r, ref float d, int rows, int columns)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        int vectorEnd = columns - (columns % TSimd.Count);
        for (int j = 0; j < rows; j++)
        {
            float lj = Unsafe.Add(ref l, j);
            TVector broadcast = TSimd.Broadcast(lj);
            ref float row = ref Unsafe.Add(ref d, j * columns);
            for (int i = 0; i < vectorEnd; i += TSimd.Count)
            {
                ref float target = ref Unsafe.Add(ref row, i);
                TSimd.Store(TSimd.MultiplyAdd(broadcast, TSimd.Load(ref Unsafe.Add(ref r, i)), TSimd.Load(ref target)), ref target);
            }

            for (int i = vectorEnd; i < columns; i++)
            {
                Unsafe.Add(ref row, i) += lj * Unsafe.Add(ref r, i);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MultiplyTransposed<TSimd, TVector>(ref float w, ref float v, ref float d, int rows, int columns)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        int vectorEnd = columns - (columns % TSimd.Count);
        MemoryMarshal.CreateSpan(ref d, columns).Clear();
        int j = 0;

        // Four rows at a time: each load and store of the destination carries four rows' contributions.
        for (; j <= rows - RowBlock; j += RowBlock)
        {
            ref float w0 = ref Unsafe.Add(ref w, j * columns);
            ref float w1 = ref Unsafe.Add(ref w0, columns);
            ref float w2 = ref Unsafe.Add(ref w1, columns);
            ref float w3 = ref Unsafe.Add(ref w2, columns);
            float v0 = Unsafe.Add(ref v, j), v1 = Unsafe.Add(ref v, j + 1), v2 = Unsafe.Add(ref v, j + 2), v3 = Unsafe.Add(ref v, j + 3);
            TVector b0 = TSimd.Broadcast(v0), b1 = TSimd.Broadcast(v1), b2 = TSimd.Broadcast(v2), b3 = TSimd.Broadcast(v3);
            for (int i = 0; i < vectorEnd; i += TSimd.Count)
            {
                ref float target = ref Unsafe.Add(ref d, i);
                TVector sum = TSimd.MultiplyAdd(TSimd.Load(ref Unsafe.Add(ref w0, i)), b0, TSimd.Load(ref target));
                sum = TSimd.MultiplyAdd(TSimd.Load(ref Unsafe.Add(ref w1, i)), b1, sum);
                sum = TSimd.MultiplyAdd(TSimd.Load(ref Unsafe.Add(ref w2, i)), b2, sum);
                sum = TSimd.MultiplyAdd(TSimd.Load(ref Unsafe.Add(ref w3, i)), b3, sum);
                TSimd.Store(sum, ref target);
            }

            for (int i = vectorEnd; i < columns; i++)
            {
                Unsafe.Add(ref d, i) += (Unsafe.Add(ref w0, i) * v0) + (Unsafe.Add(ref w1, i) * v1) + (Unsafe.Add(ref w2, i) * v2) + (Unsafe.Add(ref w3, i) * v3);
            }
        }

        for (; j < rows; j++)
        {
            ref float wj = ref Unsafe.Add(ref w, j * columns);
            float vj = Unsafe.Add(ref v, j);
            TVector broadcast = TSimd.Broadcast(vj);
            for (int i = 0; i < vectorEnd; i += TSimd.Count)
            {
                ref float target = ref Unsafe.Add(ref d, i);
                TSimd.Store(TSimd.MultiplyAdd(TSimd.Load(ref Unsafe.Add(ref wj, i)), broadcast, TSimd.Load(ref target)), ref target);
            }

            for (int i = vectorEnd; i < columns; i++)
            {
                Unsafe.Add(ref d, i) += Unsafe.Add(ref wj, i) * vj;
            }
        }
    }

    /// <summary>Checks a matrix's length; inlined, so with constant shapes the JIT removes it entirely.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RequireMatrix(int matrixLength, int rows, int columns)
    {
        if ((long)rows * columns != matrixLength)
        {
            ThrowWrongMatrix(matrixLength, rows, columns);
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowWrongMatrix(int matrixLength, int rows, int columns) =>
        throw new ArgumentException($"A [{rows}, {columns}] matrix needs {(long)rows * columns} elements but the span has {matrixLength}.");
}
