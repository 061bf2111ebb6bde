using System;

namespace NetGen.Training;

/// <summary>How a network's output is read as a class decision, by its loss.</summary>
public static class Classification
{
    /// <summary>Whether networks trained on <paramref name="loss"/> are classifiers: cross-entropy (one class, by arg max) or binary cross-entropy (one yes/no per output, at 0.5).</summary>
    /// <param name="loss">The loss.</param>
    /// <returns>True for the cross-entropies.</returns>
    public static bool IsClassifier(Loss loss) => loss is Loss.CrossEntropy or Loss.BinaryCrossEntropy;

    /// <summary>The index of the largest value (the first, on ties).</summary>
    /// <param name="values">The values; not empty.</param>
    /// <returns>The arg max.</returns>
    public static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>
    /// Whether <paramref name="output"/> decides as <paramref name="target"/> does: the same arg max for
    /// cross-entropy; every output on the same side of 0.5 for binary cross-entropy; false for a loss that is
    /// not a classifier's.
    /// </summary>
    /// <param name="loss">The network's loss.</param>
    /// <param name="output">The network's output.</param>
    /// <param name="target">The target.</param>
    /// <returns>Whether the decision is right.</returns>
    public static bool IsCorrect(Loss loss, ReadOnlySpan<float> output, ReadOnlySpan<float> target)
    {
        switch (loss)
        {
            case Loss.CrossEntropy:
                return ArgMax(output) == ArgMax(target);
            case Loss.BinaryCrossEntropy:
                for (int j = 0; j < output.Length; j++)
                {
                    if (output[j] >= 0.5f != target[j] >= 0.5f)
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>How many samples of a block <see cref="IsCorrect"/> decides right.</summary>
    /// <param name="loss">The network's loss.</param>
    /// <param name="outputs">The outputs, one row of <paramref name="outputSize"/> per sample.</param>
    /// <param name="targets">The targets, laid out the same way.</param>
    /// <param name="outputSize">The length of one output.</param>
    /// <returns>The number of samples decided right.</returns>
    public static int CountCorrect(Loss loss, ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, int outputSize)
    {
        ShapeGuard.RequireLength(outputs.Length, targets.Length, nameof(outputs));
        int correct = 0;
        for (int row = 0; row + outputSize <= outputs.Length; row += outputSize)
        {
            correct += IsCorrect(loss, outputs.Slice(row, outputSize), targets.Slice(row, outputSize)) ? 1 : 0;
        }

        return correct;
    }
}
