using System;
using NetGen;

namespace NetGen.Tests;

// The README's quick start, compiled here and held to the README's text by QuickStartTests.

#region quick-start: declaration
[Network(inputs: 2, Loss = Loss.MeanSquaredError)]
[Dense(8, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
public partial class Xor;
#endregion

internal static class QuickStart
{
    /// <summary>Trains XOR as the README shows and returns the final mean loss.</summary>
    public static float Train()
    {
        #region quick-start: training
        var net = new Xor(seed: 1);
        float[][] inputs = [[0, 0], [0, 1], [1, 0], [1, 1]];
        float[][] targets = [[0], [1], [1], [0]];
        const float learningRate = 2f;
        float loss = 0;
        for (int epoch = 0; epoch < 2000; epoch++)
        {
            net.ZeroGradients();
            loss = 0;
            for (int i = 0; i < inputs.Length; i++)
                loss += net.Backward(inputs[i], targets[i]) / inputs.Length;

            // Plain gradient descent, θ ← θ − η ∇θ, with ∇θ averaged over the four samples.
            Span<float> parameters = net.Parameters, gradients = net.Gradients;
            for (int p = 0; p < parameters.Length; p++)
                parameters[p] -= learningRate * gradients[p] / inputs.Length;
        }

        float[] output = new float[1];
        net.Forward([1, 0], output);   // output[0] ≈ 1
        #endregion
        return loss;
    }
}
