using System;

namespace NetGen.Runtime.Tests.GradientCheck;

/// <summary>
/// A test double around a real network whose <see cref="Backward"/> gets one gradient element wrong: it adds
/// <c>offset</c> to it, or multiplies the sample's contribution by <c>scale</c>. It can also break every
/// weight of one layer, or throw from <see cref="Evaluate"/> on a given call.
/// </summary>
internal sealed class CorruptingNetwork : INetwork
{
    private readonly INetwork _inner;
    private readonly int _index;
    private readonly float _offset;
    private readonly float _scale;
    private int _evaluateCalls;

    public CorruptingNetwork(INetwork inner, int index, float offset, float scale = 1f)
    {
        _inner = inner;
        _index = index;
        _offset = offset;
        _scale = scale;
    }

    /// <summary>Throws from the n-th call to <see cref="Evaluate"/> (1-based), or never when 0.</summary>
    public int ThrowOnEvaluateCall { get; init; }

    /// <summary>When set, Backward doubles the contribution to every weight of this layer.</summary>
    public LayerInfo? CorruptEveryWeightOfLayer { get; init; }

    public int InputSize => _inner.InputSize;

    public int OutputSize => _inner.OutputSize;

    public int ParameterCount => _inner.ParameterCount;

    public Loss Loss => _inner.Loss;

    public ReadOnlySpan<LayerInfo> Layers => _inner.Layers;

    public Span<float> Parameters => _inner.Parameters;

    public Span<float> Gradients => _inner.Gradients;

    public ReadOnlySpan<float> Output => _inner.Output;

    public void Forward(ReadOnlySpan<float> input, Span<float> output) => _inner.Forward(input, output);

    public float Evaluate(ReadOnlySpan<float> input, ReadOnlySpan<float> target, Span<float> output)
    {
        if (++_evaluateCalls == ThrowOnEvaluateCall)
        {
            throw new InvalidOperationException("Evaluate failed on purpose.");
        }

        return _inner.Evaluate(input, target, output);
    }

    public float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target)
    {
        float[] before = _inner.Gradients.ToArray();
        float loss = _inner.Backward(input, target);
        Span<float> gradients = _inner.Gradients;
        gradients[_index] = before[_index] + (_scale * (gradients[_index] - before[_index])) + _offset;
        if (CorruptEveryWeightOfLayer is LayerInfo layer)
        {
            for (int p = layer.WeightOffset; p < layer.WeightOffset + layer.WeightCount; p++)
            {
                gradients[p] = before[p] + (2 * (gradients[p] - before[p])) + 0.01f;
            }
        }

        return loss;
    }

    public void ZeroGradients() => _inner.ZeroGradients();

    public void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs) => _inner.ForwardBatch(inputs, outputs);

    public float EvaluateBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, Span<float> outputs) =>
        _inner.EvaluateBatch(inputs, targets, outputs);

    /// <summary>Sample by sample through the corrupted <see cref="Backward"/>.</summary>
    public float BackwardBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, Span<float> outputs)
    {
        float loss = 0f;
        for (int s = 0; s < inputs.Length / InputSize; s++)
        {
            loss += Backward(inputs.Slice(s * InputSize, InputSize), targets.Slice(s * OutputSize, OutputSize));
            Output.CopyTo(outputs.Slice(s * OutputSize, OutputSize));
        }

        return loss;
    }

    /// <summary>Through the corrupted <see cref="BackwardBatch"/>.</summary>
    public float ComputeGradientBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, Span<float> outputs, float scale)
    {
        ZeroGradients();
        float loss = BackwardBatch(inputs, targets, outputs);
        NetGen.Kernels.VectorOps.Scale(Gradients, scale);

        return loss;
    }

    public INetwork CreateWorker() => throw new NotSupportedException("The corrupting test double has no workers.");
}
