using System;
using System.Globalization;
using System.Text;

namespace NetGen.Data;

/// <summary>
/// A data file is malformed. The message names the file and the place: the line and column of a text file
/// (<see cref="Line"/>, <see cref="Column"/>), or the byte offset of a binary one (<see cref="ByteOffset"/>).
/// </summary>
public sealed class DataFormatException : FormatException
{
    /// <summary>Creates the exception for a place in a file; the message is prefixed with the place.</summary>
    /// <param name="filePath">The file (or the name given to a stream), or null when unknown.</param>
    /// <param name="line">The 1-based line of a text file, or null.</param>
    /// <param name="column">The 1-based column (field number) of a text file, or null.</param>
    /// <param name="byteOffset">The 0-based byte offset in a binary file (in its decompressed content for a <c>.gz</c> file), or null.</param>
    /// <param name="problem">What is wrong there.</param>
    /// <param name="innerException">The cause, or null.</param>
    public DataFormatException(string? filePath, int? line, int? column, long? byteOffset, string problem, Exception? innerException = null)
        : base(Describe(filePath, line, column, byteOffset, problem), innerException)
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        ByteOffset = byteOffset;
    }

    /// <summary>Creates the exception with a message and no place.</summary>
    /// <param name="message">What is wrong.</param>
    public DataFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message and no place.</summary>
    public DataFormatException()
    {
    }

    /// <summary>Creates the exception with a message, a cause and no place.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public DataFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The file (or the name given to a stream), or null when unknown.</summary>
    public string? FilePath { get; }

    /// <summary>The 1-based line of a text file at which the problem was found, or null.</summary>
    public int? Line { get; }

    /// <summary>The 1-based column (field number, not character) of a text file, or null when the problem concerns a whole line.</summary>
    public int? Column { get; }

    /// <summary>The 0-based byte offset of a binary file (in its decompressed content for a <c>.gz</c> file), or null.</summary>
    public long? ByteOffset { get; }

    private static string Describe(string? filePath, int? line, int? column, long? byteOffset, string problem)
    {
        var text = new StringBuilder(filePath ?? "<data>");
        if (line is { } l)
        {
            text.Append(CultureInfo.InvariantCulture, $", line {l}");
        }

        if (column is { } c)
        {
            text.Append(CultureInfo.InvariantCulture, $", column {c}");
        }

        if (byteOffset is { } o)
        {
            text.Append(CultureInfo.InvariantCulture, $", byte offset {o}");
        }

        return text.Append(": ").Append(problem).ToString();
    }
}
