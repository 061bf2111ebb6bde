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

        // A class with [OnnxNetwork] too is reported (NG0053) by the ONNX declaration's parse.
        if (attributes.Any(a => Is(a, TypeNames.OnnxNetworkAttribute)))
        {
            return null;
        }

        var networkSyntax = network.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        if (HasCompilerErrors(context.SemanticModel, networkSyntax, cancellationToken))
        {
            return null;
        }

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
            if (HasCompilerErrors(context.SemanticModel, syntax, cancellationToken))
            {
                return null;
            }

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
            type.IsAbstract && !type.IsStatic,
            FirstFileLocal(type),
            type.IsRecord,
            ReadBaseType(type, context.SemanticModel.Compilation, GeneratedNames.For(layers.Count, weightsCompiledIn: Named(network, networkSyntax, "Weights").Value is string, inferenceOnly: InferenceOnly(network, networkSyntax) is not null), cancellationToken),
            PrimaryConstructor(type, cancellationToken),
            ConstructorsNotChainingToSeed(type, cancellationToken),
            Positional(network, networkSyntax, 0, "inputs"),
            NamedInt(network, networkSyntax, "Loss"),
            NamedInt(network, networkSyntax, "Kernels"),
            At(networkSyntax),
            layers.ToEquatableArray(),
            layersOnSecondDeclaration,
            ReadMembers(type, cancellationToken),
            Named(network, networkSyntax, "Weights") is (string weights, var weightsLocation)
                ? new ModelFileArgument(weights, weightsLocation, networkSyntax?.SyntaxTree.FilePath ?? string.Empty, DeclaresTopology: false)
                : null,
            InferenceOnly(network, networkSyntax));
    }

    /// <summary>
    /// Reads an <c>[OnnxNetwork("file.onnx")]</c> declaration: everything but the layers and the input size, which
    /// the pipeline takes from the file. Null where the compiler reports an error in the attribute.
    /// </summary>
    public static NetworkDeclaration? ParseOnnx(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length != 1)
        {
            return null;
        }

        AttributeData onnx = context.Attributes[0];
        if (HasErrors(onnx) || onnx.ConstructorArguments.Length != 1 || onnx.ConstructorArguments[0].Value is not string path)
        {
            return null;
        }

        var syntax = onnx.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        if (HasCompilerErrors(context.SemanticModel, syntax, cancellationToken))
        {
            return null;
        }

        AttributeData? network = type.GetAttributes().FirstOrDefault(a => Is(a, TypeNames.NetworkAttribute));
        AttributeData? dense = type.GetAttributes().FirstOrDefault(a => Is(a, TypeNames.DenseAttribute));
        IntArgument pathArgument = Positional(onnx, syntax, 0, "path");
        return new NetworkDeclaration(
            ReadHierarchy(type),
            (context.TargetNode as BaseTypeDeclarationSyntax)?.Identifier.GetLocation() ?? context.TargetNode.GetLocation(),
            FirstNonPartial(type, cancellationToken),
            type.IsStatic,
            type.IsAbstract && !type.IsStatic,
            FirstFileLocal(type),
            type.IsRecord,
            // The layer count is in the file, not known here: the base type is checked against the members of every network.
            ReadBaseType(type, context.SemanticModel.Compilation, GeneratedNames.For(0, weightsCompiledIn: true, inferenceOnly: InferenceOnly(onnx, syntax) is not null), cancellationToken),
            PrimaryConstructor(type, cancellationToken),
            ConstructorsNotChainingToSeed(type, cancellationToken),
            new IntArgument(0, pathArgument.Location),
            NamedInt(onnx, syntax, "Loss"),
            NamedInt(onnx, syntax, "Kernels"),
            At(syntax),
            EquatableArray<LayerDeclaration>.Empty,
            null,
            ReadMembers(type, cancellationToken),
            new ModelFileArgument(
                path,
                pathArgument.Location,
                syntax?.SyntaxTree.FilePath ?? string.Empty,
                DeclaresTopology: true,
                At(network?.ApplicationSyntaxReference?.GetSyntax(cancellationToken)),
                At(dense?.ApplicationSyntaxReference?.GetSyntax(cancellationToken))),
            InferenceOnly(onnx, syntax));
    }

    /// <summary>A warning for <c>[Dense]</c> layers on a type that has no <c>[Network]</c> on any declaration, else null.</summary>
    public static DiagnosticInfo? ParseLayersWithoutNetwork(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type
            || type.GetAttributes().Any(a => Is(a, TypeNames.NetworkAttribute) || Is(a, TypeNames.OnnxNetworkAttribute)))
        {
            return null;
        }

        SyntaxNode? first = context.Attributes.FirstOrDefault()?.ApplicationSyntaxReference?.GetSyntax(cancellationToken);
        return DiagnosticInfo.Create(DiagnosticDescriptors.DenseWithoutNetwork, At(first), Header(type).DisplayName);
    }

    private static Location? At(SyntaxNode? node) => node?.GetLocation();

    private static bool Is(AttributeData attribute, string metadataName) =>
        attribute.AttributeClass?.ToDisplayString() == metadataName;

    /// <summary>
    /// Whether the compiler reports an error in the attribute as written (an argument of the wrong type, a
    /// duplicate or unknown named argument, a constant out of range), in which case the values read from it mean
    /// nothing and NetGen stays silent. Some of these still bind to a value, so the binding alone does not tell.
    /// </summary>
    private static bool HasCompilerErrors(SemanticModel model, AttributeSyntax? syntax, CancellationToken cancellationToken)
    {
        if (syntax is null)
        {
            return false;
        }

        SemanticModel treeModel = syntax.SyntaxTree == model.SyntaxTree ? model : model.Compilation.GetSemanticModel(syntax.SyntaxTree);
        return treeModel.GetDiagnostics(syntax.Span, cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error);
    }

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

    /// <summary>Where <c>InferenceOnly = true</c> is written, or null where the network is not inference-only.</summary>
    private static Location? InferenceOnly(AttributeData attribute, AttributeSyntax? syntax) =>
        Named(attribute, syntax, "InferenceOnly") is (true, var location) ? location ?? Location.None : null;

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

        var namespaces = new List<INamespaceSymbol>();
        for (INamespaceSymbol? ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            namespaces.Insert(0, ns);
        }

        string code = string.Join(".", namespaces.Select(n => Identifiers.Escape(n.Name)));
        string metadataNamespace = string.Join(".", namespaces.Select(n => n.MetadataName));
        bool hasGeneratedCode = type.GetAttributes().Any(a => Is(a, TypeNames.GeneratedCodeAttribute));
        return new HierarchyInfo(
            code,
            containing.ToEquatableArray(),
            Header(type),
            metadataNamespace.Length == 0 ? metadataName : metadataNamespace + "." + metadataName,
            hasGeneratedCode);
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
        string name = Identifiers.Escape(type.Name);
        if (type.TypeParameters.Length == 0)
        {
            return new TypeHeader(keyword, name, name, type.Name);
        }

        // Partial declarations of a variant interface must repeat the variance.
        string parameters = string.Join(", ", type.TypeParameters.Select(p => p.Variance switch
        {
            VarianceKind.In => "in ",
            VarianceKind.Out => "out ",
            _ => string.Empty,
        } + Identifiers.Escape(p.Name)));
        return new TypeHeader(keyword, name, name + "<" + parameters + ">", type.Name + "<" + string.Join(", ", type.TypeParameters.Select(p => p.Name)) + ">");
    }

    /// <summary>
    /// The first of the type and its containing types that is file-local, with its name's location; or null. A
    /// file-local type can only be extended in its own file, and the generated code is a file of its own.
    /// </summary>
    private static NamedLocation? FirstFileLocal(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsFileLocal)
            {
                return new NamedLocation(Header(current).DisplayName, current.Locations.FirstOrDefault());
            }
        }

        return null;
    }

    /// <summary>The base class, where it is not <c>object</c>, with what the generated members would collide with.</summary>
    private static BaseTypeInfo? ReadBaseType(INamedTypeSymbol type, Compilation compilation, HashSet<string> generated, CancellationToken cancellationToken)
    {
        INamedTypeSymbol? baseType = type.BaseType;
        if (baseType is null || baseType.SpecialType == SpecialType.System_Object || baseType.TypeKind != TypeKind.Class)
        {
            return null;
        }

        bool isNetwork = false;
        var inherited = new SortedSet<string>(System.StringComparer.Ordinal);
        for (INamedTypeSymbol? current = baseType; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            cancellationToken.ThrowIfCancellationRequested();
            isNetwork |= current.GetAttributes().Any(a => Is(a, TypeNames.NetworkAttribute))
                || current.Interfaces.Any(i => i.ToDisplayString() == TypeNames.INetwork);
            foreach (ISymbol member in current.GetMembers())
            {
                // A member the network cannot see (private, or internal to another assembly) is not hidden by anything generated.
                if (!member.IsImplicitlyDeclared && compilation.IsSymbolAccessibleWithin(member, type)
                    && member is not IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor }
                    && generated.Contains(member.Name))
                {
                    inherited.Add(member.Name);
                }
            }
        }

        // The generated constructors call the base's implicitly, so one must take no arguments and be accessible.
        bool parameterless = baseType.InstanceConstructors.Any(c =>
            compilation.IsSymbolAccessibleWithin(c, type, throughType: type)
            && c.Parameters.All(p => p.IsOptional || p.IsParams));
        Location? location = null;
        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax { BaseList.Types: { Count: > 0 } types })
            {
                location = types[0].Type.GetLocation();
                break;
            }
        }

        return new BaseTypeInfo(Header(baseType).DisplayName, location, isNetwork, inherited.ToEquatableArray(), parameterless);
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
                    return new NamedLocation(Header(current).DisplayName, declaration.Identifier.GetLocation());
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
                    && !IsWorkerConstructor(constructor)
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

    private static bool IsWorkerConstructor(IMethodSymbol constructor) =>
        constructor.Parameters.Length == 1 && constructor.Parameters[0].Type.ToDisplayString() == TypeNames.SharedParameters;

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
                IMethodSymbol { MethodKind: MethodKind.Constructor } constructor when IsWorkerConstructor(constructor) => GeneratedNames.WorkerConstructor,
                IMethodSymbol { MethodKind: MethodKind.Constructor, Parameters.Length: 0 } => GeneratedNames.ParameterlessConstructor,
                IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } => null,
                _ => member.Name,
            };
            if (name is not null)
            {
                members.Add(new MemberInfo(name, member.Locations.Length > 0 ? member.Locations[0] : null));
            }
        }

        // A type parameter shares the members' scope, so one named like a generated member clashes as a member would.
        foreach (ITypeParameterSymbol parameter in type.TypeParameters)
        {
            members.Add(new MemberInfo(parameter.Name, parameter.Locations.FirstOrDefault()));
        }

        return members.ToEquatableArray();
    }
}
