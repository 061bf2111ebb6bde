using System.Collections.Generic;
using NetGen.Generator.Helpers;
using NetGen.Generator.Model;

namespace NetGen.Generator;

/// <summary>
/// Plan stage: lays out the parameter and activation buffers and chooses, per layer, between fully
/// unrolled code and SIMD kernels. The thresholds come from the measurements in docs/kernel-strategy.md.
/// </summary>
internal static class Planner
{
    /// <summary>Under <see cref="KernelStrategyKind.Auto"/>, only layers with at most this many inputs are unrolled.</summary>
    public const int AutoUnrollMaxInputs = 8;

    /// <summary>
    /// Under <see cref="KernelStrategyKind.Auto"/>, whether a layer is unrolled: at most 8 inputs and at most 32
    /// weights (24 with more than 4 inputs). Measured (docs/kernel-strategy.md): the SIMD kernels vectorise along
    /// the inputs, so from 8 inputs on they fill whole registers and unrolling has nothing left to win; unrolled
    /// code is scalar, so above about 32 weights it loses even where the inputs fit in registers, and past 16–32
    /// inputs it spills and falls 10–50× behind.
    /// </summary>
    public static bool AutoUnrolls(int inputs, int outputs) =>
        inputs <= AutoUnrollMaxInputs && inputs * outputs <= (inputs <= 4 ? 32 : 24);

    /// <summary>
    /// The most weights any layer is unrolled with, even when asked: an unrolled backward pass costs about
    /// 40 bytes and 18 instructions of IL per weight (20,111 bytes, 9,302 instructions for a 32 × 16 layer), and this bound
    /// keeps every generated method well below the JIT's optimisation limits (60,000 IL bytes, 20,000 IL
    /// instructions, 2,000 basic blocks, 2,000 locals). JitLimitTests checks it on the compiled methods.
    /// </summary>
    public const int MaxUnrolledWeights = 512;

    /// <summary>The largest network generated: 2^24 parameters, 64 MiB per float buffer.</summary>
    public const long MaxParameters = 1L << 24;

    public static NetworkPlan Plan(NetworkSpec spec)
    {
        var layers = new List<LayerPlan>(spec.Layers.Count);
        int inputs = spec.Inputs, offset = 0, activationOffset = 0;
        for (int i = 0; i < spec.Layers.Count; i++)
        {
            LayerSpec layer = spec.Layers[i];
            int weights = inputs * layer.Outputs;
            layers.Add(new LayerPlan(
                Index: i + 1,
                Inputs: inputs,
                Outputs: layer.Outputs,
                Activation: layer.Activation,
                Slope: layer.Activation == ActivationKind.LeakyReLU ? layer.Slope : 0f,
                WeightOffset: offset,
                BiasOffset: offset + weights,
                ActivationOffset: activationOffset,
                Strategy: Choose(spec.Kernels, inputs, layer.Outputs)));
            offset += weights + layer.Outputs;
            activationOffset += layer.Outputs;
            inputs = layer.Outputs;
        }

        return new NetworkPlan(spec.Hierarchy, spec.Inputs, spec.Loss, layers.ToEquatableArray());
    }

    private static LayerStrategy Choose(KernelStrategyKind kernels, int inputs, int outputs) => kernels switch
    {
        KernelStrategyKind.Simd => LayerStrategy.Simd,
        KernelStrategyKind.Unrolled when inputs * outputs <= MaxUnrolledWeights => LayerStrategy.Unrolled,
        KernelStrategyKind.Auto when AutoUnrolls(inputs, outputs) => LayerStrategy.Unrolled,
        _ => LayerStrategy.Simd,
    };
}
