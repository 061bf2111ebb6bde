using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

/// <summary>The first layer's product read from the samples in place, without the transpose into a block.</summary>
public static partial class BatchKernels
{
    /// <summary>
    /// The fewest inputs from which <see cref="MultiplyAddSamples"/> reads the samples in place. Each tile of the
    /// in-place product ends in a horizontal reduction whose cost is fixed, while the transpose it saves grows with the
    /// inputs. On Zen 4 with 32 registers it measured 3% faster from 576 inputs through 1,024 (5% at 784), 2% slower at
    /// 512 and 9% at 256 (docs/kernel-strategy.md, "The first product from the samples in place"); with 16 registers
    /// it was slower at every width measured.
    /// </summary>
    public const int InPlaceMinimumInputs = 576;

    /// <summary>
    /// <c>output = weights · samplesᵀ + bias 1ᵀ</c>, a first layer's pre-activations for a block of samples held one
    /// per row, by whichever form measured faster for the register file and the width: read in place
    /// (<see cref="MultiplyAddRows"/>) with 32 vector registers and at least <see cref="InPlaceMinimumInputs"/>
    /// inputs, else transposed into <paramref name="block"/> (<see cref="ToBlock"/>) and multiplied there
    /// (<see cref="MultiplyAdd"/>). The output is the same block either way, up to the order of the sums.
    /// </summary>
    /// <param name="weights">The matrix <c>W</c>, <c>[bias.Length, inputs]</c> row-major.</param>
    /// <param name="samples">The samples <c>X</c>, sample-major <c>[count, inputs]</c>.</param>
    /// <param name="count">The number of samples.</param>
    /// <param name="bias">The bias <c>b</c>.</param>
    /// <param name="block">Room for the samples as a block, <c>[inputs, columns]</c>; written only by the transposing form.</param>
    /// <param name="output">Receives <c>A</c>, feature-major <c>[bias.Length, columns]</c>.</param>
    /// <param name="columns">The block's column count, a multiple of <see cref="ColumnMultiple"/>.</param>
    /// <exception cref="ArgumentException">The lengths do not agree.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyAddSamples(ReadOnlySpan<float> weights, ReadOnlySpan<float> samples, int count, ReadOnlySpan<float> bias, Span<float> block, Span<float> output, int columns)
    {
        if (Vector512.IsHardwareAccelerated && bias.Length > 0 && weights.Length >= InPlaceMinimumInputs * bias.Length)
        {
            MultiplyAddRows(weights, samples, count, bias, output, columns);
        }
        else
        {
            ToBlock(samples, count, block, columns);
            MultiplyAdd(weights, block, bias, output, columns);
        }
    }

    /// <summary>
    /// <c>output = weights · samplesᵀ + bias 1ᵀ</c>, a first layer's pre-activations for a block read from the samples
    /// as the caller holds them (one sample per row): <c>A[j, s] = Σ_i W[j, i] X[s, i] + b[j]</c> for
    /// <c>s &lt; count</c>, and <c>A[j, s] = b[j]</c> in the padding columns, the same block
    /// <see cref="ToBlock"/> then <see cref="MultiplyAdd"/> give.
    /// </summary>
    /// <param name="weights">The matrix <c>W</c>, <c>[bias.Length, inputs]</c> row-major.</param>
    /// <param name="samples">The samples <c>X</c>, <b>sample-major</b> <c>[count, inputs]</c>.</param>
    /// <param name="count">The number of samples.</param>
    /// <param name="bias">The bias <c>b</c>.</param>
    /// <param name="output">Receives <c>A</c>, feature-major <c>[bias.Length, columns]</c>.</param>
    /// <param name="columns">The block's column count, a multiple of <see cref="ColumnMultiple"/>.</param>
    /// <exception cref="ArgumentException">The lengths do not agree.</exception>
    public static void MultiplyAddRows(ReadOnlySpan<float> weights, ReadOnlySpan<float> samples, int count, ReadOnlySpan<float> bias, Span<float> output, int columns)
    {
        int rows = bias.Length;
        int inputs = RequireMatrix(weights.Length, rows, nameof(weights));
        RequireColumns(columns);
        RequireCount(count, columns);
        RequireBlock(samples.Length, count, inputs, nameof(samples));
        RequireBlock(output.Length, rows, columns, nameof(output));
        var product = new RowsProduct(
            ref MemoryMarshal.GetReference(weights),
            ref MemoryMarshal.GetReference(samples),
            ref MemoryMarshal.GetReference(bias),
            ref MemoryMarshal.GetReference(output),
            rows, inputs, count, columns);
        if (Vector512.IsHardwareAccelerated)
        {
            MultiplyRows<Simd512, Vector512<float>>(ref product);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            MultiplyRows<Simd256, Vector256<float>>(ref product);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            MultiplyRows<Simd128, Vector128<float>>(ref product);
        }
        else
        {
            MultiplyRows<SimdScalar, float>(ref product);
        }

        // The padding columns: the product of a zero sample is the bias.
        if (count < columns)
        {
            for (int j = 0; j < rows; j++)
            {
                output.Slice((j * columns) + count, columns - count).Fill(bias[j]);
            }
        }
    }

