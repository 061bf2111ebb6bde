using System;
using System.IO;
using System.IO.Compression;

namespace NetGen.Data;

/// <summary>Opening data files, gzip-compressed or not.</summary>
internal static class DataFiles
{
    /// <summary>Opens <paramref name="path"/> for sequential reading, decompressing it when it starts with the gzip signature (1F 8B).</summary>
    public static Stream OpenRead(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            Span<byte> signature = stackalloc byte[2];
            int read = file.ReadAtLeast(signature, 2, throwOnEndOfStream: false);
            file.Position = 0;
            return read == 2 && signature[0] == 0x1F && signature[1] == 0x8B
                ? new BufferedStream(new GZipStream(file, CompressionMode.Decompress), 1 << 16)
                : file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
