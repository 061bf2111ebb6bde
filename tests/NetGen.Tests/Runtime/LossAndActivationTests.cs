using System;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Tests.Runtime;

/// <summary>Losses and activations against values computed independently (in double precision, outside .NET).</summary>
public class LossAndActivationTests
{
    [Fact]
    public void MeanSquaredError_is_half_the_squared_error_with_gradient_y_hat_minus_y()
    {
        float[] gradient = new float[2];

        float loss = LossFunctions.MeanSquaredError([0.5f, 2f], [1f, -1f], gradient);

        Assert.Equal(4.625f, loss);
        Assert.Equal([-0.5f, 3f], gradient);
    }

    [Fact]
    public void SoftmaxCrossEntropy_matches_hand_computed_values()
    {
        float[] logits = [2f, -1f, 0.5f], probabilities = (float[])logits.Clone(), gradient = new float[3];
        Activations.Softmax(probabilities);

        float loss = LossFunctions.SoftmaxCrossEntropy(logits, probabilities, [0f, 1f, 0f], gradient);

        Assert.Equal(3.241311296657157, loss, 1e-6);
        Assert.Equal(0.7855970345892758, probabilities[0], 1e-6);
        Assert.Equal(0.03911257327068745, probabilities[1], 1e-6);
        Assert.Equal(0.1752903921400367, probabilities[2], 1e-6);
        Assert.Equal(0.7855970345892758, gradient[0], 1e-6);
        Assert.Equal(-0.9608874267293126, gradient[1], 1e-6);
        Assert.Equal(0.1752903921400367, gradient[2], 1e-6);
    }

    [Fact]
    public void SigmoidBinaryCrossEntropy_matches_hand_computed_values()
    {
        float[] logits = [3f, -2f], probabilities = (float[])logits.Clone(), gradient = new float[2];
        Activations.Sigmoid(probabilities);

        float loss = LossFunctions.SigmoidBinaryCrossEntropy(logits, probabilities, [1f, 0.25f], gradient);

        Assert.Equal(0.6755153626167145, loss, 1e-6);
        Assert.Equal(0.9525741268224334 - 1, gradient[0], 1e-6);
        Assert.Equal(0.11920292202211755 - 0.25, gradient[1], 1e-6);
    }

    [Fact]
    public void Cross_entropies_stay_finite_for_extreme_logits()
    {
        float[] logits = [1e30f, -1e30f], probabilities = (float[])logits.Clone(), gradient = new float[2];
        Activations.Softmax(probabilities);

        Assert.True(float.IsFinite(LossFunctions.SoftmaxCrossEntropy(logits, probabilities, [0f, 1f], gradient)));
        Assert.Equal([1f, -1f], gradient);
        Activations.Sigmoid(probabilities.AsSpan());
        Assert.True(float.IsFinite(LossFunctions.SigmoidBinaryCrossEntropy(logits, [1f, 0f], [0f, 1f], gradient)));
    }

    [Theory]
    [InlineData(0.5f)]
    [InlineData(-3f)]
    [InlineData(0f)]
    public void Derivatives_from_outputs_equal_the_derivatives_of_the_functions(float a)
    {
        double sigmoid = 1 / (1 + Math.Exp(-a));
        Assert.Equal(sigmoid * (1 - sigmoid), Activations.SigmoidDerivative(Activations.Sigmoid(a)), 1e-6);
        Assert.Equal(1 / Math.Pow(Math.Cosh(a), 2), Activations.TanhDerivative(Activations.Tanh(a)), 1e-6);
        Assert.Equal(a > 0 ? 1f : 0f, Activations.ReLUDerivative(Activations.ReLU(a)));
        Assert.Equal(a > 0 ? 1f : 0.2f, Activations.LeakyReLUDerivative(Activations.LeakyReLU(a, 0.2f), 0.2f));
    }

    [Fact]
    public void MultiplyBySoftmaxJacobian_matches_the_explicit_jacobian()
    {
        float[] s = [0.2f, 0.5f, 0.3f], g = [1f, -2f, 0.5f];
        float[] result = (float[])g.Clone();

        Activations.MultiplyBySoftmaxJacobian(result, s);

        for (int j = 0; j < 3; j++)
        {
            double expected = 0;
            for (int c = 0; c < 3; c++)
            {
                expected += g[c] * s[c] * ((c == j ? 1 : 0) - s[j]);
            }

            Assert.Equal(expected, result[j], 1e-6);
        }
    }
}
