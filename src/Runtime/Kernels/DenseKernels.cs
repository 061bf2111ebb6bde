using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

/// <summary>
/// The SIMD kernels of a dense layer, called by generated networks for layers too large to unroll.
/// Matrices are row-major <c>[rows, columns]</c>. Every kernel is inlined into its caller, so a generated
/// layer that passes spans of constant length gets loops with constant bounds and the widest vector
/// registers the machine accelerates (512, 256 or 128 bits, else scalar). None of them allocates.
/// </summary>
public static class DenseKernels
{
    /// <summary>Row blocking of <see cref="MultiplyTransposed"/>: this many rows share each load and store of the destination.</summary>
    private const int RowBlock = 4;

    /// <summary>Row blocking of <see cref="MultiplyAdd"/>: this many rows share each load of the vector they multiply, and their sums are reduced together.</summary>
    private const int SumRows = 8;

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
    public static void Add(ReadOnlySpan<float> source, Span<float> destination) => VectorLoop.Apply(destination, source, default(AddOperation));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MultiplyAdd<TSimd, TVector>(ref float w, ref float x, ref float b, ref float y, int rows, int columns)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        int vectorEnd = columns - (columns % TSimd.Count);
        nint rowBytes = (nint)columns * sizeof(float);
        int j = 0;

