using System;
using System.Globalization;
using System.Text;
using NetGen.Data;

namespace NetGen.Metrics;

/// <summary>
/// Mean squared error, mean absolute error and the coefficient of determination R², per output and overall,
/// accumulated sample by sample in double precision.
/// </summary>
/// <remarks>
/// <para>
/// These are the usual statistics: <c>MSE = mean (ŷ − y)²</c> without the ½ of the training loss,
/// <c>MAE = mean |ŷ − y|</c>, and per output <c>R² = 1 − Σ(ŷ − y)² / Σ(y − ȳ)²</c>. An output whose targets
/// are all equal has R² 1 if it is predicted exactly and 0 otherwise (the convention of scikit-learn). The
/// overall MSE and MAE average over every sample and output; the overall R² is the unweighted mean of the
/// outputs' R² (scikit-learn's <c>uniform_average</c>).
/// </para>
/// <para>
/// The target mean and spread are accumulated by Welford's method, so R² stays accurate for targets far from
/// zero. <see cref="Add"/> allocates nothing.
/// </para>
/// </remarks>
public sealed class RegressionMetrics
{
    private readonly double[] _squaredError;
    private readonly double[] _absoluteError;
    private readonly double[] _targetMean;
    private readonly double[] _targetSpread;

    /// <summary>Creates empty statistics for <paramref name="outputCount"/> outputs.</summary>
    /// <param name="outputCount">The number of outputs per sample; positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outputCount"/> is not positive.</exception>
    public RegressionMetrics(int outputCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputCount);
        OutputCount = outputCount;
        _squaredError = new double[outputCount];
        _absoluteError = new double[outputCount];
        _targetMean = new double[outputCount];
        _targetSpread = new double[outputCount];
    }

    /// <summary>The number of outputs per sample.</summary>
    public int OutputCount { get; }

    /// <summary>The number of samples added.</summary>
    public long Count { get; private set; }

    /// <summary>The mean squared error over every sample and output.</summary>
    public double MeanSquaredError => Average(_squaredError);

    /// <summary>The square root of <see cref="MeanSquaredError"/>.</summary>
    public double RootMeanSquaredError => Math.Sqrt(MeanSquaredError);

    /// <summary>The mean absolute error over every sample and output.</summary>
    public double MeanAbsoluteError => Average(_absoluteError);

    /// <summary>The unweighted mean of the outputs' R².</summary>
    public double RSquared
    {
        get
        {
            double sum = 0;
            for (int j = 0; j < OutputCount; j++)
            {
                sum += RSquaredOf(j);
            }

            return sum / OutputCount;
        }
    }

    /// <summary>The statistics of <paramref name="network"/>'s outputs on <paramref name="data"/>.</summary>
    /// <param name="network">The network (inference-only ones included); only its forward pass runs.</param>
    /// <param name="data">The samples; not empty.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ArgumentException">The dataset does not fit the network or is empty.</exception>
    public static RegressionMetrics Compute(IInferenceNetwork network, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        ClassificationMetrics.RequireFit(network, data);
        RequireSamples(data.Count);
        var metrics = new RegressionMetrics(network.OutputSize);
        Span<float> output = network.OutputSize <= 1024 ? stackalloc float[network.OutputSize] : new float[network.OutputSize];
        for (int i = 0; i < data.Count; i++)
        {
            network.Forward(data.FeaturesOf(i), output);
            metrics.Add(output, data.TargetsOf(i));
        }

        return metrics;
    }

    /// <summary>The statistics of predictions held as a block, <c>[count, outputCount]</c> row-major like the targets.</summary>
    /// <param name="predictions">The predictions, sample after sample.</param>
    /// <param name="targets">The targets, in the same layout.</param>
    /// <param name="outputCount">The number of outputs per sample.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ArgumentException">The blocks differ in length, are empty, or are not a whole number of samples.</exception>
    public static RegressionMetrics Compute(ReadOnlySpan<float> predictions, ReadOnlySpan<float> targets, int outputCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputCount);
        if (predictions.Length != targets.Length || predictions.Length % outputCount != 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{predictions.Length} predictions and {targets.Length} targets are not the same whole number of samples of {outputCount} outputs."),
                nameof(predictions));
        }

        RequireSamples(predictions.Length);
        var metrics = new RegressionMetrics(outputCount);
        for (int start = 0; start < predictions.Length; start += outputCount)
        {
            metrics.Add(predictions.Slice(start, outputCount), targets.Slice(start, outputCount));
        }

        return metrics;
    }

    /// <summary>Adds one sample.</summary>
    /// <param name="prediction">The predicted outputs, <see cref="OutputCount"/> of them.</param>
    /// <param name="target">The targets, as many.</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void Add(ReadOnlySpan<float> prediction, ReadOnlySpan<float> target)
    {
        ShapeGuard.RequireLength(prediction.Length, OutputCount, nameof(prediction));
        ShapeGuard.RequireLength(target.Length, OutputCount, nameof(target));
        Count++;
        for (int j = 0; j < OutputCount; j++)
        {
            double y = target[j];
            double error = prediction[j] - y;
            _squaredError[j] += error * error;
            _absoluteError[j] += Math.Abs(error);

            // Welford: the running mean of y and the sum of squared deviations from it.
            double delta = y - _targetMean[j];
            _targetMean[j] += delta / Count;
            _targetSpread[j] += delta * (y - _targetMean[j]);
        }
    }

    /// <summary>The mean squared error of output <paramref name="output"/>.</summary>
    /// <param name="output">The output, from 0.</param>
    /// <returns>The mean of <c>(ŷ_j − y_j)²</c>; 0 before any sample.</returns>
    public double MeanSquaredErrorOf(int output) => Count == 0 ? 0 : _squaredError[CheckOutput(output)] / Count;

    /// <summary>The mean absolute error of output <paramref name="output"/>.</summary>
    /// <param name="output">The output, from 0.</param>
    /// <returns>The mean of <c>|ŷ_j − y_j|</c>; 0 before any sample.</returns>
    public double MeanAbsoluteErrorOf(int output) => Count == 0 ? 0 : _absoluteError[CheckOutput(output)] / Count;

    /// <summary>The coefficient of determination of output <paramref name="output"/>.</summary>
    /// <param name="output">The output, from 0.</param>
    /// <returns><c>1 − Σ(ŷ_j − y_j)² / Σ(y_j − ȳ_j)²</c>, at most 1 and unbounded below; for constant targets, 1 if predicted exactly, else 0.</returns>
    public double RSquaredOf(int output)
    {
        int j = CheckOutput(output);
        if (_targetSpread[j] == 0)
        {
            return _squaredError[j] == 0 ? 1 : 0;
        }

        return 1 - (_squaredError[j] / _targetSpread[j]);
    }

    /// <summary>One line per output and one overall: MSE, RMSE, MAE and R².</summary>
    /// <returns>The text, lines separated by <c>\n</c>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        CultureInfo invariant = CultureInfo.InvariantCulture;
        text.Append(invariant, $"{Count} samples\noutput              mse          rmse           mae            r2\n");
        for (int j = 0; j < OutputCount; j++)
        {
            double mse = MeanSquaredErrorOf(j);
            text.Append(invariant, $"{j,-8}  {mse,12:G6}  {Math.Sqrt(mse),12:G6}  {MeanAbsoluteErrorOf(j),12:G6}  {RSquaredOf(j),12:G6}\n");
        }

        text.Append(invariant, $"{"overall",-8}  {MeanSquaredError,12:G6}  {RootMeanSquaredError,12:G6}  {MeanAbsoluteError,12:G6}  {RSquared,12:G6}");
        return text.ToString();
    }

    private static void RequireSamples(int count)
    {
        if (count == 0)
        {
            throw new ArgumentException("Cannot measure errors on no samples.");
        }
    }

    private double Average(double[] sums)
    {
        if (Count == 0)
        {
            return 0;
        }

        double total = 0;
        foreach (double sum in sums)
        {
            total += sum;
        }

        return total / (Count * (double)OutputCount);
    }

    private int CheckOutput(int output)
    {
        if ((uint)output >= (uint)OutputCount)
        {
            throw new ArgumentOutOfRangeException(nameof(output), output, $"An output must lie in [0, {OutputCount}).");
        }

        return output;
    }
}
