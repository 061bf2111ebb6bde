using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// One element-wise operation, written once over any register width: it updates the elements
/// <c>[index, index + TSimd.Count)</c> of a destination from the same elements of a source (and from whatever state
/// it holds itself). <see cref="VectorLoop.Apply{TOperation}"/> runs it over whole spans.
/// </summary>
/// <remarks>
/// The model is <c>System.Numerics.Tensors.TensorPrimitives</c>' operator structs: the operation is a struct, so
/// the JIT compiles one copy of the loop per operation and width with every call inlined. An operation that must
/// give the same bits wherever the split between vector body and scalar tail falls (the optimizers: a parameter
/// range updated by one thread must equal the same range of a whole update) uses no fused multiply-add, since
/// <see cref="SimdScalar"/> does not fuse.
/// </remarks>
internal interface IElementOperation
{
    /// <summary>Updates the <c>TSimd.Count</c> elements from <paramref name="index"/>.</summary>
    /// <param name="destination">The first element of the destination.</param>
    /// <param name="source">The first element of the source.</param>
    /// <param name="index">The index of the first element updated, in both spans.</param>
    void Apply<TSimd, TVector>(ref float destination, ref float source, int index)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct;
}

/// <summary>A map applied to each element before a sum (<see cref="VectorLoop.Sum{TMap}"/>), over any register width.</summary>
internal interface IElementMap
{
    /// <summary>The mapped register.</summary>
    TVector Map<TSimd, TVector>(TVector value)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct;
}

/// <summary>
/// The drivers of the element-wise updates and sums over parameter-sized spans (the optimizers, the gradient
/// reduction, <see cref="VectorOps"/>): each picks the widest accelerated register once, runs the operation over
/// the whole registers of the span, then over the tail one element at a time. Allocation-free. The activations
/// have drivers of their own shape (<see cref="ElementWise"/>).
/// </summary>
internal static class VectorLoop
{
    /// <summary>
    /// The elements each lane of a float register sum takes before the register is added into the double total: the
    /// same for every width, so the scalar path (one lane) is as accurate as the vector ones.
    /// </summary>
    private const int SumBlockPerLane = 64;

    /// <summary>Runs <paramref name="operation"/> over every element of <paramref name="destination"/> and <paramref name="source"/>.</summary>
    /// <exception cref="ArgumentException">The spans' lengths differ.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Apply<TOperation>(Span<float> destination, ReadOnlySpan<float> source, TOperation operation)
        where TOperation : struct, IElementOperation
    {
        ShapeGuard.RequireLength(destination.Length, source.Length, nameof(destination));
        ref float d = ref MemoryMarshal.GetReference(destination);
        ref float s = ref MemoryMarshal.GetReference(source);
        int n = destination.Length;
        if (Vector512.IsHardwareAccelerated && n >= Vector512<float>.Count)
        {
            Apply<TOperation, Simd512, Vector512<float>>(ref d, ref s, n, operation);
        }
        else if (Vector256.IsHardwareAccelerated && n >= Vector256<float>.Count)
        {
            Apply<TOperation, Simd256, Vector256<float>>(ref d, ref s, n, operation);
        }
        else if (Vector128.IsHardwareAccelerated && n >= Vector128<float>.Count)
        {
            Apply<TOperation, Simd128, Vector128<float>>(ref d, ref s, n, operation);
        }
        else
        {
            Apply<TOperation, SimdScalar, float>(ref d, ref s, n, operation);
        }
    }

    /// <summary><c>Σ map(x)</c> over <paramref name="values"/>: float registers over blocks of 1,024 elements, each block's total carried in double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum<TMap>(ReadOnlySpan<float> values, TMap map)
        where TMap : struct, IElementMap
    {
        ref float v = ref MemoryMarshal.GetReference(values);
        int n = values.Length;
        if (Vector512.IsHardwareAccelerated && n >= Vector512<float>.Count)
        {
            return Sum<TMap, Simd512, Vector512<float>>(ref v, n, map);
        }

        if (Vector256.IsHardwareAccelerated && n >= Vector256<float>.Count)
        {
            return Sum<TMap, Simd256, Vector256<float>>(ref v, n, map);
        }

        if (Vector128.IsHardwareAccelerated && n >= Vector128<float>.Count)
        {
            return Sum<TMap, Simd128, Vector128<float>>(ref v, n, map);
        }

        return Sum<TMap, SimdScalar, float>(ref v, n, map);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Apply<TOperation, TSimd, TVector>(ref float d, ref float s, int n, TOperation operation)
        where TOperation : struct, IElementOperation
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        int i = 0;
        for (; i <= n - TSimd.Count; i += TSimd.Count)
        {
            operation.Apply<TSimd, TVector>(ref d, ref s, i);
        }

        for (; i < n; i++)
        {
            operation.Apply<SimdScalar, float>(ref d, ref s, i);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Sum<TMap, TSimd, TVector>(ref float v, int n, TMap map)
        where TMap : struct, IElementMap
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        double sum = 0;
        int i = 0;
        while (i <= n - TSimd.Count)
        {
            TVector block = TSimd.Zero;
            int end = Math.Min(n - TSimd.Count, i + ((SumBlockPerLane - 1) * TSimd.Count));
            for (; i <= end; i += TSimd.Count)
            {
                block = TSimd.Add(block, map.Map<TSimd, TVector>(TSimd.Load(ref Unsafe.Add(ref v, i))));
            }

            sum += TSimd.Sum(block);
        }

        for (; i < n; i++)
        {
            sum += map.Map<SimdScalar, float>(Unsafe.Add(ref v, i));
        }

        return sum;
    }
}
