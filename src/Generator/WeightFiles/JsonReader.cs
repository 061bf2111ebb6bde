using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NetGen.Generator.WeightFiles;

/// <summary>
/// A small JSON reader for the safetensors header (the generator targets netstandard2.0 and takes no
/// package for this): objects, arrays, strings, numbers, true, false and null, nested at most
/// <see cref="MaxDepth"/> deep. Objects keep their members in order, and a name given twice is an error.
/// Every problem is a <see cref="ModelFormatException"/> with the byte offset in the file.
/// </summary>
internal sealed class JsonReader
{
    public const int MaxDepth = 32;

    private readonly string _text;
    private readonly long _baseOffset;
    private int _position;

    private JsonReader(string text, long baseOffset)
    {
        _text = text;
        _baseOffset = baseOffset;
    }

    /// <summary>Parses <paramref name="text"/>, which starts at byte offset <paramref name="baseOffset"/> of the file.</summary>
    public static object? Parse(string text, long baseOffset)
    {
        var reader = new JsonReader(text, baseOffset);
        reader.SkipWhitespace();
        object? value = reader.ReadValue(0);
        reader.SkipWhitespace();
        if (reader._position != text.Length)
        {
            throw reader.Error("unexpected text after the JSON header");
        }

        return value;
    }

    private object? ReadValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error("the JSON header is nested more than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " deep");
        }

        if (_position >= _text.Length)
        {
            throw Error("the JSON header ends where a value was expected");
        }

        char c = _text[_position];
        switch (c)
        {
            case '{':
                return ReadObject(depth);
            case '[':
                return ReadArray(depth);
            case '"':
                return ReadString();
            case 't':
                Expect("true");
                return true;
            case 'f':
                Expect("false");
                return false;
            case 'n':
                Expect("null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber();
                }

                throw Error("unexpected character '" + c + "' in the JSON header");
        }
    }

    private List<KeyValuePair<string, object?>> ReadObject(int depth)
    {
        var members = new List<KeyValuePair<string, object?>>();
        var names = new HashSet<string>();
        _position++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
            return members;
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error("a JSON object member must start with a name in quotes");
            }

            int nameStart = _position;
            string name = ReadString();
            if (!names.Add(name))
            {
                _position = nameStart;
                throw Error("the name \"" + name + "\" appears twice in one JSON object");
            }

            SkipWhitespace();
            if (Peek() != ':')
            {
                throw Error("expected ':' after a JSON member name");
            }

            _position++;
            SkipWhitespace();
            members.Add(new KeyValuePair<string, object?>(name, ReadValue(depth + 1)));
            SkipWhitespace();
            char next = Peek();
            _position++;
            if (next == '}')
            {
                return members;
            }

            if (next != ',')
            {
                _position--;
                throw Error("expected ',' or '}' in a JSON object");
            }
        }
    }

    private List<object?> ReadArray(int depth)
    {
        var items = new List<object?>();
        _position++;
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
            return items;
        }

        while (true)
        {
            SkipWhitespace();
            items.Add(ReadValue(depth + 1));
            SkipWhitespace();
            char next = Peek();
            _position++;
            if (next == ']')
            {
                return items;
            }

            if (next != ',')
            {
                _position--;
                throw Error("expected ',' or ']' in a JSON array");
            }
        }
    }

    private string ReadString()
    {
        _position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("a JSON string is not closed");
            }

            char c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c < ' ')
            {
                _position--;
                throw Error("a control character inside a JSON string");
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (_position >= _text.Length)
            {
                throw Error("a JSON string is not closed");
            }

            char escape = _text[_position++];
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                    {
                        throw Error("a \\u escape needs four hexadecimal digits");
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    _position--;
                    throw Error("an unknown escape '\\" + escape + "' in a JSON string");
            }
        }
    }

    /// <summary>A number: a long when it is an integer in range, else a double.</summary>
    private object ReadNumber()
    {
        int start = _position;
        while (_position < _text.Length && "+-0123456789.eE".IndexOf(_text[_position]) >= 0)
        {
            _position++;
        }

        string token = _text.Substring(start, _position - start);
        if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
        {
            return integer;
        }

        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
        {
            return number;
        }

        _position = start;
        throw Error("'" + token + "' is not a JSON number");
    }

    private void Expect(string literal)
    {
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw Error("unexpected text in the JSON header");
        }

        _position += literal.Length;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void SkipWhitespace()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\r' or '\n')
        {
            _position++;
        }
    }

    /// <summary>An error at the current character; the offset is in bytes, counting the header's UTF-8 up to it.</summary>
    private ModelFormatException Error(string reason)
    {
        int at = System.Math.Min(_position, _text.Length);
        return ModelFormatException.At(_baseOffset + Encoding.UTF8.GetByteCount(_text.Substring(0, at)), reason);
    }
}
