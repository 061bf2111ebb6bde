using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>
/// The checks every snapshot test makes, besides the snapshot itself: the generator did not fail, the
/// output compiles cleanly, the pipeline models hold no compilation objects, and a second run over an
/// equal compilation recomputes nothing.
/// </summary>
internal static class NetworkSnapshot
{
    public static GeneratorRun Verify(string source, [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "") =>
        Verify(GeneratorHarness.Compile(source), expectSource: true, testFile, testMethod);

    /// <summary>For a declaration the generator rejects: its diagnostics are the snapshot, and no source may be generated.</summary>
    public static GeneratorRun VerifyRejected(string source, [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "")
    {
        GeneratorRun run = Verify(GeneratorHarness.Compile(source), expectSource: false, testFile, testMethod);
        GeneratorAssert.GeneratedNothing(run);
        return run;
    }

    public static GeneratorRun Verify(Compilation compilation, bool expectSource, string testFile, string testMethod)
    {
        GeneratorRun run = GeneratorHarness.Run(compilation);
        GeneratorAssert.DidNotFail(run);
        GeneratorAssert.OutputCompilesCleanly(run);
        ModelGraphAssert.HoldsNoCompilationObjects(run);

        // A clone is an equal but distinct compilation: everything must come from the cache.
        GeneratorRun again = GeneratorHarness.Run(run.Driver, compilation.Clone());
        GeneratorAssert.DidNotFail(again);
        IncrementalAssert.NothingRecomputed(again, requireEveryStep: expectSource);

        Snapshot.Verify(run, testFile, testMethod);
        return run;
    }
}
