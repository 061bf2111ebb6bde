using System;

namespace NetGen.Data;

/// <summary>How a <see cref="FeatureScaler"/> was fitted.</summary>
public enum ScalingKind
{
    /// <summary>Standardisation: <c>x' = (x − mean) / std</c>, per feature.</summary>
    Standard = 0,

    /// <summary>Min-max scaling to [0, 1]: <c>x' = (x − min) / (max − min)</c>, per feature.</summary>
    MinMax = 1,
}

/// <summary>
/// A per-feature affine scaling <c>x' = (x − offset) · scale</c>, fitted on a training set and applied unchanged
/// to every other set (and to inputs at inference), so that no statistic of the validation or test data leaks
/// into training. Its state (<see cref="Kind"/>, <see cref="Offset"/>, <see cref="Scale"/>) is saved with the model.
/// </summary>
public sealed class FeatureScaler
{
    private readonly float[] _offset;
    private readonly float[] _scale;

    /// <summary>Recreates a scaler from its state, as read from a model file.</summary>
    /// <param name="kind">How it was fitted.</param>
    /// <param name="offset">The value subtracted from each feature.</param>
    /// <param name="scale">The factor each centred feature is multiplied by; as long as <paramref name="offset"/>.</param>
    /// <exception cref="ArgumentException">The arrays differ in length or hold non-finite values.</exception>
    public FeatureScaler(ScalingKind kind, float[] offset, float[] scale)
    {
        ArgumentNullException.ThrowIfNull(offset);
        ArgumentNullException.ThrowIfNull(scale);
        if (offset.Length != scale.Length || offset.Length == 0)
        {
            throw new ArgumentException($"A scaler needs as many offsets as scales, at least one; got {offset.Length} and {scale.Length}.");
        }

        if (!Array.TrueForAll(offset, float.IsFinite) || !Array.TrueForAll(scale, float.IsFinite))
        {
            throw new ArgumentException("A scaler's offsets and scales must be finite.");
        }

        Kind = kind;
        _offset = offset;
        _scale = scale;
    }

    /// <summary>How the scaler was fitted.</summary>
    public ScalingKind Kind { get; }

    /// <summary>The number of features it scales.</summary>
    public int FeatureCount => _offset.Length;

    /// <summary>The value subtracted from each feature (the mean, or the minimum).</summary>
    public ReadOnlySpan<float> Offset => _offset;

    /// <summary>The factor each centred feature is multiplied by (1 / std, or 1 / (max − min)).</summary>
    public ReadOnlySpan<float> Scale => _scale;

    /// <summary>Fits a standardising scaler on <paramref name="training"/>: mean and population standard deviation per feature (a constant feature gets scale 1).</summary>
    /// <param name="training">The training set.</param>
    /// <returns>The scaler.</returns>
    public static FeatureScaler FitStandard(Dataset training)
    {
        ArgumentNullException.ThrowIfNull(training);
        RequireSamples(training);
        int d = training.InputSize;
        double[] sum = new double[d], sumSquares = new double[d];
        for (int i = 0; i < training.Count; i++)
        {
            ReadOnlySpan<float> row = training.FeaturesOf(i);
            for (int f = 0; f < d; f++)
            {
                sum[f] += row[f];
                sumSquares[f] += (double)row[f] * row[f];
            }
        }

        float[] offset = new float[d], scale = new float[d];
        for (int f = 0; f < d; f++)
        {
            double mean = sum[f] / training.Count;
            double std = Math.Sqrt(Math.Max(0, (sumSquares[f] / training.Count) - (mean * mean)));
            offset[f] = (float)mean;
            scale[f] = std > 1e-12 ? (float)(1 / std) : 1f;
        }

        return new FeatureScaler(ScalingKind.Standard, offset, scale);
    }

    /// <summary>Fits a min-max scaler on <paramref name="training"/>, mapping each feature's range to [0, 1] (a constant feature gets scale 1).</summary>
    /// <param name="training">The training set.</param>
    /// <returns>The scaler.</returns>
    public static FeatureScaler FitMinMax(Dataset training)
    {
        ArgumentNullException.ThrowIfNull(training);
        RequireSamples(training);
        int d = training.InputSize;
        float[] min = new float[d], max = new float[d];
        training.FeaturesOf(0).CopyTo(min);
        training.FeaturesOf(0).CopyTo(max);
        for (int i = 1; i < training.Count; i++)
        {
            ReadOnlySpan<float> row = training.FeaturesOf(i);
            for (int f = 0; f < d; f++)
            {
                min[f] = Math.Min(min[f], row[f]);
                max[f] = Math.Max(max[f], row[f]);
            }
        }

        float[] scale = new float[d];
        for (int f = 0; f < d; f++)
        {
            float range = max[f] - min[f];
            scale[f] = range > 0 ? 1f / range : 1f;
        }

        return new FeatureScaler(ScalingKind.MinMax, min, scale);
    }

    /// <summary>Scales one sample in place.</summary>
    /// <param name="features">The sample's features, <see cref="FeatureCount"/> of them.</param>
    /// <exception cref="ArgumentException">The sample has the wrong length.</exception>
    public void Transform(Span<float> features)
    {
        ShapeGuard.RequireLength(features.Length, FeatureCount, nameof(features));
        for (int f = 0; f < features.Length; f++)
        {
            features[f] = (features[f] - _offset[f]) * _scale[f];
        }
    }

    /// <summary>Scales every sample of <paramref name="data"/> in place.</summary>
    /// <param name="data">The dataset; its features must number <see cref="FeatureCount"/>.</param>
    /// <exception cref="ArgumentException">The dataset has another number of features.</exception>
    public void Transform(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        ShapeGuard.RequireLength(data.InputSize, FeatureCount, nameof(data));
        Span<float> features = data.Features;
        for (int i = 0; i < data.Count; i++)
        {
            Transform(features.Slice(i * FeatureCount, FeatureCount));
        }
    }

    private static void RequireSamples(Dataset training)
    {
        if (training.Count == 0)
        {
            throw new ArgumentException("Cannot fit a scaler on an empty dataset.", nameof(training));
        }
    }
}
