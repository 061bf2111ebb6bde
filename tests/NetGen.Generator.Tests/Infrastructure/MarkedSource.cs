using System;
using Microsoft.CodeAnalysis.Text;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>
/// Test source with the expected location of a diagnostic marked as <c>[|…|]</c>, the convention of
/// Roslyn's own analyzer tests: the markers are removed and their span kept.
/// </summary>
internal sealed record MarkedSource(string Source, TextSpan Span)
{
    private const string Open = "[|";
    private const string Close = "|]";

    public string MarkedText => Source.Substring(Span.Start, Span.Length);

    /// <summary>The marked span as zero-based lines and columns, what <c>Location.GetLineSpan()</c> reports.</summary>
    public LinePositionSpan LineSpan => SourceText.From(Source).Lines.GetLinePositionSpan(Span);

    public static MarkedSource Parse(string markup)
    {
        int start = markup.IndexOf(Open, StringComparison.Ordinal);
        int end = markup.IndexOf(Close, start + Open.Length, StringComparison.Ordinal);
        if (start < 0 || end < 0 || markup.IndexOf(Open, end, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException("Mark exactly one span with [| and |].", nameof(markup));
        }

        string source = markup.Remove(end, Close.Length).Remove(start, Open.Length);
        return new MarkedSource(source, TextSpan.FromBounds(start, end - Open.Length));
    }
}
