using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// The SIMD kernels of a dense layer, called by generated networks for layers too large to unroll.
/// Matrices are row-major <c>[rows, columns]</c>. Every kernel is inlined into its caller, so a generated
/// layer that passes spans of constant length gets loops with constant bounds. They use 256-bit registers where
/// those are accelerated, else 128-bit, else scalar: on one sample, 512-bit registers measured slower than 256-bit on
/// Zen 4, which issues a 512-bit operation as two 256-bit halves (docs/kernel-strategy.md). None of them allocates.
/// </summary>
public static class DenseKernels
{
    /// <summary>Row blocking of <see cref="MultiplyTransposed"/>: this many rows share each load and store of the destination.</summary>
    private const int RowBlock = 4;

    /// <summary>Row blocking of <see cref="MultiplyAdd"/>: this many rows share each load of the vector they multiply, and their sums are reduced together.</summary>
    private const int SumRows = 8;

    /// <summary>Column blocking of <see cref="Backpropagate"/>: this many registers of <c>∇h_prev</c> accumulate in registers over all rows.</summary>
    private const int ColumnBlock = 4;

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
        if (Vector256.IsHardwareAccelerated && columns >= Vector256<float>.Count)
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
        if (Vector256.IsHardwareAccelerated && columns >= Vector256<float>.Count)
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
        if (Vector256.IsHardwareAccelerated && columns >= Vector256<float>.Count)
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

    /// <summary>
    /// <c>weightGradient += gradient · inputᵀ</c> and <c>inputGradient = weightsᵀ · gradient</c> in one pass over
    /// <c>W</c> and <c>∇W</c>: a layer's <c>∇W += ∇a h_prevᵀ</c> and <c>∇h_prev = Wᵀ ∇a</c>, each element of both matrices read once.
    /// </summary>
    /// <param name="weights">The matrix <c>W</c>, <c>[gradient.Length, input.Length]</c> row-major.</param>
    /// <param name="gradient">The layer's <c>∇a</c>, one entry per row.</param>
    /// <param name="input">The layer's input <c>h_prev</c>, one entry per column.</param>
    /// <param name="weightGradient">The matrix <c>∇W</c>, shaped as <paramref name="weights"/>, added into.</param>
    /// <param name="inputGradient">Receives <c>∇h_prev</c>, as long as <paramref name="input"/>.</param>
    /// <exception cref="ArgumentException">The lengths do not agree.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Backpropagate(ReadOnlySpan<float> weights, ReadOnlySpan<float> gradient, ReadOnlySpan<float> input, Span<float> weightGradient, Span<float> inputGradient) =>
        Backpropagate(weights, gradient, input, weightGradient, inputGradient, default(NoDerivativeOp));

    /// <summary>
    /// <see cref="Backpropagate"/> through a tanh layer below: <c>inputGradient = (weightsᵀ · gradient) ⊙ (1 − input²)</c>,
    /// <c>∇a_prev = (Wᵀ ∇a) ⊙ tanh'(a_prev)</c> from its outputs <c>h_prev</c>, as <see cref="Activations.MultiplyByTanhDerivative"/> computes it.
    /// </summary>
    /// <param name="weights">The matrix <c>W</c>, <c>[gradient.Length, input.Length]</c> row-major.</param>
    /// <param name="gradient">The layer's <c>∇a</c>, one entry per row.</param>
    /// <param name="input">The layer's input <c>h_prev = tanh(a_prev)</c>, one entry per column.</param>
    /// <param name="weightGradient">The matrix <c>∇W</c>, shaped as <paramref name="weights"/>, added into.</param>
    /// <param name="inputGradient">Receives <c>∇a_prev</c>, as long as <paramref name="input"/>.</param>
    /// <exception cref="ArgumentException">The lengths do not agree.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BackpropagateTanh(ReadOnlySpan<float> weights, ReadOnlySpan<float> gradient, ReadOnlySpan<float> input, Span<float> weightGradient, Span<float> inputGradient) =>
        Backpropagate(weights, gradient, input, weightGradient, inputGradient, default(Activations.TanhDerivativeOp));

