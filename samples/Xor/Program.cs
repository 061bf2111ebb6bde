using System;
using System.Globalization;
using NetGen;

// XOR: the smallest problem a single-layer perceptron cannot solve, so a hidden layer must learn it.
float[][] inputs = [[0, 0], [0, 1], [1, 0], [1, 1]];
float[][] targets = [[0], [1], [1], [0]];

var net = new Xor(seed: 1);
const float LearningRate = 2f;
const int Epochs = 2000;
Console.WriteLine($"Training {Xor.InputSize}-8-{Xor.OutputSize} (tanh, sigmoid) on XOR: {Xor.ParameterCount} parameters, learning rate {LearningRate}.");
Console.WriteLine();
Console.WriteLine(" epoch   mean loss");
for (int epoch = 1; epoch <= Epochs; epoch++)
{
    // One full batch: accumulate the four samples' gradients, then θ ← θ − η · (1/m) Σ ∇θ.
    net.ZeroGradients();
    float loss = 0;
    for (int i = 0; i < inputs.Length; i++)
    {
        loss += net.Backward(inputs[i], targets[i]);
    }

    Span<float> parameters = net.Parameters, gradients = net.Gradients;
    for (int p = 0; p < parameters.Length; p++)
    {
        parameters[p] -= LearningRate * gradients[p] / inputs.Length;
    }

    if (epoch == 1 || epoch % 200 == 0)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{epoch,6}   {loss / inputs.Length:F6}"));
    }
}

Console.WriteLine();
Console.WriteLine(" x1  x2   target   prediction");
float[] output = new float[Xor.OutputSize];
for (int i = 0; i < inputs.Length; i++)
{
    net.Forward(inputs[i], output);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{inputs[i][0],3}{inputs[i][1],4}   {targets[i][0],6}   {output[0],10:F4}"));
}

/// <summary>2 inputs → 8 tanh neurons → 1 sigmoid output, trained on ½ squared error.</summary>
[Network(inputs: 2, Loss = Loss.MeanSquaredError)]
[Dense(8, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
public partial class Xor;
