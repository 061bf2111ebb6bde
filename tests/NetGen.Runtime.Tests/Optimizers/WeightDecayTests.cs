using System;
using NetGen.Optimizers;
using Xunit;

namespace NetGen.Runtime.Tests.Optimizers;

/// <summary>
/// L2 weight decay (SGD, Adam, RMSProp, AdaGrad) adds <c>λθ</c> to the gradient; AdamW's decoupled decay instead
/// multiplies the parameters by <c>1 − ηλ</c> and keeps the penalty out of the adaptive moments.
/// </summary>
public class WeightDecayTests
{
    private const float Decay = 0.1f;

    private static readonly float[][] GradientSequence =
    [
        [0.1f, -0.2f, 0.3f, 0f, 1.5f],
        [-0.4f, 0.5f, 0.05f, 0f, -2f],
        [0.25f, 0f, -0.6f, 0f, 0.5f],
        [0.3f, 0.3f, 0.3f, 0f, -0.1f],
    ];

    public static TheoryData<string> L2Optimizers() => new(["sgd", "sgd-nesterov", "adam", "rmsprop", "rmsprop-centered-momentum", "adagrad"]);

    [Theory]
    [MemberData(nameof(L2Optimizers))]
    public void L2_weight_decay_is_the_same_as_adding_lambda_theta_to_the_gradient(string configuration)
    {
        IOptimizer decayed = Create(configuration, Decay), plain = Create(configuration, 0f);
        float[] a = [0.5f, -1.25f, 2f, 3f, -0.75f], b = (float[])a.Clone(), adjusted = new float[a.Length];

        foreach (float[] gradients in GradientSequence)
        {
            decayed.Update(a, gradients);
            for (int i = 0; i < b.Length; i++)
            {
                adjusted[i] = gradients[i] + Decay * b[i];
            }

            plain.Update(b, adjusted);
        }

        Assert.Equal(b, a);
        Assert.True(Math.Abs(a[3]) < 3f, "a parameter with zero gradient still decays");
    }

    [Fact]
    public void AdamW_with_zero_gradient_only_shrinks_the_parameters_by_one_minus_eta_lambda_per_update()
    {
        var adamW = new AdamW(3, learningRate: 0.01f, weightDecay: Decay);
        float[] parameters = [0.5f, -1.25f, 2f];

        for (int t = 0; t < 3; t++)
        {
            adamW.Update(parameters, new float[3]);
        }

        // θ₃ = θ₀ (1 − 0.01 · 0.1)³ = θ₀ · 0.997002999: the decay scales with θ and the moments stay zero. The three
        // single-precision multiplications may each round by half an ulp, so allow two ulps of each value.
        Assert.Equal(0.5 * 0.997002999, parameters[0], 6e-8);
        Assert.Equal(-1.25 * 0.997002999, parameters[1], 2.4e-7);
        Assert.Equal(2.0 * 0.997002999, parameters[2], 2.4e-7);
    }

    [Fact]
    public void Adam_with_L2_decay_and_zero_gradient_moves_every_parameter_by_the_learning_rate_whatever_its_size()
    {
        var adam = new Adam(3, learningRate: 0.01f, weightDecay: Decay);
        float[] parameters = [0.5f, -1.25f, 2f];

        adam.Update(parameters, new float[3]);

        // The penalty gradient λθ passes through the adaptive scaling: m̂ / √v̂ = sign(θ), so each parameter moves by
        // η = 0.01 towards zero, unlike AdamW's θ·ηλ (0.0005, 0.00125, 0.002).
        Assert.Equal(0.49, parameters[0], 1e-6);
        Assert.Equal(-1.24, parameters[1], 1e-6);
        Assert.Equal(1.99, parameters[2], 1e-6);
    }

    [Fact]
    public void AdamW_is_a_shrink_by_one_minus_eta_lambda_followed_by_a_plain_Adam_step()
    {
        const float rate = 0.05f;
        var adamW = new AdamW(5, learningRate: rate, weightDecay: Decay);
        var adam = new Adam(5, learningRate: rate);
        float[] a = [0.5f, -1.25f, 2f, 3f, -0.75f], b = (float[])a.Clone();
        float shrink = (float)(1 - (double)rate * Decay);

        foreach (float[] gradients in GradientSequence)
        {
            adamW.Update(a, gradients);
            for (int i = 0; i < b.Length; i++)
            {
                b[i] *= shrink;
            }

            adam.Update(b, gradients);
        }

        Assert.Equal(b, a);
    }

    [Fact]
    public void AdamW_without_weight_decay_is_Adam()
    {
        var adamW = new AdamW(5, learningRate: 0.05f, weightDecay: 0f);
        var adam = new Adam(5, learningRate: 0.05f);
        float[] a = [0.5f, -1.25f, 2f, 3f, -0.75f], b = (float[])a.Clone();

        foreach (float[] gradients in GradientSequence)
        {
            adamW.Update(a, gradients);
            adam.Update(b, gradients);
        }

        Assert.Equal(b, a);
    }

    private static IOptimizer Create(string configuration, float weightDecay) => configuration switch
    {
        "sgd" => new Sgd(5, learningRate: 0.1f, weightDecay: weightDecay),
        "sgd-nesterov" => new Sgd(5, learningRate: 0.1f, momentum: 0.9f, nesterov: true, weightDecay: weightDecay),
        "adam" => new Adam(5, learningRate: 0.1f, weightDecay: weightDecay),
        "rmsprop" => new RmsProp(5, learningRate: 0.01f, weightDecay: weightDecay),
        "rmsprop-centered-momentum" => new RmsProp(5, learningRate: 0.01f, weightDecay: weightDecay, momentum: 0.5f, centered: true),
        "adagrad" => new AdaGrad(5, learningRate: 0.1f, weightDecay: weightDecay),
        _ => throw new ArgumentOutOfRangeException(nameof(configuration), configuration, null),
    };
}
