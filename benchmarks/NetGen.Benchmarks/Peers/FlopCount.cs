using System;
using System.Collections.Generic;
using System.Globalization;

namespace NetGen.Benchmarks.Peers;

/// <summary>
/// Floating-point operations of a dense network, per sample; a multiply-add counts as 2, activations and
/// losses count as nothing.
/// </summary>
/// <remarks>
/// With the layer sizes <c>n_0 … n_L</c> and <c>S = Σ_k n_{k−1}·n_k</c> the weights:
/// <list type="bullet">
/// <item>forward: <c>2S</c> (every weight is one multiply-add);</item>
/// <item>training step: forward, plus <c>2S</c> for ∇W = δ·hᵀ, plus <c>2·Σ_{k&gt;1} n_{k−1}·n_k</c> for
/// ∇h = Wᵀ·δ (not propagated into the input), plus <c>2P/m</c> for the SGD update θ ← θ − η·g of the
/// <c>P</c> parameters, shared by the <c>m</c> samples of the minibatch.</item>
/// </list>
/// 784-128-10: 203,264 forward and 415,448.6 training FLOP per sample at m = 32 (<see cref="Check"/>).
/// </remarks>
internal static class FlopCount
{
    public static double Forward(IReadOnlyList<int> sizes) => 2.0 * Weights(sizes, fromLayer: 1);

    /// <summary>One-sample <c>Backward</c>: the forward pass it recomputes, ∇W (2S) and ∇h below the first layer.</summary>
    public static double Backward(IReadOnlyList<int> sizes) => (4.0 * Weights(sizes, fromLayer: 1)) + (2.0 * Weights(sizes, fromLayer: 2));

    public static double TrainingPerSample(IReadOnlyList<int> sizes, int minibatch)
    {
        double weights = Weights(sizes, fromLayer: 1);
        double parameters = weights;
        for (int k = 1; k < sizes.Count; k++)
        {
            parameters += sizes[k];
        }

        return (2.0 * weights) + (2.0 * weights) + (2.0 * Weights(sizes, fromLayer: 2)) + (2.0 * parameters / minibatch);
    }

    /// <summary>Throws when the counts of 784-128-10 are not the documented ones.</summary>
    public static void Check()
    {
        int[] sizes = { 784, 128, 10 };
        double forward = Forward(sizes), training = TrainingPerSample(sizes, 32);
        if (forward != 203_264 || Math.Abs(training - 415_448.625) > 1e-6)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"FLOP count of 784-128-10: forward {forward}, training {training}"));
        }
    }

    // Σ n_{k−1}·n_k over the layers k ≥ fromLayer.
    private static double Weights(IReadOnlyList<int> sizes, int fromLayer)
    {
        double sum = 0;
        for (int k = fromLayer; k < sizes.Count; k++)
        {
            sum += (double)sizes[k - 1] * sizes[k];
        }

        return sum;
    }
}
