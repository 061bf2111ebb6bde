using NetGen.Generator.Helpers;

namespace NetGen.Generator.Model;

/// <summary>
/// Where a network class sits: its namespace and the chain of types that contain it, enough to re-open
/// them all as partial declarations. Immutable and structurally equal.
/// </summary>
/// <param name="Namespace">The containing namespace as C# (keywords escaped: <c>Shop.@string</c>), or empty for the global namespace.</param>
/// <param name="ContainingTypes">The containing types, outermost first.</param>
/// <param name="Type">The network type itself.</param>
/// <param name="MetadataName">The fully qualified metadata name (<c>Ns.Outer`1+Net`1</c>), from which the hint name is derived.</param>
/// <param name="HasGeneratedCodeAttribute">Whether the user already put <c>[GeneratedCode]</c> on the class, which cannot be applied twice.</param>
internal sealed record HierarchyInfo(
    string Namespace,
    EquatableArray<TypeHeader> ContainingTypes,
    TypeHeader Type,
    string MetadataName,
    bool HasGeneratedCodeAttribute);

/// <summary>
/// One type's declaration header. Immutable and structurally equal.
/// </summary>
/// <param name="Keyword">The declaration keyword: <c>class</c>, <c>record struct</c>, …</param>
/// <param name="Name">The name as a C# identifier, escaped where it is a keyword (<c>@record</c>).</param>
/// <param name="NameWithTypeParameters">The name with its type parameter list as C#, escaped and with any variance (<c>Net&lt;@class&gt;</c>, <c>IOuter&lt;out T&gt;</c>).</param>
/// <param name="DisplayName">The name as the user reads it in a message (<c>Net&lt;T&gt;</c>).</param>
internal sealed record TypeHeader(string Keyword, string Name, string NameWithTypeParameters, string DisplayName);
