using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NetGen.Data;
using NetGen.Training;

namespace NetGen.Metrics;

/// <summary>
/// Counts of (actual class, predicted class) pairs, and the accuracy and per-class precision, recall and F1
/// that follow from them.
/// </summary>
/// <remarks>
/// <para>
/// Rows are actual classes, columns predicted ones. Precision of class <c>c</c> is
/// <c>TP / (TP + FP)</c> (the column), recall <c>TP / (TP + FN)</c> (the row), F1 their harmonic mean; each
/// is 0 when its denominator is 0. The macro averages are unweighted means over the classes that occur as
/// an actual or a predicted class (the convention of scikit-learn), so a class absent from both does not
/// drag them down.
/// </para>
/// <para>
/// <see cref="Compute(IInferenceNetwork, Dataset)"/> decides classes as <see cref="Classification"/> does, so its
/// <see cref="Accuracy"/> equals the accuracy the trainer reports.
/// </para>
/// </remarks>
public sealed class ConfusionMatrix
{
    private readonly long[] _counts;

    /// <summary>Creates an empty matrix over <paramref name="classCount"/> classes.</summary>
    /// <param name="classCount">The number of classes; at least 2.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is less than 2.</exception>
    public ConfusionMatrix(int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        ClassCount = classCount;
        _counts = new long[classCount * classCount];
    }

    /// <summary>The number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>The number of samples counted.</summary>
    public long Total { get; private set; }

    /// <summary>The number of samples whose predicted class is the actual one, the matrix's trace.</summary>
    public long Correct
    {
        get
        {
            long correct = 0;
            for (int c = 0; c < ClassCount; c++)
            {
                correct += this[c, c];
            }

            return correct;
        }
    }

    /// <summary>The share of samples predicted right; 0 for an empty matrix.</summary>
    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    /// <summary>The macro-averaged precision over the classes that occur (see the remarks on <see cref="ConfusionMatrix"/>).</summary>
    public double MacroPrecision => MacroAverage(Precision);

    /// <summary>The macro-averaged recall over the classes that occur.</summary>
    public double MacroRecall => MacroAverage(Recall);

    /// <summary>The macro-averaged F1 over the classes that occur (the mean of the per-class F1 scores).</summary>
    public double MacroF1 => MacroAverage(F1);

    /// <summary>The number of samples of actual class <paramref name="actual"/> predicted as <paramref name="predicted"/>.</summary>
    /// <param name="actual">The actual class, the row.</param>
    /// <param name="predicted">The predicted class, the column.</param>
    /// <returns>The count.</returns>
    public long this[int actual, int predicted]
    {
        get
        {
            CheckClass(actual, nameof(actual));
            CheckClass(predicted, nameof(predicted));
            return _counts[(actual * ClassCount) + predicted];
        }
    }

    /// <summary>
    /// The confusion matrix of <paramref name="network"/> on <paramref name="data"/>. A cross-entropy network's
    /// classes are its outputs, decided by <see cref="Classification.ArgMax"/>; a binary cross-entropy network
    /// with one output has classes 0 and 1, decided at 0.5 as <see cref="Classification.IsCorrect"/> does.
    /// </summary>
    /// <param name="network">The classifier (inference-only ones included); only its forward pass runs.</param>
    /// <param name="data">The samples, with one-hot (or 0/1) targets.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="ArgumentException">The network is not a single-label classifier (use <see cref="ComputePerLabel"/> for several binary outputs), or the dataset does not fit it.</exception>
    public static ConfusionMatrix Compute(IInferenceNetwork network, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        ClassificationMetrics.RequireFit(network, data);
        bool binary = network.Loss == Loss.BinaryCrossEntropy;
        if (!Classification.IsClassifier(network.Loss) || (binary && network.OutputSize != 1) || (!binary && network.OutputSize < 2))
        {
            throw new ArgumentException(
                $"A confusion matrix needs a cross-entropy network with at least 2 outputs or a binary cross-entropy network with 1 output; this one has {network.OutputSize} outputs and {network.Loss} loss"
                + (binary ? ": use ComputePerLabel for multi-label outputs." : "."),
                nameof(network));
        }

        var matrix = new ConfusionMatrix(binary ? 2 : network.OutputSize);
        Span<float> output = network.OutputSize <= 1024 ? stackalloc float[network.OutputSize] : new float[network.OutputSize];
        for (int i = 0; i < data.Count; i++)
        {
            network.Forward(data.FeaturesOf(i), output);
            ReadOnlySpan<float> target = data.TargetsOf(i);
            if (binary)
            {
                matrix.Add(target[0] >= 0.5f ? 1 : 0, output[0] >= 0.5f ? 1 : 0);
            }
            else
            {
                matrix.Add(Classification.ArgMax(target), Classification.ArgMax(output));
            }
        }

        return matrix;
    }

