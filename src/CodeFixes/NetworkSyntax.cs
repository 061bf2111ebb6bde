using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using NetGen.Generator;

namespace NetGen.CodeFixes;

/// <summary>Finds the parts of a network declaration that the fixes rewrite: its attributes, their arguments, enum values.</summary>
internal static class NetworkSyntax
{
    public const string ActivationEnum = "Activation";
    public const string LossEnum = "Loss";

    /// <summary>The syntax node at a diagnostic's location: the innermost node covering its span.</summary>
    public static SyntaxNode? NodeAt(SyntaxNode root, Diagnostic diagnostic) =>
        diagnostic.Location.IsInSource && diagnostic.Location.SourceSpan.End <= root.FullSpan.End
            ? root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
            : null;

    /// <summary>The <c>[Dense]</c> attributes of a declaration, input to output.</summary>
    public static List<AttributeSyntax> DenseAttributes(TypeDeclarationSyntax type, SemanticModel model, CancellationToken cancellationToken) =>
        type.AttributeLists.SelectMany(list => list.Attributes).Where(a => Is(a, TypeNames.DenseAttribute, model, cancellationToken)).ToList();

    public static bool Is(AttributeSyntax attribute, string metadataName, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetSymbolInfo(attribute, cancellationToken).Symbol is IMethodSymbol { ContainingType: { } type }
        && type.ToDisplayString() == metadataName;

    /// <summary>The activation argument of a <c>[Dense(size, activation)]</c>: named <c>activation:</c>, or the second positional one.</summary>
    public static AttributeArgumentSyntax? ActivationArgument(AttributeSyntax dense)
    {
        SeparatedSyntaxList<AttributeArgumentSyntax> arguments = dense.ArgumentList?.Arguments ?? default;
        return arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "activation")
            ?? arguments.Where(a => a.NameEquals is null).ElementAtOrDefault(1);
    }

    /// <summary>A property argument such as <c>Loss = …</c> or <c>Slope = …</c>, or null.</summary>
    public static AttributeArgumentSyntax? PropertyArgument(AttributeSyntax attribute, string name) =>
        attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);

    /// <summary>The name of the NetGen enum member an expression evaluates to (<c>Softmax</c> for <c>Activation.Softmax</c>), or null.</summary>
    public static string? EnumMember(ExpressionSyntax expression, string enumName, SemanticModel model, CancellationToken cancellationToken)
    {
        Optional<object?> value = model.GetConstantValue(expression, cancellationToken);
        if (!value.HasValue || model.Compilation.GetTypeByMetadataName("NetGen." + enumName) is not { } type)
        {
            return null;
        }

        return type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value.Value))?.Name;
    }

    /// <summary>
    /// <paramref name="expression"/> rewritten to name another member of the same enum, in the form the user wrote
    /// (<c>Activation.Tanh</c> → <c>Activation.ReLU</c>; <c>Tanh</c> under <c>using static</c> → <c>ReLU</c>).
    /// </summary>
    public static ExpressionSyntax WithEnumMember(ExpressionSyntax expression, string enumName, string member)
    {
        ExpressionSyntax replacement = expression switch
        {
            MemberAccessExpressionSyntax access => access.WithName(SyntaxFactory.IdentifierName(member)),
            IdentifierNameSyntax => SyntaxFactory.IdentifierName(member),
            _ => SyntaxFactory.ParseExpression("global::NetGen." + enumName + "." + member).WithAdditionalAnnotations(Simplifier.Annotation),
        };
        return replacement.WithTriviaFrom(expression);
    }
}
