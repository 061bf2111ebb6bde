using System;
using System.Globalization;
using NetGen;

// The classic worked example of backpropagation: two inputs, two sigmoid hidden neurons, two sigmoid
// outputs, squared error E = ½ Σ (target − out)², one gradient step with learning rate η = 0.5.
// The lecture derives every number by hand; here the generated network computes them and the program
// prints them in the lecture's order, next to the same quantities worked out from the formulas.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
float[] x = [0.05f, 0.10f];
float[] target = [0.01f, 0.99f];
const float Eta = 0.5f;

var net = new Exercise();
// Parameters layout: W1 [2, 2] row-major, b1 [2], W2 [2, 2], b2 [2]. The lecture's w1…w8 and b1, b2:
float[] lecture = [0.15f, 0.20f, 0.25f, 0.30f, 0.35f, 0.35f, 0.40f, 0.45f, 0.50f, 0.55f, 0.60f, 0.60f];
lecture.CopyTo(net.Parameters);
string[] weightNames = ["w1", "w2", "w3", "w4", "b1", "b1", "w5", "w6", "w7", "w8", "b2", "b2"];

Console.WriteLine("Forward pass");
float[] hidden = new float[2];
for (int j = 0; j < 2; j++)
{
    float net1 = (lecture[2 * j] * x[0]) + (lecture[(2 * j) + 1] * x[1]) + lecture[4 + j];
    hidden[j] = 1f / (1f + MathF.Exp(-net1));
    Console.WriteLine($"  net_h{j + 1} = w{(2 * j) + 1}·i1 + w{(2 * j) + 2}·i2 + b1 = {net1:F9}   out_h{j + 1} = σ(net_h{j + 1}) = {hidden[j]:F9}");
}

float[] output = new float[2];
net.Forward(x, output);
for (int j = 0; j < 2; j++)
{
    float net2 = (lecture[6 + (2 * j)] * hidden[0]) + (lecture[7 + (2 * j)] * hidden[1]) + lecture[10 + j];
    Console.WriteLine($"  net_o{j + 1} = {net2:F9}   out_o{j + 1} = σ(net_o{j + 1}) = {output[j]:F9}");
}

net.ZeroGradients();
float error = net.Backward(x, target);
Console.WriteLine($"  E_total = ½ Σ (target − out)² = {error:F9}");
Console.WriteLine();

// ∂E/∂b equals the error term δ of its neuron, so the bias gradients show the lecture's δs directly.
ReadOnlySpan<float> gradient = net.Gradients;
Console.WriteLine("Error terms");
Console.WriteLine($"  δ_o1 = (out_o1 − target_o1) · out_o1 (1 − out_o1) = {gradient[10]:F9}");
Console.WriteLine($"  δ_o2 = (out_o2 − target_o2) · out_o2 (1 − out_o2) = {gradient[11]:F9}");
Console.WriteLine($"  δ_h1 = (w5 δ_o1 + w7 δ_o2) · out_h1 (1 − out_h1)  = {gradient[4]:F9}");
Console.WriteLine($"  δ_h2 = (w6 δ_o1 + w8 δ_o2) · out_h2 (1 − out_h2)  = {gradient[5]:F9}");
Console.WriteLine();

Console.WriteLine($"Weight steps, w ← w − η ∂E/∂w with η = {Eta}");
Span<float> parameters = net.Parameters;
foreach (int p in new[] { 6, 7, 8, 9, 0, 1, 2, 3 })
{
    float updated = parameters[p] - (Eta * gradient[p]);
    Console.WriteLine($"  {weightNames[p]}: ∂E/∂{weightNames[p]} = {gradient[p],12:F9}   {parameters[p]:F2} → {updated:F9}");
}

for (int p = 0; p < parameters.Length; p++)
{
    parameters[p] -= Eta * gradient[p];
}

Console.WriteLine();
Console.WriteLine($"After one step (biases updated too): E_total = {net.Evaluate(x, target, output):F9}");
for (int step = 1; step < 10_000; step++)
{
    net.ZeroGradients();
    net.Backward(x, target);
    for (int p = 0; p < parameters.Length; p++)
    {
        parameters[p] -= Eta * net.Gradients[p];
    }
}

float final = net.Evaluate(x, target, output);
Console.WriteLine($"After 10,000 steps: E_total = {final:0.000e+0}, outputs {output[0]:F6} and {output[1]:F6} for targets 0.01 and 0.99");

/// <summary>The lecture's network: 2 inputs → 2 sigmoid → 2 sigmoid, squared error.</summary>
[Network(2, Loss = Loss.MeanSquaredError)]
[Dense(2, Activation.Sigmoid)]
[Dense(2, Activation.Sigmoid)]
public partial class Exercise;
