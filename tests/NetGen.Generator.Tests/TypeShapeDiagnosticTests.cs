using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>
/// Type shapes the generated code cannot extend (abstract, file-local, derived from another network or from a
/// base it would clash with) are diagnosed with an id, instead of generating code that does not compile.
/// </summary>
public sealed class TypeShapeDiagnosticTests
{
    [Fact]
    public void Reports_NG0021_on_the_name_of_an_abstract_network() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public abstract partial class [|Net|];
            """,
            "NG0021",
            DiagnosticSeverity.Error,
            "'Net' is abstract, but a network creates instances of itself (CreateWorker); remove the 'abstract' modifier");

    [Fact]
    public void Reports_NG0022_on_the_base_type_of_a_network_deriving_from_another_network()
    {
        MarkedSource marked = MarkedSource.Parse("""
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            internal partial class Base;

            [Network(2)]
            [Dense(3, Activation.Tanh)]
            [Dense(1, Activation.Sigmoid)]
            internal partial class Derived : [|Base|];
            """);
        GeneratorRun run = GeneratorHarness.Run(marked.Source);

        GeneratorAssert.DidNotFail(run);
        Diagnostic diagnostic = Assert.Single(run.Result.Diagnostics);
        Assert.Equal("NG0022", diagnostic.Id);
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
        Assert.Equal(
            "'Derived' derives from the network 'Base'; a network cannot derive from another network, since every generated member would hide the base's; derive both from a common base without [Network], or use the base network as a field",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));

        // The base network is generated, and nothing of the derived one, so no CS0108 or CS0114 appears.
        Assert.Equal("Base.g.cs", Assert.Single(run.GeneratedSources).HintName);
        Assert.DoesNotContain(run.OutputCompilation.GetDiagnostics(), d => d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Reports_NG0023_on_the_name_of_a_file_local_network() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            file partial class [|Net|];
            """,
            "NG0023",
            DiagnosticSeverity.Error,
            "'Net' is file-local, but the generated code is in a file of its own, from which a file-local type cannot be extended; remove the 'file' modifier");

    [Fact]
    public void Reports_NG0023_naming_a_file_local_containing_type() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            file partial class [|Outer|]
            {
                [Network(2)]
                [Dense(1, Activation.Sigmoid)]
                public partial class Net;
            }
            """,
            "NG0023",
            DiagnosticSeverity.Error,
            "'Outer' is file-local, but the generated code is in a file of its own, from which a file-local type cannot be extended; remove the 'file' modifier");

    [Theory]
    [InlineData("public void Forward() { }", "Forward")]
    [InlineData("public virtual float Backward(float x) => x;", "Backward")]
    [InlineData("protected int[] _parameters = new int[1];", "_parameters")]
    public void Reports_NG0024_on_the_base_type_when_it_declares_a_member_named_like_a_generated_one(string member, string name) =>
        DiagnosticAssert.ReportsSingle(
            $$"""
            using NetGen;

            /// <summary>A base of the network.</summary>
            public class Base
            {
                /// <summary>Clashes.</summary>
                {{member}}
            }

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net : [|Base|];
            """,
            "NG0024",
            DiagnosticSeverity.Error,
            $"'Net' inherits '{name}' from 'Base', which NetGen generates for the network and would hide; rename it in the base type or derive from another type");

    [Fact]
    public void Reports_NG0025_on_a_base_type_without_a_constructor_the_generated_ones_can_call() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            /// <summary>A base that needs a name.</summary>
            public class Base
            {
                /// <summary>Takes the name.</summary>
                public Base(string name) { }
            }

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net : [|Base|];
            """,
            "NG0025",
            DiagnosticSeverity.Error,
            "'Net' derives from 'Base', which has no accessible constructor that takes no arguments, but the generated constructors call the base constructor without arguments; add one to 'Base' or derive from another type");

    [Fact]
    public void Generates_a_network_deriving_from_an_ordinary_base_class()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using NetGen;

            /// <summary>A base with members of its own and an optional-argument constructor.</summary>
            public abstract class Base
            {
                /// <summary>Creates it.</summary>
                protected Base(int unused = 0) { }

                /// <summary>A member of the base.</summary>
                public string Name { get; set; } = "net";
            }

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net : Base;
            """);

        GeneratorAssert.DidNotFail(run);
        GeneratorAssert.ReportedNothing(run);
        Assert.Single(run.GeneratedSources);
        GeneratorAssert.OutputCompilesCleanly(run);
    }

    // The compiler reports each of these in the attribute; NetGen adds nothing (formerly NG0007, NG0012, NG0013, NG0015 or code).
    [Theory]
    [InlineData("[Network(2, Loss = Activation.Sigmoid)]\n[Dense(1, Activation.Sigmoid)]", "CS0266")]
    [InlineData("[Network(2, Kernels = 1.5)]\n[Dense(1, Activation.Sigmoid)]", "CS0266")]
    [InlineData("[Network(2, Loss = Loss.MeanSquaredError, Loss = Loss.CrossEntropy)]\n[Dense(1, Activation.Softmax)]", "CS0643")]
    [InlineData("[Network(2)]\n[Dense(1, Activation.Tanh, Slope = 1e40f)]", "CS0594")]
    [InlineData("[Network(2, Unknown = 1)]\n[Dense(1, Activation.Sigmoid)]", "CS0246")]
    [InlineData("[Network(Loss = Loss.MeanSquaredError, inputs: -2)]\n[Dense(1, Activation.Sigmoid)]", "CS1016")]
    public void Stays_silent_when_the_compiler_reports_an_error_in_the_attribute(string attributes, string compilerError)
    {
        GeneratorRun run = GeneratorHarness.Run($"using NetGen;\n\n{attributes}\npublic partial class Net;");

        GeneratorAssert.DidNotFail(run);
        Assert.Contains(run.OutputCompilation.GetDiagnostics(), d => d.Id == compilerError || (compilerError == "CS0246" && d.Id == "CS0117"));
        GeneratorAssert.ReportedNothing(run);
        GeneratorAssert.GeneratedNothing(run);
    }

    [Fact]
    public void Every_new_id_is_in_the_release_tracking_file()
    {
        string unshipped = System.IO.File.ReadAllText(System.IO.Path.Combine(TestPaths.RepositoryRoot, "src", "Generator", "AnalyzerReleases.Unshipped.md"));
        foreach (string id in Enumerable.Range(21, 5).Select(i => "NG00" + i.ToString(CultureInfo.InvariantCulture)))
        {
            Assert.Contains(id + " | NetGen | Error |", unshipped);
        }
    }
}
