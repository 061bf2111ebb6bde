using System;
using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;

namespace NetGen.Serialization;

/// <summary>
/// Replaces a file all at once: the content goes to a temporary file in the same directory, which is flushed
/// to disk and then moved over the target. A save that is interrupted (an exception, a crash, a full disk)
/// leaves the previous file as it was; an exception also removes the temporary file, and the temporary files
/// a crash leaves behind are removed by the next save of the same path.
/// </summary>
public static class AtomicFile
{
    // The names of this process's temporary files that are being written, so that a concurrent save of the same
    // path on another thread never takes one of them for a crash's leftover.
    private static readonly ConcurrentDictionary<string, byte> s_inFlight = new(StringComparer.Ordinal);

    private static readonly string s_machine = MachineToken();

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, atomically.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="write">Writes the whole content to the stream it is given (a new temporary file); it must not dispose it.</param>
    /// <exception cref="IOException">The temporary file cannot be written or moved.</exception>
    /// <remarks>
    /// <para>
    /// The temporary file is named <c>.{name}.{machine}.{process id}.{random}.tmp</c> beside <paramref name="path"/>,
    /// so that the final <see cref="File.Move(string, string, bool)"/> is a rename within one file system, which
    /// replaces the target atomically on POSIX systems and on NTFS. Any exception thrown by <paramref name="write"/>
    /// is rethrown after the temporary file is deleted.
    /// </para>
    /// <para>
    /// Before writing, the save deletes the temporary files of the same target that no save is writing any more:
    /// those named after this machine and either this process (when none of its saves in progress owns the name)
    /// or a process that is no longer running. The name says who wrote a file, so that saves running at the same
    /// time, in this process or in others, never delete each other's files; a file from another machine (a shared
    /// directory) or from a process id that a running process has reused is left alone.
    /// </para>
    /// </remarks>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        string target = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(target) ?? throw new ArgumentException($"'{path}' is not a file path.", nameof(path));
        string fileName = Path.GetFileName(target);
        string temporaryName = string.Create(
            CultureInfo.InvariantCulture, $".{fileName}.{s_machine}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        string temporary = Path.Combine(directory, temporaryName);
        s_inFlight.TryAdd(temporaryName, 0);
        try
        {
            RemoveStaleTemporaryFiles(directory, fileName);
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
        finally
        {
            s_inFlight.TryRemove(temporaryName, out _);
        }
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>, atomically.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="content">The bytes to write.</param>
    /// <exception cref="IOException">The temporary file cannot be written or moved.</exception>
    public static void WriteAllBytes(string path, ReadOnlyMemory<byte> content) => Write(path, stream => stream.Write(content.Span));

    /// <summary>Deletes the leftovers of interrupted saves of <paramref name="fileName"/>; never fails the save.</summary>
    private static void RemoveStaleTemporaryFiles(string directory, string fileName)
    {
        string prefix = "." + fileName + ".";
        var options = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true, MatchType = MatchType.Simple };
        try
        {
            foreach (string candidate in Directory.EnumerateFiles(directory, "*.tmp", options))
            {
                string name = Path.GetFileName(candidate);
                if (name.Length > prefix.Length + ".tmp".Length && name.StartsWith(prefix, StringComparison.Ordinal) && IsStale(name.AsSpan(prefix.Length, name.Length - prefix.Length - ".tmp".Length), name))
                {
                    TryDelete(candidate);
                }
            }
        }
        catch (IOException)
        {
            // The directory cannot be listed; the save itself reports what is wrong with it.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    /// <summary>Whether a temporary file named <c>{prefix}{owner}.tmp</c>, with <paramref name="owner"/> <c>{machine}.{process id}.{random}</c>, is a leftover.</summary>
    private static bool IsStale(ReadOnlySpan<char> owner, string name)
    {
        // The target's own name may hold dots, so the owner is taken apart from the right: exactly three parts.
        int lastDot = owner.LastIndexOf('.');
        if (lastDot < 0 || owner.Length - lastDot - 1 != 32 || !IsHex(owner[(lastDot + 1)..]))
        {
            return false;
        }

        ReadOnlySpan<char> machineAndProcess = owner[..lastDot];
        int processDot = machineAndProcess.LastIndexOf('.');
        if (processDot < 0
            || !machineAndProcess[..processDot].SequenceEqual(s_machine)
            || !int.TryParse(machineAndProcess[(processDot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int processId))
        {
            return false;
        }

        return processId == Environment.ProcessId ? !s_inFlight.ContainsKey(name) : !IsRunning(processId);
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using Process process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (Exception error) when (error is Win32Exception or NotSupportedException or UnauthorizedAccessException)
        {
            // Its state cannot be read (another user's process, or a platform without processes): assume it runs.
            return true;
        }
    }

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiHexDigitLower(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The machine's name with every character but ASCII letters, digits and '-' replaced by '-', so that it holds no dot.</summary>
    private static string MachineToken()
    {
        string machine;
        try
        {
            machine = Environment.MachineName;
        }
        catch (InvalidOperationException)
        {
            machine = "unknown";
        }

        var token = new StringBuilder(machine.Length);
        foreach (char c in machine)
        {
            token.Append(char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-');
        }

        return token.Length == 0 ? "unknown" : token.ToString();
    }

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
