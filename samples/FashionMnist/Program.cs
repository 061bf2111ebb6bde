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

// Fashion-MNIST: 60,000 training and 10,000 test images of clothing, 28×28 grey levels, ten classes.
// Usage: dotnet run -c Release --project samples/FashionMnist [-- data-folder [output-folder]]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string folder = args.Length > 0 ? args[0] : "/usr/share/datasets/fashion-mnist";
string output = args.Length > 1 ? args[1] : Path.Combine("out", "fashion-mnist");
string[] files = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"];
foreach (string file in files)
{
    if (!File.Exists(Path.Combine(folder, file)))
    {
        AnsiConsole.MarkupLine($"[red]{Markup.Escape(Path.Combine(folder, file))} is missing.[/]");
        Console.WriteLine("""
            This sample reads the Fashion-MNIST IDX files. On Debian or Ubuntu install them with

                sudo apt-get install dataset-fashion-mnist

            which puts them in /usr/share/datasets/fashion-mnist; or download the four *-ubyte.gz files from
            the Fashion-MNIST project (github.com/zalandoresearch/fashion-mnist, folder data/fashion) into a
            folder and pass that folder as the first argument.
            """);
        return 1;
    }
}

string[] classes = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];
Dataset all = IdxLoader.Load(Path.Combine(folder, files[0]), Path.Combine(folder, files[1]), classCount: 10);
Dataset test = IdxLoader.Load(Path.Combine(folder, files[2]), Path.Combine(folder, files[3]), classCount: 10);

// Hold out 10% of the training images for validation (early stopping); pixels are already scaled to [0, 1].
(Dataset train, Dataset validation, _) = all.Split(trainFraction: 0.9, validationFraction: 0.1, seed: 17);
AnsiConsole.MarkupLine($"Loaded {all.Count:N0} training images ({train.Count:N0} to train, {validation.Count:N0} to validate) and {test.Count:N0} test images from {Markup.Escape(folder)}.");

var net = new FashionClassifier(seed: 3);
AnsiConsole.MarkupLine($"Network: 784 → 256 (ReLU) → 128 (ReLU) → 10 (softmax), {FashionClassifier.ParameterCount:N0} parameters, cross-entropy, Adam.");
var options = new TrainingOptions
{
    Optimizer = new Adam(FashionClassifier.ParameterCount, learningRate: 1e-3f),
    Schedule = new CosineAnnealing(1e-3f, iterations: 30 * ((train.Count + 63) / 64), minimumLearningRate: 1e-5f),
    Epochs = 30,
    BatchSize = 64,
    Patience = 5,
    Seed = 8,
};
TrainingHistory history = TrainingDisplay.Fit("fashion-mnist", net, train, validation, options);
TrainingDisplay.PrintHistory(history);
double seconds = 0;
foreach (EpochResult epoch in history.Epochs)
{
    seconds += epoch.Elapsed.TotalSeconds;
}

AnsiConsole.MarkupLine($"Time per epoch: {seconds / history.Epochs.Count:F1} s on average (one thread, training and validation).");

ConfusionMatrix confusion = ConfusionMatrix.Compute(net, test);
AnsiConsole.MarkupLine($"Test accuracy: [bold green]{confusion.Accuracy:F4}[/] on {test.Count:N0} test images (the published MLP 256-128-100 scores 0.8833).");
Console.WriteLine(confusion.ToString(classes));

Directory.CreateDirectory(output);
ModelFile.Save(Path.Combine(output, "fashion-mnist.ngm"), net);
LossPlot.Save(history, "Fashion-MNIST: cross-entropy per epoch", Path.Combine(output, "fashion-mnist-loss.png"));
AnsiConsole.MarkupLine($"Model and loss plot written to {Markup.Escape(output)}.");
return 0;

/// <summary>784 pixels → 256 ReLU → 128 ReLU → 10-way softmax.</summary>
[Network(784, Loss = Loss.CrossEntropy)]
[Dense(256, Activation.ReLU)]
[Dense(128, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class FashionClassifier;
