using System;
using System.IO;
using System.IO.Compression;

namespace NetGen.Data;

/// <summary>
/// The decompressed content of a gzip file, which, unlike <see cref="GZipStream"/> alone, fails on a file that
/// is cut short.
/// </summary>
/// <remarks>
/// <see cref="GZipStream"/> ends quietly when its input runs out inside a member (in the deflate data or in the
/// 8-byte trailer that holds the CRC-32 and the length), so a truncated file would read as a shorter, valid one.
/// The remedy needs no knowledge of the decompressor's state: after the file's last byte, the decompressor is fed
/// one more gzip member of our own, <see cref="EndMember"/>, holding the 8 bytes <see cref="EndMarker"/>. A
/// complete file (one member or several concatenated) ends at a member boundary, so the decompressor reads the
/// extra member as a member of its own, checks its CRC-32 and yields the marker last. A truncated file ends
/// inside a member, which then runs on into the extra member's bytes: the decompressor reports corrupt data, or
/// waits for more input and ends, in both cases without yielding the marker. (A file followed by bytes that are
/// not gzip data ends the same way: <see cref="GZipStream"/> stops at them and never reaches the marker.) The
/// stream withholds its last <see cref="EndMarker"/>-length bytes from the reader until it knows whether they are
/// the marker decoded from the extra member, stops as soon as the extra member yields more than the marker (so that
/// garbage decoded from it never reaches the reader), and throws a <see cref="GzipDataException"/> in both cases.
/// </remarks>
internal sealed class GzipDataStream : ForwardReadStream
{
    /// <summary>The content of the member appended after the file.</summary>
    internal static ReadOnlySpan<byte> EndMarker => "NetGen\r\n"u8;

    /// <summary><see cref="EndMarker"/> as one gzip member (RFC 1952): header, fixed-Huffman deflate data, CRC-32, length.</summary>
    internal static ReadOnlySpan<byte> EndMember =>
    [
        0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF,
        0xF3, 0x4B, 0x2D, 0x71, 0x4F, 0xCD, 0xE3, 0xE5, 0x02, 0x00,
        0x32, 0xD1, 0x11, 0xE1, 0x08, 0x00, 0x00, 0x00,
    ];

    private readonly Stream _file;
    private readonly EndMemberAppended _input;
    private readonly GZipStream _gzip;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _count;
    private bool _ended;

    // The bytes decompressed since the decompressor started on the end member.
    private int _afterEnd;

    /// <summary>Decompresses <paramref name="file"/> from its current position to its end; the stream owns it.</summary>
    public GzipDataStream(Stream file)
    {
        _file = file;
        _input = new EndMemberAppended(file);
        _gzip = new GZipStream(_input, CompressionMode.Decompress);
    }

    public override int Read(Span<byte> buffer)
    {
        int marker = EndMarker.Length;
        while (!buffer.IsEmpty)
        {
            // Everything but the last EndMarker.Length bytes decompressed so far is content.
            int deliverable = _count - marker;
            if (deliverable > 0)
            {
                int n = Math.Min(deliverable, buffer.Length);
                _buffer.AsSpan(_start, n).CopyTo(buffer);
                _start += n;
                _count -= n;
                return n;
            }

            if (_ended)
            {
                return 0;
            }

            _buffer.AsSpan(_start, _count).CopyTo(_buffer);
            _start = 0;
            int got = Inflate(_buffer.AsSpan(_count));

            // The decompressor asks for input only once it has handed out all it can decode from what it holds, so
            // everything it returns from the call that first reads the end member on comes from the end member: the
            // marker and nothing else when the file is complete, garbage when the file is cut short. Stop at the
            // garbage, before it is handed out as content.
            if (_input.Begun)
            {
                _afterEnd += got;
                if (_afterEnd > marker)
                {
                    _ended = true;
                    throw CutShort();
                }
            }

            if (got == 0)
            {
                _ended = true;
                // Exactly the marker, and decoded from the end member: a cut-short file whose own last bytes
                // happen to spell the marker is caught too.
                if (_afterEnd != marker || _count != marker || !_buffer.AsSpan(0, marker).SequenceEqual(EndMarker))
                {
                    throw CutShort();
                }

                _count = 0;
                return 0;
            }

            _count += got;
        }

        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
            _file.Dispose();
        }

        base.Dispose(disposing);
    }

    private static GzipDataException CutShort(Exception? cause = null) => new(
        "the gzip data is cut short: the file ends inside a gzip member (before the end of its compressed data or its 8-byte trailer), so it is truncated, or it goes on with bytes that are not gzip data", cause);

    private int Inflate(Span<byte> target)
    {
        try
        {
            return _gzip.Read(target);
        }
        catch (InvalidDataException corrupt)
        {
            // Corrupt data met only in the end member means the file's own data stopped inside a member.
            throw _input.Begun ? CutShort(corrupt) : new GzipDataException("the gzip data is corrupt: " + corrupt.Message, corrupt);
        }
    }

    /// <summary>The file's bytes followed by <see cref="EndMember"/>.</summary>
    private sealed class EndMemberAppended(Stream file) : ForwardReadStream
    {
        private int _appended = -1;

        /// <summary>Whether the file's bytes are all read and the end member's have begun.</summary>
        public bool Begun => _appended >= 0;

        public override int Read(Span<byte> buffer)
        {
            if (_appended < 0)
            {
                int read = file.Read(buffer);
                if (read > 0 || buffer.IsEmpty)
                {
                    return read;
                }

                _appended = 0;
            }

            int n = Math.Min(buffer.Length, EndMember.Length - _appended);
            EndMember.Slice(_appended, n).CopyTo(buffer);
            _appended += n;
            return n;
        }
    }
}

/// <summary>The <see cref="Stream"/> surface of a stream that is read once, from start to end: everything but reading is not supported.</summary>
internal abstract class ForwardReadStream : Stream
{
    public sealed override bool CanRead => true;

    public sealed override bool CanSeek => false;

    public sealed override bool CanWrite => false;

    public sealed override long Length => throw new NotSupportedException();

    public sealed override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public sealed override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public abstract override int Read(Span<byte> buffer);

    public sealed override void Flush()
    {
    }

    public sealed override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public sealed override void SetLength(long value) => throw new NotSupportedException();

    public sealed override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A gzip file is corrupt or cut short; the message is a phrase for a <see cref="DataFormatException"/>.</summary>
internal sealed class GzipDataException(string message, Exception? innerException = null) : IOException(message, innerException);
