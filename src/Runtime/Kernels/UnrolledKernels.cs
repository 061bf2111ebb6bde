using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// The short-vector pieces that unrolled layers of at most 8 inputs and 8 outputs are written with: the row dot
/// products <c>a_j = W[j, :] · x</c> of up to eight rows summed together (<see cref="LaneSums"/>, so the sums of
/// all rows come out in one register, in row order), a softmax over the first lanes of one register, and the
/// read-modify-write of a gradient row. Everything is inlined into the generated method, which keeps its values in
/// registers; without 128- or 256-bit hardware the same results come from lane-by-lane sums.
/// </summary>
public static class UnrolledKernels
{
    /// <summary>The sum of each register's lanes: <c>[Σp0, Σp1, Σp2, Σp3]</c>.</summary>
    /// <param name="p0">The products of row 0.</param>
    /// <param name="p1">The products of row 1.</param>
    /// <param name="p2">The products of row 2.</param>
    /// <param name="p3">The products of row 3.</param>
    /// <returns>The four sums, in order.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> SumEach(Vector128<float> p0, Vector128<float> p1, Vector128<float> p2, Vector128<float> p3)
        => LaneSums.Of4(p0, p1, p2, p3);

    /// <summary>
    /// The sum of each 128-bit half: <c>[Σlo p0, Σlo p1, Σlo p2, Σlo p3, Σhi p0, Σhi p1, Σhi p2, Σhi p3]</c>, so that
    /// registers holding rows <c>j</c> and <c>j + 4</c> side by side give the sums of rows 0 to 7 in order.
    /// </summary>
    /// <param name="p0">Rows 0 and 4.</param>
    /// <param name="p1">Rows 1 and 5.</param>
    /// <param name="p2">Rows 2 and 6.</param>
    /// <param name="p3">Rows 3 and 7.</param>
    /// <returns>The eight sums, in order.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> SumEachHalf(Vector256<float> p0, Vector256<float> p1, Vector256<float> p2, Vector256<float> p3)
        => LaneSums.OfEachHalf(p0, p1, p2, p3);

    /// <summary>The sum of each register's eight lanes: <c>[Σp0, Σp1, Σp2, Σp3]</c>.</summary>
    /// <param name="p0">The products of row 0.</param>
    /// <param name="p1">The products of row 1.</param>
    /// <param name="p2">The products of row 2.</param>
    /// <param name="p3">The products of row 3.</param>
    /// <returns>The four sums, in order.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> SumEach(Vector256<float> p0, Vector256<float> p1, Vector256<float> p2, Vector256<float> p3)
        => LaneSums.Of4(p0, p1, p2, p3);

    /// <summary>The sum of each register's eight lanes: <c>[Σp0, …, Σp7]</c>.</summary>
    /// <param name="p0">The products of row 0.</param>
    /// <param name="p1">The products of row 1.</param>
    /// <param name="p2">The products of row 2.</param>
    /// <param name="p3">The products of row 3.</param>
    /// <param name="p4">The products of row 4.</param>
    /// <param name="p5">The products of row 5.</param>
    /// <param name="p6">The products of row 6.</param>
    /// <param name="p7">The products of row 7.</param>
    /// <returns>The eight sums, in order.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> SumEach(
        Vector256<float> p0, Vector256<float> p1, Vector256<float> p2, Vector256<float> p3,
        Vector256<float> p4, Vector256<float> p5, Vector256<float> p6, Vector256<float> p7) =>
        LaneSums.Of8(p0, p1, p2, p3, p4, p5, p6, p7);

    /// <summary>
    /// <c>softmax</c> of the first <paramref name="count"/> lanes, <c>e^(a − max a) / Σ e^(a − max a)</c> with the maximum
    /// and the sum over those lanes only, so no exponent is above 0 and nothing overflows; the other lanes come out 0.
    /// </summary>
    /// <param name="a">The pre-activations in the first <paramref name="count"/> lanes.</param>
    /// <param name="count">How many lanes are neurons, 1 to 4.</param>
    /// <param name="max">The largest of them.</param>
    /// <param name="sum">The sum of their shifted exponentials, <c>Σ e^(a − max a)</c>, at least 1.</param>
    /// <returns>The probabilities.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Softmax(Vector128<float> a, int count, out float max, out float sum)
    {
        // Lanes past count repeat lane 0, so they do not change the maximum, and are cleared from the exponentials. (Not −∞:
        // its exponential underflows through the subnormals, which costs a microcode assist of about 40 ns per call.)
        Vector128<float> live = Vector128.LessThan(Vector128.Create(0f, 1f, 2f, 3f), Vector128.Create((float)count));
        a = Vector128.ConditionalSelect(live, a, Vector128.Create(a.ToScalar()));
        Vector128<float> shift = MaxAcross(a);
        Vector128<float> e = Activations.Exp(a - shift) & live;
        Vector128<float> total = SumAcross(e);
        max = shift.ToScalar();
        sum = total.ToScalar();
        return e / total;
    }

    /// <summary>As <see cref="Softmax(Vector128{float}, int, out float, out float)"/>, over up to 8 lanes.</summary>
    /// <param name="a">The pre-activations in the first <paramref name="count"/> lanes.</param>
    /// <param name="count">How many lanes are neurons, 1 to 8.</param>
    /// <param name="max">The largest of them.</param>
    /// <param name="sum">The sum of their shifted exponentials, at least 1.</param>
    /// <returns>The probabilities.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Softmax(Vector256<float> a, int count, out float max, out float sum)
    {
        Vector256<float> live = Vector256.LessThan(Vector256.Create(0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f), Vector256.Create((float)count));
        a = Vector256.ConditionalSelect(live, a, Vector256.Create(a.ToScalar()));
        Vector128<float> shift = MaxAcross(Max(a.GetLower(), a.GetUpper()));
        Vector256<float> e = Activations.Exp(a - Vector256.Create(shift, shift)) & live;
        Vector128<float> total = SumAcross(e.GetLower() + e.GetUpper());
        max = shift.ToScalar();
        sum = total.ToScalar();
        return e / Vector256.Create(total, total);
    }

    /// <summary><c>destination += value</c>, one register's read-modify-write.</summary>
    /// <param name="destination">Four floats.</param>
    /// <param name="value">What is added.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddTo(Span<float> destination, Vector128<float> value) =>
        (Vector128.Create((ReadOnlySpan<float>)destination) + value).CopyTo(destination);

    /// <summary><c>destination += value</c>, one register's read-modify-write.</summary>
    /// <param name="destination">Eight floats.</param>
    /// <param name="value">What is added.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddTo(Span<float> destination, Vector256<float> value) =>
        (Vector256.Create((ReadOnlySpan<float>)destination) + value).CopyTo(destination);

    /// <summary>The largest lane in every lane (the hardware maximum: −∞ lanes never win, as in the span softmax).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> MaxAcross(Vector128<float> a)
    {
        Vector128<float> pairs = Max(a, Vector128.Shuffle(a, Vector128.Create(1, 0, 3, 2)));
        return Max(pairs, Vector128.Shuffle(pairs, Vector128.Create(2, 3, 0, 1)));
    }

    /// <summary>The sum of the lanes in every lane, as <c>(a₀ + a₁) + (a₂ + a₃)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> SumAcross(Vector128<float> a)
    {
        Vector128<float> pairs = a + Vector128.Shuffle(a, Vector128.Create(1, 0, 3, 2));
        return pairs + Vector128.Shuffle(pairs, Vector128.Create(2, 3, 0, 1));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Max(Vector128<float> a, Vector128<float> b) => Simd128.Max(a, b);
}
