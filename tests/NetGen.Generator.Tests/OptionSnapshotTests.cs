using NetGen.Generator.Tests.Infrastructure;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>Snapshots of the per-network options: kernel strategy overrides, LeakyReLU slopes, the binary cross-entropy loss.</summary>
public sealed class OptionSnapshotTests
{
    // 2 × 4 and 4 × 1 would be unrolled under Auto; Simd must override that.
    [Fact]
    public void Generates_simd_kernels_for_every_layer_when_kernels_is_simd() =>
        NetworkSnapshot.Verify("""
            using NetGen;

            namespace Samples;

            [Network(2, Kernels = KernelStrategy.Simd)]
            [Dense(4, Activation.Tanh)]
            [Dense(1, Activation.Sigmoid)]
            public partial class AlwaysSimd;
            """);

    // 20 × 16 = 320 weights would be SIMD under Auto; Unrolled unrolls it, being under the hard cap of 512.
    [Fact]
    public void Unrolls_a_layer_above_the_auto_limit_when_kernels_is_unrolled() =>
        NetworkSnapshot.Verify("""
            using NetGen;

            namespace Samples;

            [Network(20, Kernels = KernelStrategy.Unrolled)]
            [Dense(16, Activation.ReLU)]
            [Dense(1, Activation.Identity)]
            public partial class AlwaysUnrolled;
            """);

    // Layer 1 is unrolled and layer 2 is SIMD, so the slope shows up in both kinds of code.
    [Fact]
    public void Writes_the_custom_leaky_relu_slope_into_forward_and_backward() =>
        NetworkSnapshot.Verify("""
            using NetGen;

            namespace Samples;

            [Network(4)]
            [Dense(8, Activation.LeakyReLU, Slope = 0.2f)]
            [Dense(40, Activation.LeakyReLU, Slope = 0.05f)]
            [Dense(1, Activation.Identity)]
            public partial class Leaky;
            """);

    [Fact]
    public void Generates_the_sigmoid_binary_cross_entropy_loss_from_the_logits() =>
        NetworkSnapshot.Verify("""
            using NetGen;

            namespace Samples;

            [Network(3, Loss = Loss.BinaryCrossEntropy)]
            [Dense(4, Activation.ReLU)]
            [Dense(2, Activation.Sigmoid)]
            public partial class MultiLabel;
            """);
}
