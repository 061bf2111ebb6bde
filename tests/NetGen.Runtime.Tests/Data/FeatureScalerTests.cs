using System;
using NetGen.Data;
using Xunit;

namespace NetGen.Runtime.Tests.Data;

public class FeatureScalerTests
{
    // Rows 0–3 are the training split, rows 4–5 the held-out split.
    private static readonly float[] Features =
    [
        1, 10,
        2, 20,
        3, 30,
        4, 40,
        10, 0,
        20, 100,
    ];

    [Fact]
    public void A_standard_scaler_uses_the_training_split_statistics_only()
    {
        (Dataset train, Dataset heldOut) = TrainAndHeldOut();

        FeatureScaler scaler = FeatureScaler.FitStandard(train);
        scaler.Transform(train);
        scaler.Transform(heldOut);

        // Training means 2.5 and 25; population variances 1.25 and 125, so std 1.1180340 and 11.180340.
        Assert.Equal(ScalingKind.Standard, scaler.Kind);
        Assert.Equal([2.5f, 25f], scaler.Offset.ToArray());
        AssertClose([1 / 1.1180340f, 1 / 11.180340f], scaler.Scale.ToArray());
        AssertClose([-1.3416408f, -1.3416408f, -0.4472136f, -0.4472136f, 0.4472136f, 0.4472136f, 1.3416408f, 1.3416408f], train.Features.ToArray());

        // (10 − 2.5) / 1.118034 = 6.708204, (0 − 25) / 11.18034 = −2.236068, (20 − 2.5) / 1.118034 = 15.652476, (100 − 25) / 11.18034 = 6.708204.
        AssertClose([6.708204f, -2.236068f, 15.652476f, 6.708204f], heldOut.Features.ToArray());

        // The held-out split keeps its own statistics: means 11.180340 and 2.236068, not 0.
        AssertClose([0f, 0f], Means(train));
        AssertClose([11.180340f, 2.236068f], Means(heldOut));
    }

    [Fact]
    public void A_min_max_scaler_uses_the_training_split_range_only()
    {
        (Dataset train, Dataset heldOut) = TrainAndHeldOut();

        FeatureScaler scaler = FeatureScaler.FitMinMax(train);
        scaler.Transform(train);
        scaler.Transform(heldOut);

        // Training minima 1 and 10, ranges 3 and 30.
        Assert.Equal(ScalingKind.MinMax, scaler.Kind);
        Assert.Equal([1f, 10f], scaler.Offset.ToArray());
        AssertClose([1 / 3f, 1 / 30f], scaler.Scale.ToArray());
        AssertClose([0f, 0f, 1 / 3f, 1 / 3f, 2 / 3f, 2 / 3f, 1f, 1f], train.Features.ToArray());

        // (10 − 1) / 3 = 3, (0 − 10) / 30 = −1/3, (20 − 1) / 3 = 19/3, (100 − 10) / 30 = 3: outside [0, 1], as they should be.
        AssertClose([3f, -1 / 3f, 19 / 3f, 3f], heldOut.Features.ToArray());
    }

    [Fact]
    public void A_scaler_fitted_on_a_seeded_training_split_differs_from_one_fitted_on_everything()
    {
        Dataset all = DatasetTests.Numbered(40);
        var (train, validation, test) = all.Split(0.6, 0.2, seed: 2);

        FeatureScaler onTrain = FeatureScaler.FitStandard(train);
        FeatureScaler onAll = FeatureScaler.FitStandard(all);
        onTrain.Transform(train);
        onTrain.Transform(validation);
        onTrain.Transform(test);

        // Over all 40 samples, feature 0 (0 … 39) has mean 19.5 and std √133.25 = 11.543396.
        Assert.Equal(19.5f, onAll.Offset[0]);
        Assert.Equal(1 / 11.543396f, onAll.Scale[0], 1e-6f);
        Assert.NotEqual(onAll.Offset[0], onTrain.Offset[0]);
        AssertClose([0f, 0f], Means(train));
        Assert.True(Math.Abs(Means(validation)[0]) > 0.05f, $"validation mean {Means(validation)[0]}");
        Assert.True(Math.Abs(Means(test)[0]) > 0.05f, $"test mean {Means(test)[0]}");
    }

    [Fact]
    public void A_constant_feature_gets_scale_one()
    {
        var data = new Dataset([5, 1, 5, 2, 5, 3], new float[3], 2, 1);

        FeatureScaler standard = FeatureScaler.FitStandard(data);
        FeatureScaler minMax = FeatureScaler.FitMinMax(data);

        Assert.Equal(1f, standard.Scale[0]);
        Assert.Equal(5f, standard.Offset[0]);
        Assert.Equal(1f, minMax.Scale[0]);
        Assert.Equal(0.5f, minMax.Scale[1]);
    }

    private static (Dataset Train, Dataset HeldOut) TrainAndHeldOut()
    {
        var all = new Dataset((float[])Features.Clone(), [0, 1, 2, 3, 4, 5], 2, 1);
        return (all.Subset([0, 1, 2, 3]), all.Subset([4, 5]));
    }

    private static float[] Means(Dataset data)
    {
        float[] means = new float[data.InputSize];
        for (int i = 0; i < data.Count; i++)
        {
            for (int f = 0; f < data.InputSize; f++)
            {
                means[f] += data.FeaturesOf(i)[f] / data.Count;
            }
        }

        return means;
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-5f);
        }
    }
}
