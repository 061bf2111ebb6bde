using Microsoft.CodeAnalysis;
using NetGen.Generator.Helpers;

namespace NetGen.Generator.Model;

/// <summary>
/// The parse stage's output: what the user wrote on one <c>[Network]</c> declaration, with the location of
/// every argument so the validator can point at it. Immutable and structurally equal; holds no symbols,
/// syntax or compilation. It holds source <see cref="Location"/>s, which the compiler needs to apply
/// <c>#pragma warning</c>, <c>[SuppressMessage]</c> and <c>.editorconfig</c> to the diagnostics: so it is
/// recomputed when its file is edited, while the <see cref="NetworkSpec"/> projected from it, which has no
/// locations, stays equal and keeps the generated source cached. <c>InferenceOnly</c> is where
/// <c>InferenceOnly = true</c> was written, or null where it was not.
/// </summary>
internal sealed record NetworkDeclaration(
    HierarchyInfo Hierarchy,
    Location? TypeLocation,
    NamedLocation? NonPartialType,
    bool IsStatic,
    bool IsAbstract,
    NamedLocation? FileLocalType,
    bool IsRecord,
    BaseTypeInfo? BaseType,
    Location? PrimaryConstructor,
    EquatableArray<MemberInfo> ConstructorsNotChainingToSeed,
    IntArgument Inputs,
    IntArgument Loss,
    IntArgument Kernels,
    Location? NetworkAttributeLocation,
    EquatableArray<LayerDeclaration> Layers,
    Location? LayersOnSecondDeclaration,
    EquatableArray<MemberInfo> Members,
    ModelFileArgument? ModelFile = null,
    Location? InferenceOnly = null);

/// <summary>
/// The model file a declaration names: with <c>[Network(…, Weights = "…")]</c> the weights checked against the
/// declared layers, with <c>[OnnxNetwork("…")]</c> the layers and weights themselves. Immutable and structurally equal.
/// </summary>
/// <param name="Path">The path as written.</param>
/// <param name="Location">The argument that gives it.</param>
/// <param name="DeclaringFilePath">The source file of the declaration; a relative <paramref name="Path"/> starts from its directory.</param>
/// <param name="DeclaresTopology">Whether the file gives the layers (<c>[OnnxNetwork]</c>) rather than weights for declared ones.</param>
/// <param name="AlsoNetworkAttribute">On an <c>[OnnxNetwork]</c> class, a <c>[Network]</c> attribute beside it, or null.</param>
/// <param name="DenseOnOnnxNetwork">On an <c>[OnnxNetwork]</c> class, the first <c>[Dense]</c> attribute, or null.</param>
internal sealed record ModelFileArgument(
    string Path,
    Location? Location,
    string DeclaringFilePath,
    bool DeclaresTopology,
    Location? AlsoNetworkAttribute = null,
    Location? DenseOnOnnxNetwork = null);

/// <summary>A name and where it is declared. Immutable and structurally equal.</summary>
internal sealed record NamedLocation(string Name, Location? Location);

/// <summary>One <c>[Dense]</c> attribute as written. Immutable and structurally equal.</summary>
internal sealed record LayerDeclaration(IntArgument Size, IntArgument Activation, float Slope, Location? SlopeLocation, Location? AttributeLocation);

/// <summary>An attribute argument's constant value and where it was written. Immutable and structurally equal.</summary>
internal sealed record IntArgument(int Value, Location? Location);

/// <summary>A member the user declared on the network class (its name, or <c>.ctor(int)</c> for a constructor taking one <c>int</c>). Immutable and structurally equal.</summary>
internal sealed record MemberInfo(string Name, Location? Location);

/// <summary>
/// The network's base class, where it is not <c>object</c>: whether it is itself a network, which of its
/// inherited members share a name with a generated member, and whether the generated constructors can call
/// one of its constructors without arguments. Immutable and structurally equal.
/// </summary>
internal sealed record BaseTypeInfo(
    string Name,
    Location? Location,
    bool IsNetwork,
    EquatableArray<string> InheritedMemberNames,
    bool HasParameterlessConstructor);
