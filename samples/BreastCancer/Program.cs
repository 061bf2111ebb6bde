using System;
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

// Wisconsin diagnostic breast cancer: 569 tumours, 30 measurements of their cell nuclei, label 0 = malignant, 1 = benign.
// Usage: dotnet run --project samples/BreastCancer [-- output-folder]   (default: ./out/breast-cancer)
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string output = args.Length > 0 ? args[0] : Path.Combine("out", "breast-cancer");
string dataPath = Path.Combine(AppContext.BaseDirectory, "data", "breast_cancer.csv");

// The first line holds counts and class names ("569,30,malignant,benign"), not column names: skip it.
// The label is kept as a number, 0 or 1, the target of a single sigmoid output.
CsvData csv = CsvLoader.Load(dataPath, new CsvOptions { SkipLines = 1, TargetColumns = [30], TargetKind = CsvTargetKind.Numeric });
(Dataset train, Dataset validation, Dataset test) = csv.Dataset.Split(trainFraction: 0.6, validationFraction: 0.2, seed: 11);
AnsiConsole.MarkupLine($"Loaded [bold]{csv.Dataset.Count}[/] tumours: {train.Count} to train, {validation.Count} to validate, {test.Count} to test.");

// The measurements span five orders of magnitude (areas in the thousands, fractal dimensions near 0.06):
// standardise them, with the training set's statistics only.
FeatureScaler scaler = FeatureScaler.FitStandard(train);
scaler.Transform(train);
scaler.Transform(validation);
scaler.Transform(test);

var net = new TumourClassifier(seed: 2);
var options = new TrainingOptions
{
    Optimizer = new Adam(TumourClassifier.ParameterCount, learningRate: 1e-3f),
    Epochs = 100,
    BatchSize = 16,
    Patience = 15,
    Seed = 5,
};
TrainingHistory history = TrainingDisplay.Fit("breast cancer", net, train, validation, options);
TrainingDisplay.PrintHistory(history, every: 20);

// One sigmoid output read at 0.5: class 1 (benign) above, class 0 (malignant) below.
ConfusionMatrix confusion = ConfusionMatrix.ComputePerLabel(net, test)[0];
AnsiConsole.MarkupLine($"Test accuracy: [bold green]{confusion.Accuracy:F4}[/] on {test.Count} held-out tumours.");
Console.WriteLine(confusion.ToString(["malignant", "benign"]));

Directory.CreateDirectory(output);
ModelFile.Save(Path.Combine(output, "breast-cancer.ngm"), net, scaler);
LossPlot.Save(history, "Breast cancer: binary cross-entropy per epoch", Path.Combine(output, "breast-cancer-loss.png"));
AnsiConsole.MarkupLine($"Model and loss plot written to {Markup.Escape(output)}.");

/// <summary>30 measurements → 16 ReLU → 1 sigmoid (the probability of benign), binary cross-entropy.</summary>
[Network(30, Loss = Loss.BinaryCrossEntropy)]
[Dense(16, Activation.ReLU)]
[Dense(1, Activation.Sigmoid)]
public partial class TumourClassifier;
