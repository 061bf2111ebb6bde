using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen;

/// <summary>
/// A zeroed run of floats whose first element lies on a 64-byte boundary (a cache line, and the width of the widest
/// vector register), so that vector loads and stores of rows that are whole multiples of 64 bytes long never straddle
/// two cache lines. A generated network keeps its parameters, gradients and batch working buffer in these.
/// </summary>
/// <remarks>
/// The floats live in an array on the pinned object heap, which the garbage collector never moves, so the alignment
/// holds for the buffer's lifetime; the array is 15 floats longer than <see cref="Length"/> and the buffer starts at
/// the first aligned element. The struct is a handle: copies share the floats.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct AlignedBuffer
{
    /// <summary>The alignment of the first element, in bytes.</summary>
    public const int Alignment = 64;

    private const int Slack = (Alignment / sizeof(float)) - 1;

    private readonly float[]? _array;
    private readonly int _start;

    /// <summary>Allocates a zeroed buffer of <paramref name="length"/> floats.</summary>
    /// <param name="length">The number of floats.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative or too large for one array.</exception>
    public AlignedBuffer(int length)
    {
        if (length < 0 || length > Array.MaxLength - Slack)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"A buffer holds 0 to {Array.MaxLength - Slack} floats.");
        }

        _array = GC.AllocateArray<float>(length + Slack, pinned: true);
        _start = StartOf(_array);
        Length = length;
    }

    /// <summary>The number of floats.</summary>
    public int Length { get; }

    /// <summary>Whether the buffer has been allocated (<see langword="default"/> has not).</summary>
    public bool IsAllocated => _array is not null;

    /// <summary>The floats.</summary>
    public Span<float> Span
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(_array, _start, Length);
    }

    /// <summary>The <paramref name="length"/> floats from <paramref name="start"/>, with one range check.</summary>
    /// <param name="start">The first float, from the start of the buffer.</param>
    /// <param name="length">The number of floats.</param>
    /// <returns>The floats.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The range is not within the buffer.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<float> Slice(int start, int length)
    {
        if ((ulong)(uint)start + (uint)length > (uint)Length)
        {
            ThrowOutOfRange(start, length, Length);
        }

        // Checked against Length, which the array exceeds by the slack: no second check. An unallocated buffer has
        // Length 0, so only an empty slice gets here without an array.
        return length == 0
            ? default
            : MemoryMarshal.CreateSpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_array!), _start + start), length);
    }

    /// <summary>The index of the array's first element whose address is a multiple of <see cref="Alignment"/>.</summary>
    private static unsafe int StartOf(float[] pinned)
    {
        nuint address = (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));
        return (int)((Alignment - (address % Alignment)) % Alignment) / sizeof(float);
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOutOfRange(int start, int length, int bufferLength) =>
        throw new ArgumentOutOfRangeException(nameof(start), $"The range [{start}, {(long)start + length}) is not within the buffer of {bufferLength} floats.");
}
