using System;
using System.IO;

namespace NetGen.Data;

/// <summary>Opening data files, gzip-compressed or not.</summary>
internal static class DataFiles
{
    /// <summary>
    /// Opens <paramref name="path"/> for sequential reading, decompressing it when it starts with the gzip signature
    /// (1F 8B). A raw file's stream is seekable, so its length is known up front; a compressed file's is not, and
    /// reading it throws a <see cref="GzipDataException"/> when the gzip data is corrupt or cut short.
    /// </summary>
    public static Stream OpenRead(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            Span<byte> signature = stackalloc byte[2];
            int read = file.ReadAtLeast(signature, 2, throwOnEndOfStream: false);
            file.Position = 0;
            return read == 2 && signature[0] == 0x1F && signature[1] == 0x8B ? new GzipDataStream(file) : file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The format error for a <see cref="GzipDataException"/> from a stream of <see cref="OpenRead"/>, or an
    /// <see cref="InvalidDataException"/> from a caller's decompressing stream, at a place in the file.
    /// </summary>
    public static DataFormatException CorruptData(Exception corrupt, string? path, int? line, long? byteOffset) =>
        corrupt is GzipDataException
            ? new DataFormatException(path, line, null, byteOffset, corrupt.Message, corrupt.InnerException)
            : new DataFormatException(path, line, null, byteOffset, "the compressed data is corrupt: " + corrupt.Message, corrupt);
}
