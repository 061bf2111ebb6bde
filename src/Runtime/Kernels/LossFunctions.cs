using System;

namespace NetGen.Kernels;

/// <summary>
/// The per-sample losses and their gradients at the output layer, computed so that no input gives NaN
/// or infinity: cross-entropies work from the logits by log-sum-exp rather than from logarithms of
/// probabilities that may have rounded to 0 or 1.
/// </summary>
public static class LossFunctions
{
    /// <summary>Half the squared error <c>½ Σ_j (ŷ_j − y_j)²</c>, and its gradient <c>∂L/∂ŷ = ŷ − y</c>.</summary>
    /// <param name="output">The network's output <c>ŷ</c>.</param>
    /// <param name="target">The target <c>y</c>.</param>
    /// <param name="gradient">Receives <c>ŷ − y</c>.</param>
    /// <returns>The loss.</returns>
    public static float MeanSquaredError(ReadOnlySpan<float> output, ReadOnlySpan<float> target, Span<float> gradient)
    {
        RequireSameLengths(output, target, gradient);
        float loss = 0f;
        for (int j = 0; j < output.Length; j++)
        {
            float difference = output[j] - target[j];
            gradient[j] = difference;
            loss += difference * difference;
        }

        return 0.5f * loss;
    }

    /// <summary>
    /// Cross-entropy of a softmax output, <c>−Σ_c y_c log ŷ_c</c> with <c>log ŷ_c = a_c − logΣexp(a)</c>, and
    /// its gradient with respect to the logits, <c>∂L/∂a_c = ŷ_c Σy − y_c</c> (that is <c>ŷ − y</c> for a target that sums to 1).
    /// </summary>
    /// <param name="logits">The output layer's pre-activation <c>a</c>.</param>
    /// <param name="probabilities">The softmax of <paramref name="logits"/>, <c>ŷ</c>.</param>
    /// <param name="target">The target distribution <c>y</c>.</param>
    /// <param name="gradient">Receives <c>∂L/∂a</c>.</param>
    /// <returns>The loss.</returns>
    public static float SoftmaxCrossEntropy(ReadOnlySpan<float> logits, ReadOnlySpan<float> probabilities, ReadOnlySpan<float> target, Span<float> gradient)
    {
        RequireSameLengths(logits, target, gradient);
        ShapeGuard.RequireLength(probabilities.Length, logits.Length, nameof(probabilities));
        float max = float.NegativeInfinity;
        foreach (float a in logits)
        {
            max = MathF.Max(max, a);
        }

        float sumExp = 0f;
        foreach (float a in logits)
        {
            sumExp += MathF.Exp(a - max);
        }

        float logSumExp = max + MathF.Log(sumExp);
        float loss = 0f, targetSum = 0f;
        for (int c = 0; c < logits.Length; c++)
        {
            loss -= target[c] * (logits[c] - logSumExp);
            targetSum += target[c];
        }

        for (int c = 0; c < logits.Length; c++)
        {
            gradient[c] = (probabilities[c] * targetSum) - target[c];
        }

        return loss;
    }

    /// <summary>
    /// Binary cross-entropy of sigmoid outputs, <c>−Σ_j [y_j log ŷ_j + (1 − y_j) log(1 − ŷ_j)]</c>, computed from
    /// the logits as <c>Σ_j max(a_j, 0) − y_j a_j + log(1 + e^−|a_j|)</c>; its gradient with respect to the
    /// logits is <c>ŷ − y</c>.
    /// </summary>
    /// <param name="logits">The output layer's pre-activation <c>a</c>.</param>
    /// <param name="probabilities">The sigmoid of <paramref name="logits"/>, <c>ŷ</c>.</param>
    /// <param name="target">The targets <c>y</c>, each in [0, 1].</param>
    /// <param name="gradient">Receives <c>∂L/∂a</c>.</param>
    /// <returns>The loss.</returns>
    public static float SigmoidBinaryCrossEntropy(ReadOnlySpan<float> logits, ReadOnlySpan<float> probabilities, ReadOnlySpan<float> target, Span<float> gradient)
    {
        RequireSameLengths(logits, target, gradient);
        ShapeGuard.RequireLength(probabilities.Length, logits.Length, nameof(probabilities));
        float loss = 0f;
        for (int j = 0; j < logits.Length; j++)
        {
            float a = logits[j];
            loss += MathF.Max(a, 0f) - (target[j] * a) + MathF.Log(1f + MathF.Exp(-MathF.Abs(a)));
            gradient[j] = probabilities[j] - target[j];
        }

        return loss;
    }

    private static void RequireSameLengths(ReadOnlySpan<float> values, ReadOnlySpan<float> target, Span<float> gradient)
    {
        ShapeGuard.RequireLength(target.Length, values.Length, nameof(target));
        ShapeGuard.RequireLength(gradient.Length, values.Length, nameof(gradient));
    }
}
