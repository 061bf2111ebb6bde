using NetGen.Generator.Tests.Infrastructure;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>Snapshots of the generated code for representative topologies, from fully unrolled to fully SIMD.</summary>
public sealed class TopologySnapshotTests
{
    [Fact]
    public void Generates_a_fully_unrolled_2_4_1_tanh_sigmoid_mse_network() =>
        NetworkSnapshot.Verify("""
            using NetGen;

            namespace Samples;

            [Network(2, Loss = Loss.MeanSquaredError)]
            [Dense(4, Activation.Tanh)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Xor;
            """);

    // 20 × 16 = 320 weights is above the Auto unroll limit of 256, 16 × 3 = 48 is below it.
    [Fact]
    public void Generates_a_simd_layer_followed_by_an_unrolled_layer_when_only_the_first_is_large() =>
        NetworkSnapshot.Verify("""
            using NetGen;

            namespace Samples;

            [Network(20)]
            [Dense(4, Activation.ReLU)]
            [Dense(3, Activation.Identity)]
            public partial class Regressor;
            """);

    [Fact]
    public void Generates_simd_layers_for_a_784_32_10_relu_softmax_cross_entropy_classifier() =>
        NetworkSnapshot.Verify("""
            using NetGen;

            namespace Samples;

            [Network(784, Loss = Loss.CrossEntropy)]
            [Dense(32, Activation.ReLU)]
            [Dense(10, Activation.Softmax)]
            public partial class Mnist;
            """);

    [Fact]
    public void Generates_a_network_with_three_hidden_layers() =>
        NetworkSnapshot.Verify("""
            using NetGen;

            namespace Samples;

            [Network(6, Loss = Loss.CrossEntropy)]
            [Dense(8, Activation.Tanh)]
            [Dense(8, Activation.ReLU)]
            [Dense(5, Activation.Sigmoid)]
            [Dense(3, Activation.Softmax)]
            public partial class Deep;
            """);

    [Fact]
    public void Backpropagates_through_the_softmax_jacobian_for_a_softmax_output_trained_on_mse() =>
        NetworkSnapshot.Verify("""
            using NetGen;

            namespace Samples;

            [Network(3)]
            [Dense(3, Activation.Softmax)]
            public partial class SoftmaxRegression;
            """);
}
