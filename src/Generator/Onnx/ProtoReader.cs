using System;
using System.Text;
using NetGen.Generator.WeightFiles;

namespace NetGen.Generator.Onnx;

/// <summary>
/// Reads protocol buffers wire format over a byte range: tags, varints, fixed-width and length-delimited
/// fields, each bounds-checked against the enclosing message. Every problem is a
/// <see cref="ModelFormatException"/> naming the byte offset; every read advances, so no input makes it loop.
/// </summary>
internal struct ProtoReader
{
    public const int WireVarint = 0;
    public const int WireFixed64 = 1;
    public const int WireLengthDelimited = 2;
    public const int WireFixed32 = 5;

    private readonly byte[] _bytes;
    private readonly int _end;
    private int _position;

    public ProtoReader(byte[] bytes, int start, int end)
    {
        _bytes = bytes;
        _position = start;
        _end = end;
    }

    public readonly int Position => _position;

    public readonly bool AtEnd => _position >= _end;

    /// <summary>The next field's number and wire type.</summary>
    public (int Field, int WireType) ReadTag()
    {
        int at = _position;
        ulong tag = ReadVarint();
        ulong field = tag >> 3;
        if (field == 0 || field > int.MaxValue)
        {
            throw ModelFormatException.At(at, "a protobuf field number of 0 or out of range");
        }

        return ((int)field, (int)(tag & 7));
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            if (_position >= _end)
            {
                throw ModelFormatException.At(_position, "the message ends inside a varint");
            }

            byte b = _bytes[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw ModelFormatException.At(_position, "a varint longer than 10 bytes");
    }

    public long ReadInt64() => (long)ReadVarint();

    public uint ReadFixed32()
    {
        Require(4, "a 32-bit field");
        uint value = (uint)(_bytes[_position] | (_bytes[_position + 1] << 8) | (_bytes[_position + 2] << 16) | (_bytes[_position + 3] << 24));
        _position += 4;
        return value;
    }

    public float ReadFloat()
    {
        uint bits = ReadFixed32();
        byte[] b = BitConverter.GetBytes(bits);
        return BitConverter.ToSingle(b, 0);
    }

    /// <summary>The bounds of a length-delimited field's content, and moves past it.</summary>
    public (int Start, int End) ReadLengthDelimited()
    {
        int at = _position;
        ulong length = ReadVarint();
        if (length > (ulong)(_end - _position))
        {
            throw ModelFormatException.At(at, "a length-delimited field runs past the end of its message");
        }

        int start = _position;
        _position += (int)length;
        return (start, _position);
    }

    public ProtoReader ReadMessage()
    {
        (int start, int end) = ReadLengthDelimited();
        return new ProtoReader(_bytes, start, end);
    }

    public string ReadString()
    {
        (int start, int end) = ReadLengthDelimited();
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(_bytes, start, end - start);
        }
        catch (ArgumentException)
        {
            throw ModelFormatException.At(start, "a string that is not valid UTF-8");
        }
    }

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case WireVarint:
                ReadVarint();
                break;
            case WireFixed64:
                Require(8, "a 64-bit field");
                _position += 8;
                break;
            case WireLengthDelimited:
                ReadLengthDelimited();
                break;
            case WireFixed32:
                Require(4, "a 32-bit field");
                _position += 4;
                break;
            default:
                throw ModelFormatException.At(_position, "an unsupported protobuf wire type " + wireType.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Checks that a field has the wire type its schema gives it.</summary>
    public readonly void Expect(int wireType, int expected, string field)
    {
        if (wireType != expected)
        {
            throw ModelFormatException.At(_position, "the field " + field + " has the wrong protobuf wire type");
        }
    }

    private readonly void Require(int count, string what)
    {
        if (count > _end - _position)
        {
            throw ModelFormatException.At(_position, "the message ends inside " + what);
        }
    }
}
