using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

/// <summary>
/// The matrix kernels of the batched methods (<see cref="INetwork.ForwardBatch"/> and the others). A
/// minibatch goes through a network in blocks of up to <see cref="BlockSize"/> samples, and inside a block
/// every layer's values are held <b>feature-major</b>: a matrix <c>[features, columns]</c> whose column
/// <c>s</c> is sample <c>s</c>, with <c>columns</c> the block's sample count rounded up by
/// <see cref="Columns"/> (the padding columns hold zeros or values nobody reads). One vector register then
/// holds one feature of 16 (or 8, or 4) samples, and every weight is loaded once per block and broadcast over
/// all of its samples: the products are register-blocked matrix multiplications whose weights stay in cache.
/// None of them allocates.
/// </summary>
public static class BatchKernels
{
    /// <summary>The most samples in one block: 64 columns, four 512-bit registers per feature.</summary>
    public const int BlockSize = 64;

    /// <summary>The column count of a block is a multiple of this, the widest register's float count.</summary>
    public const int ColumnMultiple = 16;

    /// <summary>Rows of the one-register tiles, and of the two-register tiles without AVX-512.</summary>
    private const int RowBlock = 6;


    /// <summary>
    /// The chunk of the inner dimension <c>k</c> whose slice of the second operand stays in L1 while a column of tiles
    /// runs: 128 × 64 floats = 32 KiB for the four-register tiles (measured: 128 and 64 reach 85–89% of peak on a
    /// 128 × 784 by 784 × 64 product, 256 about 84%).
    /// </summary>
    private const int DepthBlock = 128;

    /// <summary>The columns of a block of <paramref name="count"/> samples: the count rounded up to a multiple of <see cref="ColumnMultiple"/>.</summary>
    /// <param name="count">The number of samples, from 0 to <see cref="BlockSize"/>.</param>
    /// <returns>The column count.</returns>
    public static int Columns(int count) => (count + ColumnMultiple - 1) & -ColumnMultiple;

    /// <summary>
    /// <c>output = weights · input + bias 1ᵀ</c>, a layer's pre-activations for a block: <c>A[j, s] = Σ_i W[j, i] H[i, s] + b[j]</c>.
    /// </summary>
    /// <param name="weights">The matrix <c>W</c>, <c>[bias.Length, inputs]</c> row-major.</param>
    /// <param name="input">The layer's input <c>H</c>, feature-major <c>[inputs, columns]</c>.</param>
    /// <param name="bias">The bias <c>b</c>.</param>
    /// <param name="output">Receives <c>A</c>, feature-major <c>[bias.Length, columns]</c>.</param>
    /// <param name="columns">The block's column count, a multiple of <see cref="ColumnMultiple"/>.</param>
    /// <exception cref="ArgumentException">The lengths do not agree.</exception>
    public static void MultiplyAdd(ReadOnlySpan<float> weights, ReadOnlySpan<float> input, ReadOnlySpan<float> bias, Span<float> output, int columns)
    {
        int rows = bias.Length;
        int inputs = RequireMatrix(weights.Length, rows, nameof(weights));
        RequireColumns(columns);
        RequireBlock(input.Length, inputs, columns, nameof(input));
        RequireBlock(output.Length, rows, columns, nameof(output));
        var product = new Product(
            ref MemoryMarshal.GetReference(weights), inputs, 1,
            ref MemoryMarshal.GetReference(input), columns,
            ref MemoryMarshal.GetReference(output), columns,
            rows, inputs, columns);
        Multiply(ref product, Start.Bias, ref MemoryMarshal.GetReference(bias));
    }

    /// <summary>
    /// <c>output = weightsᵀ · deltas</c>, the gradient with respect to a layer's input for a block:
    /// <c>∇H[i, s] = Σ_j W[j, i] ∇A[j, s]</c>.
    /// </summary>
    /// <param name="weights">The matrix <c>W</c>, <c>[outputs, inputs]</c> row-major.</param>
    /// <param name="deltas">The layer's error terms <c>∇A</c>, feature-major <c>[outputs, columns]</c>.</param>
    /// <param name="output">Receives <c>∇H</c>, feature-major <c>[inputs, columns]</c>.</param>
    /// <param name="columns">The block's column count, a multiple of <see cref="ColumnMultiple"/>.</param>
    /// <exception cref="ArgumentException">The lengths do not agree.</exception>
    public static void MultiplyTransposed(ReadOnlySpan<float> weights, ReadOnlySpan<float> deltas, Span<float> output, int columns)
    {
        int outputs = BlockRows(deltas.Length, columns, nameof(deltas));
        int inputs = RequireMatrix(weights.Length, outputs, nameof(weights));
        RequireBlock(output.Length, inputs, columns, nameof(output));
        var product = new Product(
            ref MemoryMarshal.GetReference(weights), 1, inputs,
            ref MemoryMarshal.GetReference(deltas), columns,
            ref MemoryMarshal.GetReference(output), columns,
            inputs, outputs, columns);
        Multiply(ref product, Start.Zero, ref Unsafe.NullRef<float>());
    }

