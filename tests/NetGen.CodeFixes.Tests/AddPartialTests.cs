using System.Threading.Tasks;
using Xunit;

namespace NetGen.CodeFixes.Tests;

/// <summary>NG0001: 'partial' added to the network and the types containing it.</summary>
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
}
