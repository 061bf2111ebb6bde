using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>Assertions about what an incremental run of the generator recomputed, read from its tracked steps.</summary>
internal static class IncrementalAssert
{
    private static readonly IncrementalStepRunReason[] NotRecomputed = { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged };

    /// <summary>Every output of every named pipeline step, and every source output, is Cached or Unchanged.</summary>
    public static void NothingRecomputed(GeneratorRun run, bool requireEveryStep = true)
    {
        IReadOnlyDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> steps = run.Generator.TrackedSteps;
        foreach (string name in TrackingNames.All)
        {
            if (!steps.ContainsKey(name))
            {
                Assert.False(requireEveryStep, $"The pipeline step '{name}' did not run.");
                continue;
            }

            StepOutputsAre(run, name, NotRecomputed);
        }

        SourceOutputsAre(run, NotRecomputed);
    }

    /// <summary>Every output of the step <paramref name="name"/> has one of <paramref name="reasons"/>; the step must have run.</summary>
    public static void StepOutputsAre(GeneratorRun run, string name, params IncrementalStepRunReason[] reasons)
    {
        IncrementalStepRunReason[] actual = Reasons(run, name);
        Assert.True(actual.Length > 0, $"The step '{name}' produced no outputs.");
        Assert.True(actual.All(reasons.Contains), $"The step '{name}' has outputs [{string.Join(", ", actual)}]; expected only [{string.Join(", ", reasons)}].");
    }

    /// <summary>Every source output (AddSource or ReportDiagnostic) has one of <paramref name="reasons"/>.</summary>
    public static void SourceOutputsAre(GeneratorRun run, params IncrementalStepRunReason[] reasons)
    {
        IncrementalStepRunReason[] actual = run.Generator.TrackedOutputSteps
            .SelectMany(pair => pair.Value)
            .SelectMany(step => step.Outputs)
            .Select(output => output.Reason)
            .ToArray();
        Assert.True(actual.All(reasons.Contains), $"The source outputs are [{string.Join(", ", actual)}]; expected only [{string.Join(", ", reasons)}].");
    }

    public static IncrementalStepRunReason[] Reasons(GeneratorRun run, string name) =>
        run.Generator.TrackedSteps.TryGetValue(name, out ImmutableArray<IncrementalGeneratorRunStep> steps)
            ? steps.SelectMany(step => step.Outputs).Select(output => output.Reason).ToArray()
            : System.Array.Empty<IncrementalStepRunReason>();
}
