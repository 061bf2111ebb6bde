using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>One run of the generator: the driver to run again, its result, and the compilation with the generated sources added.</summary>
internal sealed record GeneratorRun(GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation OutputCompilation, ImmutableArray<Diagnostic> DriverDiagnostics)
{
    public GeneratorRunResult Generator => Result.Results.Single();

    public ImmutableArray<GeneratedSourceResult> GeneratedSources => Generator.GeneratedSources;

    /// <summary>The diagnostics the generator reported, in source order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics =>
        Result.Diagnostics.OrderBy(d => d.Location.GetLineSpan().Path).ThenBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id).ToImmutableArray();

    public string SourceOf(string hintName) =>
        GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();
}