    /// <summary>
    /// The weight gradient summed over a block's first <paramref name="count"/> samples, <c>Σ_s ∇A[j, s] H[s, i]</c>,
    /// added into <paramref name="weightGradient"/> or replacing what it held.
    /// </summary>
    /// <param name="deltas">The layer's error terms <c>∇A</c>, feature-major <c>[outputs, columns]</c>.</param>
    /// <param name="columns">The block's column count.</param>
    /// <param name="inputs">The layer's input, <b>sample-major</b> <c>[count, inputCount]</c> (one sample per row).</param>
    /// <param name="count">The number of samples.</param>
    /// <param name="weightGradient">The gradient <c>∇W</c>, <c>[outputs, inputCount]</c> row-major.</param>
    /// <param name="add">True to add into <paramref name="weightGradient"/>; false to overwrite it.</param>
    /// <exception cref="ArgumentException">The lengths do not agree.</exception>
    public static void WeightGradient(ReadOnlySpan<float> deltas, int columns, ReadOnlySpan<float> inputs, int count, Span<float> weightGradient, bool add)
    {
        int outputs = BlockRows(deltas.Length, columns, nameof(deltas));
        RequireCount(count, columns);
        int inputCount = RequireMatrix(weightGradient.Length, outputs, nameof(weightGradient));
        RequireBlock(inputs.Length, count, inputCount, nameof(inputs));
        var product = new Product(
            ref MemoryMarshal.GetReference(deltas), columns, 1,
            ref MemoryMarshal.GetReference(inputs), inputCount,
            ref MemoryMarshal.GetReference(weightGradient), inputCount,
            outputs, count, inputCount);
        Multiply(ref product, add ? Start.Accumulate : Start.Zero, ref Unsafe.NullRef<float>());
    }

    /// <summary>
    /// The bias gradient summed over a block's first <paramref name="count"/> samples, <c>Σ_s ∇A[j, s]</c>, added into
    /// <paramref name="biasGradient"/> or replacing what it held.
    /// </summary>
    /// <param name="deltas">The layer's error terms <c>∇A</c>, feature-major <c>[biasGradient.Length, columns]</c>.</param>
    /// <param name="columns">The block's column count.</param>
    /// <param name="count">The number of samples.</param>
    /// <param name="biasGradient">The gradient <c>∇b</c>.</param>
    /// <param name="add">True to add into <paramref name="biasGradient"/>; false to overwrite it.</param>
    /// <exception cref="ArgumentException">The lengths do not agree.</exception>
    public static void BiasGradient(ReadOnlySpan<float> deltas, int columns, int count, Span<float> biasGradient, bool add)
    {
        RequireBlock(deltas.Length, biasGradient.Length, columns, nameof(deltas));
        RequireCount(count, columns);
        for (int j = 0; j < biasGradient.Length; j++)
        {
            float sum = 0f;
            foreach (float delta in deltas.Slice(j * columns, count))
            {
                sum += delta;
            }

            biasGradient[j] = add ? biasGradient[j] + sum : sum;
        }
    }

    /// <summary>
    /// Copies <paramref name="count"/> samples held sample-major (one per row) into a feature-major block, and
    /// zeroes the block's padding columns.
    /// </summary>
    /// <param name="samples">The samples, <c>[count, features]</c>.</param>
    /// <param name="count">The number of samples.</param>
    /// <param name="block">Receives them, <c>[features, columns]</c>.</param>
    /// <param name="columns">The block's column count.</param>
    /// <exception cref="ArgumentException">The lengths do not agree.</exception>
    public static void ToBlock(ReadOnlySpan<float> samples, int count, Span<float> block, int columns)
    {
        RequireCount(count, columns);
        int features = BlockRows(block.Length, columns, nameof(block));
        RequireBlock(samples.Length, count, features, nameof(samples));
        Transpose(ref MemoryMarshal.GetReference(samples), count, features, ref MemoryMarshal.GetReference(block), columns);
        if (count < columns)
        {
            for (int f = 0; f < features; f++)
            {
                block.Slice((f * columns) + count, columns - count).Clear();
            }
        }
    }

    /// <summary>Copies the first <paramref name="count"/> columns of a feature-major block out as samples, one per row.</summary>
    /// <param name="block">The block, <c>[features, columns]</c>.</param>
    /// <param name="columns">The block's column count.</param>
    /// <param name="count">The number of samples.</param>
    /// <param name="samples">Receives them, <c>[count, features]</c>.</param>
    /// <exception cref="ArgumentException">The lengths do not agree.</exception>
    public static void FromBlock(ReadOnlySpan<float> block, int columns, int count, Span<float> samples)
    {
        RequireCount(count, columns);
        int features = BlockRows(block.Length, columns, nameof(block));
        RequireBlock(samples.Length, count, features, nameof(samples));
        Transpose(ref MemoryMarshal.GetReference(block), features, count, columns, ref MemoryMarshal.GetReference(samples), features);
    }

    /// <summary>Where the accumulators of <see cref="Multiply"/> start.</summary>
    private enum Start
    {
        /// <summary>At zero: the result overwrites the destination.</summary>
        Zero,

