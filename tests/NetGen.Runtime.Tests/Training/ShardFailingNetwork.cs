using System;

namespace NetGen.Runtime.Tests.Training;

/// <summary>
/// A test double around a real network whose workers (<see cref="CreateWorker"/>) throw from
/// <see cref="ComputeGradientBatch"/>: every shard but the calling thread's fails.
/// </summary>
internal sealed class ShardFailingNetwork(INetwork inner, bool fails = false) : INetwork
{
    public int InputSize => inner.InputSize;

    public int OutputSize => inner.OutputSize;

    public int ParameterCount => inner.ParameterCount;

    public Loss Loss => inner.Loss;

    public ReadOnlySpan<LayerInfo> Layers => inner.Layers;

    public Span<float> Parameters => inner.Parameters;

    public Span<float> Gradients => inner.Gradients;

    public ReadOnlySpan<float> Output => inner.Output;

    public void Forward(ReadOnlySpan<float> input, Span<float> output) => inner.Forward(input, output);

    public float Evaluate(ReadOnlySpan<float> input, ReadOnlySpan<float> target, Span<float> output) => inner.Evaluate(input, target, output);

    public float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => inner.Backward(input, target);

    public void ZeroGradients() => inner.ZeroGradients();

    public void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs) => inner.ForwardBatch(inputs, outputs);

    public float EvaluateBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, Span<float> outputs) => inner.EvaluateBatch(inputs, targets, outputs);

    public float BackwardBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, Span<float> outputs) => inner.BackwardBatch(inputs, targets, outputs);

    public float ComputeGradientBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, Span<float> outputs, float scale) =>
        fails ? throw new InvalidOperationException("This shard failed on purpose.") : inner.ComputeGradientBatch(inputs, targets, outputs, scale);

    public INetwork CreateWorker() => new ShardFailingNetwork(inner.CreateWorker(), fails: true);
}
