using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>Diagnostics as stable text for snapshots: <c>id severity message file: (line,col)-(line,col)</c>, lines and columns from 1.</summary>
internal static class DiagnosticText
{
    public static string Format(IEnumerable<Diagnostic> diagnostics) =>
        string.Concat(diagnostics.Select(d => Format(d) + "\n"));

    public static string Format(Diagnostic diagnostic)
    {
        string text = $"{diagnostic.Id} {diagnostic.Severity} {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
        if (diagnostic.Location == Location.None)
        {
            return text + " (no location)";
        }

        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        return text + $" {span.Path}: ({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})-({span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1})";
    }
}
