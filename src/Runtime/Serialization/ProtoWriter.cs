using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace NetGen.Serialization;

/// <summary>
/// A minimal protocol-buffers encoder: varints, fixed32 floats and length-delimited fields (strings, bytes
/// and nested messages). A nested message is built in its own writer and written with <see cref="WriteMessage"/>.
/// </summary>
internal sealed class ProtoWriter
{
    private const int WireVarint = 0;
    private const int WireLengthDelimited = 2;
    private const int WireFixed32 = 5;

    private readonly ArrayBufferWriter<byte> _buffer = new();

    /// <summary>The number of bytes written so far.</summary>
    public int Length => _buffer.WrittenCount;

    /// <summary>Writes an int64, int32 or enum field; negative values take ten bytes, as protobuf requires.</summary>
    public void WriteInt64(int field, long value)
    {
        WriteTag(field, WireVarint);
        WriteVarint((ulong)value);
    }

    /// <summary>Writes a float field as fixed32, little-endian.</summary>
    public void WriteFloat(int field, float value)
    {
        WriteTag(field, WireFixed32);
        BinaryPrimitives.WriteSingleLittleEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    /// <summary>Writes a string field as UTF-8.</summary>
    public void WriteString(int field, string value) => WriteBytes(field, Encoding.UTF8.GetBytes(value));

    /// <summary>Writes a bytes field.</summary>
    public void WriteBytes(int field, ReadOnlySpan<byte> value)
    {
        WriteTag(field, WireLengthDelimited);
        WriteVarint((ulong)value.Length);
        _buffer.Write(value);
    }

    /// <summary>Writes <paramref name="message"/>'s bytes as an embedded message field.</summary>
    public void WriteMessage(int field, ProtoWriter message)
    {
        ArgumentNullException.ThrowIfNull(message);
        WriteBytes(field, message._buffer.WrittenSpan);
    }

    /// <summary>The bytes written, as a new array.</summary>
    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    private void WriteTag(int field, int wireType) => WriteVarint(((ulong)field << 3) | (uint)wireType);

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        WriteByte((byte)value);
    }

    private void WriteByte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }
}
