using NetGen.Generator.Helpers;

namespace NetGen.Generator.Model;

/// <summary>
/// A validated network: everything the generated code depends on and nothing else (no locations), so
/// edits that move the declaration without changing it leave this model equal and the output cached.
/// Immutable and structurally equal.
/// </summary>
/// <param name="Hierarchy">Where the class is declared.</param>
/// <param name="Inputs">The input size.</param>
/// <param name="Loss">The loss.</param>
/// <param name="Kernels">The kernel strategy asked for.</param>
/// <param name="Layers">The layers, input to output.</param>
/// <param name="Weights">The parameters compiled in from a model file, or null.</param>
/// <param name="InferenceOnly">Whether the class is inference-only (<c>InferenceOnly = true</c>): read-only compiled-in weights, no gradients, no backward pass.</param>
internal sealed record NetworkSpec(HierarchyInfo Hierarchy, int Inputs, LossKind Loss, KernelStrategyKind Kernels, EquatableArray<LayerSpec> Layers, CompiledWeights? Weights = null, bool InferenceOnly = false);

/// <summary>Weights compiled into the network: the file's name as written and its parameters. Immutable and structurally equal.</summary>
/// <param name="FileName">The model file as the declaration names it, for the generated documentation.</param>
/// <param name="Parameters">Little-endian float32 values in the layout of <c>Parameters</c>.</param>
internal sealed record CompiledWeights(string FileName, WeightFiles.ByteBlob Parameters);

/// <summary>One validated dense layer. Immutable and structurally equal.</summary>
internal sealed record LayerSpec(int Outputs, ActivationKind Activation, float Slope);

/// <summary>The validate stage's output: the network if it is valid, and one diagnostic per problem. Immutable and structurally equal.</summary>
internal sealed record ValidationResult(NetworkSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
