using System;
using System.IO;

namespace NetGen.Serialization;

/// <summary>
/// Replaces a file all at once: the content goes to a temporary file in the same directory, which is flushed
/// to disk and then moved over the target. A save that is interrupted (an exception, a crash, a full disk)
/// leaves the previous file as it was, and an exception also removes the temporary file.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, atomically.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="write">Writes the whole content to the stream it is given (a new temporary file); it must not dispose it.</param>
    /// <exception cref="IOException">The temporary file cannot be written or moved.</exception>
    /// <remarks>
    /// The temporary file is named <c>.{name}.{random}.tmp</c> beside <paramref name="path"/>, so that the final
    /// <see cref="File.Move(string, string, bool)"/> is a rename within one file system, which replaces the
    /// target atomically on POSIX systems and on NTFS. Any exception thrown by <paramref name="write"/> is
    /// rethrown after the temporary file is deleted.
    /// </remarks>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        string target = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(target) ?? throw new ArgumentException($"'{path}' is not a file path.", nameof(path));
        string temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>, atomically.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="content">The bytes to write.</param>
    /// <exception cref="IOException">The temporary file cannot be written or moved.</exception>
    public static void WriteAllBytes(string path, ReadOnlyMemory<byte> content) => Write(path, stream => stream.Write(content.Span));

    private static void TryDelete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (IOException)
        {
            // The original exception matters more; a leftover temporary file never replaces the target.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
