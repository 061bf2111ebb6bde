using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator;

namespace NetGen.CodeFixes;

/// <summary>NG0006: a hidden layer with Softmax gets ReLU, and the output layer gets Softmax.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveSoftmaxCodeFix)), Shared]
public sealed class MoveSoftmaxCodeFix : NetworkCodeFix
{
    /// <summary>The activation the hidden layer gets in place of Softmax, as the diagnostic suggests.</summary>
    private const string HiddenActivation = "ReLU";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SoftmaxOnHiddenLayer);

    private protected override Task RegisterAsync(CodeFixContext context, SyntaxNode root, SyntaxNode node, Diagnostic diagnostic)
    {
        if (node.AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault() is { } hidden
            && hidden.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } type)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Move Softmax to the output layer (ReLU here)",
                    ct => MoveAsync(context.Document, root, type, hidden, ct),
                    nameof(MoveSoftmaxCodeFix)),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> MoveAsync(Document document, SyntaxNode root, TypeDeclarationSyntax type, AttributeSyntax hidden, CancellationToken cancellationToken)
    {
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || NetworkSyntax.ActivationArgument(hidden) is not { } hiddenArgument)
        {
            return document;
        }

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>
        {
            [hiddenArgument.Expression] = NetworkSyntax.WithEnumMember(hiddenArgument.Expression, NetworkSyntax.ActivationEnum, HiddenActivation),
        };
        List<AttributeSyntax> layers = NetworkSyntax.DenseAttributes(type, model, cancellationToken);
        if (layers.Count > 0
            && layers[layers.Count - 1] != hidden
            && NetworkSyntax.ActivationArgument(layers[layers.Count - 1]) is { } output
            && NetworkSyntax.EnumMember(output.Expression, NetworkSyntax.ActivationEnum, model, cancellationToken) != "Softmax")
        {
            replacements[output.Expression] = NetworkSyntax.WithEnumMember(output.Expression, NetworkSyntax.ActivationEnum, "Softmax");
        }

        return document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
    }
}
