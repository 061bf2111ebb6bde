using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

/// <summary>
/// The matrix kernels of the batched methods (<see cref="IInferenceNetwork.ForwardBatch"/> and the others). A
/// minibatch goes through a network in blocks of up to <see cref="BlockSize"/> samples, and inside a block
/// every layer's values are held <b>feature-major</b>: a matrix <c>[features, columns]</c> whose column
/// <c>s</c> is sample <c>s</c>, with <c>columns</c> the block's sample count rounded up by
/// <see cref="Columns"/> (the padding columns hold zeros or values nobody reads). One vector register then
/// holds one feature of 16 (or 8, or 4) samples, and every weight is loaded once per block and broadcast over
/// all of its samples: the products are register-blocked matrix multiplications whose weights stay in cache.
/// None of them allocates.
/// </summary>
public static partial class BatchKernels
{
    /// <summary>The most samples in one block: 64 columns, four 512-bit registers per feature.</summary>
    public const int BlockSize = 64;

    /// <summary>The column count of a block is a multiple of this, the widest register's float count.</summary>
    public const int ColumnMultiple = 16;

    /// <summary>
    /// The chunk of the inner dimension <c>k</c> whose slice of the second operand stays in L1 while a column of tiles
    /// runs: 128 × 64 floats = 32 KiB for the four-register tiles (measured: 128 and 64 reach 85–89% of peak on a
    /// 128 × 784 by 784 × 64 product, 256 about 84%).
    /// </summary>
    private const int DepthBlock = 128;

    /// <summary>The chunk of <c>k</c> of a packed panel of two 256-bit registers of columns: 256 × 16 floats = 16 KiB.</summary>
    private const int PanelDepth = 256;

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
        // Each row's sum in vector registers (a float chain over 32 samples was 3–4 µs of a 16-64-64-1 step).
        for (int j = 0; j < biasGradient.Length; j++)
        {
            float sum = (float)VectorLoop.Sum(deltas.Slice(j * columns, count), default(IdentityMap));
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
    /// one value of <c>A</c> per row, and issues one independent fused multiply-add per accumulator. The tiles are
    /// shaped for the register file the JIT compiles for: with AVX-512's 32 registers, four registers of columns by
    /// four rows and two by eight (sixteen accumulators each); with 16 registers (AVX2, SSE), two registers by six
    /// rows (twelve accumulators, two loads and a broadcast: fifteen registers). The last register of an odd count
    /// goes in one-register tiles of up to eight rows. Rows are cut into tiles of those heights, and the rows a whole
    /// tile does not cover share the last tile evenly (128 rows in six-row tiles are 20 × 6 + 4 + 4, not
    /// 21 × 6 + 2), so no tile has so few accumulators that it waits on the multiply-add latency. The rows of
    /// <c>A</c> a tile reads are addressed from a few pointers and one stride, so the loop's pointers, strides and
    /// counter all stay in registers. <c>k</c> goes in chunks of <see cref="DepthBlock"/>, and inside a chunk every
    /// row tile of one column of tiles runs before the next column: the chunk of <c>B</c> those tiles share (at most
    /// 32 KiB) stays in the L1 cache while the rows of <c>A</c> stream past it. With 16 registers and at least twelve
    /// rows, each column pair's slice of <c>B</c> is first copied into a contiguous panel (see <see cref="MultiplyPacked"/>):
    /// measured with AVX2 on a 128 × 784 by 784 × 64 product, 92% of peak against 86% in place. Columns past the last
    /// whole register go one at a time.
    /// </summary>
    private static void Multiply<TSimd, TVector>(ref Product p, Start start, ref float bias)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        int count = TSimd.Count;
        int width = p.Width, rows = p.Rows;
        int vectorEnd = width - (width % count);

        // 32 registers where 512-bit vectors are accelerated (AVX-512); otherwise 16 (AVX2, SSE) are assumed.
        bool manyRegisters = count == Vector512<float>.Count;
        int wideEnd = manyRegisters || rows <= 2 ? vectorEnd - (vectorEnd % (4 * count)) : 0;
        int pairEnd = vectorEnd - ((vectorEnd - wideEnd) % (2 * count));
        int pairHeight = manyRegisters ? 8 : 6;
        // A two-register tile reads one 64-byte line of B per step, a whole block row (256 bytes) apart: 128 such lines
        // fall into a quarter of the L1's sets and evict each other, so the 16-register tiles take half the chunk
        // (measured with AVX2 on a 128 × 784 by 784 × 64 product read in place: 86% of peak with 64, 84% with 128).
        int depthBlock = manyRegisters ? DepthBlock : DepthBlock / 2;

        // With 16 registers and enough rows to share it, each column pair's chunk of B is copied into a contiguous
        // panel first: deeper chunks without the conflicts, so fewer tile starts and stores per multiply-add.
        bool packed = !manyRegisters && rows >= 2 * pairHeight && p.Depth >= PanelDepth && pairEnd > 0;
        if (packed)
        {
            MultiplyPacked<TSimd, TVector>(ref p, start, ref bias, pairEnd, pairHeight);
        }

        for (int k0 = 0; k0 < p.Depth; k0 += depthBlock)
        {
            // After the first chunk, every chunk adds to what the ones before it left.
            Start chunkStart = k0 == 0 ? start : Start.Accumulate;
            int depth = Math.Min(depthBlock, p.Depth - k0);
            for (int column = 0; column < wideEnd; column += 4 * count)
            {
                for (int r = 0, height; r < rows; r += height)
                {
                    height = TileHeight(rows - r, 4);
                    WideTile<TSimd, TVector>(height, ref p, chunkStart, ref bias, r, column, k0, depth);
                }
            }

            for (int column = wideEnd; column < pairEnd && !packed; column += 2 * count)
            {
                for (int r = 0, height; r < rows; r += height)
                {
                    height = TileHeight(rows - r, pairHeight);
                    PairTile<TSimd, TVector>(height, ref p, chunkStart, ref bias, r, column, k0, depth);
                }
            }

            if (pairEnd < vectorEnd)
            {
                for (int r = 0, height; r < rows; r += height)
                {
                    height = TileHeight(rows - r, 8);
                    NarrowTile<TSimd, TVector>(height, ref p, chunkStart, ref bias, r, pairEnd, k0, depth);
                }
            }
        }

        for (int r = 0; r < rows; r++)
        {
            for (int column = vectorEnd; column < width; column++)
            {
                MultiplyScalar(ref p, start, ref bias, r, column);
            }
        }
    }

