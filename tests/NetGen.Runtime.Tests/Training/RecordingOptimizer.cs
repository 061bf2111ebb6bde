using System;
using System.Collections.Generic;
using NetGen.Optimizers;

namespace NetGen.Runtime.Tests.Training;

/// <summary>
/// A test double of an optimizer that records the offset of every range it is asked to update (from any thread),
/// updates nothing, and throws for the ranges that start at or after <paramref name="failFrom"/>.
/// </summary>
internal sealed class RecordingOptimizer(int failFrom = int.MaxValue) : IOptimizer
{
    private readonly List<int> _offsets = [];

    public float LearningRate { get; set; } = 0.1f;

    public int CompletedSteps { get; private set; }

    public int[] Offsets()
    {
        lock (_offsets)
        {
            int[] offsets = _offsets.ToArray();
            Array.Sort(offsets);
            return offsets;
        }
    }

    public void Update(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        UpdateRange(parameters, gradients, 0);
        CompleteStep();
    }

    public void UpdateRange(Span<float> parameters, ReadOnlySpan<float> gradients, int offset)
    {
        lock (_offsets)
        {
            _offsets.Add(offset);
        }

        if (offset >= failFrom)
        {
            throw new InvalidOperationException($"The range at {offset} failed on purpose.");
        }
    }

    public void CompleteStep() => CompletedSteps++;
}
