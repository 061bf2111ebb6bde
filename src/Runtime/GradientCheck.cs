using System;
using System.Collections.Generic;

namespace NetGen;

/// <summary>
/// Checks a network's <see cref="INetwork.Backward"/> against central finite differences of
/// <see cref="IInferenceNetwork.Evaluate"/>'s loss, layer by layer, weights and biases apart.
/// </summary>
/// <remarks>
/// Each checked parameter is set to <c>θ + h</c> and <c>θ − h</c> in <see cref="INetwork.Parameters"/> in
/// place and then restored to its exact original bits, also when <c>Evaluate</c> throws; the differences are
/// taken in double precision. At a ReLU kink the loss is not differentiable and a coordinate whose
/// perturbation crosses one can show a large error on a correct network; check such networks at inputs away
/// from kinks, or with a smaller <see cref="GradientCheckOptions.Step"/>.
/// </remarks>
public static class GradientCheck
{
    /// <summary>Compares the gradient of one sample's loss from <c>Backward</c> with central finite differences.</summary>
    /// <param name="network">The network. On return its parameters are unchanged and its <see cref="INetwork.Gradients"/> hold this sample's gradient alone.</param>
    /// <param name="input">The sample, of length <see cref="IInferenceNetwork.InputSize"/>.</param>
    /// <param name="target">The target, of length <see cref="IInferenceNetwork.OutputSize"/>.</param>
    /// <param name="options">The step, floor and sampling, or null for the defaults.</param>
    /// <returns>Per layer, the worst relative error of the weights and of the biases.</returns>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static GradientCheckReport Run(INetwork network, ReadOnlySpan<float> input, ReadOnlySpan<float> target, GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= new GradientCheckOptions();
        options.Validate();
        ShapeGuard.RequireLength(input.Length, network.InputSize, nameof(input));
        ShapeGuard.RequireLength(target.Length, network.OutputSize, nameof(target));

        network.ZeroGradients();
        float loss = network.Backward(input, target);
        float[] output = new float[network.OutputSize];
        var random = new SeededRandom(options.Seed);
        ReadOnlySpan<LayerInfo> layers = network.Layers;
        var results = new LayerGradientCheck[layers.Length];
        for (int k = 0; k < layers.Length; k++)
        {
            TensorGradientCheck weights = CheckTensor(network, input, target, output, layers[k].WeightOffset, layers[k].WeightCount, options, ref random);
            TensorGradientCheck biases = CheckTensor(network, input, target, output, layers[k].BiasOffset, layers[k].Outputs, options, ref random);
            results[k] = new LayerGradientCheck(k, weights, biases);
        }

        return new GradientCheckReport(loss, results);
    }

    private static TensorGradientCheck CheckTensor(
        INetwork network, ReadOnlySpan<float> input, ReadOnlySpan<float> target, Span<float> output, int offset, int count, GradientCheckOptions options, ref SeededRandom random)
    {
        int[] coordinates = Coordinates(count, options.MaxCoordinatesPerTensor, ref random);
        double worstRelative = -1, worstAbsolute = 0, analyticAtWorst = 0, numericAtWorst = 0;
        int worstIndex = offset;
        foreach (int coordinate in coordinates)
        {
            int index = offset + coordinate;
            double numeric = CentralDifference(network, input, target, output, index, options.Step);
            double analytic = network.Gradients[index];
            double absolute = Math.Abs(analytic - numeric);
            double relative = absolute / Math.Max(Math.Max(Math.Abs(analytic), Math.Abs(numeric)), options.Floor);
            if (double.IsNaN(relative))
            {
                relative = double.PositiveInfinity;
            }

            worstAbsolute = Math.Max(worstAbsolute, double.IsNaN(absolute) ? double.PositiveInfinity : absolute);
            if (relative > worstRelative)
            {
                worstRelative = relative;
                worstIndex = index;
                analyticAtWorst = analytic;
                numericAtWorst = numeric;
            }
        }

        return new TensorGradientCheck(coordinates.Length, count, Math.Max(worstRelative, 0), worstAbsolute, worstIndex, analyticAtWorst, numericAtWorst);
    }

    /// <summary>(L(θ + h) − L(θ − h)) / (θ₊ − θ₋), with θ₊ and θ₋ the float values actually set, and θ restored bit for bit.</summary>
    private static double CentralDifference(INetwork network, ReadOnlySpan<float> input, ReadOnlySpan<float> target, Span<float> output, int index, double step)
    {
        float original = network.Parameters[index];
        float plus = (float)(original + step), minus = (float)(original - step);
        try
        {
            network.Parameters[index] = plus;
            double lossPlus = network.Evaluate(input, target, output);
            network.Parameters[index] = minus;
            double lossMinus = network.Evaluate(input, target, output);
            return (lossPlus - lossMinus) / ((double)plus - minus);
        }
        finally
        {
            network.Parameters[index] = original;
        }
    }

    /// <summary>Every coordinate in order, or a sorted seeded sample of <paramref name="max"/> distinct ones (Floyd's algorithm).</summary>
    private static int[] Coordinates(int count, int? max, ref SeededRandom random)
    {
        if (max is null || max.Value >= count)
        {
            int[] all = new int[count];
            for (int i = 0; i < count; i++)
            {
                all[i] = i;
            }

            return all;
        }

        var chosen = new HashSet<int>(max.Value);
        for (int j = count - max.Value; j < count; j++)
        {
            int candidate = random.NextInt32(j + 1);
            chosen.Add(chosen.Contains(candidate) ? j : candidate);
        }

        int[] sample = [.. chosen];
        Array.Sort(sample);
        return sample;
    }
}