    /// <summary>
    /// One 2 × 2 matrix per output of a multi-label binary cross-entropy network: for output <c>j</c>, class 1
    /// is "label j present" (target or output at least 0.5) and class 0 its absence.
    /// </summary>
    /// <param name="network">A binary cross-entropy network (inference-only ones included); only its forward pass runs.</param>
    /// <param name="data">The samples.</param>
    /// <returns>The matrices, one per output.</returns>
    /// <exception cref="ArgumentException">The network is not trained on binary cross-entropy, or the dataset does not fit it.</exception>
    public static ConfusionMatrix[] ComputePerLabel(IInferenceNetwork network, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        ClassificationMetrics.RequireFit(network, data);
        if (network.Loss != Loss.BinaryCrossEntropy)
        {
            throw new ArgumentException($"Per-label matrices need a binary cross-entropy network; this one has {network.Loss} loss.", nameof(network));
        }

        var matrices = new ConfusionMatrix[network.OutputSize];
        for (int j = 0; j < matrices.Length; j++)
        {
            matrices[j] = new ConfusionMatrix(2);
        }

        Span<float> output = network.OutputSize <= 1024 ? stackalloc float[network.OutputSize] : new float[network.OutputSize];
        for (int i = 0; i < data.Count; i++)
        {
            network.Forward(data.FeaturesOf(i), output);
            ReadOnlySpan<float> target = data.TargetsOf(i);
            for (int j = 0; j < matrices.Length; j++)
            {
                matrices[j].Add(target[j] >= 0.5f ? 1 : 0, output[j] >= 0.5f ? 1 : 0);
            }
        }

        return matrices;
    }

    /// <summary>Counts one sample.</summary>
    /// <param name="actual">Its actual class.</param>
    /// <param name="predicted">The class predicted for it.</param>
    /// <exception cref="ArgumentOutOfRangeException">A class is out of range.</exception>
    public void Add(int actual, int predicted)
    {
        CheckClass(actual, nameof(actual));
        CheckClass(predicted, nameof(predicted));
        _counts[(actual * ClassCount) + predicted]++;
        Total++;
    }

    /// <summary>The number of samples whose actual class is <paramref name="classIndex"/>, the row's sum.</summary>
    /// <param name="classIndex">The class.</param>
    /// <returns>The support.</returns>
    public long Support(int classIndex)
    {
        CheckClass(classIndex, nameof(classIndex));
        long sum = 0;
        for (int p = 0; p < ClassCount; p++)
        {
            sum += _counts[(classIndex * ClassCount) + p];
        }

        return sum;
    }

    /// <summary>The number of samples predicted as <paramref name="classIndex"/>, the column's sum.</summary>
    /// <param name="classIndex">The class.</param>
    /// <returns>The count.</returns>
    public long PredictedCount(int classIndex)
    {
        CheckClass(classIndex, nameof(classIndex));
        long sum = 0;
        for (int a = 0; a < ClassCount; a++)
        {
            sum += _counts[(a * ClassCount) + classIndex];
        }

        return sum;
    }

    /// <summary>The precision of <paramref name="classIndex"/>, <c>TP / (TP + FP)</c>; 0 when it is never predicted.</summary>
    /// <param name="classIndex">The class.</param>
    /// <returns>The precision, in [0, 1].</returns>
    public double Precision(int classIndex)
    {
        long predicted = PredictedCount(classIndex);
        return predicted == 0 ? 0 : (double)this[classIndex, classIndex] / predicted;
    }

    /// <summary>The recall of <paramref name="classIndex"/>, <c>TP / (TP + FN)</c>; 0 when it never occurs.</summary>
    /// <param name="classIndex">The class.</param>
    /// <returns>The recall, in [0, 1].</returns>
    public double Recall(int classIndex)
    {
        long support = Support(classIndex);
        return support == 0 ? 0 : (double)this[classIndex, classIndex] / support;
    }

