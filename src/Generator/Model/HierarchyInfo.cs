using NetGen.Generator.Helpers;

namespace NetGen.Generator.Model;

/// <summary>
/// Where a network class sits: its namespace and the chain of types that contain it, enough to re-open
/// them all as partial declarations. Immutable and structurally equal.
/// </summary>
/// <param name="Namespace">The containing namespace, or empty for the global namespace.</param>
/// <param name="ContainingTypes">The containing types, outermost first.</param>
/// <param name="Type">The network type itself.</param>
/// <param name="MetadataName">The fully qualified metadata name (<c>Ns.Outer+Net`1</c>), for the hint name.</param>
internal sealed record HierarchyInfo(string Namespace, EquatableArray<TypeHeader> ContainingTypes, TypeHeader Type, string MetadataName)
{
    /// <summary>A file name unique to the type: the metadata name with characters file systems dislike replaced.</summary>
    public string HintName => MetadataName.Replace('`', '_').Replace('+', '.') + ".g.cs";
}

/// <summary>One type's declaration header: keyword (<c>class</c>, <c>record struct</c>, …) and name with type parameters (<c>Net&lt;T&gt;</c>).</summary>
internal sealed record TypeHeader(string Keyword, string NameWithTypeParameters);
