using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Helpers;
using NetGen.Generator.Model;

namespace NetGen.Generator;

/// <summary>
/// Parse stage: reads a <c>[Network]</c> declaration's attributes into a <see cref="NetworkDeclaration"/>.
/// It judges nothing; where the C# compiler already reports an error in an attribute (a missing or
/// mistyped argument, a duplicate <c>[Network]</c>) it returns null and the network is left alone.
/// </summary>
internal static class Parser
{
    public static NetworkDeclaration? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length != 1)
        {
            return null;
        }

        ImmutableArray<AttributeData> attributes = type.GetAttributes();
        AttributeData network = context.Attributes[0];
        if (attributes.Count(a => Is(a, TypeNames.NetworkAttribute)) != 1 || HasErrors(network) || network.ConstructorArguments.Length != 1)
        {
            return null;
        }

        var networkSyntax = network.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var layers = new List<LayerDeclaration>();
        SyntaxNode? layerDeclaration = null;
        Location? layersOnSecondDeclaration = null;
        foreach (AttributeData dense in attributes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!Is(dense, TypeNames.DenseAttribute))
            {
                continue;
            }

            if (HasErrors(dense) || dense.ConstructorArguments.Length != 2)
            {
                return null;
            }

            var syntax = dense.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            SyntaxNode? declaration = syntax?.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (layerDeclaration is null)
            {
                layerDeclaration = declaration;
            }
            else if (declaration != layerDeclaration && layersOnSecondDeclaration is null)
            {
                layersOnSecondDeclaration = At(syntax);
            }

            (object? slope, Location? slopeLocation) = Named(dense, syntax, "Slope");
            layers.Add(new LayerDeclaration(
                Positional(dense, syntax, 0, "size"),
                Positional(dense, syntax, 1, "activation"),
                slope is float f ? f : 0.01f,
                slopeLocation,
                At(syntax)));
        }

        return new NetworkDeclaration(
            ReadHierarchy(type),
            (context.TargetNode as BaseTypeDeclarationSyntax)?.Identifier.GetLocation() ?? context.TargetNode.GetLocation(),
            FirstNonPartial(type, cancellationToken),
            type.IsStatic,
            type.IsRecord,
            PrimaryConstructor(type, cancellationToken),
            ConstructorsNotChainingToSeed(type, cancellationToken),
            Positional(network, networkSyntax, 0, "inputs"),
            NamedInt(network, networkSyntax, "Loss"),
            NamedInt(network, networkSyntax, "Kernels"),
            At(networkSyntax),
            layers.ToEquatableArray(),
            layersOnSecondDeclaration,
            ReadMembers(type, cancellationToken));
    }

    /// <summary>A warning for <c>[Dense]</c> layers on a type that has no <c>[Network]</c> on any declaration, else null.</summary>
    public static DiagnosticInfo? ParseLayersWithoutNetwork(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || type.GetAttributes().Any(a => Is(a, TypeNames.NetworkAttribute)))
        {
            return null;
        }

        SyntaxNode? first = context.Attributes.FirstOrDefault()?.ApplicationSyntaxReference?.GetSyntax(cancellationToken);
        return DiagnosticInfo.Create(DiagnosticDescriptors.DenseWithoutNetwork, At(first), Header(type).NameWithTypeParameters);
    }

    private static Location? At(SyntaxNode? node) => node?.GetLocation();

    private static bool Is(AttributeData attribute, string metadataName) =>
        attribute.AttributeClass?.ToDisplayString() == metadataName;

    private static bool HasErrors(AttributeData attribute) =>
        attribute.AttributeClass is null or IErrorTypeSymbol
        || attribute.AttributeConstructor is null
        || attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error)
        || attribute.NamedArguments.Any(a => a.Value.Kind == TypedConstantKind.Error);

    private static IntArgument Positional(AttributeData attribute, AttributeSyntax? syntax, int position, string parameterName)
    {
        AttributeArgumentSyntax? argument = syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameterName)
            // A named argument may stand in its own position before positional ones, so it counts towards the position.
            ?? syntax?.ArgumentList?.Arguments.Where(a => a.NameEquals is null).ElementAtOrDefault(position);
        return new IntArgument(attribute.ConstructorArguments[position].Value is int value ? value : 0, At((SyntaxNode?)argument ?? syntax));
    }

    private static IntArgument NamedInt(AttributeData attribute, AttributeSyntax? syntax, string name)
    {
        (object? value, Location? location) = Named(attribute, syntax, name);
        return new IntArgument(value is int i ? i : 0, location);
    }

    /// <summary>A named argument's value and location, or (null, null) where it was not written.</summary>
    private static (object? Value, Location? Location) Named(AttributeData attribute, AttributeSyntax? syntax, string name)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                AttributeArgumentSyntax? argumentSyntax = syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
                return (argument.Value.Value, At((SyntaxNode?)argumentSyntax ?? syntax));
            }
        }

        return (null, null);
    }

    private static HierarchyInfo ReadHierarchy(INamedTypeSymbol type)
    {
        var containing = new List<TypeHeader>();
        string metadataName = type.MetadataName;
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            containing.Insert(0, Header(outer));
            metadataName = outer.MetadataName + "+" + metadataName;
        }

        string ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : string.Empty;
        return new HierarchyInfo(ns, containing.ToEquatableArray(), Header(type), ns.Length == 0 ? metadataName : ns + "." + metadataName);
    }

    private static TypeHeader Header(INamedTypeSymbol type)
    {
        string keyword = type switch
        {
            { IsRecord: true, IsValueType: true } => "record struct",
            { IsRecord: true } => "record",
            { TypeKind: TypeKind.Struct } => "struct",
            { TypeKind: TypeKind.Interface } => "interface",
            _ => "class",
        };
        string name = type.TypeParameters.Length == 0
            ? type.Name
            : type.Name + "<" + string.Join(", ", type.TypeParameters.Select(p => p.Name)) + ">";
        return new TypeHeader(keyword, name);
    }

    /// <summary>The first of the type and its containing types that is not declared partial everywhere, with its name's location; or null.</summary>
    private static NamedLocation? FirstNonPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            foreach (SyntaxReference reference in current.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                    && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    return new NamedLocation(Header(current).NameWithTypeParameters, declaration.Identifier.GetLocation());
                }
            }
        }

        return null;
    }

    /// <summary>The parameter list of a primary constructor on any declaration of the type, or null.</summary>
    private static Location? PrimaryConstructor(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax { ParameterList: { } parameters })
            {
                return At(parameters);
            }
        }

        return null;
    }

    /// <summary>
    /// The user's instance constructors that do not chain to another constructor with <c>this(...)</c>: they
    /// never reach the generated one, so they leave the weights at zero.
    /// </summary>
    private static EquatableArray<MemberInfo> ConstructorsNotChainingToSeed(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var constructors = new List<MemberInfo>();
        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            foreach (SyntaxReference reference in constructor.DeclaringSyntaxReferences)
            {
                // A constructor taking one int clashes with the generated one and is reported as such (NG0010).
                if (reference.GetSyntax(cancellationToken) is ConstructorDeclarationSyntax declaration
                    && !IsSeedConstructor(constructor)
                    && !declaration.Initializer.IsKind(SyntaxKind.ThisConstructorInitializer)
                    && declaration.Identifier.GetLocation() is { } location)
                {
                    constructors.Add(new MemberInfo(constructor.Name, location));
                }
            }
        }

        return constructors.ToEquatableArray();
    }

    private static bool IsSeedConstructor(IMethodSymbol constructor) =>
        constructor.Parameters.Length == 1 && constructor.Parameters[0].Type.SpecialType == SpecialType.System_Int32;

    private static EquatableArray<MemberInfo> ReadMembers(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var members = new List<MemberInfo>();
        foreach (ISymbol member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member.IsImplicitlyDeclared)
            {
                continue;
            }

            string? name = member switch
            {
                IMethodSymbol { MethodKind: MethodKind.Constructor } constructor when IsSeedConstructor(constructor) => GeneratedNames.SeedConstructor,
                IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } => null,
                _ => member.Name,
            };
            if (name is not null)
            {
                members.Add(new MemberInfo(name, member.Locations.Length > 0 ? member.Locations[0] : null));
            }
        }

        return members.ToEquatableArray();
    }
}
