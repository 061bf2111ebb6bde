using System;
using NetGen;
using Xunit;

namespace NetGen.Tests.Numerics;

/// <summary>A 2-2-2 sigmoid network with squared error: the worked example of a backpropagation lecture.</summary>
[Network(2)]
[Dense(2, Activation.Sigmoid)]
[Dense(2, Activation.Sigmoid)]
public partial class LectureNet;

/// <summary>
/// The generated code reproduces the classic hand-worked backpropagation example (inputs 0.05, 0.10; weights
/// 0.15 … 0.55; biases 0.35, 0.60; targets 0.01, 0.99; η = 0.5). Expected values were computed in double
/// precision from the formulas, independently of NetGen, and agree with the lecture's published numbers.
/// </summary>
public class WorkedExampleTests
{
    [Fact]
    public void Reproduces_the_lectures_error_error_terms_and_weight_steps()
    {
        var net = new LectureNet();
        float[] parameters = [0.15f, 0.20f, 0.25f, 0.30f, 0.35f, 0.35f, 0.40f, 0.45f, 0.50f, 0.55f, 0.60f, 0.60f];
        parameters.CopyTo(net.Parameters);
        float[] output = new float[2];

        net.Forward([0.05f, 0.10f], output);
        float error = net.Backward([0.05f, 0.10f], [0.01f, 0.99f]);

        Assert.Equal(0.7513650695523157, output[0], 1e-6);
        Assert.Equal(0.7729284653214625, output[1], 1e-6);
        Assert.Equal(0.2983711087600027, error, 1e-6);
        Assert.Equal(0.13849856162855695, net.Gradients[10], 1e-6); // δ_o1 = ∂E/∂b_o1
        Assert.Equal(-0.038098236516556236, net.Gradients[11], 1e-6); // δ_o2
        Assert.Equal(0.00877135468948693, net.Gradients[4], 1e-7); // δ_h1
        Assert.Equal(0.009954254705217196, net.Gradients[5], 1e-7); // δ_h2
        Assert.Equal(0.35891647971788465, net.Parameters[6] - (0.5f * net.Gradients[6]), 1e-6); // w5 after one step
        Assert.Equal(0.1497807161327628, net.Parameters[0] - (0.5f * net.Gradients[0]), 1e-7); // w1 after one step
    }
}
