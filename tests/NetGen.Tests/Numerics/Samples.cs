using System;

namespace NetGen.Tests.Numerics;

/// <summary>Deterministic random inputs and targets suited to each loss.</summary>
internal static class Samples
{
    public static float[] Input(INetwork network, int seed)
    {
        var random = new Random(seed);
        float[] x = new float[network.InputSize];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return x;
    }

    /// <summary>A target the loss accepts: a distribution for cross-entropy, values in [0, 1] for binary cross-entropy, any reals for MSE.</summary>
    public static float[] Target(INetwork network, int seed)
    {
        var random = new Random(seed + 7919);
        float[] y = new float[network.OutputSize];
        switch (network.Loss)
        {
            case Loss.CrossEntropy:
                float sum = 0;
                for (int c = 0; c < y.Length; c++)
                {
                    y[c] = (float)random.NextDouble() + 0.1f;
                    sum += y[c];
                }

                for (int c = 0; c < y.Length; c++)
                {
                    y[c] /= sum;
                }

                break;
            case Loss.BinaryCrossEntropy:
                for (int j = 0; j < y.Length; j++)
                {
                    y[j] = (float)random.NextDouble();
                }

                break;
            default:
                for (int j = 0; j < y.Length; j++)
                {
                    y[j] = (float)((random.NextDouble() * 2) - 1);
                }

                break;
        }

        return y;
    }

    public static double[] ToDouble(ReadOnlySpan<float> values)
    {
        double[] result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = values[i];
        }

        return result;
    }
}
