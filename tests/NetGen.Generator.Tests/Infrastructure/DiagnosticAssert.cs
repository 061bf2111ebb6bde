using System.Globalization;
using Microsoft.CodeAnalysis;
using Xunit;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>Runs the generator over a source with one marked span and checks the single diagnostic it reports.</summary>
internal static class DiagnosticAssert
{
    /// <summary>
    /// Asserts that the generator reports exactly one diagnostic, with <paramref name="id"/>, <paramref name="severity"/>
    /// and <paramref name="message"/>, located at the span marked <c>[|…|]</c> in <paramref name="markup"/>; and that it
    /// generates no source for an error, the network's source for a warning.
    /// </summary>
    public static Diagnostic ReportsSingle(string markup, string id, DiagnosticSeverity severity, string message)
    {
        MarkedSource marked = MarkedSource.Parse(markup);
        GeneratorRun run = GeneratorHarness.Run(marked.Source);
        GeneratorAssert.DidNotFail(run);

        Diagnostic diagnostic = Assert.Single(run.Result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));

        FileLinePositionSpan location = diagnostic.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.SourcePath, location.Path);
        Assert.True(
            marked.Span == diagnostic.Location.SourceSpan,
            $"Expected the diagnostic on '{marked.MarkedText}' {marked.Span}, but it is on '{TextAt(marked.Source, diagnostic.Location)}' {diagnostic.Location.SourceSpan}.");
        Assert.Equal(marked.LineSpan, location.Span);

        if (severity == DiagnosticSeverity.Error)
        {
            GeneratorAssert.GeneratedNothing(run);
        }
        else
        {
            Assert.Single(run.GeneratedSources);
            GeneratorAssert.OutputCompilesCleanly(run);
        }

        return diagnostic;
    }

    private static string TextAt(string source, Location location) =>
        location.SourceSpan.End <= source.Length ? source.Substring(location.SourceSpan.Start, location.SourceSpan.Length) : "(outside the source)";
}
