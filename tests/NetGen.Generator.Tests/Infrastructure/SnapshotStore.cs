using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>
/// Compares the snapshots a test produced with the verified files in one directory, both ways: every
/// produced file must have an equal verified file, and every verified file of the test must be produced.
/// </summary>
internal sealed class SnapshotStore
{
    public const string AcceptVariable = "NETGEN_ACCEPT_SNAPSHOTS";

    private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public SnapshotStore(string directory, bool accept)
    {
        Directory = directory;
        Accept = accept;
    }

    public string Directory { get; }

    /// <summary>Whether differences are written as the new verified files instead of failing the test.</summary>
    public bool Accept { get; }

    /// <summary>Accepting is asked for with <see cref="AcceptVariable"/>=1, and never happens on CI, where a stale snapshot must fail.</summary>
    public static bool AcceptRequested =>
        ShouldAccept(Environment.GetEnvironmentVariable(AcceptVariable), Environment.GetEnvironmentVariable("CI"));

    public static bool ShouldAccept(string? acceptValue, string? ciValue) =>
        acceptValue == "1" && !string.Equals(ciValue, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>Snapshots</c> folder of the test project holding <paramref name="testFile"/>, found from the source path so any working directory works.</summary>
    public static SnapshotStore ForTestFile(string testFile)
    {
        string? directory = Path.GetDirectoryName(testFile);
        while (directory is not null && !System.IO.Directory.EnumerateFiles(directory, "*.csproj").Any())
        {
            directory = Path.GetDirectoryName(directory);
        }

        Assert.True(directory is not null, $"No test project found above '{testFile}'; snapshots are located from the test's source path, which must exist on this machine.");
        return new SnapshotStore(Path.Combine(directory!, "Snapshots"), AcceptRequested);
    }

    /// <param name="name"><c>{TestClass}.{TestMethod}</c>, the prefix of every snapshot file of the test.</param>
    /// <param name="produced">What the test produced, each file at most once.</param>
    public void Verify(string name, IReadOnlyCollection<SnapshotFile> produced)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var failures = new List<string>();
        var expectedPaths = new HashSet<string>(StringComparer.Ordinal);
        foreach (SnapshotFile file in produced)
        {
            string verified = Path.Combine(Directory, name + file.Suffix);
            expectedPaths.Add(verified);
            string? failure = Compare(verified, file.Text);
            if (failure is not null)
            {
                failures.Add(failure);
            }
        }

        foreach (string orphan in VerifiedFilesOf(name).Where(path => !expectedPaths.Contains(path)))
        {
            if (Accept)
            {
                File.Delete(orphan);
            }
            else
            {
                failures.Add($"{orphan}\n  is verified but the test no longer produces it; delete it or accept with {AcceptVariable}=1.");
            }
        }

        if (failures.Count > 0)
        {
            Assert.Fail($"Snapshots of {name} differ ({failures.Count}); accept the received files with {AcceptVariable}=1 if the change is intended.\n\n" + string.Join("\n\n", failures));
        }
    }

    public static string ReceivedPathFor(string verifiedPath) => verifiedPath.Replace(".verified.", ".received.", StringComparison.Ordinal);

    /// <summary>Null when <paramref name="verified"/> holds <paramref name="text"/> (or was made to, when accepting), else the failure.</summary>
    private string? Compare(string verified, string text)
    {
        string received = ReceivedPathFor(verified);
        string? current = File.Exists(verified) ? Snapshot.NormalizeLineEndings(File.ReadAllText(verified)) : null;
        if (current == text)
        {
            File.Delete(received);
            return null;
        }

        if (Accept)
        {
            File.WriteAllText(verified, text, Utf8NoBom);
            File.Delete(received);
            return null;
        }

        File.WriteAllText(received, text, Utf8NoBom);
        return current is null
            ? $"{verified}\n  does not exist; the test produced {received}."
            : UnifiedDiff.Create(current, text, verified, received);
    }

    private IEnumerable<string> VerifiedFilesOf(string name) =>
        System.IO.Directory.EnumerateFiles(Directory, name + "#*.verified.cs")
            .Concat(System.IO.Directory.EnumerateFiles(Directory, name + ".verified.txt"));
}
