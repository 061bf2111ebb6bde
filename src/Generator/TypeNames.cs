namespace NetGen.Generator;

/// <summary>The metadata names the generator looks for; strings, so the attributes assembly is never loaded.</summary>
internal static class TypeNames
{
    public const string NetworkAttribute = "NetGen.NetworkAttribute";
    public const string DenseAttribute = "NetGen.DenseAttribute";
}
