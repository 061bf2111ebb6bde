using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using NetGen.Generator;

namespace NetGen.CodeFixes;

/// <summary>NG0015: removes a <c>Slope = …</c> argument from a layer that is not LeakyReLU, where it has no effect.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveSlopeCodeFix)), Shared]
public sealed class RemoveSlopeCodeFix : RemoveArgumentCodeFix
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SlopeIgnored);

    private protected override string PropertyName => "Slope";

    private protected override string Title => "Remove the Slope";
}