    /// <summary>The operands of <see cref="MultiplyAddRows"/>: <c>W[j, i] = w[j·inputs + i]</c>, <c>X[s, i] = x[s·inputs + i]</c>, <c>A[j, s] = a[j·columns + s]</c>.</summary>
    private readonly ref struct RowsProduct
    {
        public readonly ref float W;
        public readonly ref float X;
        public readonly ref float Bias;
        public readonly ref float A;
        public readonly int Rows;
        public readonly int Inputs;
        public readonly int Count;
        public readonly int Columns;

        public RowsProduct(ref float w, ref float x, ref float bias, ref float a, int rows, int inputs, int count, int columns)
        {
            W = ref w;
            X = ref x;
            Bias = ref bias;
            A = ref a;
            Rows = rows;
            Inputs = inputs;
            Count = count;
            Columns = columns;
        }
    }

    /// <summary>
    /// The product in dot-product tiles: each step over <c>k</c> loads one register of each of the tile's samples and
    /// weight rows (both contiguous in <c>k</c>) and issues one fused multiply-add per pair into that pair's
    /// accumulator, whose lanes are summed once, at the end of <c>k</c>. A tile is four rows of <c>W</c> by four
    /// samples where there are 32 registers (AVX-512, ARM64: sixteen accumulators, four sample registers and one
    /// weight register) and by three where there are 16 (AVX2, SSE: twelve accumulators, three sample registers and
    /// one weight register, all sixteen). The four weight rows (12 KiB at 784 inputs) stay in L1 while the sample
    /// tiles stream past them from L2. The samples a whole tile does not cover share the last tiles evenly
    /// (<see cref="TileHeight"/>: 64 samples in three-sample tiles are 20 × 3 + 2 + 2), and the last rows go in
    /// one shorter tile.
    /// </summary>
    private static void MultiplyRows<TSimd, TVector>(ref RowsProduct p)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        int tileSamples = TSimd.Count == Vector512<float>.Count || AdvSimd.Arm64.IsSupported ? 4 : 3;
        for (int r = 0; r < p.Rows; r += 4)
        {
            for (int s = 0, width; s < p.Count; s += width)
            {
                width = TileHeight(p.Count - s, tileSamples);
                switch (Math.Min(4, p.Rows - r))
                {
                    case 4: RowsTile<TSimd, TVector, FourRows>(width, ref p, s, r); break;
                    case 3: RowsTile<TSimd, TVector, ThreeRows>(width, ref p, s, r); break;
                    case 2: RowsTile<TSimd, TVector, TwoRows>(width, ref p, s, r); break;
                    default: RowsTile<TSimd, TVector, OneRow>(width, ref p, s, r); break;
                }
            }
        }
    }

    /// <summary>The first <c>min(4, TRows)</c> rows of one sample's column of <c>A</c> from <paramref name="sums"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreColumn<TRows>(Vector128<float> sums, ref float a, int columns)
        where TRows : struct, ITileRows
    {
        int n = TRows.Count;
        a = sums.ToScalar();
        if (n > 1)
        {
            Unsafe.Add(ref a, columns) = sums.GetElement(1);
        }

        if (n > 2)
        {
            Unsafe.Add(ref a, 2 * columns) = sums.GetElement(2);
        }

        if (n > 3)
        {
            Unsafe.Add(ref a, 3 * columns) = sums.GetElement(3);
        }
    }

    /// <summary>
    /// Adds to a tile's sums in <c>A</c> the steps of <c>k</c> from <paramref name="from"/> on, past the last whole
    /// register: out of the tile's method, so that the common case (no tail) keeps its sums in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddTail(ref RowsProduct p, int from, int s, int samples, int r, int rows)
    {
        for (int j = r; j < r + rows; j++)
        {
            for (int i = s; i < s + samples; i++)
            {
                Unsafe.Add(ref p.A, (j * p.Columns) + i) += TailDot(ref p, from, i, j);
            }
        }
    }

    private static void RowsTile<TSimd, TVector, TRows>(int samples, ref RowsProduct p, int s, int r)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
        where TRows : struct, ITileRows
    {
        switch (samples)
        {
            case 4: RowsTile<TSimd, TVector, FourRows, TRows>(ref p, s, r); break;
            case 3: RowsTile<TSimd, TVector, ThreeRows, TRows>(ref p, s, r); break;
            case 2: RowsTile<TSimd, TVector, TwoRows, TRows>(ref p, s, r); break;
            default: RowsTile<TSimd, TVector, OneRow, TRows>(ref p, s, r); break;
        }
    }

    /// <summary>
    /// One tile of <see cref="MultiplyRows"/>: <typeparamref name="TSamples"/> samples from <paramref name="s"/> by
    /// <typeparamref name="TRows"/> rows of <c>W</c> from <paramref name="r"/>, accumulator <c>cIJ</c> for sample
    /// <c>I</c> and row <c>J</c>. The steps of <c>k</c> past the last whole register are added one at a time.
    /// </summary>
    private static void RowsTile<TSimd, TVector, TSamples, TRows>(ref RowsProduct p, int s, int r)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
        where TSamples : struct, ITileRows
        where TRows : struct, ITileRows
    {
        int m = TSamples.Count, n = TRows.Count, inputs = p.Inputs;
        nint vectorEnd = inputs - (inputs % TSimd.Count);
        ref float x0 = ref Unsafe.Add(ref p.X, s * inputs);
        ref float x1 = ref m > 1 ? ref Unsafe.Add(ref x0, inputs) : ref x0;
        ref float x2 = ref m > 2 ? ref Unsafe.Add(ref x0, 2 * inputs) : ref x0;
        ref float x3 = ref m > 3 ? ref Unsafe.Add(ref x0, 3 * inputs) : ref x0;
        ref float w0 = ref Unsafe.Add(ref p.W, r * inputs);
        ref float w1 = ref n > 1 ? ref Unsafe.Add(ref w0, inputs) : ref w0;
        ref float w2 = ref n > 2 ? ref Unsafe.Add(ref w0, 2 * inputs) : ref w0;
        ref float w3 = ref n > 3 ? ref Unsafe.Add(ref w0, 3 * inputs) : ref w0;
        TVector c00 = TSimd.Zero, c01 = TSimd.Zero, c02 = TSimd.Zero, c03 = TSimd.Zero;
        TVector c10 = TSimd.Zero, c11 = TSimd.Zero, c12 = TSimd.Zero, c13 = TSimd.Zero;
        TVector c20 = TSimd.Zero, c21 = TSimd.Zero, c22 = TSimd.Zero, c23 = TSimd.Zero;
        TVector c30 = TSimd.Zero, c31 = TSimd.Zero, c32 = TSimd.Zero, c33 = TSimd.Zero;
        for (nint k = 0; k < vectorEnd; k += TSimd.Count)
        {
            TVector a0 = TSimd.Load(ref Unsafe.Add(ref x0, k));
            TVector a1 = m > 1 ? TSimd.Load(ref Unsafe.Add(ref x1, k)) : a0;
            TVector a2 = m > 2 ? TSimd.Load(ref Unsafe.Add(ref x2, k)) : a0;
            TVector a3 = m > 3 ? TSimd.Load(ref Unsafe.Add(ref x3, k)) : a0;

            TVector w = TSimd.Load(ref Unsafe.Add(ref w0, k));
            c00 = TSimd.MultiplyAdd(a0, w, c00);
            if (m > 1)
            {
                c10 = TSimd.MultiplyAdd(a1, w, c10);
            }

            if (m > 2)
            {
                c20 = TSimd.MultiplyAdd(a2, w, c20);
            }

            if (m > 3)
            {
                c30 = TSimd.MultiplyAdd(a3, w, c30);
            }

            if (n > 1)
            {
                w = TSimd.Load(ref Unsafe.Add(ref w1, k));
                c01 = TSimd.MultiplyAdd(a0, w, c01);
                if (m > 1)
                {
                    c11 = TSimd.MultiplyAdd(a1, w, c11);
                }

                if (m > 2)
                {
                    c21 = TSimd.MultiplyAdd(a2, w, c21);
                }

                if (m > 3)
                {
                    c31 = TSimd.MultiplyAdd(a3, w, c31);
                }
            }

            if (n > 2)
            {
                w = TSimd.Load(ref Unsafe.Add(ref w2, k));
                c02 = TSimd.MultiplyAdd(a0, w, c02);
                if (m > 1)
                {
                    c12 = TSimd.MultiplyAdd(a1, w, c12);
                }

                if (m > 2)
                {
                    c22 = TSimd.MultiplyAdd(a2, w, c22);
                }

                if (m > 3)
                {
                    c32 = TSimd.MultiplyAdd(a3, w, c32);
                }
            }

            if (n > 3)
            {
                w = TSimd.Load(ref Unsafe.Add(ref w3, k));
                c03 = TSimd.MultiplyAdd(a0, w, c03);
                if (m > 1)
                {
                    c13 = TSimd.MultiplyAdd(a1, w, c13);
                }

                if (m > 2)
                {
                    c23 = TSimd.MultiplyAdd(a2, w, c23);
                }

                if (m > 3)
                {
                    c33 = TSimd.MultiplyAdd(a3, w, c33);
                }
            }
        }

        ref float bias = ref Unsafe.Add(ref p.Bias, r);
        int columns = p.Columns;
        ref float a = ref Unsafe.Add(ref p.A, (r * columns) + s);
        if (typeof(TVector) == typeof(Vector512<float>) && Avx512F.IsSupported)
        {
            // The sixteen sums in one register: 128-bit lane J holds row J of samples 0 to 3.
            Vector512<float> sums = Sum16(
                Sum4x4(As512(c00), As512(c01), As512(c02), As512(c03)),
                Sum4x4(As512(c10), As512(c11), As512(c12), As512(c13)),
                Sum4x4(As512(c20), As512(c21), As512(c22), As512(c23)),
                Sum4x4(As512(c30), As512(c31), As512(c32), As512(c33)));
            StoreRow<TSamples>(sums.GetLower().GetLower() + Vector128.Create(bias), ref a);
            if (n > 1)
            {
                StoreRow<TSamples>(sums.GetLower().GetUpper() + Vector128.Create(Unsafe.Add(ref bias, 1)), ref Unsafe.Add(ref a, columns));
            }

            if (n > 2)
            {
                StoreRow<TSamples>(sums.GetUpper().GetLower() + Vector128.Create(Unsafe.Add(ref bias, 2)), ref Unsafe.Add(ref a, 2 * columns));
            }

            if (n > 3)
            {
                StoreRow<TSamples>(sums.GetUpper().GetUpper() + Vector128.Create(Unsafe.Add(ref bias, 3)), ref Unsafe.Add(ref a, 3 * columns));
            }
        }
        else
        {
            // Otherwise one register per sample holding its rows 0 to 3.
            Vector128<float> biases = n == 4
                ? Vector128.LoadUnsafe(ref bias)
                : Vector128.Create(bias, n > 1 ? Unsafe.Add(ref bias, 1) : 0f, n > 2 ? Unsafe.Add(ref bias, 2) : 0f, 0f);
            StoreColumn<TRows>(LaneSums.Of4<TSimd, TVector>(c00, c01, c02, c03) + biases, ref a, columns);
            if (m > 1)
            {
                StoreColumn<TRows>(LaneSums.Of4<TSimd, TVector>(c10, c11, c12, c13) + biases, ref Unsafe.Add(ref a, 1), columns);
            }

            if (m > 2)
            {
                StoreColumn<TRows>(LaneSums.Of4<TSimd, TVector>(c20, c21, c22, c23) + biases, ref Unsafe.Add(ref a, 2), columns);
            }

            if (m > 3)
            {
                StoreColumn<TRows>(LaneSums.Of4<TSimd, TVector>(c30, c31, c32, c33) + biases, ref Unsafe.Add(ref a, 3), columns);
            }
        }

        if (vectorEnd < inputs)
        {
            AddTail(ref p, (int)vectorEnd, s, m, r, n);
        }
    }

    /// <summary>One row of <c>A</c> across a tile's first <c>TSamples</c> samples, from <paramref name="sums"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow<TSamples>(Vector128<float> sums, ref float row)
        where TSamples : struct, ITileRows
    {
        int m = TSamples.Count;
        if (m == 4)
        {
            sums.StoreUnsafe(ref row);
            return;
        }

        row = sums.ToScalar();
        if (m > 1)
        {
            Unsafe.Add(ref row, 1) = sums.GetElement(1);
        }

        if (m > 2)
        {
            Unsafe.Add(ref row, 2) = sums.GetElement(2);
        }
    }

    /// <summary><c>Σ X[s, i] W[j, i]</c> over <c>i</c> from <paramref name="from"/>, the steps of <c>k</c> past the last whole register.</summary>
    private static float TailDot(ref RowsProduct p, int from, int s, int j)
    {
        int inputs = p.Inputs;
        ref float x = ref Unsafe.Add(ref p.X, s * inputs);
        ref float w = ref Unsafe.Add(ref p.W, j * inputs);
        float sum = 0f;
        for (int k = from; k < inputs; k++)
        {
            sum += Unsafe.Add(ref x, k) * Unsafe.Add(ref w, k);
        }

        return sum;
    }

    /// <summary>
    /// Four registers reduced to one whose 128-bit lane <c>J</c> holds four partial sums of register <c>J</c>:
    /// <c>[a | b | c | d]</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Sum4x4(Vector512<float> a, Vector512<float> b, Vector512<float> c, Vector512<float> d)
    {
        // [a0+a2, a1+a3, b0+b2, b1+b3] in 128-bit lanes, then [a, b, c, d].
        Vector512<float> ab = Avx512F.Shuffle4x128(a, b, 0x44) + Avx512F.Shuffle4x128(a, b, 0xEE);
        Vector512<float> cd = Avx512F.Shuffle4x128(c, d, 0x44) + Avx512F.Shuffle4x128(c, d, 0xEE);
        return Avx512F.Shuffle4x128(ab, cd, 0x88) + Avx512F.Shuffle4x128(ab, cd, 0xDD);
    }

    /// <summary>
    /// Four results of <see cref="Sum4x4"/>, one per sample, to one register whose 128-bit lane <c>J</c> holds the
    /// sums of row <c>J</c> for samples 0 to 3.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Sum16(Vector512<float> s0, Vector512<float> s1, Vector512<float> s2, Vector512<float> s3)
    {
        // Per lane J: [s0 s1 s0 s1] partial pairs, then [s0 s1 s2 s3].
        Vector512<float> s01 = Avx512F.UnpackLow(s0, s1) + Avx512F.UnpackHigh(s0, s1);
        Vector512<float> s23 = Avx512F.UnpackLow(s2, s3) + Avx512F.UnpackHigh(s2, s3);
        return Avx512F.Shuffle(s01, s23, 0x44) + Avx512F.Shuffle(s01, s23, 0xEE);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> As512<TVector>(TVector value)
        where TVector : struct => Unsafe.As<TVector, Vector512<float>>(ref value);
}
