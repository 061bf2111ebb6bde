using System;
using System.Globalization;
using System.IO;
using NetGen;
using NetGen.Data;
using NetGen.Metrics;
using NetGen.Optimizers;
using NetGen.Serialization;
using NetGen.Training;

// A trained model compiled into the program, in two steps:
//   dotnet run --project samples/DigitsCompiled -- train   trains the digits classifier and saves samples/DigitsCompiled/digits.ngm
//   dotnet run --project samples/DigitsCompiled            builds with that file compiled into TrainedDigits, and classifies
// The second step reads no model file: the weights are constant data in the assembly, and `new TrainedDigits()`
// (inference-only: it only classifies) starts from them. The pixels are scaled by a constant (1/16), so there is no fitted scaler to deploy either.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string dataPath = Path.Combine(AppContext.BaseDirectory, "data", "digits.csv.gz");
CsvData csv = CsvLoader.Load(dataPath, new CsvOptions { TargetColumns = [64], TargetKind = CsvTargetKind.ClassLabel });
Span<float> pixels = csv.Dataset.Features;
for (int i = 0; i < pixels.Length; i++)
{
    pixels[i] /= 16f; // 17 grey levels, 0 to 16
}

(Dataset train, Dataset validation, Dataset test) = csv.Dataset.Split(trainFraction: 0.7, validationFraction: 0.15, seed: 7);

if (args.Length > 0 && args[0] == "train")
{
    string modelPath = args.Length > 1 ? args[1] : Path.Combine("samples", "DigitsCompiled", "digits.ngm");
    var net = new DigitsTrainer(seed: 1);
    Trainer.Fit(net, train, validation, new TrainingOptions
    {
        Optimizer = new Adam(DigitsTrainer.ParameterCount, learningRate: 2e-3f),
        Epochs = 80,
        BatchSize = 32,
        Patience = 10,
        Seed = 3,
    });
    Console.WriteLine($"Trained: test accuracy {ConfusionMatrix.Compute(net, test).Accuracy:F4} on {test.Count} held-out digits.");
    ModelFile.Save(modelPath, net);
    Console.WriteLine($"Saved {modelPath}; build the project again (dotnet run --project samples/DigitsCompiled) to compile it in.");
    return;
}

// The network the build generated from digits.ngm: no file is opened here.
var trained = new TrainedDigits();
Console.WriteLine($"TrainedDigits: {TrainedDigits.ParameterCount:N0} parameters compiled in from digits.ngm.");
Console.WriteLine($"Test accuracy {ConfusionMatrix.Compute(trained, test).Accuracy:F4} on {test.Count} held-out digits.");

Span<float> probabilities = stackalloc float[TrainedDigits.OutputSize];
for (int s = 0; s < 3; s++)
{
    ReadOnlySpan<float> image = test.FeaturesOf(s);
    trained.Forward(image, probabilities);
    int predicted = Classification.ArgMax(probabilities);
    Console.WriteLine();
    for (int row = 0; row < 8; row++)
    {
        var line = new char[8];
        for (int column = 0; column < 8; column++)
        {
            float value = image[(row * 8) + column];
            line[column] = value > 0.6f ? '#' : value > 0.2f ? '+' : '.';
        }

        Console.WriteLine("  " + new string(line) + (row == 3 ? $"   → {predicted} ({probabilities[predicted]:P1}), labelled {Classification.ArgMax(test.TargetsOf(s))}" : string.Empty));
    }
}

/// <summary>The classifier to train: 64 pixels → 64 ReLU → 10-way softmax, seeded weights.</summary>
[Network(64, Loss = Loss.CrossEntropy)]
[Dense(64, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class DigitsTrainer;

/// <summary>
/// The same network with the weights of digits.ngm compiled in, inference-only: read-only weights shared by every
/// instance, no gradients and no backward pass. The build fails if the file holds another topology.
/// </summary>
[Network(64, Loss = Loss.CrossEntropy, Weights = "digits.ngm", InferenceOnly = true)]
[Dense(64, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class TrainedDigits;
