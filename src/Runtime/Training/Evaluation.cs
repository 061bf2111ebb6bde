using System;
using NetGen.Data;

namespace NetGen.Training;

/// <summary>A network's mean loss and accuracy over a dataset.</summary>
public static class Evaluation
{
    /// <summary>The mean per-sample loss over <paramref name="data"/> and, for classifiers, the share of samples decided right.</summary>
    /// <param name="network">The network; its gradients are left untouched.</param>
    /// <param name="data">The samples; not empty.</param>
    /// <returns>The mean loss, and the accuracy or null when the network is not a classifier.</returns>
    /// <exception cref="ArgumentException"><paramref name="data"/> is empty.</exception>
    public static (double Loss, double? Accuracy) MeanLossAndAccuracy(INetwork network, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count == 0)
        {
            throw new ArgumentException("Cannot evaluate on an empty dataset.", nameof(data));
        }

        Span<float> output = network.OutputSize <= 1024 ? stackalloc float[network.OutputSize] : new float[network.OutputSize];
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < data.Count; i++)
        {
            loss += network.Evaluate(data.FeaturesOf(i), data.TargetsOf(i), output);
            correct += Classification.IsCorrect(network.Loss, output, data.TargetsOf(i)) ? 1 : 0;
        }

        return (loss / data.Count, Classification.IsClassifier(network.Loss) ? (double)correct / data.Count : null);
    }
}
