using System;
using System.Collections.Generic;

namespace NetGen.Data;

/// <summary>
/// Samples held as two contiguous row-major blocks: features <c>[Count, InputSize]</c> and targets
/// <c>[Count, OutputSize]</c>. Rows are handed out as spans, so reading a sample allocates nothing.
/// </summary>
public sealed class Dataset
{
    private readonly float[] _features;
    private readonly float[] _targets;

    /// <summary>Wraps the given blocks (not copied).</summary>
    /// <param name="features">The features, <c>count × inputSize</c> values, sample after sample.</param>
    /// <param name="targets">The targets, <c>count × outputSize</c> values, sample after sample.</param>
    /// <param name="inputSize">The number of features per sample; positive.</param>
    /// <param name="outputSize">The number of targets per sample; positive.</param>
    /// <exception cref="ArgumentException">The blocks do not hold the same whole number of samples.</exception>
    public Dataset(float[] features, float[] targets, int inputSize, int outputSize)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize);
        if (features.Length % inputSize != 0 || targets.Length % outputSize != 0 || features.Length / inputSize != targets.Length / outputSize)
        {
            throw new ArgumentException(
                $"{features.Length} feature values at {inputSize} per sample and {targets.Length} target values at {outputSize} per sample do not make the same whole number of samples.");
        }

        _features = features;
        _targets = targets;
        InputSize = inputSize;
        OutputSize = outputSize;
        Count = features.Length / inputSize;
    }

    /// <summary>The number of samples.</summary>
    public int Count { get; }

    /// <summary>The number of features per sample.</summary>
    public int InputSize { get; }

    /// <summary>The number of targets per sample.</summary>
    public int OutputSize { get; }

    /// <summary>All features, <c>[Count, InputSize]</c> row-major; writable, for scaling in place.</summary>
    public Span<float> Features => _features;

    /// <summary>All targets, <c>[Count, OutputSize]</c> row-major.</summary>
    public Span<float> Targets => _targets;

    /// <summary>The features of sample <paramref name="index"/>.</summary>
    /// <param name="index">The sample, from 0 to <see cref="Count"/> − 1.</param>
    /// <returns>A span of <see cref="InputSize"/> values.</returns>
    public ReadOnlySpan<float> FeaturesOf(int index) => new(_features, index * InputSize, InputSize);

    /// <summary>The targets of sample <paramref name="index"/>.</summary>
    /// <param name="index">The sample, from 0 to <see cref="Count"/> − 1.</param>
    /// <returns>A span of <see cref="OutputSize"/> values.</returns>
    public ReadOnlySpan<float> TargetsOf(int index) => new(_targets, index * OutputSize, OutputSize);

    /// <summary>A new dataset holding copies of the given samples, in the given order.</summary>
    /// <param name="indices">The samples to take.</param>
    /// <returns>The subset.</returns>
    public Dataset Subset(ReadOnlySpan<int> indices)
    {
        float[] features = new float[indices.Length * InputSize];
        float[] targets = new float[indices.Length * OutputSize];
        for (int i = 0; i < indices.Length; i++)
        {
            FeaturesOf(indices[i]).CopyTo(features.AsSpan(i * InputSize, InputSize));
            TargetsOf(indices[i]).CopyTo(targets.AsSpan(i * OutputSize, OutputSize));
        }

        return new Dataset(features, targets, InputSize, OutputSize);
    }

    /// <summary>
    /// Shuffles the samples with <paramref name="seed"/> and cuts them into training, validation and test
    /// sets; the test set takes what the other two leave.
    /// </summary>
    /// <param name="trainFraction">The share of samples for training, in (0, 1].</param>
    /// <param name="validationFraction">The share for validation, in [0, 1 − <paramref name="trainFraction"/>].</param>
    /// <param name="seed">The shuffle's seed; equal seeds give equal splits.</param>
    /// <returns>The three sets.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The fractions are out of range.</exception>
    public (Dataset Train, Dataset Validation, Dataset Test) Split(double trainFraction, double validationFraction, int seed)
    {
        if (!(trainFraction > 0 && trainFraction <= 1) || !(validationFraction >= 0 && trainFraction + validationFraction <= 1 + 1e-12))
        {
            throw new ArgumentOutOfRangeException(nameof(trainFraction), $"Fractions {trainFraction} (train) and {validationFraction} (validation) must be positive and sum to at most 1.");
        }

        int[] order = Permutation(Count, seed);
        int train = (int)Math.Round(trainFraction * Count);
        int validation = Math.Min(Count - train, (int)Math.Round(validationFraction * Count));
        return (Subset(order.AsSpan(0, train)), Subset(order.AsSpan(train, validation)), Subset(order.AsSpan(train + validation)));
    }

    /// <summary>The <paramref name="folds"/> train/validation pairs of k-fold cross-validation over a seeded shuffle.</summary>
    /// <param name="folds">The number of folds, from 2 to <see cref="Count"/>.</param>
    /// <param name="seed">The shuffle's seed.</param>
    /// <returns>For each fold, the other folds as training set and this fold as validation set.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="folds"/> is out of range.</exception>
    public IEnumerable<(Dataset Train, Dataset Validation)> KFold(int folds, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(folds, Count);
        return Folds(Permutation(Count, seed), folds);
    }

    /// <summary>A seeded Fisher–Yates permutation of 0 … <paramref name="count"/> − 1.</summary>
    /// <param name="count">The number of elements.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The permutation.</returns>
    public static int[] Permutation(int count, int seed)
    {
        int[] order = new int[count];
        for (int i = 0; i < count; i++)
        {
            order[i] = i;
        }

        var random = new SeededRandom(seed);
        Shuffle(order, ref random);
        return order;
    }

    internal static void Shuffle(Span<int> order, ref SeededRandom random)
    {
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = random.NextInt32(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    private IEnumerable<(Dataset Train, Dataset Validation)> Folds(int[] order, int folds)
    {
        for (int f = 0; f < folds; f++)
        {
            int start = (int)((long)f * Count / folds), end = (int)((long)(f + 1) * Count / folds);
            int[] train = new int[Count - (end - start)];
            order.AsSpan(0, start).CopyTo(train);
            order.AsSpan(end).CopyTo(train.AsSpan(start));
            yield return (Subset(train), Subset(order.AsSpan(start, end - start)));
        }
    }
}