        // Eight rows at a time: each load of x feeds eight independent accumulators, and the eight horizontal
        // sums are done together (SumOfEach), a handful of instructions instead of eight reductions.
        for (; j <= rows - SumRows; j += SumRows)
        {
            // Rows 0–2 from w0, 3–5 from w3, 6–7 from w6, at 0, 1 and 2 row strides: three pointers and one stride.
            ref float w0 = ref Unsafe.Add(ref w, j * columns);
            ref float w3 = ref Unsafe.AddByteOffset(ref w0, 3 * rowBytes);
            ref float w6 = ref Unsafe.AddByteOffset(ref w0, 6 * rowBytes);
            ref float xi = ref x;
            TVector s0 = TSimd.Zero, s1 = TSimd.Zero, s2 = TSimd.Zero, s3 = TSimd.Zero;
            TVector s4 = TSimd.Zero, s5 = TSimd.Zero, s6 = TSimd.Zero, s7 = TSimd.Zero;
            for (int i = 0; i < vectorEnd; i += TSimd.Count)
            {
                TVector v = TSimd.Load(ref xi);
                s0 = TSimd.MultiplyAdd(TSimd.Load(ref w0), v, s0);
                s1 = TSimd.MultiplyAdd(TSimd.Load(ref Unsafe.AddByteOffset(ref w0, rowBytes)), v, s1);
                s2 = TSimd.MultiplyAdd(TSimd.Load(ref Unsafe.AddByteOffset(ref w0, rowBytes * 2)), v, s2);
                s3 = TSimd.MultiplyAdd(TSimd.Load(ref w3), v, s3);
                s4 = TSimd.MultiplyAdd(TSimd.Load(ref Unsafe.AddByteOffset(ref w3, rowBytes)), v, s4);
                s5 = TSimd.MultiplyAdd(TSimd.Load(ref Unsafe.AddByteOffset(ref w3, rowBytes * 2)), v, s5);
                s6 = TSimd.MultiplyAdd(TSimd.Load(ref w6), v, s6);
                s7 = TSimd.MultiplyAdd(TSimd.Load(ref Unsafe.AddByteOffset(ref w6, rowBytes)), v, s7);
                w0 = ref Unsafe.Add(ref w0, TSimd.Count);
                w3 = ref Unsafe.Add(ref w3, TSimd.Count);
                w6 = ref Unsafe.Add(ref w6, TSimd.Count);
                xi = ref Unsafe.Add(ref xi, TSimd.Count);
            }

            SumOfEach<TSimd, TVector>(s0, s1, s2, s3, s4, s5, s6, s7, ref Unsafe.Add(ref b, j), ref Unsafe.Add(ref y, j));
            for (int i = vectorEnd; i < columns; i++)
            {
                float xv = Unsafe.Add(ref x, i);
                ref float row = ref Unsafe.Add(ref w, (j * columns) + i);
                for (int r = 0; r < SumRows; r++)
                {
                    Unsafe.Add(ref y, j + r) += Unsafe.Add(ref row, r * columns) * xv;
                }
            }
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

    /// <summary>
    /// <c>y[r] = Σ lanes(s_r) + b[r]</c> for eight accumulators. With AVX, the sums are a tree of horizontal adds
    /// that leaves all eight in one register (a 512-bit accumulator is first folded to 256 bits); otherwise one
    /// reduction per accumulator.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SumOfEach<TSimd, TVector>(TVector s0, TVector s1, TVector s2, TVector s3, TVector s4, TVector s5, TVector s6, TVector s7, ref float b, ref float y)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        if (Avx.IsSupported && typeof(TVector) == typeof(Vector512<float>))
        {
            Vector256<float> sums = SumOfEach(Fold(s0), Fold(s1), Fold(s2), Fold(s3), Fold(s4), Fold(s5), Fold(s6), Fold(s7));
            (sums + Vector256.LoadUnsafe(ref b)).StoreUnsafe(ref y);
        }
        else if (Avx.IsSupported && typeof(TVector) == typeof(Vector256<float>))
        {
            Vector256<float> sums = SumOfEach(As256(s0), As256(s1), As256(s2), As256(s3), As256(s4), As256(s5), As256(s6), As256(s7));
            (sums + Vector256.LoadUnsafe(ref b)).StoreUnsafe(ref y);
        }
        else
        {
            y = TSimd.Sum(s0) + b;
            Unsafe.Add(ref y, 1) = TSimd.Sum(s1) + Unsafe.Add(ref b, 1);
            Unsafe.Add(ref y, 2) = TSimd.Sum(s2) + Unsafe.Add(ref b, 2);
            Unsafe.Add(ref y, 3) = TSimd.Sum(s3) + Unsafe.Add(ref b, 3);
            Unsafe.Add(ref y, 4) = TSimd.Sum(s4) + Unsafe.Add(ref b, 4);
            Unsafe.Add(ref y, 5) = TSimd.Sum(s5) + Unsafe.Add(ref b, 5);
            Unsafe.Add(ref y, 6) = TSimd.Sum(s6) + Unsafe.Add(ref b, 6);
            Unsafe.Add(ref y, 7) = TSimd.Sum(s7) + Unsafe.Add(ref b, 7);
        }

        static Vector256<float> Fold(TVector value)
        {
            Vector512<float> wide = Unsafe.As<TVector, Vector512<float>>(ref value);
            return wide.GetLower() + wide.GetUpper();
        }

        static Vector256<float> As256(TVector value) => Unsafe.As<TVector, Vector256<float>>(ref value);
    }

    /// <summary>
    /// Lane <c>r</c> of the result is the sum of the lanes of <c>s_r</c>: horizontal adds pair the accumulators up
    /// within each 128-bit half, and one swap of halves adds the two halves' partial sums.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> SumOfEach(Vector256<float> s0, Vector256<float> s1, Vector256<float> s2, Vector256<float> s3, Vector256<float> s4, Vector256<float> s5, Vector256<float> s6, Vector256<float> s7)
    {
        // Lanes of h0123: Σ s0, s1, s2, s3 over the low half, then over the high half; h4567 likewise for s4–s7.
        Vector256<float> h0123 = Avx.HorizontalAdd(Avx.HorizontalAdd(s0, s1), Avx.HorizontalAdd(s2, s3));
        Vector256<float> h4567 = Avx.HorizontalAdd(Avx.HorizontalAdd(s4, s5), Avx.HorizontalAdd(s6, s7));
        return Avx.Permute2x128(h0123, h4567, 0x20) + Avx.Permute2x128(h0123, h4567, 0x31);
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
