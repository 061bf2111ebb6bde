using NetGen.Generator.Helpers;

namespace NetGen.Generator.Model;

/// <summary>
/// The parse stage's output: what the user wrote on one <c>[Network]</c> declaration, with the location of
/// every argument so the validator can point at it. Immutable and structurally equal; holds no symbols,
/// syntax or compilation.
/// </summary>
internal sealed record NetworkDeclaration(
    HierarchyInfo Hierarchy,
    LocationInfo? TypeLocation,
    NamedLocation? NonPartialType,
    bool IsStatic,
    bool IsRecord,
    LocationInfo? PrimaryConstructor,
    EquatableArray<LocationInfo> ConstructorsNotChainingToSeed,
    IntArgument Inputs,
    IntArgument Loss,
    IntArgument Kernels,
    LocationInfo? NetworkAttributeLocation,
    EquatableArray<LayerDeclaration> Layers,
    LocationInfo? LayersOnSecondDeclaration,
    EquatableArray<MemberInfo> Members);

/// <summary>A name and where it is declared. Immutable and structurally equal.</summary>
internal sealed record NamedLocation(string Name, LocationInfo? Location);

/// <summary>One <c>[Dense]</c> attribute as written. Immutable and structurally equal.</summary>
internal sealed record LayerDeclaration(IntArgument Size, IntArgument Activation, float Slope, LocationInfo? SlopeLocation, LocationInfo? AttributeLocation);

/// <summary>An attribute argument's constant value and where it was written. Immutable and structurally equal.</summary>
internal sealed record IntArgument(int Value, LocationInfo? Location);

/// <summary>A member the user declared on the network class (its name, or <c>.ctor(int)</c> for a constructor taking one <c>int</c>). Immutable and structurally equal.</summary>
internal sealed record MemberInfo(string Name, LocationInfo? Location);
