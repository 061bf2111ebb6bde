using System;
using NetGen.Data;
using NetGen.Training;

namespace NetGen.Metrics;

/// <summary>Accuracy of any classifier; for per-class scores see <see cref="ConfusionMatrix"/>.</summary>
public static class ClassificationMetrics
{
    /// <summary>
    /// The share of samples that <paramref name="network"/> decides right, by <see cref="Classification.IsCorrect"/>:
    /// the same arg max for cross-entropy, every output on the target's side of 0.5 for binary cross-entropy
    /// (an exact match for multi-label outputs).
    /// </summary>
    /// <param name="network">The classifier (any network, inference-only ones included); only its forward pass runs.</param>
    /// <param name="data">The samples; not empty.</param>
    /// <returns>The accuracy, in [0, 1].</returns>
    /// <exception cref="ArgumentException">The network is not a classifier, the dataset does not fit it, or it is empty.</exception>
    public static double Accuracy(IInferenceNetwork network, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        RequireFit(network, data);
        if (!Classification.IsClassifier(network.Loss))
        {
            throw new ArgumentException($"Accuracy needs a classifier (a cross-entropy loss); this network has {network.Loss} loss.", nameof(network));
        }

        if (data.Count == 0)
        {
            throw new ArgumentException("Cannot measure accuracy on an empty dataset.", nameof(data));
        }

        Span<float> output = network.OutputSize <= 1024 ? stackalloc float[network.OutputSize] : new float[network.OutputSize];
        int correct = 0;
        for (int i = 0; i < data.Count; i++)
        {
            network.Forward(data.FeaturesOf(i), output);
            correct += Classification.IsCorrect(network.Loss, output, data.TargetsOf(i)) ? 1 : 0;
        }

        return (double)correct / data.Count;
    }

    internal static void RequireFit(IInferenceNetwork network, Dataset data)
    {
        if (data.InputSize != network.InputSize || data.OutputSize != network.OutputSize)
        {
            throw new ArgumentException(
                $"The dataset has {data.InputSize} features and {data.OutputSize} targets per sample, but the network takes {network.InputSize} inputs and gives {network.OutputSize} outputs.",
                nameof(data));
        }
    }
}
