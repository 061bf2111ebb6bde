using Microsoft.CodeAnalysis;

namespace NetGen.Benchmarks.BuildCost;

/// <summary>
/// An incremental generator of the same shape as NetGen's (an attribute lookup, a transform, a source output),
/// run before NetGen's in the "warm compiler" measurement so that Roslyn's own pipeline is already compiled.
/// </summary>
internal sealed class WarmupGenerator : IIncrementalGenerator
{
    public const string Source = """
        namespace Warmup;

        [System.Obsolete("warm-up")]
        public partial class Marked;
        """;

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<string> names = context.SyntaxProvider.ForAttributeWithMetadataName(
            "System.ObsoleteAttribute",
            static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
            static (attributed, _) => attributed.TargetSymbol.Name);
        context.RegisterSourceOutput(names, static (output, name) =>
            output.AddSource(name + ".g.cs", "namespace Warmup;\n\npublic partial class " + name + " { public int Generated => 1; }\n"));
    }
}
