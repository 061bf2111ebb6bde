using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using NetGen;
using NetGen.Data;
using NetGen.Metrics;
using NetGen.Optimizers;
using NetGen.Samples;
using NetGen.Serialization;
using NetGen.Training;
using Spectre.Console;

// Handwritten digits: 1,797 scanned 8×8 images with 17 grey levels (the scikit-learn digits set), ten classes.
// Usage: dotnet run --project samples/Digits [-- output-folder]   (default: ./out/digits)
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string output = args.Length > 0 ? args[0] : Path.Combine("out", "digits");
string dataPath = Path.Combine(AppContext.BaseDirectory, "data", "digits.csv.gz");
var clock = Stopwatch.StartNew();

// 64 pixel columns, then the label; no header.
CsvData csv = CsvLoader.Load(dataPath, new CsvOptions { TargetColumns = [64], TargetKind = CsvTargetKind.ClassLabel });
(Dataset train, Dataset validation, Dataset test) = csv.Dataset.Split(trainFraction: 0.7, validationFraction: 0.15, seed: 7);
AnsiConsole.MarkupLine($"Loaded [bold]{csv.Dataset.Count}[/] digits from {Markup.Escape(dataPath)}: {train.Count} to train, {validation.Count} to validate, {test.Count} to test.");

// Standardise with statistics of the training set only, then apply the same scaling to the other sets.
FeatureScaler scaler = FeatureScaler.FitStandard(train);
scaler.Transform(train);
scaler.Transform(validation);
scaler.Transform(test);

var net = new DigitClassifier(seed: 1);
AnsiConsole.MarkupLine($"Network: {DigitClassifier.InputSize} → 64 (ReLU) → {DigitClassifier.OutputSize} (softmax), {DigitClassifier.ParameterCount:N0} parameters, cross-entropy, Adam.");
var options = new TrainingOptions
{
    Optimizer = new Adam(DigitClassifier.ParameterCount, learningRate: 2e-3f),
    Epochs = 60,
    BatchSize = 32,
    Patience = 10,
    Seed = 3,
};
TrainingHistory history = TrainingDisplay.Fit("digits", net, train, validation, options);
TrainingDisplay.PrintHistory(history, every: 10);

ConfusionMatrix confusion = ConfusionMatrix.Compute(net, test);
AnsiConsole.MarkupLine($"Test accuracy: [bold green]{confusion.Accuracy:F4}[/] on {test.Count} held-out digits (macro F1 {confusion.MacroF1:F4}).");
Console.WriteLine(confusion.ToString(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]));

string modelPath = Path.Combine(output, "digits.ngm");
string plotPath = Path.Combine(output, "digits-loss.png");
Directory.CreateDirectory(output);
ModelFile.Save(modelPath, net, scaler);
LossPlot.Save(history, "Digits: loss per epoch", plotPath);
AnsiConsole.MarkupLine($"Model written to {Markup.Escape(modelPath)}, loss plot to {Markup.Escape(plotPath)}. Total time {clock.Elapsed.TotalSeconds:F1} s.");

/// <summary>64 pixels → 64 ReLU → 10-way softmax.</summary>
[Network(64, Loss = Loss.CrossEntropy)]
[Dense(64, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class DigitClassifier;
