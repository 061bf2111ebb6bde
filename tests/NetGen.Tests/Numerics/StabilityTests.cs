using System;
using Xunit;

namespace NetGen.Tests.Numerics;

/// <summary>Extreme pre-activations must saturate, never overflow into NaN or infinity.</summary>
public class StabilityTests
{
    [Theory]
    [MemberData(nameof(GradientTests.Networks), MemberType = typeof(GradientTests))]
    public void Preactivations_of_plus_or_minus_1e4_give_finite_outputs_loss_and_gradients(string name)
    {
        foreach (float magnitude in new[] { 1e4f, -1e4f })
        {
            INetwork network = GradientTests.Create(name, seed: 1);

            // W = 0 and b = ±1e4 (alternating by neuron) make every pre-activation a_k exactly ±1e4.
            Span<float> parameters = network.Parameters;
            parameters.Clear();
            foreach (LayerInfo layer in network.Layers)
            {
                for (int j = 0; j < layer.Outputs; j++)
                {
                    parameters[layer.BiasOffset + j] = j % 2 == 0 ? magnitude : -magnitude;
                }
            }

            float[] x = Samples.Input(network, 3), y = Samples.Target(network, 3);
            float[] output = new float[network.OutputSize];
            network.Forward(x, output);
            network.ZeroGradients();
            float loss = network.Backward(x, y);

            Assert.All(output, v => Assert.True(float.IsFinite(v), $"{name}: output {v}"));
            Assert.True(float.IsFinite(loss), $"{name}: loss {loss}");
            foreach (float g in network.Gradients)
            {
                Assert.True(float.IsFinite(g), $"{name}: gradient {g}");
            }
        }
    }

    [Fact]
    public void Saturated_cross_entropy_loss_equals_the_logit_gap()
    {
        // Logits (1e4, −1e4, 1e4) with target class 1: L = −log softmax(a)_1 = logΣexp(a) − a_1 = 1e4 + log 2 + 1e4.
        var network = new DeepIdSoftmaxCe(seed: 1);
        network.Parameters.Clear();
        LayerInfo output = DeepIdSoftmaxCe.Layers[^1];
        network.Parameters[output.BiasOffset] = 1e4f;
        network.Parameters[output.BiasOffset + 1] = -1e4f;
        network.Parameters[output.BiasOffset + 2] = 1e4f;

        float loss = network.Backward(new float[DeepIdSoftmaxCe.InputSize], [0f, 1f, 0f]);

        Assert.Equal(2e4 + Math.Log(2), loss, 1e-2);
    }
}
