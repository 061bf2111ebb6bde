using System;
using System.Text;

namespace NetGen.Generator.Helpers;

/// <summary>An indentation-aware text writer for generated C#, with <c>\n</c> line endings on every platform.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new();
    private int _indent;

    public void WriteLine(string line)
    {
        if (line.Length > 0)
        {
            for (int i = 0; i < _indent; i++)
            {
                _builder.Append(IndentUnit);
            }

            _builder.Append(line);
        }

        _builder.Append('\n');
    }

    public void WriteLine() => _builder.Append('\n');

    /// <summary>Starts a line to be written in parts (<see cref="Append(string)"/>, <see cref="Append(char[], int)"/>) and ended by <see cref="WriteLine()"/>.</summary>
    public void StartLine()
    {
        for (int i = 0; i < _indent; i++)
        {
            _builder.Append(IndentUnit);
        }
    }

    public void Append(string text) => _builder.Append(text);

    /// <summary>Appends the first <paramref name="count"/> characters of <paramref name="buffer"/>, for text made in a buffer rather than as strings.</summary>
    public void Append(char[] buffer, int count) => _builder.Append(buffer, 0, count);

    /// <summary>Writes <paramref name="header"/> and an opening brace, and indents until the matching <see cref="CloseBlock"/>.</summary>
    public void OpenBlock(string header)
    {
        WriteLine(header);
        WriteLine("{");
        _indent++;
    }

    public void CloseBlock(string suffix = "")
    {
        if (_indent == 0)
        {
            throw new InvalidOperationException("CloseBlock without a matching OpenBlock.");
        }

        _indent--;
        WriteLine("}" + suffix);
    }

    public override string ToString() => _builder.ToString();
}
