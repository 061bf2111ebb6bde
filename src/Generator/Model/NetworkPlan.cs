using NetGen.Generator.Helpers;

namespace NetGen.Generator.Model;

/// <summary>
/// The plan stage's output: the network with every layer's shape, parameter offsets and emission strategy
/// resolved, and every fact the emitters share decided once (whether the logits are kept, how the output
/// layer's error term comes from the loss, the buffers' sizes). The emitters are pure functions of it and
/// decide nothing of their own. <see cref="ForwardInLocals"/>: <c>Forward</c> is one method that keeps the unrolled
/// layers' values in locals. <see cref="StraightLine"/>: every layer is unrolled and small enough together that
/// <c>Evaluate</c> and <c>Backward</c> are single methods too, and no per-layer methods are generated.
/// <see cref="LossInLocals"/>: in those, the loss and the output error terms are computed on locals too (cross-entropy
/// of a softmax, mean squared error of an output other than a softmax). <see cref="InferenceOnly"/>: the class has
/// read-only compiled-in <see cref="Weights"/> (never null then) and only the forward members: no gradients, no error
/// terms, no backward pass, no seeded constructor; its parameters cannot change after the build.
/// <see cref="LiteralWeights"/>: <c>Forward</c> writes the unrolled layers' weights and biases into the code as literals
/// (so it reads no parameter memory for them), which only an inference-only network's weights allow. Immutable and
/// structurally equal.
/// </summary>
internal sealed record NetworkPlan(
    HierarchyInfo Hierarchy,
    int Inputs,
    LossKind Loss,
    EquatableArray<LayerPlan> Layers,
    bool KeepsLogits,
    OutputGradientKind OutputGradient,
    bool OutputActivationPerSample,
    int ActivationCount,
    int LargestHiddenLayer,
    bool ForwardInLocals,
    bool StraightLine,
    bool LossInLocals,
    CompiledWeights? Weights = null,
    bool InferenceOnly = false,
    bool LiteralWeights = false)
{
    public LayerPlan Output => Layers[Layers.Count - 1];

    public int ParameterCount => Output.BiasOffset + Output.Outputs;

    public int Outputs => Output.Outputs;

    /// <summary>
    /// The length of the one-sample error-term buffer: every layer's <c>∇a_k</c> for a trainable network; for an
    /// inference-only one only <c>∇a_L</c>, which the loss kernels write as they compute the loss and
    /// <c>Evaluate</c> discards, and nothing where <c>Evaluate</c> computes the loss in locals.
    /// </summary>
    public int ErrorTermCount => !InferenceOnly ? ActivationCount : LossInLocals ? 0 : Outputs;

    /// <summary>Where <c>∇a_L</c> starts in the error-term buffer.</summary>
    public int OutputErrorTermOffset => InferenceOnly ? 0 : Output.ActivationOffset;

    /// <summary>Parameter <paramref name="index"/> of the compiled-in weights (float32, little-endian, in the layout of <c>Parameters</c>).</summary>
    public float CompiledParameter(int index)
    {
        System.ReadOnlySpan<byte> bytes = Weights!.Parameters.Span.Slice(4 * index, 4);
        int bits = bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24);
        return System.BitConverter.ToSingle(System.BitConverter.GetBytes(bits), 0);
    }

    /// <summary>The layer whose outputs <paramref name="layer"/> reads, or null for the first layer (which reads <c>x</c>).</summary>
    public LayerPlan? Below(LayerPlan layer) => layer.Index > 1 ? Layers[layer.Index - 2] : null;
}

/// <summary>
/// One layer, numbered from 1 at the input as in the math (<c>a_k = W_k h_(k-1) + b_k</c>), with where
/// its weights, biases, outputs and gradients live. <see cref="ActivationLanes"/>: in an unrolled layer, how
/// many neurons share one vector register for the activation (4 or 8), or 0 for one neuron at a time.
/// <see cref="RowLanes"/>: in an unrolled layer computed by rows in vector registers, the lanes of a row's register
/// (4 or 8; the layer's outputs then live in one register of <see cref="ActivationLanes"/> lanes), or 0 for scalar sums.
/// Immutable and structurally equal.
/// </summary>
internal sealed record LayerPlan(
    int Index,
    int Inputs,
    int Outputs,
    ActivationKind Activation,
    float Slope,
    int WeightOffset,
    int BiasOffset,
    int ActivationOffset,
    LayerStrategy Strategy,
    int ActivationLanes,
    int RowLanes)
{
    public int WeightCount => Inputs * Outputs;

    /// <summary>Whether the layer is computed by rows in vector registers (<see cref="RowLanes"/> above 0).</summary>
    public bool ByRows => RowLanes > 0;
}

/// <summary>One generated file: the plan and the hint name <see cref="HintNames"/> chose for it. Immutable and structurally equal.</summary>
internal sealed record GeneratedFile(string HintName, NetworkPlan Plan);

/// <summary>How the output layer's error term <c>∇a_L</c> follows from the loss's gradient.</summary>
internal enum OutputGradientKind
{
    /// <summary>The loss is computed from the logits (cross-entropy with softmax, binary cross-entropy with sigmoid) and gives <c>∇a_L = ŷ − y</c> directly.</summary>
    FromLogits,

    /// <summary>Mean squared error on an identity output: <c>∇a_L = ∂L/∂ŷ</c>.</summary>
    Identity,

    /// <summary>Mean squared error on an element-wise activation: <c>∇a_L = ∂L/∂ŷ ⊙ g'(a_L)</c>, with <c>g'</c> from the outputs.</summary>
    Derivative,

    /// <summary>Mean squared error on a softmax: <c>∇a_L = J_softmaxᵀ ∂L/∂ŷ</c>.</summary>
    SoftmaxJacobian,
}
