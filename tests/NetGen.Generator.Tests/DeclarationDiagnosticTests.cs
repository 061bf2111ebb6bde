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

            public class [|Outer|]
            {
                [Network(2)]
                [Dense(1, Activation.Sigmoid)]
                public partial class Net;
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

    // A member cannot share its type's name (CS0542), so a network called Forward or Layers cannot compile.
    [Fact]
    public void Reports_NG0016_when_the_network_is_named_like_a_generated_member() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public partial class [|Layers|];
            """,
            "NG0016",
            DiagnosticSeverity.Error,
            "A network cannot be named 'Layers', because NetGen generates a member of that name and a member cannot share its type's name; rename the class");

    [Fact]
    public void Reports_NG0017_on_the_parameter_list_of_a_primary_constructor() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net[|(string name)|];
            """,
            "NG0017",
            DiagnosticSeverity.Error,
            "'Net' has a primary constructor, but NetGen generates the constructor that initialises the weights; remove the parameter list and declare an ordinary constructor that calls this(seed)");

    // A record's 'with' and copy constructor would copy the buffer references, so two networks would share weights.
    [Fact]
    public void Reports_NG0018_on_the_name_of_a_record_network() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public partial record [|Net|];
            """,
            "NG0018",
            DiagnosticSeverity.Error,
            "'Net' is a record, whose copies ('with', the copy constructor) would share the network's buffers and whose equality would compare them by reference; declare it as a partial class");

    [Fact]
    public void Reports_NG0019_on_a_user_constructor_that_does_not_chain_to_the_seeded_one() =>
        DiagnosticAssert.ReportsSingle(
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net
            {
                /// <summary>Forgets the seeded constructor.</summary>
                public [|Net|]() { }

                /// <summary>Reaches it.</summary>
                public Net(string name) : this(seed: 7) { }
            }
            """,
            "NG0019",
            DiagnosticSeverity.Warning,
            "This constructor of 'Net' does not call another with this(...), so it never reaches the generated constructor and every weight stays zero; add ': this(seed: 0)' or another seed");

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
