using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace NetGen.Benchmarks.Peers;

/// <summary>
/// Says whether TorchSharp-cpu could run here, without referencing it: its native library, LibTorchSharp
/// (TorchSharp-cpu 0.107.0, libtorch 2.10.0, linux-x64), needs the C++ runtime symbol version
/// <see cref="RequiredVersion"/>, so this reads the version strings of the libstdc++ the process loads.
/// </summary>
/// <remarks>
/// The package is not referenced by the suite: restoring it brings 1.4 GB of packages and copies about 1 GB of
/// native libraries into every build output (measured figures and the decision: docs/performance.md).
/// </remarks>
internal static class TorchSharpProbe
{
    public const string Package = "TorchSharp-cpu 0.107.0 (libtorch 2.10.0)";
    public const string RequiredVersion = "GLIBCXX_3.4.32";

    private static readonly string[] CandidatePaths =
    {
        "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6",
        "/usr/lib/libstdc++.so.6",
        "/lib/aarch64-linux-gnu/libstdc++.so.6",
    };

    /// <summary>One line for the suite's output: why TorchSharp is or is not among the contenders.</summary>
    public static string Describe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return $"{Package}: not measured; the suite checks its native dependencies on Linux only, and does not reference the package (docs/performance.md).";
        }

        string? library = LoadedLibrary() ?? CandidatePaths.FirstOrDefault(File.Exists);
        if (library is null)
        {
            return $"{Package}: not measured; no libstdc++.so.6 found to check for {RequiredVersion}.";
        }

        IReadOnlyList<string> versions = Versions(File.ReadAllBytes(library));
        string newest = versions.Count == 0 ? "none" : versions[^1];
        return versions.Contains(RequiredVersion)
            ? $"{Package}: {library} provides {RequiredVersion}, so its native library would load here; it is still not referenced by the suite, for its size (docs/performance.md)."
            : $"{Package}: cannot load here and is not measured: its native LibTorchSharp needs {RequiredVersion}, and {library} provides versions up to {newest}.";
    }

    // The libstdc++ already mapped into this process (ONNX Runtime's native library links it), if any.
    private static string? LoadedLibrary()
    {
        try
        {
            return File.ReadLines("/proc/self/maps")
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(fields => fields.Length >= 6 && Path.GetFileName(fields[5]).StartsWith("libstdc++.so", StringComparison.Ordinal))
                .Select(fields => fields[5])
                .FirstOrDefault();
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The distinct <c>GLIBCXX_3.4.N</c> version names in an ELF file's strings, in version order.</summary>
    public static IReadOnlyList<string> Versions(byte[] library)
    {
        byte[] prefix = Encoding.ASCII.GetBytes("GLIBCXX_3.4");
        var found = new SortedDictionary<int, string>();
        ReadOnlySpan<byte> bytes = library;
        for (int at = bytes.IndexOf(prefix); at >= 0;)
        {
            int end = at + prefix.Length;
            int minor = 0;
            if (end < bytes.Length && bytes[end] == (byte)'.')
            {
                int digits = end + 1;
                while (digits < bytes.Length && bytes[digits] is >= (byte)'0' and <= (byte)'9')
                {
                    digits++;
                }

                minor = digits > end + 1 ? int.Parse(Encoding.ASCII.GetString(bytes[(end + 1)..digits]), CultureInfo.InvariantCulture) : -1;
                end = digits;
            }

            // Only whole strings: the version name is followed by its NUL terminator.
            if (minor >= 0 && end < bytes.Length && bytes[end] == 0)
            {
                found[minor] = Encoding.ASCII.GetString(bytes[at..end]);
            }

            int next = bytes[end..].IndexOf(prefix);
            at = next < 0 ? -1 : end + next;
        }

        return found.Values.ToList();
    }
}
