using System;
using Xunit;

namespace NetGen.Runtime.Tests.Initialization;

public class SeededRandomNormalTests
{
    [Fact]
    public void Standard_normals_follow_the_Box_Muller_transform_of_the_SplitMix64_sequence()
    {
        var random = new SeededRandom(0);

        // From u₁ = 1 − U, u₂ = U' (U, U' consecutive SplitMix64 doubles of seed 0): √(−2 ln u₁)·cos(2πu₂), then the
        // sine partner; computed independently in double precision with python3.
        double[] expected = [-1.8839083333524405, 0.8645068595575148, 0.22760793546360525, -0.04211268468683916];
        foreach (double value in expected)
        {
            Assert.Equal(value, random.NextStandardNormal(), 1e-14);
        }
    }

    [Fact]
    public void Standard_normals_have_mean_0_variance_1_and_normal_tails()
    {
        var random = new SeededRandom(123);
        const int n = 200_000;
        double sum = 0, sumSquares = 0;
        int beyondTwoSigma = 0;
        for (int i = 0; i < n; i++)
        {
            double z = random.NextStandardNormal();
            sum += z;
            sumSquares += z * z;
            beyondTwoSigma += Math.Abs(z) > 2 ? 1 : 0;
        }

        double mean = sum / n, variance = sumSquares / n - mean * mean;

        // Standard errors: mean 1/√n ≈ 0.0022, variance √(2/n) ≈ 0.0032, tail share ≈ 0.0005; bounds at about 4.5σ.
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(variance, 0.985, 1.015);
        Assert.InRange(beyondTwoSigma / (double)n, 0.0455 - 0.0025, 0.0455 + 0.0025);
    }

    [Fact]
    public void NextNormal_scales_and_shifts_the_standard_normal()
    {
        var standard = new SeededRandom(9);
        var scaled = new SeededRandom(9);

        for (int i = 0; i < 5; i++)
        {
            Assert.Equal((float)(3.0 + 0.5 * standard.NextStandardNormal()), scaled.NextNormal(3f, 0.5f));
        }
    }

    [Fact]
    public void A_copy_continues_the_same_sequence_including_the_kept_second_normal()
    {
        var random = new SeededRandom(4);
        random.NextStandardNormal();
        SeededRandom copy = random;

        Assert.Equal(random.NextStandardNormal(), copy.NextStandardNormal());
        Assert.Equal(random.NextStandardNormal(), copy.NextStandardNormal());
        Assert.Equal(random.NextUInt64(), copy.NextUInt64());
    }
}
