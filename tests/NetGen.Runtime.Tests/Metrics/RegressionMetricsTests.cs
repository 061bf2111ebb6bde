using System;
using NetGen.Data;
using NetGen.Metrics;
using Xunit;

namespace NetGen.Runtime.Tests.Metrics;

public class RegressionMetricsTests
{
    [Fact]
    public void Errors_and_R2_of_a_small_example_match_the_hand_computed_values()
    {
        // Output 0: y = 1 2 3 4, ŷ = 1.5 1.5 3.5 3: errors ±0.5, ±0.5, 0.5, −1, Σe² = 1.75, Σ|e| = 2.5,
        // ȳ = 2.5, Σ(y − ȳ)² = 5, R² = 1 − 1.75 / 5 = 0.65. Output 1: y = 10 always, predicted exactly: R² = 1.
        PassThroughNet network = Identity(new PassThroughNet());
        var data = new Dataset([1.5f, 10f, 1.5f, 10f, 3.5f, 10f, 3f, 10f], [1f, 10f, 2f, 10f, 3f, 10f, 4f, 10f], inputSize: 2, outputSize: 2);

        RegressionMetrics metrics = RegressionMetrics.Compute(network, data);

        Assert.Equal(4, metrics.Count);
        Assert.Equal(0.4375, metrics.MeanSquaredErrorOf(0), 15);
        Assert.Equal(0.625, metrics.MeanAbsoluteErrorOf(0), 15);
        Assert.Equal(0.65, metrics.RSquaredOf(0), 15);
        Assert.Equal(0, metrics.MeanSquaredErrorOf(1));
        Assert.Equal(1, metrics.RSquaredOf(1));
        Assert.Equal(1.75 / 8, metrics.MeanSquaredError, 15);
        Assert.Equal(Math.Sqrt(1.75 / 8), metrics.RootMeanSquaredError, 15);
        Assert.Equal(2.5 / 8, metrics.MeanAbsoluteError, 15);
        Assert.Equal((0.65 + 1) / 2, metrics.RSquared, 15);
    }

    [Fact]
    public void The_statistics_match_an_independent_two_pass_computation_even_for_targets_far_from_zero()
    {
        // Expected values computed in double precision, with a two-pass variance, from the same float32 values.
        float[] targets = [0.3f, 1e6f + 0.25f, -1.7f, 1e6f + 1.5f, 2.2f, 1e6f - 0.75f, 0.9f, 1e6f + 2f, -0.4f, 1e6f, 1.6f, 1e6f - 1.25f];
        float[] predictions = [0.1f, 1e6f + 0.5f, -1.2f, 1e6f + 1f, 2.9f, 1e6f - 0.5f, 0.4f, 1e6f + 1.75f, 0.2f, 1e6f + 0.25f, 1.1f, 1e6f - 1f];

        RegressionMetrics metrics = RegressionMetrics.Compute(predictions, targets, outputCount: 2);

        Assert.Equal(6, metrics.Count);
        Assert.Equal(0.2733333419760074, metrics.MeanSquaredErrorOf(0), 12);
        Assert.Equal(0.5000000062088171, metrics.MeanAbsoluteErrorOf(0), 12);
        Assert.Equal(0.8351482676470718, metrics.RSquaredOf(0), 12);
        Assert.Equal(0.09375, metrics.MeanSquaredErrorOf(1), 12);
        Assert.Equal(0.2916666666666667, metrics.MeanAbsoluteErrorOf(1), 12);

        // Around 1e6, Σy² − n·ȳ² would lose about 1e-4 of Σ(y − ȳ)² ≈ 9 to cancellation; Welford stays within 1e-10.
        Assert.Equal(0.9290407358738502, metrics.RSquaredOf(1), 10);
        Assert.Equal(0.1835416709880037, metrics.MeanSquaredError, 12);
        Assert.Equal(0.3958333364377419, metrics.MeanAbsoluteError, 12);
        Assert.Equal(0.882094501760461, metrics.RSquared, 10);
    }

    [Fact]
    public void Constant_targets_predicted_inexactly_give_R2_zero_and_bad_predictions_go_negative()
    {
        var constant = RegressionMetrics.Compute([1f, 2f], [3f, 3f], 1);
        var worseThanTheMean = RegressionMetrics.Compute([3f, 1f], [1f, 3f], 1);

        Assert.Equal(0, constant.RSquared);
        Assert.Equal(1 - (8.0 / 2), worseThanTheMean.RSquared, 15);
    }

    [Fact]
    public void Adding_samples_one_by_one_equals_computing_them_at_once()
    {
        float[] predictions = [0.5f, 1f, 2f, -1f, 3f, 0f], targets = [1f, 1f, 1.5f, -2f, 2f, 0.5f];
        var incremental = new RegressionMetrics(2);
        for (int i = 0; i < 3; i++)
        {
            incremental.Add(predictions.AsSpan(2 * i, 2), targets.AsSpan(2 * i, 2));
        }

        RegressionMetrics once = RegressionMetrics.Compute(predictions, targets, 2);

        Assert.Equal(once.ToString(), incremental.ToString());
        Assert.Equal(once.RSquared, incremental.RSquared);
    }

    [Fact]
    public void The_text_has_a_line_per_output_and_one_overall()
    {
        string text = RegressionMetrics.Compute([1.5f, 10f, 1.5f, 10f, 3.5f, 10f, 3f, 10f], [1f, 10f, 2f, 10f, 3f, 10f, 4f, 10f], 2).ToString();

        Assert.Equal(
            """
            4 samples
            output              mse          rmse           mae            r2
            0               0.4375      0.661438         0.625          0.65
            1                    0             0             0             1
            overall        0.21875      0.467707        0.3125         0.825
            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Misuse_is_rejected_with_clear_errors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RegressionMetrics(0));
        Assert.Throws<ArgumentException>(() => new RegressionMetrics(2).Add(new float[2], new float[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RegressionMetrics(2).RSquaredOf(2));
        Assert.Contains("3 predictions and 4 targets", Assert.Throws<ArgumentException>(() => RegressionMetrics.Compute(new float[3], new float[4], 1)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => RegressionMetrics.Compute([], [], 1));
        Assert.Throws<ArgumentException>(() => RegressionMetrics.Compute(new PassThroughNet(), new Dataset([], [], 2, 2)));
        Assert.Throws<ArgumentException>(() => RegressionMetrics.Compute(new PassThroughNet(), new Dataset(new float[3], new float[1], 3, 1)));
    }

    private static PassThroughNet Identity(PassThroughNet network)
    {
        network.Parameters.Clear();
        network.Parameters[0] = 1f;
        network.Parameters[3] = 1f;
        return network;
    }
}