        /// <summary>At the row's bias.</summary>
        Bias,

        /// <summary>At the destination's values: the result is added into it.</summary>
        Accumulate,
    }

    /// <summary>
    /// One matrix product <c>C[r, c] = start + Σ_k A(r, k) B[k, c]</c>, with <c>A(r, k) = a[r·aRow + k·aDepth]</c>
    /// (so either operand layout of <c>W</c> is read in place), <c>B[k, c] = b[k·bStride + c]</c> and
    /// <c>C[r, c] = c[r·cStride + c]</c>.
    /// </summary>
    private readonly ref struct Product
    {
        public readonly ref float A;
        public readonly int ARow;
        public readonly int ADepth;
        public readonly ref float B;
        public readonly int BStride;
        public readonly ref float C;
        public readonly int CStride;
        public readonly int Rows;
        public readonly int Depth;
        public readonly int Width;

        public Product(ref float a, int aRow, int aDepth, ref float b, int bStride, ref float c, int cStride, int rows, int depth, int width)
        {
            A = ref a;
            ARow = aRow;
            ADepth = aDepth;
            B = ref b;
            BStride = bStride;
            C = ref c;
            CStride = cStride;
            Rows = rows;
            Depth = depth;
            Width = width;
        }
    }

    private static void Multiply(ref Product product, Start start, ref float bias)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Multiply<Simd512, Vector512<float>>(ref product, start, ref bias);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Multiply<Simd256, Vector256<float>>(ref product, start, ref bias);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            Multiply<Simd128, Vector128<float>>(ref product, start, ref bias);
        }
        else
        {
            Multiply<SimdScalar, float>(ref product, start, ref bias);
        }
    }

    /// <summary>
    /// The product in register tiles: each step over <c>k</c> loads a tile's registers of <c>B</c> once, broadcasts
    /// one value of <c>A</c> per row, and issues one independent fused multiply-add per accumulator (sixteen in the
    /// 4 × 4 and 8 × 2 tiles of AVX-512, twelve in the 6 × 2 tile, six in the one-register tile). The rows of
    /// <c>A</c> a tile reads are addressed from a few pointers and one stride, so the loop's pointers, strides and
    /// counter all stay in registers. <c>k</c> goes in chunks of <see cref="DepthBlock"/>, and inside a chunk every
    /// row tile of one column of tiles runs before the next column: the chunk of <c>B</c> those tiles share (at most
    /// 32 KiB) stays in the L1 cache while the rows of <c>A</c> stream past it. Rows past the last whole tile, and
    /// columns past the last whole register, go one at a time over all of <c>k</c>.
    /// </summary>
    private static void Multiply<TSimd, TVector>(ref Product p, Start start, ref float bias)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        int count = TSimd.Count;
        int width = p.Width, rows = p.Rows;
        int vectorEnd = width - (width % count);

        // Columns [0, wideEnd) in four-register tiles of four rows (only with AVX-512's 32 registers), then
        // [wideEnd, pairEnd) in two-register tiles of six rows, then one register of six rows.
        int wideEnd = count == Vector512<float>.Count ? vectorEnd - (vectorEnd % (4 * count)) : 0;
        int pairEnd = vectorEnd - ((vectorEnd - wideEnd) % (2 * count));
        int wideRows = rows - (rows % 4);

        // Two-register tiles: eight rows with AVX-512 (sixteen accumulators), six with fewer registers.
        int pairRows = count == Vector512<float>.Count ? EightRows.Count : SixRows.Count, tiledRows = rows - (rows % pairRows);
        for (int k0 = 0; k0 < p.Depth; k0 += DepthBlock)
        {
            // After the first chunk, every chunk adds to what the ones before it left.
            Start chunkStart = k0 == 0 ? start : Start.Accumulate;
            int depth = Math.Min(DepthBlock, p.Depth - k0);
            for (int column = 0; column < wideEnd; column += 4 * count)
            {
                for (int r = 0; r < wideRows; r += 4)
                {
                    WideTile<TSimd, TVector>(ref p, chunkStart, ref bias, r, column, k0, depth);
                }
            }

            for (int column = wideEnd; column < pairEnd; column += 2 * count)
            {
                for (int r = 0; r < tiledRows; r += pairRows)
                {
                    if (pairRows == EightRows.Count)
                    {
                        PairTile<TSimd, TVector, EightRows>(ref p, chunkStart, ref bias, r, column, k0, depth);
                    }
                    else
                    {
                        PairTile<TSimd, TVector, SixRows>(ref p, chunkStart, ref bias, r, column, k0, depth);
                    }
                }
            }

            if (pairEnd < vectorEnd)
            {
                for (int r = 0; r + RowBlock <= tiledRows; r += RowBlock)
                {
                    NarrowTile<TSimd, TVector>(ref p, chunkStart, ref bias, r, pairEnd, k0, depth);
                }
            }
        }

        RowsOneAtATime<TSimd, TVector>(ref p, start, ref bias, wideRows, 0, wideEnd);
        RowsOneAtATime<TSimd, TVector>(ref p, start, ref bias, tiledRows, wideEnd, pairEnd);
        RowsOneAtATime<TSimd, TVector>(ref p, start, ref bias, tiledRows - (tiledRows % RowBlock), pairEnd, vectorEnd);
        for (int r = 0; r < rows; r++)
        {
            for (int column = vectorEnd; column < width; column++)
            {
                MultiplyScalar(ref p, start, ref bias, r, column);
            }
        }
    }

    /// <summary>Rows <paramref name="fromRow"/> on, columns <paramref name="fromColumn"/> to <paramref name="toColumn"/> (whole registers): the rows no tile covered, one at a time over all of <c>k</c>.</summary>
    private static void RowsOneAtATime<TSimd, TVector>(ref Product p, Start start, ref float bias, int fromRow, int fromColumn, int toColumn)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        for (int r = fromRow; r < p.Rows; r++)
        {
            for (int column = fromColumn; column < toColumn; column += TSimd.Count)
            {
                ref float destination = ref Unsafe.Add(ref p.C, (r * p.CStride) + column);
                TVector sum = Initial<TSimd, TVector>(start, ref bias, r, ref destination);
                ref float ak = ref Unsafe.Add(ref p.A, r * p.ARow);
                ref float bk = ref Unsafe.Add(ref p.B, column);
                for (int k = 0; k < p.Depth; k++)
                {
                    sum = TSimd.MultiplyAdd(TSimd.Broadcast(ak), TSimd.Load(ref bk), sum);
                    ak = ref Unsafe.Add(ref ak, p.ADepth);
                    bk = ref Unsafe.Add(ref bk, p.BStride);
                }

                TSimd.Store(sum, ref destination);
            }
        }
    }

    /// <summary>A four-row tile of <see cref="Multiply"/>, four registers of columns wide (sixteen accumulators).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WideTile<TSimd, TVector>(ref Product p, Start start, ref float bias, int r, int column, int k0, int depth)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        int n = TSimd.Count, cStride = p.CStride;
        nint rowBytes = (nint)p.ARow * sizeof(float), aDepth = p.ADepth, bStride = p.BStride;
        ref float c0 = ref Unsafe.Add(ref p.C, (r * cStride) + column);
        ref float c1 = ref Unsafe.Add(ref c0, cStride);
        ref float c2 = ref Unsafe.Add(ref c0, 2 * cStride);
        ref float c3 = ref Unsafe.Add(ref c0, 3 * cStride);
        TVector s00 = Initial<TSimd, TVector>(start, ref bias, r, ref c0), s01 = Initial<TSimd, TVector>(start, ref bias, r, ref Unsafe.Add(ref c0, n));
        TVector s02 = Initial<TSimd, TVector>(start, ref bias, r, ref Unsafe.Add(ref c0, 2 * n)), s03 = Initial<TSimd, TVector>(start, ref bias, r, ref Unsafe.Add(ref c0, 3 * n));
        TVector s10 = Initial<TSimd, TVector>(start, ref bias, r + 1, ref c1), s11 = Initial<TSimd, TVector>(start, ref bias, r + 1, ref Unsafe.Add(ref c1, n));
        TVector s12 = Initial<TSimd, TVector>(start, ref bias, r + 1, ref Unsafe.Add(ref c1, 2 * n)), s13 = Initial<TSimd, TVector>(start, ref bias, r + 1, ref Unsafe.Add(ref c1, 3 * n));
        TVector s20 = Initial<TSimd, TVector>(start, ref bias, r + 2, ref c2), s21 = Initial<TSimd, TVector>(start, ref bias, r + 2, ref Unsafe.Add(ref c2, n));
        TVector s22 = Initial<TSimd, TVector>(start, ref bias, r + 2, ref Unsafe.Add(ref c2, 2 * n)), s23 = Initial<TSimd, TVector>(start, ref bias, r + 2, ref Unsafe.Add(ref c2, 3 * n));
        TVector s30 = Initial<TSimd, TVector>(start, ref bias, r + 3, ref c3), s31 = Initial<TSimd, TVector>(start, ref bias, r + 3, ref Unsafe.Add(ref c3, n));
        TVector s32 = Initial<TSimd, TVector>(start, ref bias, r + 3, ref Unsafe.Add(ref c3, 2 * n)), s33 = Initial<TSimd, TVector>(start, ref bias, r + 3, ref Unsafe.Add(ref c3, 3 * n));
        ref float a0 = ref Unsafe.Add(ref p.A, (r * p.ARow) + (k0 * p.ADepth));
        ref float a2 = ref Unsafe.AddByteOffset(ref a0, 2 * rowBytes);
        ref float bk = ref Unsafe.Add(ref p.B, column + (k0 * p.BStride));
        for (int k = depth; k > 0; k--)
        {
            TVector x0 = TSimd.Load(ref bk), x1 = TSimd.Load(ref Unsafe.Add(ref bk, n));
            TVector x2 = TSimd.Load(ref Unsafe.Add(ref bk, 2 * n)), x3 = TSimd.Load(ref Unsafe.Add(ref bk, 3 * n));
            TVector w = TSimd.Broadcast(a0);
            s00 = TSimd.MultiplyAdd(w, x0, s00);
            s01 = TSimd.MultiplyAdd(w, x1, s01);
            s02 = TSimd.MultiplyAdd(w, x2, s02);
            s03 = TSimd.MultiplyAdd(w, x3, s03);
            w = TSimd.Broadcast(Unsafe.AddByteOffset(ref a0, rowBytes));
            s10 = TSimd.MultiplyAdd(w, x0, s10);
            s11 = TSimd.MultiplyAdd(w, x1, s11);
            s12 = TSimd.MultiplyAdd(w, x2, s12);
            s13 = TSimd.MultiplyAdd(w, x3, s13);
            w = TSimd.Broadcast(a2);
            s20 = TSimd.MultiplyAdd(w, x0, s20);
            s21 = TSimd.MultiplyAdd(w, x1, s21);
            s22 = TSimd.MultiplyAdd(w, x2, s22);
            s23 = TSimd.MultiplyAdd(w, x3, s23);
            w = TSimd.Broadcast(Unsafe.AddByteOffset(ref a2, rowBytes));
            s30 = TSimd.MultiplyAdd(w, x0, s30);
            s31 = TSimd.MultiplyAdd(w, x1, s31);
            s32 = TSimd.MultiplyAdd(w, x2, s32);
            s33 = TSimd.MultiplyAdd(w, x3, s33);
            a0 = ref Unsafe.Add(ref a0, aDepth);
            a2 = ref Unsafe.Add(ref a2, aDepth);
            bk = ref Unsafe.Add(ref bk, bStride);
        }

        c0 = ref Unsafe.Add(ref p.C, (r * cStride) + column);
        StoreRow<TSimd, TVector>(ref c0, n, s00, s01, s02, s03);
        StoreRow<TSimd, TVector>(ref Unsafe.Add(ref c0, cStride), n, s10, s11, s12, s13);
        StoreRow<TSimd, TVector>(ref Unsafe.Add(ref c0, 2 * cStride), n, s20, s21, s22, s23);
        StoreRow<TSimd, TVector>(ref Unsafe.Add(ref c0, 3 * cStride), n, s30, s31, s32, s33);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow<TSimd, TVector>(ref float row, int n, TVector v0, TVector v1, TVector v2, TVector v3)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        TSimd.Store(v0, ref row);
        TSimd.Store(v1, ref Unsafe.Add(ref row, n));
        TSimd.Store(v2, ref Unsafe.Add(ref row, 2 * n));
        TSimd.Store(v3, ref Unsafe.Add(ref row, 3 * n));
    }

    /// <summary>
    /// A tile of <see cref="Multiply"/> two registers of columns wide and <typeparamref name="TRows"/> rows tall (six,
    /// or eight with AVX-512's 32 registers), over <c>k0 … k0 + depth − 1</c>. The last two rows exist only in the
    /// eight-row form: <c>TRows.Count</c> is a constant of each instantiation, so the JIT drops them from the other.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PairTile<TSimd, TVector, TRows>(ref Product p, Start start, ref float bias, int r, int column, int k0, int depth)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
        where TRows : struct, ITileRows
    {
        bool eight = TRows.Count == 8;
        int n = TSimd.Count, cStride = p.CStride;
        nint rowBytes = (nint)p.ARow * sizeof(float), aDepth = p.ADepth, bStride = p.BStride;
        ref float c0 = ref Unsafe.Add(ref p.C, (r * cStride) + column);
        TVector s00 = Initial<TSimd, TVector>(start, ref bias, r, ref c0), s01 = Initial<TSimd, TVector>(start, ref bias, r, ref Unsafe.Add(ref c0, n));
        TVector s10 = Initial<TSimd, TVector>(start, ref bias, r + 1, ref Unsafe.Add(ref c0, cStride)), s11 = Initial<TSimd, TVector>(start, ref bias, r + 1, ref Unsafe.Add(ref c0, cStride + n));
        TVector s20 = Initial<TSimd, TVector>(start, ref bias, r + 2, ref Unsafe.Add(ref c0, 2 * cStride)), s21 = Initial<TSimd, TVector>(start, ref bias, r + 2, ref Unsafe.Add(ref c0, (2 * cStride) + n));
        TVector s30 = Initial<TSimd, TVector>(start, ref bias, r + 3, ref Unsafe.Add(ref c0, 3 * cStride)), s31 = Initial<TSimd, TVector>(start, ref bias, r + 3, ref Unsafe.Add(ref c0, (3 * cStride) + n));
        TVector s40 = Initial<TSimd, TVector>(start, ref bias, r + 4, ref Unsafe.Add(ref c0, 4 * cStride)), s41 = Initial<TSimd, TVector>(start, ref bias, r + 4, ref Unsafe.Add(ref c0, (4 * cStride) + n));
        TVector s50 = Initial<TSimd, TVector>(start, ref bias, r + 5, ref Unsafe.Add(ref c0, 5 * cStride)), s51 = Initial<TSimd, TVector>(start, ref bias, r + 5, ref Unsafe.Add(ref c0, (5 * cStride) + n));
        TVector s60 = TSimd.Zero, s61 = TSimd.Zero, s70 = TSimd.Zero, s71 = TSimd.Zero;
        if (eight)
        {
            s60 = Initial<TSimd, TVector>(start, ref bias, r + 6, ref Unsafe.Add(ref c0, 6 * cStride));
            s61 = Initial<TSimd, TVector>(start, ref bias, r + 6, ref Unsafe.Add(ref c0, (6 * cStride) + n));
            s70 = Initial<TSimd, TVector>(start, ref bias, r + 7, ref Unsafe.Add(ref c0, 7 * cStride));
            s71 = Initial<TSimd, TVector>(start, ref bias, r + 7, ref Unsafe.Add(ref c0, (7 * cStride) + n));
        }

        // Rows 0–2 of A from a0, 3–5 from a3, 6–7 from a6: [aN], [aN + rowBytes], [aN + 2 rowBytes].
        ref float a0 = ref Unsafe.Add(ref p.A, (r * p.ARow) + (k0 * p.ADepth));
        ref float a3 = ref Unsafe.AddByteOffset(ref a0, 3 * rowBytes);
        ref float a6 = ref Unsafe.AddByteOffset(ref a0, 6 * rowBytes);
        ref float bk = ref Unsafe.Add(ref p.B, column + (k0 * p.BStride));
        for (int k = depth; k > 0; k--)
        {
            TVector x0 = TSimd.Load(ref bk), x1 = TSimd.Load(ref Unsafe.Add(ref bk, n));
            TVector w = TSimd.Broadcast(a0);
            s00 = TSimd.MultiplyAdd(w, x0, s00);
            s01 = TSimd.MultiplyAdd(w, x1, s01);
            w = TSimd.Broadcast(Unsafe.AddByteOffset(ref a0, rowBytes));
            s10 = TSimd.MultiplyAdd(w, x0, s10);
            s11 = TSimd.MultiplyAdd(w, x1, s11);
            w = TSimd.Broadcast(Unsafe.AddByteOffset(ref a0, rowBytes * 2));
            s20 = TSimd.MultiplyAdd(w, x0, s20);
            s21 = TSimd.MultiplyAdd(w, x1, s21);
            w = TSimd.Broadcast(a3);
            s30 = TSimd.MultiplyAdd(w, x0, s30);
            s31 = TSimd.MultiplyAdd(w, x1, s31);
            w = TSimd.Broadcast(Unsafe.AddByteOffset(ref a3, rowBytes));
            s40 = TSimd.MultiplyAdd(w, x0, s40);
            s41 = TSimd.MultiplyAdd(w, x1, s41);
            w = TSimd.Broadcast(Unsafe.AddByteOffset(ref a3, rowBytes * 2));
            s50 = TSimd.MultiplyAdd(w, x0, s50);
            s51 = TSimd.MultiplyAdd(w, x1, s51);
            if (eight)
            {
                w = TSimd.Broadcast(a6);
                s60 = TSimd.MultiplyAdd(w, x0, s60);
                s61 = TSimd.MultiplyAdd(w, x1, s61);
                w = TSimd.Broadcast(Unsafe.AddByteOffset(ref a6, rowBytes));
                s70 = TSimd.MultiplyAdd(w, x0, s70);
                s71 = TSimd.MultiplyAdd(w, x1, s71);
                a6 = ref Unsafe.Add(ref a6, aDepth);
            }

            a0 = ref Unsafe.Add(ref a0, aDepth);
            a3 = ref Unsafe.Add(ref a3, aDepth);
            bk = ref Unsafe.Add(ref bk, bStride);
        }

        c0 = ref Unsafe.Add(ref p.C, (r * cStride) + column);
        StorePair<TSimd, TVector>(ref c0, n, s00, s01);
        StorePair<TSimd, TVector>(ref Unsafe.Add(ref c0, cStride), n, s10, s11);
        StorePair<TSimd, TVector>(ref Unsafe.Add(ref c0, 2 * cStride), n, s20, s21);
        StorePair<TSimd, TVector>(ref Unsafe.Add(ref c0, 3 * cStride), n, s30, s31);
        StorePair<TSimd, TVector>(ref Unsafe.Add(ref c0, 4 * cStride), n, s40, s41);
        StorePair<TSimd, TVector>(ref Unsafe.Add(ref c0, 5 * cStride), n, s50, s51);
        if (eight)
        {
            StorePair<TSimd, TVector>(ref Unsafe.Add(ref c0, 6 * cStride), n, s60, s61);
            StorePair<TSimd, TVector>(ref Unsafe.Add(ref c0, 7 * cStride), n, s70, s71);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StorePair<TSimd, TVector>(ref float row, int n, TVector v0, TVector v1)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        TSimd.Store(v0, ref row);
        TSimd.Store(v1, ref Unsafe.Add(ref row, n));
    }

    /// <summary>A six-row tile of <see cref="Multiply"/> one register of columns wide, for the last register of an odd count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void NarrowTile<TSimd, TVector>(ref Product p, Start start, ref float bias, int r, int column, int k0, int depth)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        nint rowBytes = (nint)p.ARow * sizeof(float), aDepth = p.ADepth, bStride = p.BStride;
        ref float c0 = ref Unsafe.Add(ref p.C, (r * p.CStride) + column);
        int cStride = p.CStride;
        TVector s0 = Initial<TSimd, TVector>(start, ref bias, r, ref c0);
        TVector s1 = Initial<TSimd, TVector>(start, ref bias, r + 1, ref Unsafe.Add(ref c0, cStride));
        TVector s2 = Initial<TSimd, TVector>(start, ref bias, r + 2, ref Unsafe.Add(ref c0, 2 * cStride));
        TVector s3 = Initial<TSimd, TVector>(start, ref bias, r + 3, ref Unsafe.Add(ref c0, 3 * cStride));
        TVector s4 = Initial<TSimd, TVector>(start, ref bias, r + 4, ref Unsafe.Add(ref c0, 4 * cStride));
        TVector s5 = Initial<TSimd, TVector>(start, ref bias, r + 5, ref Unsafe.Add(ref c0, 5 * cStride));
        ref float ak = ref Unsafe.Add(ref p.A, (r * p.ARow) + (k0 * p.ADepth));
        ref float ak3 = ref Unsafe.AddByteOffset(ref ak, 3 * rowBytes);
        ref float bk = ref Unsafe.Add(ref p.B, column + (k0 * p.BStride));
        for (int k = depth; k > 0; k--)
        {
            TVector x = TSimd.Load(ref bk);
            s0 = TSimd.MultiplyAdd(TSimd.Broadcast(ak), x, s0);
            s1 = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.AddByteOffset(ref ak, rowBytes)), x, s1);
            s2 = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.AddByteOffset(ref ak, rowBytes * 2)), x, s2);
            s3 = TSimd.MultiplyAdd(TSimd.Broadcast(ak3), x, s3);
            s4 = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.AddByteOffset(ref ak3, rowBytes)), x, s4);
            s5 = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.AddByteOffset(ref ak3, rowBytes * 2)), x, s5);
            ak = ref Unsafe.Add(ref ak, aDepth);
            ak3 = ref Unsafe.Add(ref ak3, aDepth);
            bk = ref Unsafe.Add(ref bk, bStride);
        }

        c0 = ref Unsafe.Add(ref p.C, (r * p.CStride) + column);
        TSimd.Store(s0, ref c0);
        TSimd.Store(s1, ref Unsafe.Add(ref c0, cStride));
        TSimd.Store(s2, ref Unsafe.Add(ref c0, 2 * cStride));
        TSimd.Store(s3, ref Unsafe.Add(ref c0, 3 * cStride));
        TSimd.Store(s4, ref Unsafe.Add(ref c0, 4 * cStride));
        TSimd.Store(s5, ref Unsafe.Add(ref c0, 5 * cStride));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Initial<TSimd, TVector>(Start start, ref float bias, int row, ref float destination)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct => start switch
        {
            Start.Bias => TSimd.Broadcast(Unsafe.Add(ref bias, row)),
            Start.Accumulate => TSimd.Load(ref destination),
            _ => TSimd.Zero,
        };

    /// <summary>One element of the product, for the columns past the last whole register.</summary>
    private static void MultiplyScalar(ref Product p, Start start, ref float bias, int row, int column)
    {
        ref float destination = ref Unsafe.Add(ref p.C, (row * p.CStride) + column);
        float sum = start switch
        {
            Start.Bias => Unsafe.Add(ref bias, row),
            Start.Accumulate => destination,
            _ => 0f,
        };
        ref float ak = ref Unsafe.Add(ref p.A, row * p.ARow);
        ref float bk = ref Unsafe.Add(ref p.B, column);
        for (int k = 0; k < p.Depth; k++)
        {
            sum += ak * bk;
            ak = ref Unsafe.Add(ref ak, p.ADepth);
            bk = ref Unsafe.Add(ref bk, p.BStride);
        }

        destination = sum;
    }

    /// <summary>
    /// <c>destination[c·destinationStride + r] = source[r·sourceStride + c]</c> for <c>r &lt; rows</c>,
    /// <c>c &lt; columns</c>; 8 × 8 tiles with AVX where the hardware has it.
    /// </summary>
    private static void Transpose(ref float source, int rows, int columns, int sourceStride, ref float destination, int destinationStride)
    {
        int r = 0;
        if (Avx.IsSupported)
        {
            for (; r <= rows - 8; r += 8)
            {
                int c = 0;
                for (; c <= columns - 8; c += 8)
                {
                    Transpose8x8(ref Unsafe.Add(ref source, (r * sourceStride) + c), sourceStride, ref Unsafe.Add(ref destination, (c * destinationStride) + r), destinationStride);
                }

                for (; c < columns; c++)
                {
                    for (int i = r; i < r + 8; i++)
                    {
                        Unsafe.Add(ref destination, (c * destinationStride) + i) = Unsafe.Add(ref source, (i * sourceStride) + c);
                    }
                }
            }
        }

        for (; r < rows; r++)
        {
            ref float row = ref Unsafe.Add(ref source, r * sourceStride);
            for (int c = 0; c < columns; c++)
            {
                Unsafe.Add(ref destination, (c * destinationStride) + r) = Unsafe.Add(ref row, c);
            }
        }
    }

    private static void Transpose(ref float source, int rows, int columns, ref float destination, int destinationStride) =>
        Transpose(ref source, rows, columns, columns, ref destination, destinationStride);

    /// <summary>Transposes one 8 × 8 tile in registers: unpack pairs, shuffle quads, swap 128-bit halves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(ref float source, int sourceStride, ref float destination, int destinationStride)
    {
        Vector256<float> r0 = Vector256.LoadUnsafe(ref source);
        Vector256<float> r1 = Vector256.LoadUnsafe(ref source, (nuint)sourceStride);
        Vector256<float> r2 = Vector256.LoadUnsafe(ref source, (nuint)(2 * sourceStride));
        Vector256<float> r3 = Vector256.LoadUnsafe(ref source, (nuint)(3 * sourceStride));
        Vector256<float> r4 = Vector256.LoadUnsafe(ref source, (nuint)(4 * sourceStride));
        Vector256<float> r5 = Vector256.LoadUnsafe(ref source, (nuint)(5 * sourceStride));
        Vector256<float> r6 = Vector256.LoadUnsafe(ref source, (nuint)(6 * sourceStride));
        Vector256<float> r7 = Vector256.LoadUnsafe(ref source, (nuint)(7 * sourceStride));

        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1);
        Vector256<float> t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5);
        Vector256<float> t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);

        Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44), u1 = Avx.Shuffle(t0, t2, 0xEE);
        Vector256<float> u2 = Avx.Shuffle(t1, t3, 0x44), u3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> u4 = Avx.Shuffle(t4, t6, 0x44), u5 = Avx.Shuffle(t4, t6, 0xEE);
        Vector256<float> u6 = Avx.Shuffle(t5, t7, 0x44), u7 = Avx.Shuffle(t5, t7, 0xEE);

        Avx.Permute2x128(u0, u4, 0x20).StoreUnsafe(ref destination);
        Avx.Permute2x128(u1, u5, 0x20).StoreUnsafe(ref destination, (nuint)destinationStride);
        Avx.Permute2x128(u2, u6, 0x20).StoreUnsafe(ref destination, (nuint)(2 * destinationStride));
        Avx.Permute2x128(u3, u7, 0x20).StoreUnsafe(ref destination, (nuint)(3 * destinationStride));
        Avx.Permute2x128(u0, u4, 0x31).StoreUnsafe(ref destination, (nuint)(4 * destinationStride));
        Avx.Permute2x128(u1, u5, 0x31).StoreUnsafe(ref destination, (nuint)(5 * destinationStride));
        Avx.Permute2x128(u2, u6, 0x31).StoreUnsafe(ref destination, (nuint)(6 * destinationStride));
        Avx.Permute2x128(u3, u7, 0x31).StoreUnsafe(ref destination, (nuint)(7 * destinationStride));
    }

    /// <summary>The column count of a <c>[rows, columns]</c> matrix of <paramref name="length"/> elements.</summary>
    private static int RequireMatrix(int length, int rows, string name)
    {
        if (rows <= 0 || length % rows != 0)
        {
            ThrowShape($"A matrix of {rows} rows cannot have {length} elements.", name);
        }

        return length / rows;
    }

    /// <summary>The row count of a block of <paramref name="length"/> elements and <paramref name="columns"/> columns.</summary>
    private static int BlockRows(int length, int columns, string name)
    {
        RequireColumns(columns);
        if (length % columns != 0)
        {
            ThrowShape($"A block of {columns} columns cannot have {length} elements.", name);
        }

        return length / columns;
    }

    private static void RequireBlock(int length, int rows, int columns, string name)
    {
        if (length != rows * columns)
        {
            ThrowShape($"A [{rows}, {columns}] matrix needs {rows * columns} elements but the span has {length}.", name);
        }
    }

    private static void RequireColumns(int columns)
    {
        if (columns <= 0 || columns > BlockSize || columns % ColumnMultiple != 0)
        {
            ThrowShape($"A block has a multiple of {ColumnMultiple} columns from {ColumnMultiple} to {BlockSize}, not {columns}.", nameof(columns));
        }
    }

    private static void RequireCount(int count, int columns)
    {
        if (count < 0 || count > columns)
        {
            ThrowShape($"A block of {columns} columns holds 0 to {columns} samples, not {count}.", nameof(count));
        }
    }

    [DoesNotReturn]
    private static void ThrowShape(string message, string name) => throw new ArgumentException(message, name);
}

/// <summary>The row count of a <c>BatchKernels</c> tile, as a type, so each tile height is its own instantiation.</summary>
internal interface ITileRows
{
    static abstract int Count { get; }
}

internal readonly struct SixRows : ITileRows
{
    public static int Count => 6;
}

internal readonly struct EightRows : ITileRows
{
    public static int Count => 8;
}
