using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.CodeFixes;

/// <summary>
/// A fix that removes one named argument (<c>Name = …</c>) from the attribute the diagnostic is on; each fix says
/// only which argument and how the fix is titled.
/// </summary>
public abstract class RemoveArgumentCodeFix : NetworkCodeFix
{
    /// <summary>The property the argument sets, for example <c>Slope</c>.</summary>
    private protected abstract string PropertyName { get; }

    /// <summary>The fix's title in the editor.</summary>
    private protected abstract string Title { get; }

    private protected sealed override Task RegisterAsync(CodeFixContext context, SyntaxNode root, SyntaxNode node, Diagnostic diagnostic)
    {
        if (node.FirstAncestorOrSelf<AttributeSyntax>() is { ArgumentList: { } arguments } attribute
            && NetworkSyntax.PropertyArgument(attribute, PropertyName) is { } argument)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(
                        root.ReplaceNode(arguments, arguments.WithArguments(arguments.Arguments.Remove(argument))))),
                    GetType().Name),
                diagnostic);
        }

        return Task.CompletedTask;
    }
}