    /// <summary><see cref="BackpropagateTanh"/> for a sigmoid layer below: the factor is <c>σ'(a_prev) = h_prev(1 − h_prev)</c>.</summary>
    /// <param name="weights">The matrix <c>W</c>, <c>[gradient.Length, input.Length]</c> row-major.</param>
    /// <param name="gradient">The layer's <c>∇a</c>, one entry per row.</param>
    /// <param name="input">The layer's input <c>h_prev = σ(a_prev)</c>, one entry per column.</param>
    /// <param name="weightGradient">The matrix <c>∇W</c>, shaped as <paramref name="weights"/>, added into.</param>
    /// <param name="inputGradient">Receives <c>∇a_prev</c>, as long as <paramref name="input"/>.</param>
    /// <exception cref="ArgumentException">The lengths do not agree.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BackpropagateSigmoid(ReadOnlySpan<float> weights, ReadOnlySpan<float> gradient, ReadOnlySpan<float> input, Span<float> weightGradient, Span<float> inputGradient) =>
        Backpropagate(weights, gradient, input, weightGradient, inputGradient, default(Activations.SigmoidDerivativeOp));

    /// <summary><see cref="BackpropagateTanh"/> for a ReLU layer below: the factor is <c>[h_prev &gt; 0]</c>.</summary>
    /// <param name="weights">The matrix <c>W</c>, <c>[gradient.Length, input.Length]</c> row-major.</param>
    /// <param name="gradient">The layer's <c>∇a</c>, one entry per row.</param>
    /// <param name="input">The layer's input <c>h_prev = max(0, a_prev)</c>, one entry per column.</param>
    /// <param name="weightGradient">The matrix <c>∇W</c>, shaped as <paramref name="weights"/>, added into.</param>
    /// <param name="inputGradient">Receives <c>∇a_prev</c>, as long as <paramref name="input"/>.</param>
    /// <exception cref="ArgumentException">The lengths do not agree.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BackpropagateReLU(ReadOnlySpan<float> weights, ReadOnlySpan<float> gradient, ReadOnlySpan<float> input, Span<float> weightGradient, Span<float> inputGradient) =>
        Backpropagate(weights, gradient, input, weightGradient, inputGradient, default(Activations.ReLUDerivativeOp));

    /// <summary><see cref="BackpropagateTanh"/> for a leaky ReLU layer below: the factor is 1 where <c>h_prev &gt; 0</c>, else <paramref name="slope"/>.</summary>
    /// <param name="weights">The matrix <c>W</c>, <c>[gradient.Length, input.Length]</c> row-major.</param>
    /// <param name="gradient">The layer's <c>∇a</c>, one entry per row.</param>
    /// <param name="input">The layer's input <c>h_prev</c>, the leaky ReLU's outputs, one entry per column.</param>
    /// <param name="weightGradient">The matrix <c>∇W</c>, shaped as <paramref name="weights"/>, added into.</param>
    /// <param name="inputGradient">Receives <c>∇a_prev</c>, as long as <paramref name="input"/>.</param>
    /// <param name="slope">The slope of the layer below for non-positive inputs, in [0, 1].</param>
    /// <exception cref="ArgumentException">The lengths do not agree.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BackpropagateLeakyReLU(ReadOnlySpan<float> weights, ReadOnlySpan<float> gradient, ReadOnlySpan<float> input, Span<float> weightGradient, Span<float> inputGradient, float slope) =>
        Backpropagate(weights, gradient, input, weightGradient, inputGradient, new Activations.LeakyReLUDerivativeOp(slope));

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

        // Eight rows at a time: each load of x feeds eight independent accumulators, and the eight rows' lane
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
    /// <c>y[r] = Σ lanes(s_r) + b[r]</c> for eight accumulators: with 256- or 128-bit registers the sums come out
    /// together in one or two registers (<see cref="LaneSums"/>); otherwise one per accumulator.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SumOfEach<TSimd, TVector>(TVector s0, TVector s1, TVector s2, TVector s3, TVector s4, TVector s5, TVector s6, TVector s7, ref float b, ref float y)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        if (typeof(TVector) == typeof(Vector256<float>))
        {
            Vector256<float> sums = LaneSums.Of8(
                Unsafe.As<TVector, Vector256<float>>(ref s0), Unsafe.As<TVector, Vector256<float>>(ref s1),
                Unsafe.As<TVector, Vector256<float>>(ref s2), Unsafe.As<TVector, Vector256<float>>(ref s3),
                Unsafe.As<TVector, Vector256<float>>(ref s4), Unsafe.As<TVector, Vector256<float>>(ref s5),
                Unsafe.As<TVector, Vector256<float>>(ref s6), Unsafe.As<TVector, Vector256<float>>(ref s7));
            (sums + Vector256.LoadUnsafe(ref b)).StoreUnsafe(ref y);
        }
        else if (typeof(TVector) == typeof(Vector128<float>))
        {
            (LaneSums.Of4<TSimd, TVector>(s0, s1, s2, s3) + Vector128.LoadUnsafe(ref b)).StoreUnsafe(ref y);
            (LaneSums.Of4<TSimd, TVector>(s4, s5, s6, s7) + Vector128.LoadUnsafe(ref b, 4)).StoreUnsafe(ref y, 4);
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
    }

