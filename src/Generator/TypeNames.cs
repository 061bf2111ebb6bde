namespace NetGen.Generator;

/// <summary>The metadata names the generator looks for; strings, so the attributes assembly is never loaded.</summary>
internal static class TypeNames
{
    public const string NetworkAttribute = "NetGen.NetworkAttribute";
    public const string DenseAttribute = "NetGen.DenseAttribute";

    /// <summary>The runtime's contract, which every generated network implements: its presence means the runtime is referenced.</summary>
    public const string INetwork = "NetGen.INetwork";
    public const string SharedParameters = "NetGen.SharedParameters";
    public const string GeneratedCodeAttribute = "System.CodeDom.Compiler.GeneratedCodeAttribute";
}
