using System.Collections.Generic;
using NetGen.Generator.Helpers;
using NetGen.Generator.Model;

namespace NetGen.Generator;

/// <summary>
/// Plan stage: lays out the parameter and activation buffers, chooses, per layer, between fully unrolled code
/// and SIMD kernels (the thresholds come from the measurements in docs/kernel-strategy.md), and decides the
/// facts about the network every emitter reads (<see cref="NetworkPlan"/>).
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

    /// <summary>
    /// The most unrolled weights, over all layers, that <c>Forward</c> keeps in one method (about 7 IL instructions per
    /// weight, so at most about 7,200 with the activations); above it each layer keeps its own method.
    /// </summary>
    public const int MaxForwardInLocalsWeights = 1024;

    /// <summary>
    /// The most weights of a network whose <c>Evaluate</c> and <c>Backward</c> are single methods (about 22 IL
    /// instructions per weight: the forward pass, the weight gradient and the back-propagated error terms), so they
    /// stay well below the JIT's 20,000 IL instructions; JitLimitTests checks it.
    /// </summary>
    public const int MaxStraightLineWeights = MaxUnrolledWeights;

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
            LayerStrategy strategy = Choose(spec.Kernels, inputs, layer.Outputs);
            layers.Add(new LayerPlan(
                Index: i + 1,
                Inputs: inputs,
                Outputs: layer.Outputs,
                Activation: layer.Activation,
                Slope: layer.Activation == ActivationKind.LeakyReLU ? layer.Slope : 0f,
                WeightOffset: offset,
                BiasOffset: offset + weights,
                ActivationOffset: activationOffset,
                Strategy: strategy,
                ActivationLanes: strategy == LayerStrategy.Unrolled ? ActivationLanes(layer.Activation, inputs, layer.Outputs) : 0,
                RowLanes: strategy == LayerStrategy.Unrolled ? RowLanes(inputs, layer.Outputs) : 0));
            offset += weights + layer.Outputs;
            activationOffset += layer.Outputs;
            inputs = layer.Outputs;
        }

        LayerPlan output = layers[layers.Count - 1];
        bool keepsLogits = spec.Loss != LossKind.MeanSquaredError;
        OutputGradientKind outputGradient = keepsLogits ? OutputGradientKind.FromLogits : output.Activation switch
        {
            ActivationKind.Identity => OutputGradientKind.Identity,
            ActivationKind.Softmax => OutputGradientKind.SoftmaxJacobian,
            _ => OutputGradientKind.Derivative,
        };
        int largestHidden = 0, unrolledWeights = 0;
        bool allUnrolled = true;
        foreach (LayerPlan layer in layers)
        {
            largestHidden = layer == output ? largestHidden : System.Math.Max(largestHidden, layer.Outputs);
            allUnrolled &= layer.Strategy == LayerStrategy.Unrolled;
            unrolledWeights += layer.Strategy == LayerStrategy.Unrolled ? layer.WeightCount : 0;
        }

        bool straightLine = allUnrolled && unrolledWeights <= MaxStraightLineWeights;
        return new NetworkPlan(
            spec.Hierarchy,
            spec.Inputs,
            spec.Loss,
            layers.ToEquatableArray(),
            KeepsLogits: keepsLogits,
            OutputGradient: outputGradient,
            // The batched methods apply a softmax, or any activation of a loss computed from the logits, sample by sample after the block.
            OutputActivationPerSample: keepsLogits || output.Activation == ActivationKind.Softmax,
            ActivationCount: activationOffset,
            LargestHiddenLayer: largestHidden,
            ForwardInLocals: unrolledWeights <= MaxForwardInLocalsWeights,
            StraightLine: straightLine,
            LossInLocals: straightLine && (spec.Loss == LossKind.CrossEntropy
                ? output.Activation == ActivationKind.Softmax
                : spec.Loss == LossKind.MeanSquaredError && outputGradient != OutputGradientKind.SoftmaxJacobian),
            Weights: spec.Weights,
            InferenceOnly: spec.InferenceOnly,
            // Measured (docs/kernel-strategy.md, "Weights as literals"): a register loaded from the code's constant data
            // in place of Parameters, with no span over them to check.
            LiteralWeights: spec.InferenceOnly && spec.Weights is not null);
    }

    /// <summary>
    /// How many neurons of an unrolled layer share one register for the activation: the exponential-based ones
    /// (tanh, sigmoid, softmax) cost about 30 instructions whatever the width, so 2 to 4 neurons go in a Vector128
    /// and more in Vector256s (4-8-3's Forward went from 489 to 229 vector instructions; docs/kernel-strategy.md);
    /// the cheap ones stay scalar, as does a lone neuron. A layer by rows has its outputs in one such register whatever
    /// its activation.
    /// </summary>
    private static int ActivationLanes(ActivationKind activation, int inputs, int outputs) =>
        RowLanes(inputs, outputs) > 0 || (activation is ActivationKind.Tanh or ActivationKind.Sigmoid or ActivationKind.Softmax && outputs >= 2)
            ? (outputs <= 4 ? 4 : 8)
            : 0;

    /// <summary>
    /// Whether an unrolled layer is computed by rows in vector registers, and how wide a row's register is: from 2 to 8
    /// inputs and 2 to 8 outputs, each row <c>W[j, :]</c> (zero-padded) in a Vector128 (up to 4 inputs) or a Vector256, times
    /// <c>x</c> in one multiply, and the rows' products summed together (shuffles and adds) into one register of
    /// <c>a</c>, in which the activation follows. 4-8-3's <c>Forward</c> went from 37.2 to 23.5 ns (AVX-512) and from 37.4
    /// to 24.0 ns (AVX2) against scalar sums, which cost a multiply and an add per weight (docs/kernel-strategy.md,
    /// "Unrolled layers by rows").
    /// Otherwise 0: one scalar sum per neuron.
    /// </summary>
    private static int RowLanes(int inputs, int outputs) =>
        inputs is >= 2 and <= 8 && outputs is >= 2 and <= 8 ? (inputs <= 4 ? 4 : 8) : 0;

    private static LayerStrategy Choose(KernelStrategyKind kernels, int inputs, int outputs) => kernels switch
    {
        KernelStrategyKind.Simd => LayerStrategy.Simd,
        KernelStrategyKind.Unrolled when inputs * outputs <= MaxUnrolledWeights => LayerStrategy.Unrolled,
        KernelStrategyKind.Auto when AutoUnrolls(inputs, outputs) => LayerStrategy.Unrolled,
        _ => LayerStrategy.Simd,
    };
}
