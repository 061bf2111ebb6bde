using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace NetGen.CodeFixes;

/// <summary>
/// What every NetGen code fix shares: batch fix-all, and one pass over the context's diagnostics that finds the
/// syntax node each one points at. A fix says only what it offers for one diagnostic at one node.
/// </summary>
public abstract class NetworkCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (NetworkSyntax.NodeAt(root, diagnostic) is { } node)
            {
                await RegisterAsync(context, root, node, diagnostic).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Registers the fixes this provider offers for <paramref name="diagnostic"/>, found at <paramref name="node"/> in <paramref name="root"/>.</summary>
    private protected abstract Task RegisterAsync(CodeFixContext context, SyntaxNode root, SyntaxNode node, Diagnostic diagnostic);
}
