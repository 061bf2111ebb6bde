using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator;

namespace NetGen.CodeFixes;

/// <summary>NG0019: chains the constructor to the generated one with <c>: this(seed: 0)</c>, so that it initialises the weights.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ChainConstructorCodeFix)), Shared]
public sealed class ChainConstructorCodeFix : NetworkCodeFix
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ConstructorSkipsInitialization);

    private protected override Task RegisterAsync(CodeFixContext context, SyntaxNode root, SyntaxNode node, Diagnostic diagnostic)
    {
        if (node.FirstAncestorOrSelf<ConstructorDeclarationSyntax>() is { } constructor)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Call the generated constructor with ': this(seed: 0)'",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(constructor, Chain(constructor)))),
                    nameof(ChainConstructorCodeFix)),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static ConstructorDeclarationSyntax Chain(ConstructorDeclarationSyntax constructor)
    {
        ArgumentListSyntax seed = SyntaxFactory.ParseArgumentList("(seed: 0)");
        SyntaxToken @this = SyntaxFactory.Token(SyntaxKind.ThisKeyword);
        if (constructor.Initializer is { } existing)
        {
            // `: base(...)` becomes `: this(seed: 0)`, keeping the layout around it.
            return constructor.WithInitializer(SyntaxFactory.ConstructorInitializer(
                SyntaxKind.ThisConstructorInitializer,
                existing.ColonToken,
                @this.WithTriviaFrom(existing.ThisOrBaseKeyword),
                seed.WithTriviaFrom(existing.ArgumentList)));
        }

        // The initializer goes between `)` and the body, taking over whatever followed `)` (a line break, or a space).
        SyntaxToken closeParen = constructor.ParameterList.CloseParenToken;
        ConstructorInitializerSyntax initializer = SyntaxFactory.ConstructorInitializer(
                SyntaxKind.ThisConstructorInitializer,
                SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.ColonToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                @this,
                seed)
            .WithTrailingTrivia(closeParen.TrailingTrivia);
        return constructor
            .WithParameterList(constructor.ParameterList.WithCloseParenToken(closeParen.WithTrailingTrivia()))
            .WithInitializer(initializer);
    }
}
