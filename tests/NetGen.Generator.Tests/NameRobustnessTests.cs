using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>
/// Names the user wrote are data: whatever the network, its containers, namespace and type parameters are
/// called, the generator gives each network a file of its own and writes code that compiles.
/// </summary>
public sealed class NameRobustnessTests
{
    private const string Layers = "[Network(2)]\n[Dense(3, Activation.Tanh)]\n[Dense(1, Activation.Sigmoid)]";

    [Theory]
    [InlineData("generic arity and underscore", "namespace Shop { LAYERS internal partial class Net<T>; LAYERS internal partial class Net_1; }", "Shop.Net_1.g.cs", "Shop.Net_1-2.g.cs")]
    [InlineData("case only", "namespace Shop { LAYERS internal partial class Net; LAYERS internal partial class NET; }", "Shop.NET.g.cs", "Shop.Net-2.g.cs")]
    [InlineData("namespaces differing in case", "namespace a { LAYERS internal partial class B; } namespace A { LAYERS internal partial class B; }", "A.B.g.cs", "a.B-2.g.cs")]
    [InlineData("generic and underscored containers", "internal partial class A<T> { LAYERS internal partial class Net; } internal partial class A_1 { LAYERS internal partial class Net; }", "A_1.Net.g.cs", "A_1.Net-2.g.cs")]
    [InlineData("nested type and namespace differing in case", "internal partial class A { LAYERS internal partial class B; } namespace a { LAYERS internal partial class B; }", "A.B.g.cs", "a.B-2.g.cs")]
    public void Gives_networks_whose_names_collide_as_file_names_distinct_hint_names(string collision, string declarations, string first, string second)
    {
        GeneratorRun run = GeneratorHarness.Run("using NetGen;\n" + declarations.Replace("LAYERS", Layers));

        GeneratorAssert.DidNotFail(run);
        GeneratorAssert.ReportedNothing(run);
        Assert.True(
            run.GeneratedSources.Select(s => s.HintName).OrderBy(n => n, System.StringComparer.Ordinal).SequenceEqual(new[] { first, second }.OrderBy(n => n, System.StringComparer.Ordinal)),
            $"{collision}: got {string.Join(", ", run.GeneratedSources.Select(s => s.HintName))}");
        GeneratorAssert.OutputCompilesCleanly(run);
    }

    // One network's bad name used to make AddSource throw, which dropped every network of the compilation.
    [Fact]
    public void Generates_an_unrelated_network_beside_two_whose_names_collide()
    {
        GeneratorRun run = GeneratorHarness.Run(
            "using NetGen;\nnamespace Shop { LAYERS internal partial class Net; LAYERS internal partial class NET; }\nnamespace Other { LAYERS internal partial class Unrelated; internal static class Use { public static object Make() => new Unrelated(seed: 1); } }"
                .Replace("LAYERS", Layers));

        GeneratorAssert.DidNotFail(run);
        Assert.Equal(3, run.GeneratedSources.Length);
        GeneratorAssert.OutputCompilesCleanly(run);
    }

    [Theory]
    [InlineData("namespace @string { LAYERS internal partial class Net; }", "string.Net.g.cs")]
    [InlineData("namespace Shop { LAYERS internal partial class Ψnet; }", "Shop._03a8net.g.cs")]
    public void Derives_a_valid_hint_name_from_names_that_are_not_file_names(string declarations, string hintName)
    {
        GeneratorRun run = GeneratorHarness.Run("using NetGen;\n" + declarations.Replace("LAYERS", Layers));

        GeneratorAssert.DidNotFail(run);
        Assert.Equal(hintName, Assert.Single(run.GeneratedSources).HintName);
        GeneratorAssert.OutputCompilesCleanly(run);
    }

    [Fact]
    public void Escapes_keyword_names_of_the_network_its_containers_namespace_and_type_parameters() =>
        NetworkSnapshot.Verify("""
            using NetGen;

            namespace Shop.@string.@record;

            internal partial class @class<@event>
            {
                [Network(2)]
                [Dense(3, Activation.Tanh)]
                [Dense(1, Activation.Sigmoid)]
                internal partial class @params<@int, @record>;
            }
            """);

    [Theory]
    [InlineData("@record")]
    [InlineData("@event")]
    [InlineData("@params")]
    [InlineData("@var")]
    public void Compiles_a_network_named_with_a_keyword(string name)
    {
        GeneratorRun run = GeneratorHarness.Run($"using NetGen;\nnamespace Shop;\n{Layers}\ninternal partial class {name};");

        GeneratorAssert.DidNotFail(run);
        Assert.Single(run.GeneratedSources);
        GeneratorAssert.OutputCompilesCleanly(run);
    }

    // A user member or namespace called nameof turned the generated nameof(input) into a call or a type name.
    [Theory]
    [InlineData("namespace Shop;\nLAYERS\ninternal partial class Net\n{\n    /// <summary>Shadows the nameof operator.</summary>\n    public static int nameof(object value) => 0;\n}")]
    [InlineData("namespace Shop.nameof;\nLAYERS\ninternal partial class Net;")]
    [InlineData("namespace Shop;\nLAYERS\ninternal partial class Net<nameof>;")]
    public void Does_not_depend_on_user_names_called_nameof(string declaration)
    {
        GeneratorRun run = GeneratorHarness.Run("using NetGen;\n" + declaration.Replace("LAYERS", Layers));

        GeneratorAssert.DidNotFail(run);
        GeneratorAssert.ReportedNothing(run);
        Assert.DoesNotContain("nameof(", Assert.Single(run.GeneratedSources).SourceText.ToString());
        GeneratorAssert.OutputCompilesCleanly(run);
    }

    [Fact]
    public void Leaves_out_its_GeneratedCode_attribute_when_the_user_applied_one()
    {
        GeneratorRun run = GeneratorHarness.Run($"using NetGen;\nnamespace Shop;\n{Layers}\n[System.CodeDom.Compiler.GeneratedCode(\"designer\", \"1.0\")]\ninternal partial class Net;");

        GeneratorAssert.DidNotFail(run);
        Assert.DoesNotContain("GeneratedCode", Assert.Single(run.GeneratedSources).SourceText.ToString());
        GeneratorAssert.OutputCompilesCleanly(run);
    }

    [Theory]
    [InlineData("Layers")]
    [InlineData("Forward")]
    [InlineData("InputSize")]
    [InlineData("Output")]
    [InlineData("Parameters")]
    [InlineData("ForwardLayer1")]
    public void Reports_NG0010_on_a_type_parameter_named_like_a_generated_member(string name) =>
        DiagnosticAssert.ReportsSingle(
            $$"""
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            internal partial class Net<[|{{name}}|]>;
            """,
            "NG0010",
            DiagnosticSeverity.Error,
            $"'Net<{name}>' declares '{name}', which NetGen generates for the network; rename or remove it");

    [Fact]
    public void Reports_NG0010_on_a_user_constructor_taking_the_shared_parameters() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            internal partial class Net
            {
                private [|Net|](SharedParameters shared) : this(seed: 1) { }
            }
            """,
            "NG0010",
            DiagnosticSeverity.Error,
            "'Net' declares 'a constructor taking one NetGen.SharedParameters', which NetGen generates for the network; rename or remove it");
}
