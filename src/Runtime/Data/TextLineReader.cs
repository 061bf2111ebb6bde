using System;
using System.IO;

namespace NetGen.Data;

/// <summary>
/// Reads lines (ended by <c>\n</c>, <c>\r\n</c> or <c>\r</c>) as spans over one reusable buffer, so reading a
/// file allocates only the buffer (grown when a line is longer than it).
/// </summary>
internal sealed class TextLineReader
{
    private readonly TextReader _reader;
    private char[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfInput;

    public TextLineReader(TextReader reader, int bufferSize = 1 << 16)
    {
        _reader = reader;
        _buffer = new char[bufferSize];
    }

    /// <summary>The 1-based number of the line last returned; 0 before the first.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Reads the next line, without its line break.</summary>
    /// <param name="line">The line, valid until the next call.</param>
    /// <returns>False at the end of the input.</returns>
    public bool TryReadLine(out ReadOnlySpan<char> line)
    {
        int scanned = 0;
        while (true)
        {
            ReadOnlySpan<char> pending = _buffer.AsSpan(_start, _end - _start);
            int at = pending[scanned..].IndexOfAny('\r', '\n');
            if (at >= 0)
            {
                at += scanned;
                bool carriageReturn = pending[at] == '\r';
                if (carriageReturn && at + 1 == pending.Length && !_endOfInput)
                {
                    // A '\r' at the end of the buffer may be the first half of "\r\n": read on before deciding.
                    scanned = at;
                    Fill();
                    continue;
                }

                line = pending[..at];
                int breakLength = carriageReturn && at + 1 < pending.Length && pending[at + 1] == '\n' ? 2 : 1;
                _start += at + breakLength;
                LineNumber++;
                return true;
            }

            if (_endOfInput)
            {
                if (pending.IsEmpty)
                {
                    line = default;
                    return false;
                }

                line = pending;
                _start = _end;
                LineNumber++;
                return true;
            }

            scanned = pending.Length;
            Fill();
        }
    }

    private void Fill()
    {
        int pending = _end - _start;
        if (pending == _buffer.Length)
        {
            char[] larger = new char[checked(_buffer.Length * 2)];
            _buffer.AsSpan(_start, pending).CopyTo(larger);
            _buffer = larger;
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, pending).CopyTo(_buffer);
        }

        _start = 0;
        _end = pending;
        int read = _reader.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _endOfInput = true;
        }

        _end += read;
    }
}