    /// <summary>The F1 score of <paramref name="classIndex"/>, <c>2 TP / (2 TP + FP + FN)</c> (the harmonic mean of precision and recall); 0 when both are 0.</summary>
    /// <param name="classIndex">The class.</param>
    /// <returns>The F1 score, in [0, 1].</returns>
    public double F1(int classIndex)
    {
        long truePositives = this[classIndex, classIndex];
        long denominator = Support(classIndex) + PredictedCount(classIndex);
        return denominator == 0 ? 0 : 2.0 * truePositives / denominator;
    }

    /// <summary>The matrix and a per-class report, with classes named by index.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => ToString(null);

    /// <summary>
    /// The matrix (rows actual, columns predicted) followed by each class's precision, recall, F1 and support
    /// and their macro averages, in aligned columns.
    /// </summary>
    /// <param name="classNames">A name per class, or null to use the indices.</param>
    /// <returns>The text, lines separated by <c>\n</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="classNames"/> does not name every class.</exception>
    public string ToString(IReadOnlyList<string>? classNames)
    {
        if (classNames is not null && classNames.Count != ClassCount)
        {
            throw new ArgumentException($"Expected {ClassCount} class names, got {classNames.Count}.", nameof(classNames));
        }

        CultureInfo invariant = CultureInfo.InvariantCulture;
        string[] names = new string[ClassCount];
        for (int c = 0; c < ClassCount; c++)
        {
            names[c] = classNames?[c] ?? c.ToString(invariant);
        }

        const string Corner = "actual \\ predicted";
        int nameWidth = Math.Max(Corner.Length, "macro average".Length);
        int cellWidth = 5;
        foreach (string name in names)
        {
            nameWidth = Math.Max(nameWidth, name.Length);
            cellWidth = Math.Max(cellWidth, name.Length);
        }

        for (int i = 0; i < _counts.Length; i++)
        {
            cellWidth = Math.Max(cellWidth, _counts[i].ToString(invariant).Length);
        }

        var text = new StringBuilder();
        text.Append(invariant, $"{Total} samples, accuracy {Accuracy:0.0000}\n\n");
        text.Append(Corner.PadRight(nameWidth));
        foreach (string name in names)
        {
            text.Append("  ").Append(name.PadLeft(cellWidth));
        }

        text.Append('\n');
        for (int a = 0; a < ClassCount; a++)
        {
            text.Append(names[a].PadRight(nameWidth));
            for (int p = 0; p < ClassCount; p++)
            {
                text.Append("  ").Append(this[a, p].ToString(invariant).PadLeft(cellWidth));
            }

            text.Append('\n');
        }

        int supportWidth = Math.Max("support".Length, Total.ToString(invariant).Length);
        text.Append('\n').Append("class".PadRight(nameWidth)).Append("  precision     recall         f1  ").Append("support".PadLeft(supportWidth)).Append('\n');
        for (int c = 0; c < ClassCount; c++)
        {
            text.Append(names[c].PadRight(nameWidth))
                .Append(invariant, $"  {Precision(c),9:0.0000}  {Recall(c),9:0.0000}  {F1(c),9:0.0000}  ")
                .Append(Support(c).ToString(invariant).PadLeft(supportWidth)).Append('\n');
        }

        text.Append("macro average".PadRight(nameWidth))
            .Append(invariant, $"  {MacroPrecision,9:0.0000}  {MacroRecall,9:0.0000}  {MacroF1,9:0.0000}  ")
            .Append(Total.ToString(invariant).PadLeft(supportWidth));
        return text.ToString();
    }

    private double MacroAverage(Func<int, double> score)
    {
        double sum = 0;
        int classes = 0;
        for (int c = 0; c < ClassCount; c++)
        {
            if (Support(c) > 0 || PredictedCount(c) > 0)
            {
                sum += score(c);
                classes++;
            }
        }

        return classes == 0 ? 0 : sum / classes;
    }

    private void CheckClass(int classIndex, string parameterName)
    {
        if ((uint)classIndex >= (uint)ClassCount)
        {
            throw new ArgumentOutOfRangeException(parameterName, classIndex, $"A class must lie in [0, {ClassCount}).");
        }
    }
}
