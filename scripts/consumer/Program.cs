// The consumer test's program: what a user writes after `dotnet add package NetGen`. Written in C# 9 (the oldest
// version NetGen's generated code supports) with explicit usings, so that it also builds at that version.
// Every number it prints is rounded, so the JIT and NativeAOT builds must print the same text.
using System;
using System.Globalization;
using System.IO;
using NetGen;
using NetGen.Optimizers;
using NetGen.Serialization;
using NetGen.Training;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string folder = args.Length > 0 ? args[0] : Directory.GetCurrentDirectory();
bool ok = true;

// 1. XOR, with plain gradient descent over the flat parameter and gradient buffers.
float[][] xorInputs = { new float[] { 0, 0 }, new float[] { 0, 1 }, new float[] { 1, 0 }, new float[] { 1, 1 } };
float[][] xorTargets = { new float[] { 0 }, new float[] { 1 }, new float[] { 1 }, new float[] { 0 } };
var xor = new Xor(seed: 1);
float xorLoss = 0;
for (int epoch = 0; epoch < 2000; epoch++)
{
    xor.ZeroGradients();
    xorLoss = 0;
    for (int i = 0; i < xorInputs.Length; i++)
    {
        xorLoss += xor.Backward(xorInputs[i], xorTargets[i]) / xorInputs.Length;
    }

    Span<float> parameters = xor.Parameters, gradients = xor.Gradients;
    for (int p = 0; p < parameters.Length; p++)
    {
        parameters[p] -= 2f * gradients[p] / xorInputs.Length;
    }
}

Console.WriteLine($"xor: {Xor.ParameterCount} parameters, final loss {xorLoss:F4}");
float[] output = new float[Xor.OutputSize];
int xorCorrect = 0;
for (int i = 0; i < xorInputs.Length; i++)
{
    xor.Forward(xorInputs[i], output);
    Console.WriteLine($"xor: {xorInputs[i][0]} {xorInputs[i][1]} -> {output[0]:F3}");
    xorCorrect += (output[0] > 0.5f) == (xorTargets[i][0] > 0.5f) ? 1 : 0;
}

Console.WriteLine($"xor: {xorCorrect} of 4 correct");
ok &= xorCorrect == 4;

// 2. Quadrants: a point's class is whether x and y have the same sign; minibatches of 40 with Adam.
const int Side = 20;
float[] features = new float[Side * Side * 2];
float[] targets = new float[Side * Side * 2];
for (int n = 0; n < Side * Side; n++)
{
    float x = ((n % Side) - 9.5f) / 9.5f, y = ((n / Side) - 9.5f) / 9.5f;
    features[2 * n] = x;
    features[(2 * n) + 1] = y;
    targets[(2 * n) + (x * y > 0 ? 0 : 1)] = 1;
}

var quadrants = new Quadrants(seed: 2);
double quadrantsLoss = 0;
using (var step = new TrainingStep(quadrants, new Adam(Quadrants.ParameterCount, learningRate: 0.02f)))
{
    for (int epoch = 0; epoch < 150; epoch++)
    {
        quadrantsLoss = 0;
        for (int start = 0; start < Side * Side; start += 40)
        {
            quadrantsLoss += step.Run(features.AsSpan(start * 2, 80), targets.AsSpan(start * 2, 80)) / 10;
        }
    }
}

int quadrantsCorrect = Correct(quadrants, features, targets);
Console.WriteLine($"quadrants: {Quadrants.ParameterCount} parameters, final loss {quadrantsLoss:F3}, {quadrantsCorrect} of {Side * Side} correct");
ok &= quadrantsCorrect >= 380;

// 3. Model files: saved, loaded into fresh networks, which then give the same outputs; the wrong topology is refused.
string xorFile = Path.Combine(folder, "xor.ngm"), quadrantsFile = Path.Combine(folder, "quadrants.ngm");
ModelFile.Save(xorFile, xor);
ModelFile.Save(quadrantsFile, quadrants);
var xorLoaded = new Xor(seed: 99);
var quadrantsLoaded = new Quadrants(seed: 99);
ModelFile.Load(xorFile, xorLoaded);
ModelFile.Load(quadrantsFile, quadrantsLoaded);
bool same = xorLoaded.Parameters.SequenceEqual(xor.Parameters) && quadrantsLoaded.Parameters.SequenceEqual(quadrants.Parameters)
    && Correct(quadrantsLoaded, features, targets) == quadrantsCorrect;
Console.WriteLine($"model files: reloaded {(same ? "identical" : "DIFFERENT")} networks");
ok &= same;
try
{
    ModelFile.Load(xorFile, new Quadrants(seed: 0));
    Console.WriteLine("model files: a Quadrants network loaded an XOR model file");
    ok = false;
}
catch (ModelTopologyMismatchException)
{
    Console.WriteLine("model files: loading an XOR model into Quadrants is refused");
}

Console.WriteLine(ok ? "consumer: OK" : "consumer: FAILED");
return ok ? 0 : 1;

static int Correct(INetwork network, float[] features, float[] targets)
{
    float[] output = new float[2];
    int correct = 0;
    for (int n = 0; n < features.Length / 2; n++)
    {
        network.Forward(features.AsSpan(2 * n, 2), output);
        correct += (output[0] > output[1]) == (targets[2 * n] > 0.5f) ? 1 : 0;
    }

    return correct;
}

/// <summary>2 inputs → 8 tanh → 1 sigmoid, on ½ squared error: small enough to be unrolled.</summary>
[Network(inputs: 2, Loss = Loss.MeanSquaredError)]
[Dense(8, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
public partial class Xor { }

/// <summary>2 inputs → 16 ReLU → 16 ReLU → 2 softmax, on cross-entropy.</summary>
[Network(inputs: 2, Loss = Loss.CrossEntropy)]
[Dense(16, Activation.ReLU)]
[Dense(16, Activation.ReLU)]
[Dense(2, Activation.Softmax)]
public partial class Quadrants { }
