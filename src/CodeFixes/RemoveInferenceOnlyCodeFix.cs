using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator;

namespace NetGen.CodeFixes;

/// <summary>
/// NG0055: removes <c>InferenceOnly = true</c> from a network that names no model file, which makes it a trainable
/// network (the other way out, naming a trained file, is the user's to choose).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveInferenceOnlyCodeFix)), Shared]
public sealed class RemoveInferenceOnlyCodeFix : NetworkCodeFix
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.InferenceOnlyWithoutWeights);

    private protected override Task RegisterAsync(CodeFixContext context, SyntaxNode root, SyntaxNode node, Diagnostic diagnostic)
    {
        if (node.FirstAncestorOrSelf<AttributeSyntax>() is { ArgumentList: { } arguments } network
            && NetworkSyntax.PropertyArgument(network, "InferenceOnly") is { } inferenceOnly)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove InferenceOnly (generate a trainable network)",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(
                        root.ReplaceNode(arguments, arguments.WithArguments(arguments.Arguments.Remove(inferenceOnly))))),
                    nameof(RemoveInferenceOnlyCodeFix)),
                diagnostic);
        }

        return Task.CompletedTask;
    }
}
