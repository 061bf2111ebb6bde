using System;
using System.IO;

namespace NetGen.Runtime.Tests.Serialization;

/// <summary>A fresh directory per test, removed afterwards.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "netgen-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string[] Names() => Array.ConvertAll(Directory.GetFileSystemEntries(Path), e => System.IO.Path.GetFileName(e)!);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>CRC-32 (zlib's), bit by bit: an implementation independent of the library's table-driven one.</summary>
internal static class ReferenceCrc32
{
    public static uint Of(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
            }
        }

        return ~crc;
    }

    /// <summary>Rewrites a model file's last four bytes with the checksum of the rest, after a test edited it.</summary>
    public static void Reseal(byte[] file) =>
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(file.Length - 4), Of(file.AsSpan(0, file.Length - 4)));
}
