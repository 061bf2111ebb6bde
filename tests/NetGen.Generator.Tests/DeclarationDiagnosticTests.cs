using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>Diagnostics about the declaring type: partial, static, spread over declarations, clashing members.</summary>
public sealed class DeclarationDiagnosticTests
{
    [Fact]
    public void Reports_NG0001_on_the_type_name_when_the_network_is_not_partial() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public class [|Net|];
            """,
            "NG0001",
            DiagnosticSeverity.Error,
            "'Net' must be declared partial so NetGen can add the generated network to it; add the 'partial' modifier");

    // The generated code re-opens every containing type, so each must be partial too.
    [Fact]
    public void Reports_NG0001_naming_the_containing_type_when_only_it_is_not_partial() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            public class Outer
            {
                [Network(2)]
                [Dense(1, Activation.Sigmoid)]
                public partial class [|Net|];
            }
            """,
            "NG0001",
            DiagnosticSeverity.Error,
            "'Outer' must be declared partial so NetGen can add the generated network to it; add the 'partial' modifier");

    [Fact]
    public void Reports_NG0009_on_the_first_layer_of_a_second_partial_declaration() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [Network(2)]
            [Dense(4, Activation.Tanh)]
            public partial class Net;

            [[|Dense(1, Activation.Sigmoid)|]]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net;
            """,
            "NG0009",
            DiagnosticSeverity.Error,
            "The [Dense] layers of network 'Net' are spread over several partial declarations, so their order is ambiguous; put every [Dense] attribute on one declaration");

    [Fact]
    public void Reports_NG0010_on_a_user_member_named_like_a_generated_one() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net
            {
                public void [|Forward|]() { }
            }
            """,
            "NG0010",
            DiagnosticSeverity.Error,
            "'Net' declares 'Forward', which NetGen generates for the network; rename or remove it");

    [Fact]
    public void Reports_NG0010_on_a_user_constructor_taking_one_int() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net
            {
                public [|Net|](int size) { }
            }
            """,
            "NG0010",
            DiagnosticSeverity.Error,
            "'Net' declares 'a constructor taking one int', which NetGen generates for the network; rename or remove it");

    [Fact]
    public void Reports_NG0014_on_the_type_name_when_the_network_is_static() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public static partial class [|Net|];
            """,
            "NG0014",
            DiagnosticSeverity.Error,
            "'Net' is static, but a network holds its parameters in an instance; remove the 'static' modifier");
}
