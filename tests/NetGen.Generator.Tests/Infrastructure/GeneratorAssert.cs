using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>Assertions about a generator run as a whole: it did not fail, and what it produced compiles.</summary>
internal static class GeneratorAssert
{
    // CS8784/CS8785: the compiler's report that a generator threw during initialisation or generation.
    // AD0001: the same for an analyzer. The driver turns an exception into one of these instead of failing.
    private static readonly string[] FailureIds = { "CS8784", "CS8785", "AD0001" };

    public static void DidNotFail(GeneratorRun run)
    {
        foreach (GeneratorRunResult result in run.Result.Results)
        {
            Assert.True(result.Exception is null, $"The generator threw: {result.Exception}");
        }

        Diagnostic[] failures = run.DriverDiagnostics.Concat(run.Result.Diagnostics).Where(d => FailureIds.Contains(d.Id)).ToArray();
        Assert.True(failures.Length == 0, "The generator failed: " + string.Join("; ", failures.Select(d => d.ToString())));
    }

    /// <summary>The user's code plus the generated code compiles with neither errors nor warnings.</summary>
    public static void OutputCompilesCleanly(GeneratorRun run)
    {
        Diagnostic[] problems = run.OutputCompilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToArray();
        Assert.True(problems.Length == 0, "The output compilation has diagnostics:\n" + string.Join("\n", problems.Select(d => d.ToString())));
    }

    public static void GeneratedNothing(GeneratorRun run) =>
        Assert.True(run.GeneratedSources.IsEmpty, "Expected no generated source, got: " + string.Join(", ", run.GeneratedSources.Select(s => s.HintName)));

    public static void ReportedNothing(GeneratorRun run) =>
        Assert.True(run.Result.Diagnostics.IsEmpty, "Expected no generator diagnostics, got:\n" + string.Join("\n", run.Result.Diagnostics.Select(d => d.ToString())));
}
