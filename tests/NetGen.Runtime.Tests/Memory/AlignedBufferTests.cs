using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Xunit;

namespace NetGen.Runtime.Tests.Memory;

public class AlignedBufferTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(1024)]
    [InlineData(100_480)]
    public void Every_buffer_starts_on_a_64_byte_boundary_and_is_zeroed(int length)
    {
        // Many allocations, so that the arrays land at every 8-byte offset a managed array can have.
        for (int i = 0; i < 64; i++)
        {
            var buffer = new AlignedBuffer(length);

            Assert.Equal(length, buffer.Length);
            Assert.Equal(length, buffer.Span.Length);
            Assert.Equal(0, AddressOf(buffer.Span) % AlignedBuffer.Alignment);
            Assert.True(buffer.Span.IndexOfAnyExcept(0f) < 0, "a new buffer is zeroed");
        }
    }

    [Fact]
    public void The_alignment_survives_a_compacting_collection()
    {
        var buffer = new AlignedBuffer(300);
        buffer.Span.Fill(2.5f);
        long before = AddressOf(buffer.Span);

        // Garbage around it, then a full blocking compacting collection: pinned-heap arrays do not move.
        for (int i = 0; i < 1000; i++)
        {
            _ = new float[100 + i];
        }

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

        Assert.Equal(before, AddressOf(buffer.Span));
        Assert.Equal(0, AddressOf(buffer.Span) % AlignedBuffer.Alignment);
        Assert.All(buffer.Span.ToArray(), x => Assert.Equal(2.5f, x));
    }

    [Fact]
    public void A_slice_is_the_same_floats_as_the_span()
    {
        var buffer = new AlignedBuffer(40);
        for (int i = 0; i < 40; i++)
        {
            buffer.Span[i] = i;
        }

        Span<float> slice = buffer.Slice(12, 5);

        Assert.Equal(new[] { 12f, 13f, 14f, 15f, 16f }, slice.ToArray());
        slice[0] = -1f;
        Assert.Equal(-1f, buffer.Span[12]);
        Assert.Equal(0, buffer.Slice(40, 0).Length);
    }

    [Fact]
    public void Copies_share_the_floats()
    {
        var buffer = new AlignedBuffer(8);
        AlignedBuffer copy = buffer;

        copy.Span[3] = 7f;

        Assert.Equal(7f, buffer.Span[3]);
    }

    [Theory]
    [InlineData(0, 41)]
    [InlineData(41, 0)]
    [InlineData(-1, 2)]
    [InlineData(2, -1)]
    [InlineData(30, 11)]
    [InlineData(int.MaxValue, 2)]
    [InlineData(2, int.MaxValue)]
    public void A_slice_outside_the_buffer_throws_and_names_the_range(int start, int length)
    {
        var buffer = new AlignedBuffer(40);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Slice(start, length));

        Assert.Contains($"[{start}, {(long)start + length})", error.Message, StringComparison.Ordinal);
        Assert.Contains("40 floats", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slice_past_the_length_throws_although_the_array_behind_it_is_longer()
    {
        // The array has 15 floats of slack; the buffer's length, not the array's, bounds a slice.
        var buffer = new AlignedBuffer(16);

        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Slice(10, 7));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void A_length_no_array_can_hold_throws(int length)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new AlignedBuffer(length));

        Assert.Equal("length", error.ParamName);
    }

    [Fact]
    public void The_default_buffer_is_unallocated_and_empty()
    {
        AlignedBuffer buffer = default;

        Assert.False(buffer.IsAllocated);
        Assert.Equal(0, buffer.Span.Length);
        Assert.Equal(0, buffer.Slice(0, 0).Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Slice(0, 1));
        Assert.True(new AlignedBuffer(0).IsAllocated);
        Assert.Throws<ArgumentException>(() => new SharedParameters(buffer));
    }

    private static unsafe long AddressOf(Span<float> span) => (long)Unsafe.AsPointer(ref MemoryMarshal.GetReference(span));
}
