using System;
using NetGen.Data;

namespace NetGen.Training;

/// <summary>A network's mean loss and accuracy over a dataset.</summary>
public static class Evaluation
{
    /// <summary>The samples evaluated per call of <see cref="IInferenceNetwork.EvaluateBatch"/>.</summary>
    private const int EvaluationChunk = 1024;

    /// <summary>
    /// The mean per-sample loss over <paramref name="data"/> and, for classifiers, the share of samples decided right;
    /// the batches shared over the processors where they are large enough (<see cref="WorkerCount.Auto"/>).
    /// </summary>
    /// <param name="network">The network (inference-only ones included); only its forward pass runs.</param>
    /// <param name="data">The samples; not empty.</param>
    /// <returns>The mean loss, and the accuracy or null when the network is not a classifier.</returns>
    /// <exception cref="ArgumentException"><paramref name="data"/> is empty.</exception>
    public static (double Loss, double? Accuracy) MeanLossAndAccuracy(IInferenceNetwork network, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(network);
        using var inference = new ParallelInference(network);
        return MeanLossAndAccuracy(inference, data);
    }

    /// <summary>
    /// The mean per-sample loss over <paramref name="data"/> and, for classifiers, the share of samples decided right,
    /// with the batches run by <paramref name="inference"/> (on as many threads as it uses).
    /// </summary>
    /// <param name="inference">The network's batched inference; its gradients are left untouched.</param>
    /// <param name="data">The samples; not empty.</param>
    /// <returns>The mean loss, and the accuracy or null when the network is not a classifier.</returns>
    /// <exception cref="ArgumentException"><paramref name="data"/> is empty.</exception>
    public static (double Loss, double? Accuracy) MeanLossAndAccuracy(ParallelInference inference, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(inference);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count == 0)
        {
            throw new ArgumentException("Cannot evaluate on an empty dataset.", nameof(data));
        }

        return MeanLossAndAccuracy(inference, data, new float[ChunkOf(data) * inference.Network.OutputSize]);
    }

    /// <summary>The samples evaluated per call of <see cref="IInferenceNetwork.EvaluateBatch"/> on <paramref name="data"/>.</summary>
    internal static int ChunkOf(Dataset data) => Math.Min(data.Count, EvaluationChunk);

    /// <summary><see cref="MeanLossAndAccuracy(ParallelInference, Dataset)"/> with a buffer for the outputs of <see cref="ChunkOf"/> samples.</summary>
    internal static (double Loss, double? Accuracy) MeanLossAndAccuracy(ParallelInference inference, Dataset data, Span<float> outputs)
    {
        IInferenceNetwork network = inference.Network;
        int chunk = ChunkOf(data);
        double loss = 0;
        int correct = 0;
        for (int start = 0; start < data.Count; start += chunk)
        {
            int count = Math.Min(chunk, data.Count - start);
            ReadOnlySpan<float> targets = data.Targets.Slice(start * data.OutputSize, count * data.OutputSize);
            Span<float> output = outputs[..(count * network.OutputSize)];
            loss += inference.EvaluateBatch(data.Features.Slice(start * data.InputSize, count * data.InputSize), targets, output);
            correct += Classification.CountCorrect(network.Loss, output, targets, network.OutputSize);
        }

        return (loss / data.Count, Classification.IsClassifier(network.Loss) ? (double)correct / data.Count : null);
    }
}