    /// <summary>
    /// Columns <c>[0, pairEnd)</c> of the product in two-register tiles over panels: for each chunk of
    /// <see cref="PanelDepth"/> steps of <c>k</c> and each pair of column registers, the slice of <c>B</c> is copied
    /// into a contiguous panel on the stack (16 KiB with AVX2), which then stays in L1 while every row tile runs over it.
    /// </summary>
    [SkipLocalsInit]
    private static void MultiplyPacked<TSimd, TVector>(ref Product p, Start start, ref float bias, int pairEnd, int pairHeight)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        int pair = 2 * TSimd.Count, rows = p.Rows;
        Span<float> panelSpan = stackalloc float[(PanelDepth * 2 * Vector256<float>.Count) + 16];
        ref float panel = ref PanelStart(panelSpan);
        for (int k0 = 0; k0 < p.Depth; k0 += PanelDepth)
        {
            Start chunkStart = k0 == 0 ? start : Start.Accumulate;
            int depth = Math.Min(PanelDepth, p.Depth - k0);
            for (int column = 0; column < pairEnd; column += pair)
            {
                ref float source = ref Unsafe.Add(ref p.B, (k0 * p.BStride) + column);
                for (int k = 0; k < depth; k++)
                {
                    ref float from = ref Unsafe.Add(ref source, k * p.BStride);
                    ref float to = ref Unsafe.Add(ref panel, k * pair);
                    TSimd.Store(TSimd.Load(ref from), ref to);
                    TSimd.Store(TSimd.Load(ref Unsafe.Add(ref from, TSimd.Count)), ref Unsafe.Add(ref to, TSimd.Count));
                }

                // The same product over the panel: A from step k0, B the panel, C from this column pair.
                var slice = new Product(
                    ref Unsafe.Add(ref p.A, k0 * p.ADepth), p.ARow, p.ADepth,
                    ref panel, pair,
                    ref Unsafe.Add(ref p.C, column), p.CStride,
                    rows, depth, pair);
                for (int r = 0, height; r < rows; r += height)
                {
                    height = TileHeight(rows - r, pairHeight);
                    PairTile<TSimd, TVector>(height, ref slice, chunkStart, ref bias, r, 0, 0, depth);
                }
            }
        }
    }

    /// <summary>
    /// The first 64-byte boundary in <paramref name="space"/> (stack memory, which does not move): a panel that starts
    /// there never has a register's load straddle two cache lines, wherever the stack happens to be.
    /// </summary>
    private static unsafe ref float PanelStart(Span<float> space)
    {
        ref float start = ref MemoryMarshal.GetReference(space);
        nuint offset = (64 - ((nuint)Unsafe.AsPointer(ref start) & 63)) & 63;
        return ref Unsafe.AddByteOffset(ref start, offset);
    }

    /// <summary>
    /// The height of the next row tile when <paramref name="remaining"/> rows are left and tiles are at most
    /// <paramref name="height"/> tall: whole tiles while at least two fit, then the rest in two tiles as equal as can be.
    /// </summary>
    private static int TileHeight(int remaining, int height) =>
        remaining >= 2 * height || remaining == height ? height
        : remaining > height ? (remaining + 1) / 2
        : remaining;

    private static void WideTile<TSimd, TVector>(int height, ref Product p, Start start, ref float bias, int r, int column, int k0, int depth)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        switch (height)
        {
            case 4: WideTile<TSimd, TVector, FourRows>(ref p, start, ref bias, r, column, k0, depth); break;
            case 3: WideTile<TSimd, TVector, ThreeRows>(ref p, start, ref bias, r, column, k0, depth); break;
            case 2: WideTile<TSimd, TVector, TwoRows>(ref p, start, ref bias, r, column, k0, depth); break;
            default: WideTile<TSimd, TVector, OneRow>(ref p, start, ref bias, r, column, k0, depth); break;
        }
    }

    private static void PairTile<TSimd, TVector>(int height, ref Product p, Start start, ref float bias, int r, int column, int k0, int depth)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        switch (height)
        {
            case 8: PairTile<TSimd, TVector, EightRows>(ref p, start, ref bias, r, column, k0, depth); break;
            case 7: PairTile<TSimd, TVector, SevenRows>(ref p, start, ref bias, r, column, k0, depth); break;
            case 6: PairTile<TSimd, TVector, SixRows>(ref p, start, ref bias, r, column, k0, depth); break;
            case 5: PairTile<TSimd, TVector, FiveRows>(ref p, start, ref bias, r, column, k0, depth); break;
            case 4: PairTile<TSimd, TVector, FourRows>(ref p, start, ref bias, r, column, k0, depth); break;
            case 3: PairTile<TSimd, TVector, ThreeRows>(ref p, start, ref bias, r, column, k0, depth); break;
            case 2: PairTile<TSimd, TVector, TwoRows>(ref p, start, ref bias, r, column, k0, depth); break;
            default: PairTile<TSimd, TVector, OneRow>(ref p, start, ref bias, r, column, k0, depth); break;
        }
    }

    private static void NarrowTile<TSimd, TVector>(int height, ref Product p, Start start, ref float bias, int r, int column, int k0, int depth)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        switch (height)
        {
            case 8: NarrowTile<TSimd, TVector, EightRows>(ref p, start, ref bias, r, column, k0, depth); break;
            case 7: NarrowTile<TSimd, TVector, SevenRows>(ref p, start, ref bias, r, column, k0, depth); break;
            case 6: NarrowTile<TSimd, TVector, SixRows>(ref p, start, ref bias, r, column, k0, depth); break;
            case 5: NarrowTile<TSimd, TVector, FiveRows>(ref p, start, ref bias, r, column, k0, depth); break;
            case 4: NarrowTile<TSimd, TVector, FourRows>(ref p, start, ref bias, r, column, k0, depth); break;
            case 3: NarrowTile<TSimd, TVector, ThreeRows>(ref p, start, ref bias, r, column, k0, depth); break;
            case 2: NarrowTile<TSimd, TVector, TwoRows>(ref p, start, ref bias, r, column, k0, depth); break;
            default: NarrowTile<TSimd, TVector, OneRow>(ref p, start, ref bias, r, column, k0, depth); break;
        }
    }

    /// <summary>A tile of <see cref="Multiply"/> four registers of columns wide and <typeparamref name="TRows"/> (up to four) rows tall.</summary>
    private static void WideTile<TSimd, TVector, TRows>(ref Product p, Start start, ref float bias, int r, int column, int k0, int depth)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
        where TRows : struct, ITileRows
    {
        int h = TRows.Count;
        int n = TSimd.Count, cStride = p.CStride;
        nint rowBytes = (nint)p.ARow * sizeof(float), aDepth = p.ADepth, bStride = p.BStride;
        ref float c0 = ref Unsafe.Add(ref p.C, (r * cStride) + column);
        TVector s00 = TSimd.Zero, s01 = TSimd.Zero, s02 = TSimd.Zero, s03 = TSimd.Zero;
        TVector s10 = TSimd.Zero, s11 = TSimd.Zero, s12 = TSimd.Zero, s13 = TSimd.Zero;
        TVector s20 = TSimd.Zero, s21 = TSimd.Zero, s22 = TSimd.Zero, s23 = TSimd.Zero;
        TVector s30 = TSimd.Zero, s31 = TSimd.Zero, s32 = TSimd.Zero, s33 = TSimd.Zero;
        s00 = Initial<TSimd, TVector>(start, ref bias, r, ref c0);
        s01 = Initial<TSimd, TVector>(start, ref bias, r, ref Unsafe.Add(ref c0, n));
        s02 = Initial<TSimd, TVector>(start, ref bias, r, ref Unsafe.Add(ref c0, 2 * n));
        s03 = Initial<TSimd, TVector>(start, ref bias, r, ref Unsafe.Add(ref c0, 3 * n));

        if (h > 1)
        {
            s10 = Initial<TSimd, TVector>(start, ref bias, r + 1, ref Unsafe.Add(ref c0, cStride));
            s11 = Initial<TSimd, TVector>(start, ref bias, r + 1, ref Unsafe.Add(ref c0, cStride + n));
            s12 = Initial<TSimd, TVector>(start, ref bias, r + 1, ref Unsafe.Add(ref c0, cStride + (2 * n)));
            s13 = Initial<TSimd, TVector>(start, ref bias, r + 1, ref Unsafe.Add(ref c0, cStride + (3 * n)));
        }

        if (h > 2)
        {
            s20 = Initial<TSimd, TVector>(start, ref bias, r + 2, ref Unsafe.Add(ref c0, 2 * cStride));
            s21 = Initial<TSimd, TVector>(start, ref bias, r + 2, ref Unsafe.Add(ref c0, (2 * cStride) + n));
            s22 = Initial<TSimd, TVector>(start, ref bias, r + 2, ref Unsafe.Add(ref c0, (2 * cStride) + (2 * n)));
            s23 = Initial<TSimd, TVector>(start, ref bias, r + 2, ref Unsafe.Add(ref c0, (2 * cStride) + (3 * n)));
        }

        if (h > 3)
        {
            s30 = Initial<TSimd, TVector>(start, ref bias, r + 3, ref Unsafe.Add(ref c0, 3 * cStride));
            s31 = Initial<TSimd, TVector>(start, ref bias, r + 3, ref Unsafe.Add(ref c0, (3 * cStride) + n));
            s32 = Initial<TSimd, TVector>(start, ref bias, r + 3, ref Unsafe.Add(ref c0, (3 * cStride) + (2 * n)));
            s33 = Initial<TSimd, TVector>(start, ref bias, r + 3, ref Unsafe.Add(ref c0, (3 * cStride) + (3 * n)));
        }

        // Rows of A from a few pointers: [aN], [aN + rowBytes], [aN + 2 rowBytes].
        ref float a0 = ref Unsafe.Add(ref p.A, (r * p.ARow) + (k0 * p.ADepth));
        ref float a2 = ref h > 2 ? ref Unsafe.AddByteOffset(ref a0, 2 * rowBytes) : ref a0;
        ref float bk = ref Unsafe.Add(ref p.B, column + (k0 * p.BStride));
        for (int k = depth; k > 0; k--)
        {
            TVector x0 = TSimd.Load(ref bk), x1 = TSimd.Load(ref Unsafe.Add(ref bk, n)), x2 = TSimd.Load(ref Unsafe.Add(ref bk, 2 * n)), x3 = TSimd.Load(ref Unsafe.Add(ref bk, 3 * n));
            TVector w = TSimd.Broadcast(a0);
            s00 = TSimd.MultiplyAdd(w, x0, s00);
            s01 = TSimd.MultiplyAdd(w, x1, s01);
            s02 = TSimd.MultiplyAdd(w, x2, s02);
            s03 = TSimd.MultiplyAdd(w, x3, s03);

            if (h > 1)
            {
                w = TSimd.Broadcast(Unsafe.AddByteOffset(ref a0, rowBytes));
                s10 = TSimd.MultiplyAdd(w, x0, s10);
                s11 = TSimd.MultiplyAdd(w, x1, s11);
                s12 = TSimd.MultiplyAdd(w, x2, s12);
                s13 = TSimd.MultiplyAdd(w, x3, s13);
            }

            if (h > 2)
            {
                w = TSimd.Broadcast(a2);
                s20 = TSimd.MultiplyAdd(w, x0, s20);
                s21 = TSimd.MultiplyAdd(w, x1, s21);
                s22 = TSimd.MultiplyAdd(w, x2, s22);
                s23 = TSimd.MultiplyAdd(w, x3, s23);
            }

            if (h > 3)
            {
                w = TSimd.Broadcast(Unsafe.AddByteOffset(ref a2, rowBytes));
                s30 = TSimd.MultiplyAdd(w, x0, s30);
                s31 = TSimd.MultiplyAdd(w, x1, s31);
                s32 = TSimd.MultiplyAdd(w, x2, s32);
                s33 = TSimd.MultiplyAdd(w, x3, s33);
            }

            a0 = ref Unsafe.Add(ref a0, aDepth);
            a2 = ref Unsafe.Add(ref a2, aDepth);
            bk = ref Unsafe.Add(ref bk, bStride);
        }

        TSimd.Store(s00, ref c0);
        TSimd.Store(s01, ref Unsafe.Add(ref c0, n));
        TSimd.Store(s02, ref Unsafe.Add(ref c0, 2 * n));
        TSimd.Store(s03, ref Unsafe.Add(ref c0, 3 * n));
        if (h > 1)
        {
            TSimd.Store(s10, ref Unsafe.Add(ref c0, cStride));
            TSimd.Store(s11, ref Unsafe.Add(ref c0, cStride + n));
            TSimd.Store(s12, ref Unsafe.Add(ref c0, cStride + (2 * n)));
            TSimd.Store(s13, ref Unsafe.Add(ref c0, cStride + (3 * n)));
        }

        if (h > 2)
        {
            TSimd.Store(s20, ref Unsafe.Add(ref c0, 2 * cStride));
            TSimd.Store(s21, ref Unsafe.Add(ref c0, (2 * cStride) + n));
            TSimd.Store(s22, ref Unsafe.Add(ref c0, (2 * cStride) + (2 * n)));
            TSimd.Store(s23, ref Unsafe.Add(ref c0, (2 * cStride) + (3 * n)));
        }

        if (h > 3)
        {
            TSimd.Store(s30, ref Unsafe.Add(ref c0, 3 * cStride));
            TSimd.Store(s31, ref Unsafe.Add(ref c0, (3 * cStride) + n));
            TSimd.Store(s32, ref Unsafe.Add(ref c0, (3 * cStride) + (2 * n)));
            TSimd.Store(s33, ref Unsafe.Add(ref c0, (3 * cStride) + (3 * n)));
        }
    }

    /// <summary>A tile of <see cref="Multiply"/> two registers of columns wide and <typeparamref name="TRows"/> (up to eight) rows tall.</summary>
    private static void PairTile<TSimd, TVector, TRows>(ref Product p, Start start, ref float bias, int r, int column, int k0, int depth)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
        where TRows : struct, ITileRows
    {
        int h = TRows.Count;
        int n = TSimd.Count, cStride = p.CStride;
        nint rowBytes = (nint)p.ARow * sizeof(float), aDepth = p.ADepth, bStride = p.BStride;
        ref float c0 = ref Unsafe.Add(ref p.C, (r * cStride) + column);
        TVector s00 = TSimd.Zero, s01 = TSimd.Zero;
        TVector s10 = TSimd.Zero, s11 = TSimd.Zero;
        TVector s20 = TSimd.Zero, s21 = TSimd.Zero;
        TVector s30 = TSimd.Zero, s31 = TSimd.Zero;
        TVector s40 = TSimd.Zero, s41 = TSimd.Zero;
        TVector s50 = TSimd.Zero, s51 = TSimd.Zero;
        TVector s60 = TSimd.Zero, s61 = TSimd.Zero;
        TVector s70 = TSimd.Zero, s71 = TSimd.Zero;
        s00 = Initial<TSimd, TVector>(start, ref bias, r, ref c0);
        s01 = Initial<TSimd, TVector>(start, ref bias, r, ref Unsafe.Add(ref c0, n));

        if (h > 1)
        {
            s10 = Initial<TSimd, TVector>(start, ref bias, r + 1, ref Unsafe.Add(ref c0, cStride));
            s11 = Initial<TSimd, TVector>(start, ref bias, r + 1, ref Unsafe.Add(ref c0, cStride + n));
        }

        if (h > 2)
        {
            s20 = Initial<TSimd, TVector>(start, ref bias, r + 2, ref Unsafe.Add(ref c0, 2 * cStride));
            s21 = Initial<TSimd, TVector>(start, ref bias, r + 2, ref Unsafe.Add(ref c0, (2 * cStride) + n));
        }

        if (h > 3)
        {
            s30 = Initial<TSimd, TVector>(start, ref bias, r + 3, ref Unsafe.Add(ref c0, 3 * cStride));
            s31 = Initial<TSimd, TVector>(start, ref bias, r + 3, ref Unsafe.Add(ref c0, (3 * cStride) + n));
        }

        if (h > 4)
        {
            s40 = Initial<TSimd, TVector>(start, ref bias, r + 4, ref Unsafe.Add(ref c0, 4 * cStride));
            s41 = Initial<TSimd, TVector>(start, ref bias, r + 4, ref Unsafe.Add(ref c0, (4 * cStride) + n));
        }

        if (h > 5)
        {
            s50 = Initial<TSimd, TVector>(start, ref bias, r + 5, ref Unsafe.Add(ref c0, 5 * cStride));
            s51 = Initial<TSimd, TVector>(start, ref bias, r + 5, ref Unsafe.Add(ref c0, (5 * cStride) + n));
        }

        if (h > 6)
        {
            s60 = Initial<TSimd, TVector>(start, ref bias, r + 6, ref Unsafe.Add(ref c0, 6 * cStride));
            s61 = Initial<TSimd, TVector>(start, ref bias, r + 6, ref Unsafe.Add(ref c0, (6 * cStride) + n));
        }

        if (h > 7)
        {
            s70 = Initial<TSimd, TVector>(start, ref bias, r + 7, ref Unsafe.Add(ref c0, 7 * cStride));
            s71 = Initial<TSimd, TVector>(start, ref bias, r + 7, ref Unsafe.Add(ref c0, (7 * cStride) + n));
        }

        // Rows of A from a few pointers: [aN], [aN + rowBytes], [aN + 2 rowBytes].
        ref float a0 = ref Unsafe.Add(ref p.A, (r * p.ARow) + (k0 * p.ADepth));
        ref float a3 = ref h > 3 ? ref Unsafe.AddByteOffset(ref a0, 3 * rowBytes) : ref a0;
        ref float a6 = ref h > 6 ? ref Unsafe.AddByteOffset(ref a0, 6 * rowBytes) : ref a0;
        ref float bk = ref Unsafe.Add(ref p.B, column + (k0 * p.BStride));
        for (int k = depth; k > 0; k--)
        {
            TVector x0 = TSimd.Load(ref bk), x1 = TSimd.Load(ref Unsafe.Add(ref bk, n));
            TVector w = TSimd.Broadcast(a0);
            s00 = TSimd.MultiplyAdd(w, x0, s00);
            s01 = TSimd.MultiplyAdd(w, x1, s01);

            if (h > 1)
            {
                w = TSimd.Broadcast(Unsafe.AddByteOffset(ref a0, rowBytes));
                s10 = TSimd.MultiplyAdd(w, x0, s10);
                s11 = TSimd.MultiplyAdd(w, x1, s11);
            }

            if (h > 2)
            {
                w = TSimd.Broadcast(Unsafe.AddByteOffset(ref a0, rowBytes * 2));
                s20 = TSimd.MultiplyAdd(w, x0, s20);
                s21 = TSimd.MultiplyAdd(w, x1, s21);
            }

            if (h > 3)
            {
                w = TSimd.Broadcast(a3);
                s30 = TSimd.MultiplyAdd(w, x0, s30);
                s31 = TSimd.MultiplyAdd(w, x1, s31);
            }

            if (h > 4)
            {
                w = TSimd.Broadcast(Unsafe.AddByteOffset(ref a3, rowBytes));
                s40 = TSimd.MultiplyAdd(w, x0, s40);
                s41 = TSimd.MultiplyAdd(w, x1, s41);
            }

            if (h > 5)
            {
                w = TSimd.Broadcast(Unsafe.AddByteOffset(ref a3, rowBytes * 2));
                s50 = TSimd.MultiplyAdd(w, x0, s50);
                s51 = TSimd.MultiplyAdd(w, x1, s51);
            }

            if (h > 6)
            {
                w = TSimd.Broadcast(a6);
                s60 = TSimd.MultiplyAdd(w, x0, s60);
                s61 = TSimd.MultiplyAdd(w, x1, s61);
            }

            if (h > 7)
            {
                w = TSimd.Broadcast(Unsafe.AddByteOffset(ref a6, rowBytes));
                s70 = TSimd.MultiplyAdd(w, x0, s70);
                s71 = TSimd.MultiplyAdd(w, x1, s71);
            }

            a0 = ref Unsafe.Add(ref a0, aDepth);
            a3 = ref Unsafe.Add(ref a3, aDepth);
            a6 = ref Unsafe.Add(ref a6, aDepth);
            bk = ref Unsafe.Add(ref bk, bStride);
        }

        TSimd.Store(s00, ref c0);
        TSimd.Store(s01, ref Unsafe.Add(ref c0, n));
        if (h > 1)
        {
            TSimd.Store(s10, ref Unsafe.Add(ref c0, cStride));
            TSimd.Store(s11, ref Unsafe.Add(ref c0, cStride + n));
        }

        if (h > 2)
        {
            TSimd.Store(s20, ref Unsafe.Add(ref c0, 2 * cStride));
            TSimd.Store(s21, ref Unsafe.Add(ref c0, (2 * cStride) + n));
        }

        if (h > 3)
        {
            TSimd.Store(s30, ref Unsafe.Add(ref c0, 3 * cStride));
            TSimd.Store(s31, ref Unsafe.Add(ref c0, (3 * cStride) + n));
        }

        if (h > 4)
        {
            TSimd.Store(s40, ref Unsafe.Add(ref c0, 4 * cStride));
            TSimd.Store(s41, ref Unsafe.Add(ref c0, (4 * cStride) + n));
        }

        if (h > 5)
        {
            TSimd.Store(s50, ref Unsafe.Add(ref c0, 5 * cStride));
            TSimd.Store(s51, ref Unsafe.Add(ref c0, (5 * cStride) + n));
        }

        if (h > 6)
        {
            TSimd.Store(s60, ref Unsafe.Add(ref c0, 6 * cStride));
            TSimd.Store(s61, ref Unsafe.Add(ref c0, (6 * cStride) + n));
        }

        if (h > 7)
        {
            TSimd.Store(s70, ref Unsafe.Add(ref c0, 7 * cStride));
            TSimd.Store(s71, ref Unsafe.Add(ref c0, (7 * cStride) + n));
        }
    }

    /// <summary>A tile of <see cref="Multiply"/> one register of columns wide and <typeparamref name="TRows"/> (up to eight) rows tall.</summary>
    private static void NarrowTile<TSimd, TVector, TRows>(ref Product p, Start start, ref float bias, int r, int column, int k0, int depth)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
        where TRows : struct, ITileRows
    {
        int h = TRows.Count;
        int n = TSimd.Count, cStride = p.CStride;
        nint rowBytes = (nint)p.ARow * sizeof(float), aDepth = p.ADepth, bStride = p.BStride;
        ref float c0 = ref Unsafe.Add(ref p.C, (r * cStride) + column);
        TVector s00 = TSimd.Zero;
        TVector s10 = TSimd.Zero;
        TVector s20 = TSimd.Zero;
        TVector s30 = TSimd.Zero;
        TVector s40 = TSimd.Zero;
        TVector s50 = TSimd.Zero;
        TVector s60 = TSimd.Zero;
        TVector s70 = TSimd.Zero;
        s00 = Initial<TSimd, TVector>(start, ref bias, r, ref c0);

        if (h > 1)
        {
            s10 = Initial<TSimd, TVector>(start, ref bias, r + 1, ref Unsafe.Add(ref c0, cStride));
        }

        if (h > 2)
        {
            s20 = Initial<TSimd, TVector>(start, ref bias, r + 2, ref Unsafe.Add(ref c0, 2 * cStride));
        }

        if (h > 3)
        {
            s30 = Initial<TSimd, TVector>(start, ref bias, r + 3, ref Unsafe.Add(ref c0, 3 * cStride));
        }

        if (h > 4)
        {
            s40 = Initial<TSimd, TVector>(start, ref bias, r + 4, ref Unsafe.Add(ref c0, 4 * cStride));
        }

        if (h > 5)
        {
            s50 = Initial<TSimd, TVector>(start, ref bias, r + 5, ref Unsafe.Add(ref c0, 5 * cStride));
        }

        if (h > 6)
        {
            s60 = Initial<TSimd, TVector>(start, ref bias, r + 6, ref Unsafe.Add(ref c0, 6 * cStride));
        }

        if (h > 7)
        {
            s70 = Initial<TSimd, TVector>(start, ref bias, r + 7, ref Unsafe.Add(ref c0, 7 * cStride));
        }

        // Rows of A from a few pointers: [aN], [aN + rowBytes], [aN + 2 rowBytes].
        ref float a0 = ref Unsafe.Add(ref p.A, (r * p.ARow) + (k0 * p.ADepth));
        ref float a3 = ref h > 3 ? ref Unsafe.AddByteOffset(ref a0, 3 * rowBytes) : ref a0;
        ref float a6 = ref h > 6 ? ref Unsafe.AddByteOffset(ref a0, 6 * rowBytes) : ref a0;
        ref float bk = ref Unsafe.Add(ref p.B, column + (k0 * p.BStride));
        for (int k = depth; k > 0; k--)
        {
            TVector x0 = TSimd.Load(ref bk);
            TVector w = TSimd.Broadcast(a0);
            s00 = TSimd.MultiplyAdd(w, x0, s00);

            if (h > 1)
            {
                w = TSimd.Broadcast(Unsafe.AddByteOffset(ref a0, rowBytes));
                s10 = TSimd.MultiplyAdd(w, x0, s10);
            }

            if (h > 2)
            {
                w = TSimd.Broadcast(Unsafe.AddByteOffset(ref a0, rowBytes * 2));
                s20 = TSimd.MultiplyAdd(w, x0, s20);
            }

            if (h > 3)
            {
                w = TSimd.Broadcast(a3);
                s30 = TSimd.MultiplyAdd(w, x0, s30);
            }

            if (h > 4)
            {
                w = TSimd.Broadcast(Unsafe.AddByteOffset(ref a3, rowBytes));
                s40 = TSimd.MultiplyAdd(w, x0, s40);
            }

            if (h > 5)
            {
                w = TSimd.Broadcast(Unsafe.AddByteOffset(ref a3, rowBytes * 2));
                s50 = TSimd.MultiplyAdd(w, x0, s50);
            }

            if (h > 6)
            {
                w = TSimd.Broadcast(a6);
                s60 = TSimd.MultiplyAdd(w, x0, s60);
            }

            if (h > 7)
            {
                w = TSimd.Broadcast(Unsafe.AddByteOffset(ref a6, rowBytes));
                s70 = TSimd.MultiplyAdd(w, x0, s70);
            }

            a0 = ref Unsafe.Add(ref a0, aDepth);
            a3 = ref Unsafe.Add(ref a3, aDepth);
            a6 = ref Unsafe.Add(ref a6, aDepth);
            bk = ref Unsafe.Add(ref bk, bStride);
        }

        TSimd.Store(s00, ref c0);
        if (h > 1)
        {
            TSimd.Store(s10, ref Unsafe.Add(ref c0, cStride));
        }

        if (h > 2)
        {
            TSimd.Store(s20, ref Unsafe.Add(ref c0, 2 * cStride));
        }

        if (h > 3)
        {
            TSimd.Store(s30, ref Unsafe.Add(ref c0, 3 * cStride));
        }

        if (h > 4)
        {
            TSimd.Store(s40, ref Unsafe.Add(ref c0, 4 * cStride));
        }

        if (h > 5)
        {
            TSimd.Store(s50, ref Unsafe.Add(ref c0, 5 * cStride));
        }

        if (h > 6)
        {
            TSimd.Store(s60, ref Unsafe.Add(ref c0, 6 * cStride));
        }

        if (h > 7)
        {
            TSimd.Store(s70, ref Unsafe.Add(ref c0, 7 * cStride));
        }
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
            // Sixteen rows at a time: each row of the destination then gets 64 bytes (a whole cache line) in one go.
            for (; r <= rows - 16; r += 16)
            {
                int c = 0;
                for (; c <= columns - 8; c += 8)
                {
                    ref float to = ref Unsafe.Add(ref destination, (c * destinationStride) + r);
                    Transpose8x8(ref Unsafe.Add(ref source, (r * sourceStride) + c), sourceStride, ref to, destinationStride);
                    Transpose8x8(ref Unsafe.Add(ref source, ((r + 8) * sourceStride) + c), sourceStride, ref Unsafe.Add(ref to, 8), destinationStride);
                }

                for (; c < columns; c++)
                {
                    for (int i = r; i < r + 16; i++)
                    {
                        Unsafe.Add(ref destination, (c * destinationStride) + i) = Unsafe.Add(ref source, (i * sourceStride) + c);
                    }
                }
            }

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

internal readonly struct OneRow : ITileRows
{
    public static int Count => 1;
}

internal readonly struct TwoRows : ITileRows
{
    public static int Count => 2;
}

internal readonly struct ThreeRows : ITileRows
{
    public static int Count => 3;
}

internal readonly struct FourRows : ITileRows
{
    public static int Count => 4;
}

internal readonly struct FiveRows : ITileRows
{
    public static int Count => 5;
}

internal readonly struct SixRows : ITileRows
{
    public static int Count => 6;
}

internal readonly struct SevenRows : ITileRows
{
    public static int Count => 7;
}

internal readonly struct EightRows : ITileRows
{
    public static int Count => 8;
}
