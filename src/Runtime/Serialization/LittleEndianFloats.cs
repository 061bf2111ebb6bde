using System;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace NetGen.Serialization;

/// <summary>Copies float32 values to and from little-endian bytes, at any alignment.</summary>
internal static class LittleEndianFloats
{
    public static void Write(ReadOnlySpan<float> values, Span<byte> destination)
    {
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(values).CopyTo(destination);
            return;
        }

        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(destination.Slice(4 * i, 4), values[i]);
        }
    }

    public static void Read(ReadOnlySpan<byte> source, Span<float> values)
    {
        if (BitConverter.IsLittleEndian)
        {
            source[..(4 * values.Length)].CopyTo(MemoryMarshal.AsBytes(values));
            return;
        }

        for (int i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(source.Slice(4 * i, 4));
        }
    }
}
