using System.Threading.Tasks;
using Xunit;

namespace NetGen.CodeFixes.Tests;

/// <summary>NG0019: the constructor is chained to the generated one with ': this(seed: 0)'.</summary>
public sealed class ChainConstructorTests
{
    [Fact]
    public Task Chains_a_constructor_with_its_body_on_the_same_line() =>
        new CodeFixTest<ChainConstructorCodeFix>(
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net
            {
                public {|NG0019:Net|}(string name) { Name = name; }

                public string Name { get; } = "";
            }
            """,
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net
            {
                public Net(string name) : this(seed: 0) { Name = name; }

                public string Name { get; } = "";
            }
            """).RunAsync();

    [Fact]
    public Task Chains_a_constructor_whose_body_starts_on_the_next_line() =>
        new CodeFixTest<ChainConstructorCodeFix>(
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net
            {
                public {|NG0019:Net|}()
                {
                }
            }
            """,
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net
            {
                public Net() : this(seed: 0)
                {
                }
            }
            """).RunAsync();

    [Fact]
    public Task Replaces_a_call_to_the_base_constructor() =>
        new CodeFixTest<ChainConstructorCodeFix>(
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net
            {
                public {|NG0019:Net|}(double scale) : base() { }
            }
            """,
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net
            {
                public Net(double scale) : this(seed: 0) { }
            }
            """).RunAsync();

    [Fact]
    public Task Fix_all_chains_every_constructor() =>
        new CodeFixTest<ChainConstructorCodeFix>(
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net
            {
                public {|NG0019:Net|}() { }

                public {|NG0019:Net|}(string name) { }
            }
            """,
            """
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net
            {
                public Net() : this(seed: 0) { }

                public Net(string name) : this(seed: 0) { }
            }
            """).RunAsync();
}
