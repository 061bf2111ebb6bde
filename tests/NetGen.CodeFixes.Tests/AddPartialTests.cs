using System.Threading.Tasks;
using Xunit;

namespace NetGen.CodeFixes.Tests;

/// <summary>NG0001: 'partial' added to the network and to the types containing it.</summary>
public sealed class AddPartialTests
{
    [Fact]
    public Task Adds_partial_after_the_other_modifiers_of_the_network() =>
        new CodeFixTest<AddPartialCodeFix>(
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public sealed class {|NG0001:Net|} { }
            """,
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public sealed partial class Net { }
            """).RunAsync();

    [Fact]
    public Task Adds_partial_in_front_of_class_when_there_is_no_modifier() =>
        new CodeFixTest<AddPartialCodeFix>(
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            class {|NG0001:Net|} { }
            """,
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            partial class Net { }
            """).RunAsync();

    [Fact]
    public Task Adds_partial_to_the_network_and_every_containing_type_that_lacks_it() =>
        new CodeFixTest<AddPartialCodeFix>(
            """
            using NetGen;

            namespace Models
            {
                public static class Outer
                {
                    internal class Middle
                    {
                        [Network(2)]
                        [Dense(1, Activation.Sigmoid)]
                        public class {|NG0001:Net|} { }
                    }
                }
            }
            """,
            """
            using NetGen;

            namespace Models
            {
                public static partial class Outer
                {
                    internal partial class Middle
                    {
                        [Network(2)]
                        [Dense(1, Activation.Sigmoid)]
                        public partial class Net { }
                    }
                }
            }
            """).RunAsync();

    [Fact]
    public Task Adds_partial_to_a_containing_type_when_only_it_lacks_it() =>
        new CodeFixTest<AddPartialCodeFix>(
            """
            using NetGen;

            public class {|NG0001:Outer|}
            {
                [Network(2)]
                [Dense(1, Activation.Sigmoid)]
                public partial class Net { }
            }
            """,
            """
            using NetGen;

            public partial class Outer
            {
                [Network(2)]
                [Dense(1, Activation.Sigmoid)]
                public partial class Net { }
            }
            """).RunAsync();

    // Two diagnostics in one file: the framework applies the fix one at a time and as fix-all (document, project, solution).
    [Fact]
    public Task Fix_all_makes_every_network_partial() =>
        new CodeFixTest<AddPartialCodeFix>(
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public class {|NG0001:First|} { }

            [Network(3)]
            [Dense(2, Activation.Tanh)]
            internal sealed class {|NG0001:Second|} { }
            """,
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public partial class First { }

            [Network(3)]
            [Dense(2, Activation.Tanh)]
            internal sealed partial class Second { }
            """).RunAsync();
}
