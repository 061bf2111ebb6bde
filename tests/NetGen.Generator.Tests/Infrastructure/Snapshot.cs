using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>
/// Snapshot testing of generator output, in the manner of Verify.SourceGenerators (which this machine's
/// package mirror lacks): each generated source in <c>Snapshots/{TestClass}.{TestMethod}#{HintName}.verified.cs</c>,
/// the generator's diagnostics, if any, in <c>Snapshots/{TestClass}.{TestMethod}.verified.txt</c>.
/// </summary>
/// <remarks>
/// As in Verify, the test class part of the name is the test's source file name, so keep one test class
/// per file, named after it. Set <c>NETGEN_ACCEPT_SNAPSHOTS=1</c> to accept what the tests produce (never
/// honoured when <c>CI=true</c>).
/// </remarks>
internal static partial class Snapshot
{
    public const string VersionPlaceholder = "{NetGenVersion}";

    public static void Verify(GeneratorRun run, [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "")
    {
        var files = new List<SnapshotFile>();
        foreach (GeneratedSourceResult source in run.GeneratedSources)
        {
            files.Add(new SnapshotFile($"#{source.HintName}.verified.cs", $"//HintName: {source.HintName}\n" + Scrub(source.SourceText.ToString())));
        }

        if (!run.Result.Diagnostics.IsEmpty)
        {
            files.Add(new SnapshotFile(".verified.txt", DiagnosticText.Format(run.Diagnostics)));
        }

        SnapshotStore.ForTestFile(testFile).Verify(Path.GetFileNameWithoutExtension(testFile) + "." + testMethod, files);
    }

    /// <summary>Normalises line endings to <c>\n</c> and replaces the generator's version, which changes with every release.</summary>
    public static string Scrub(string text) =>
        GeneratedCodeVersion().Replace(NormalizeLineEndings(text), "${prefix}" + VersionPlaceholder + "\"");

    public static string NormalizeLineEndings(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    [GeneratedRegex("""(?<prefix>GeneratedCode\("NetGen", ")[^"]*"(?=\))""")]
    private static partial Regex GeneratedCodeVersion();
}
