using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Helpers;

namespace NetGen.Generator.Model;

/// <summary>
/// A diagnostic as data (descriptor, location, message arguments), turned into a <see cref="Diagnostic"/> only
/// when reported. Immutable and structurally equal.
/// </summary>
/// <remarks>
/// It holds the real source <see cref="Microsoft.CodeAnalysis.Location"/> (and through it the syntax tree): the
/// compiler applies <c>#pragma warning disable</c>, <c>[SuppressMessage]</c> and per-file <c>.editorconfig</c>
/// severities only to diagnostics located in one of the compilation's trees, not to a location rebuilt from a
/// path and a span. So it belongs to the diagnostics branch of the pipeline only; the models the source output
/// depends on (<see cref="NetworkSpec"/>, <see cref="NetworkPlan"/>) hold no locations.
/// </remarks>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, Location? Location, EquatableArray<string> MessageArguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] messageArguments) =>
        new(descriptor, location, new EquatableArray<string>(messageArguments));

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location, MessageArguments.Cast<object>().ToArray());
}
