using NetGen.Generator.Helpers;

namespace NetGen.Generator.Model;

/// <summary>
/// The plan stage's output: the network with every layer's shape, parameter offsets and emission
/// strategy resolved. The emitter is a pure function of it. Immutable and structurally equal.
/// </summary>
internal sealed record NetworkPlan(HierarchyInfo Hierarchy, int Inputs, LossKind Loss, EquatableArray<LayerPlan> Layers)
{
    public LayerPlan Output => Layers[Layers.Count - 1];

    public int ParameterCount => Output.BiasOffset + Output.Outputs;

    public int Outputs => Output.Outputs;
}

/// <summary>
/// One layer, numbered from 1 at the input as in the math (<c>a_k = W_k h_(k-1) + b_k</c>), with where
/// its weights, biases, outputs and gradients live. Immutable and structurally equal.
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
    LayerStrategy Strategy)
{
    public int WeightCount => Inputs * Outputs;
}

/// <summary>One generated file: the plan and the hint name <see cref="HintNames"/> chose for it. Immutable and structurally equal.</summary>
internal sealed record GeneratedFile(string HintName, NetworkPlan Plan);
