using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator;

namespace NetGen.CodeFixes;

/// <summary>NG0015: removes a <c>Slope = …</c> argument from a layer that is not LeakyReLU, where it has no effect.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveSlopeCodeFix)), Shared]
public sealed class RemoveSlopeCodeFix : NetworkCodeFix
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SlopeIgnored);

    private protected override Task RegisterAsync(CodeFixContext context, SyntaxNode root, SyntaxNode node, Diagnostic diagnostic)
    {
        if (node.FirstAncestorOrSelf<AttributeSyntax>() is { ArgumentList: { } arguments } dense
            && NetworkSyntax.PropertyArgument(dense, "Slope") is { } slope)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove the Slope",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(
                        root.ReplaceNode(arguments, arguments.WithArguments(arguments.Arguments.Remove(slope))))),
                    nameof(RemoveSlopeCodeFix)),
                diagnostic);
        }

        return Task.CompletedTask;
    }
}
