using NetGen.Generator.Tests.Infrastructure;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>Snapshots of where the generated code goes: namespaces, containing types, accessibility, generics, records.</summary>
public sealed class DeclarationSnapshotTests
{
    [Fact]
    public void Reopens_the_containing_partial_class_and_block_namespace_of_a_nested_network() =>
        NetworkSnapshot.Verify("""
            using NetGen;

            namespace Samples.Nested
            {
                /// <summary>Holds the models.</summary>
                public partial class Models
                {
                    [Network(2)]
                    [Dense(2, Activation.Tanh)]
                    [Dense(1, Activation.Identity)]
                    public partial class Inner;
                }
            }
            """);

    [Fact]
    public void Generates_a_network_in_the_global_namespace_without_a_namespace_block() =>
        NetworkSnapshot.Verify("""
            using NetGen;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public partial class GlobalNet;
            """);

    [Fact]
    public void Generates_a_network_declared_in_a_file_scoped_namespace() =>
        NetworkSnapshot.Verify("""
            using NetGen;

            namespace Samples.FileScoped;

            [Network(3)]
            [Dense(2, Activation.ReLU)]
            public partial class FileScopedNet;
            """);

    // The generated part carries no accessibility modifier, so the user's 'internal' stands.
    [Fact]
    public void Generates_an_internal_network_without_restating_its_accessibility() =>
        NetworkSnapshot.Verify("""
            using NetGen;

            namespace Samples;

            [Network(2)]
            [Dense(1, Activation.Identity)]
            internal partial class InternalNet;
            """);

    [Fact]
    public void Reopens_generic_containing_and_network_types_with_their_type_parameters() =>
        NetworkSnapshot.Verify("""
            using NetGen;

            namespace Samples;

            /// <summary>A generic container.</summary>
            /// <typeparam name="TOuter">Any class.</typeparam>
            public partial class Outer<TOuter>
                where TOuter : class
            {
                [Network(2)]
                [Dense(2, Activation.Tanh)]
                public partial class Net<T>;
            }
            """);

    [Fact]
    public void Generates_one_file_per_network_when_a_compilation_declares_two() =>
        NetworkSnapshot.Verify("""
            using NetGen;

            namespace Samples;

            [Network(2)]
            [Dense(1, Activation.Sigmoid)]
            public partial class First;

            [Network(3, Loss = Loss.CrossEntropy)]
            [Dense(2, Activation.Softmax)]
            public partial class Second;
            """);
}
