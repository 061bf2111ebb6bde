using NetGen.Generator.Helpers;

namespace NetGen.Generator.Model;

/// <summary>
/// A validated network: everything the generated code depends on and nothing else (no locations), so
/// edits that move the declaration without changing it leave this model equal and the output cached.
/// Immutable and structurally equal.
/// </summary>
internal sealed record NetworkSpec(HierarchyInfo Hierarchy, int Inputs, LossKind Loss, KernelStrategyKind Kernels, EquatableArray<LayerSpec> Layers);

/// <summary>One validated dense layer. Immutable and structurally equal.</summary>
internal sealed record LayerSpec(int Outputs, ActivationKind Activation, float Slope);

/// <summary>The validate stage's output: the network if it is valid, and one diagnostic per problem. Immutable and structurally equal.</summary>
internal sealed record ValidationResult(NetworkSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