    /// <summary>
    /// <c>d += l rᵀ</c>: blocks of <see cref="ColumnBlock"/> registers of columns, <c>r[block]</c> held in registers over
    /// all rows, then the columns past the last whole register.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddOuterProduct<TSimd, TVector>(ref float l, ref float r, ref float d, int rows, int columns)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        int registers = columns / TSimd.Count;
        AddOuterProductColumns<TSimd, TVector>(ref l, ref r, ref d, rows, columns, 0, registers);
        for (int c = registers * TSimd.Count; c < columns; c++)
        {
            float rc = Unsafe.Add(ref r, c);
            for (int j = 0; j < rows; j++)
            {
                Unsafe.Add(ref d, (j * columns) + c) += Unsafe.Add(ref l, j) * rc;
            }
        }
    }

    /// <summary>
    /// <c>d[j, start ..] += l_j r[start ..]</c> for <paramref name="registers"/> registers of columns from
    /// <paramref name="start"/>, in blocks of <see cref="ColumnBlock"/> registers with <c>r[block]</c> held in registers
    /// over all rows (then pairs of registers, then one): each row's part is one broadcast of <c>l_j</c> for the block
    /// and one load, one multiply-add and one store per register.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddOuterProductColumns<TSimd, TVector>(ref float l, ref float r, ref float d, int rows, int columns, int start, int registers)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        int c = start, end = start + (registers * TSimd.Count);
        for (; c <= end - (ColumnBlock * TSimd.Count); c += ColumnBlock * TSimd.Count)
        {
            ref float rc = ref Unsafe.Add(ref r, c);
            TVector r0 = TSimd.Load(ref rc), r1 = TSimd.Load(ref Unsafe.Add(ref rc, TSimd.Count));
            TVector r2 = TSimd.Load(ref Unsafe.Add(ref rc, 2 * TSimd.Count)), r3 = TSimd.Load(ref Unsafe.Add(ref rc, 3 * TSimd.Count));
            ref float dc = ref Unsafe.Add(ref d, c);
            for (int j = 0; j < rows; j++)
            {
                TVector lj = TSimd.Broadcast(Unsafe.Add(ref l, j));
                ref float d1 = ref Unsafe.Add(ref dc, TSimd.Count);
                ref float d2 = ref Unsafe.Add(ref dc, 2 * TSimd.Count);
                ref float d3 = ref Unsafe.Add(ref dc, 3 * TSimd.Count);
                TSimd.Store(TSimd.MultiplyAdd(lj, r0, TSimd.Load(ref dc)), ref dc);
                TSimd.Store(TSimd.MultiplyAdd(lj, r1, TSimd.Load(ref d1)), ref d1);
                TSimd.Store(TSimd.MultiplyAdd(lj, r2, TSimd.Load(ref d2)), ref d2);
                TSimd.Store(TSimd.MultiplyAdd(lj, r3, TSimd.Load(ref d3)), ref d3);
                dc = ref Unsafe.Add(ref dc, columns);
            }
        }

        // Two or three registers left (16 columns of 256 bits, say): two at a time, one broadcast per row for both.
        for (; c <= end - (2 * TSimd.Count); c += 2 * TSimd.Count)
        {
            ref float rc = ref Unsafe.Add(ref r, c);
            TVector r0 = TSimd.Load(ref rc), r1 = TSimd.Load(ref Unsafe.Add(ref rc, TSimd.Count));
            ref float dc = ref Unsafe.Add(ref d, c);
            for (int j = 0; j < rows; j++)
            {
                TVector lj = TSimd.Broadcast(Unsafe.Add(ref l, j));
                ref float d1 = ref Unsafe.Add(ref dc, TSimd.Count);
                TSimd.Store(TSimd.MultiplyAdd(lj, r0, TSimd.Load(ref dc)), ref dc);
                TSimd.Store(TSimd.MultiplyAdd(lj, r1, TSimd.Load(ref d1)), ref d1);
                dc = ref Unsafe.Add(ref dc, columns);
            }
        }

        for (; c < end; c += TSimd.Count)
        {
            TVector rv = TSimd.Load(ref Unsafe.Add(ref r, c));
            ref float dc = ref Unsafe.Add(ref d, c);
            for (int j = 0; j < rows; j++)
            {
                TSimd.Store(TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.Add(ref l, j)), rv, TSimd.Load(ref dc)), ref dc);
                dc = ref Unsafe.Add(ref dc, columns);
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

    /// <summary>The width dispatch of the backward kernels; <paramref name="derivative"/> multiplies <c>Wᵀ ∇a</c> by <c>g'</c> of the layer below.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Backpropagate<TOp>(ReadOnlySpan<float> weights, ReadOnlySpan<float> gradient, ReadOnlySpan<float> input, Span<float> weightGradient, Span<float> inputGradient, TOp derivative)
        where TOp : struct, IDerivativeOp
    {
        RequireMatrix(weights.Length, gradient.Length, input.Length);
        RequireMatrix(weightGradient.Length, gradient.Length, input.Length);
        ShapeGuard.RequireLength(inputGradient.Length, input.Length, nameof(inputGradient));
        ref float w = ref MemoryMarshal.GetReference(weights);
        ref float g = ref MemoryMarshal.GetReference(gradient);
        ref float h = ref MemoryMarshal.GetReference(input);
        ref float dW = ref MemoryMarshal.GetReference(weightGradient);
        ref float dH = ref MemoryMarshal.GetReference(inputGradient);
        int rows = gradient.Length, columns = input.Length;
        if (Vector256.IsHardwareAccelerated && columns >= Vector256<float>.Count)
        {
            Backpropagate<Simd256, Vector256<float>, TOp>(ref w, ref g, ref h, ref dW, ref dH, rows, columns, derivative);
        }
        else if (Vector128.IsHardwareAccelerated && columns >= Vector128<float>.Count)
        {
            Backpropagate<Simd128, Vector128<float>, TOp>(ref w, ref g, ref h, ref dW, ref dH, rows, columns, derivative);
        }
        else
        {
            Backpropagate<SimdScalar, float, TOp>(ref w, ref g, ref h, ref dW, ref dH, rows, columns, derivative);
        }
    }

    /// <summary>
    /// Blocks of <see cref="ColumnBlock"/> registers of columns, <c>h[block]</c> held in registers: for each row <c>i</c>,
    /// <c>∇h[block] += ∇a_i W[i, block]</c> (<c>Wᵀ ∇a = Σ_i ∇a_i W[i, :]</c>: broadcast multiply-adds into accumulators
    /// that stay in registers over all rows, no horizontal sums) and <c>∇W[i, block] += ∇a_i h[block]</c>; at the end of
    /// the rows the accumulators are multiplied by the derivative and stored. Each element of W and ∇W is read once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Backpropagate<TSimd, TVector, TOp>(ref float w, ref float g, ref float h, ref float dW, ref float dH, int rows, int columns, TOp derivative)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
        where TOp : struct, IDerivativeOp
    {
        int c = 0;
        for (; c <= columns - (ColumnBlock * TSimd.Count); c += ColumnBlock * TSimd.Count)
        {
            ref float wc = ref Unsafe.Add(ref w, c);
            ref float dWc = ref Unsafe.Add(ref dW, c);
            ref float hc = ref Unsafe.Add(ref h, c);
            TVector h0 = TSimd.Load(ref hc), h1 = TSimd.Load(ref Unsafe.Add(ref hc, TSimd.Count));
            TVector h2 = TSimd.Load(ref Unsafe.Add(ref hc, 2 * TSimd.Count)), h3 = TSimd.Load(ref Unsafe.Add(ref hc, 3 * TSimd.Count));
            TVector s0 = TSimd.Zero, s1 = TSimd.Zero, s2 = TSimd.Zero, s3 = TSimd.Zero;
            for (int i = 0; i < rows; i++)
            {
                TVector gi = TSimd.Broadcast(Unsafe.Add(ref g, i));
                s0 = TSimd.MultiplyAdd(TSimd.Load(ref wc), gi, s0);
                s1 = TSimd.MultiplyAdd(TSimd.Load(ref Unsafe.Add(ref wc, TSimd.Count)), gi, s1);
                s2 = TSimd.MultiplyAdd(TSimd.Load(ref Unsafe.Add(ref wc, 2 * TSimd.Count)), gi, s2);
                s3 = TSimd.MultiplyAdd(TSimd.Load(ref Unsafe.Add(ref wc, 3 * TSimd.Count)), gi, s3);
                ref float d1 = ref Unsafe.Add(ref dWc, TSimd.Count);
                ref float d2 = ref Unsafe.Add(ref dWc, 2 * TSimd.Count);
                ref float d3 = ref Unsafe.Add(ref dWc, 3 * TSimd.Count);
                TSimd.Store(TSimd.MultiplyAdd(gi, h0, TSimd.Load(ref dWc)), ref dWc);
                TSimd.Store(TSimd.MultiplyAdd(gi, h1, TSimd.Load(ref d1)), ref d1);
                TSimd.Store(TSimd.MultiplyAdd(gi, h2, TSimd.Load(ref d2)), ref d2);
                TSimd.Store(TSimd.MultiplyAdd(gi, h3, TSimd.Load(ref d3)), ref d3);
                wc = ref Unsafe.Add(ref wc, columns);
                dWc = ref Unsafe.Add(ref dWc, columns);
            }

            StoreDerivative<TSimd, TVector, TOp>(s0, h0, ref Unsafe.Add(ref dH, c), derivative);
            StoreDerivative<TSimd, TVector, TOp>(s1, h1, ref Unsafe.Add(ref dH, c + TSimd.Count), derivative);
            StoreDerivative<TSimd, TVector, TOp>(s2, h2, ref Unsafe.Add(ref dH, c + (2 * TSimd.Count)), derivative);
            StoreDerivative<TSimd, TVector, TOp>(s3, h3, ref Unsafe.Add(ref dH, c + (3 * TSimd.Count)), derivative);
        }

        // Fewer than a block of registers left: one register of columns at a time.
        for (; c <= columns - TSimd.Count; c += TSimd.Count)
        {
            ref float wc = ref Unsafe.Add(ref w, c);
            ref float dWc = ref Unsafe.Add(ref dW, c);
            TVector hv = TSimd.Load(ref Unsafe.Add(ref h, c));
            TVector s = TSimd.Zero;
            for (int i = 0; i < rows; i++)
            {
                TVector gi = TSimd.Broadcast(Unsafe.Add(ref g, i));
                s = TSimd.MultiplyAdd(TSimd.Load(ref wc), gi, s);
                TSimd.Store(TSimd.MultiplyAdd(gi, hv, TSimd.Load(ref dWc)), ref dWc);
                wc = ref Unsafe.Add(ref wc, columns);
                dWc = ref Unsafe.Add(ref dWc, columns);
            }

            StoreDerivative<TSimd, TVector, TOp>(s, hv, ref Unsafe.Add(ref dH, c), derivative);
        }

        // The last columns, past the last whole register.
        for (; c < columns; c++)
        {
            float hc = Unsafe.Add(ref h, c), s = 0f;
            for (int i = 0; i < rows; i++)
            {
                float gi = Unsafe.Add(ref g, i);
                s += Unsafe.Add(ref w, (i * columns) + c) * gi;
                Unsafe.Add(ref dW, (i * columns) + c) += gi * hc;
            }

            Unsafe.Add(ref dH, c) = derivative.Apply(s, hc);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreDerivative<TSimd, TVector, TOp>(TVector sum, TVector outputs, ref float destination, TOp derivative)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
        where TOp : struct, IDerivativeOp =>
        TSimd.Store(derivative.Apply<TSimd, TVector>(sum, outputs), ref destination);

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

    /// <summary>No derivative: the layer below is the identity, <see cref="Backpropagate"/> stores <c>Wᵀ ∇a</c> itself.</summary>
    private readonly struct NoDerivativeOp : IDerivativeOp
    {
        public float Apply(float gradient, float output) => gradient;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TVector Apply<TSimd, TVector>(TVector gradient, TVector output)
            where TSimd : struct, ISimd<TVector>
            where TVector : struct => gradient;
    }
}
