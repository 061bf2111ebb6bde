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

/// <summary>
/// NG0007 and NG0008, a loss that does not match the output activation: offers both ways out, giving the output
/// layer the activation the loss needs, or changing the loss to the one that matches the output layer.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MatchLossAndOutputCodeFix)), Shared]
public sealed class MatchLossAndOutputCodeFix : NetworkCodeFix
{
    /// <summary>The equivalence key of the fix that changes the output activation.</summary>
    public const string ChangeActivationKey = nameof(MatchLossAndOutputCodeFix) + ".Activation";

    /// <summary>The equivalence key of the fix that changes the loss.</summary>
    public const string ChangeLossKey = nameof(MatchLossAndOutputCodeFix) + ".Loss";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.CrossEntropyNeedsSoftmax, DiagnosticIds.BinaryCrossEntropyNeedsSigmoid);

    private protected override async Task RegisterAsync(CodeFixContext context, SyntaxNode root, SyntaxNode node, Diagnostic diagnostic)
    {
        if (node.AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault() is not { } network
            || NetworkSyntax.PropertyArgument(network, "Loss") is not { } loss
            || network.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type
            || await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false) is not { } model)
        {
            return;
        }

        List<AttributeSyntax> layers = NetworkSyntax.DenseAttributes(type, model, context.CancellationToken);
        if (layers.Count == 0 || NetworkSyntax.ActivationArgument(layers[layers.Count - 1]) is not { } output
            || NetworkSyntax.EnumMember(output.Expression, NetworkSyntax.ActivationEnum, model, context.CancellationToken) is not { } outputActivation)
        {
            return;
        }

        string neededActivation = diagnostic.Id == DiagnosticIds.CrossEntropyNeedsSoftmax ? "Softmax" : "Sigmoid";
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Use Activation.{neededActivation} on the output layer",
                _ => Replace(context.Document, root, output.Expression, NetworkSyntax.ActivationEnum, neededActivation),
                ChangeActivationKey),
            diagnostic);

        string matchingLoss = LossFor(outputActivation);
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Use Loss.{matchingLoss}, which fits the {outputActivation} output layer",
                _ => Replace(context.Document, root, loss.Expression, NetworkSyntax.LossEnum, matchingLoss),
                ChangeLossKey),
            diagnostic);
    }

    /// <summary>The loss that pairs with an output activation: the two cross-entropies with their own activation, squared error with the rest.</summary>
    private static string LossFor(string outputActivation) => outputActivation switch
    {
        "Softmax" => "CrossEntropy",
        "Sigmoid" => "BinaryCrossEntropy",
        _ => "MeanSquaredError",
    };

    private static Task<Document> Replace(Document document, SyntaxNode root, ExpressionSyntax expression, string enumName, string member) =>
        Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(expression, NetworkSyntax.WithEnumMember(expression, enumName, member))));
}
