using System;
using System.IO;
using System.Text;

namespace NetGen.Data;

/// <summary>
/// Loads samples from delimited text (CSV, TSV, whitespace-separated), optionally gzip-compressed. The file is
/// read line by line into one reusable buffer and parsed from spans, culture-invariantly (a dot is the decimal
/// separator), so a numeric cell allocates nothing.
/// </summary>
/// <remarks>
/// Blank lines are skipped. Every other line after <see cref="CsvOptions.SkipLines"/> and the header must have
/// as many fields as the header (or, without one, as the first row). Numeric cells must hold finite numbers;
/// there are no missing values. Any violation raises a <see cref="DataFormatException"/> naming the file, the
/// 1-based line and, for a cell, the 1-based column.
/// </remarks>
public static class CsvLoader
{
    /// <summary>Loads the file at <paramref name="path"/>; a file starting with the gzip signature is decompressed on the fly, whatever its name.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Its layout and which columns to take.</param>
    /// <returns>The samples and their encoding.</returns>
    /// <exception cref="DataFormatException">
    /// The file is malformed or does not match <paramref name="options"/>, holds more values than an array holds, or
    /// is gzip data that is corrupt or cut short (a truncated file); the exception names the file and the line (and
    /// the column, for a cell). This is the only exception a file's content causes.
    /// </exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> contradict themselves (for example a column both feature and target).</exception>
    /// <exception cref="IOException">The file cannot be read (it does not exist, access is denied, and so on).</exception>
    public static CsvData Load(string path, CsvOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        var parser = new CsvParser(options, path);
        using Stream stream = DataFiles.OpenRead(path);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var lines = new TextLineReader(reader);
        try
        {
            return parser.Read(lines);
        }
        catch (Exception corrupt) when (corrupt is GzipDataException or InvalidDataException)
        {
            throw DataFiles.CorruptData(corrupt, path, lines.LineNumber + 1, null);
        }
    }

    /// <summary>Loads delimited text from <paramref name="reader"/>.</summary>
    /// <param name="reader">The text; read to its end, not disposed.</param>
    /// <param name="options">Its layout and which columns to take.</param>
    /// <param name="sourceName">The name errors give the text (such as its file name), or null.</param>
    /// <returns>The samples and their encoding.</returns>
    /// <exception cref="DataFormatException">The text is malformed or does not match <paramref name="options"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> contradict themselves.</exception>
    public static CsvData Load(TextReader reader, CsvOptions options, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        return new CsvParser(options, sourceName).Read(new TextLineReader(reader));
    }
}
