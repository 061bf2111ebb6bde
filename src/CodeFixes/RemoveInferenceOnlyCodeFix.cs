using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using NetGen.Generator;

namespace NetGen.CodeFixes;

/// <summary>
/// NG0055: removes <c>InferenceOnly = true</c> from a network that names no model file, which makes it a trainable
/// network (the other way out, naming a trained file, is the user's to choose).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveInferenceOnlyCodeFix)), Shared]
public sealed class RemoveInferenceOnlyCodeFix : RemoveArgumentCodeFix
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.InferenceOnlyWithoutWeights);

    private protected override string PropertyName => "InferenceOnly";

    private protected override string Title => "Remove InferenceOnly (generate a trainable network)";
}
