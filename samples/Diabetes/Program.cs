using System;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Text;
using NetGen;
using NetGen.Data;
using NetGen.Metrics;
using NetGen.Optimizers;
using NetGen.Samples;
using NetGen.Serialization;
using NetGen.Training;
using Spectre.Console;

// Diabetes: 442 patients, ten baseline measurements (age, sex, BMI, blood pressure, six blood serum values),
// and a quantitative measure of disease progression one year later, to be predicted.
// Usage: dotnet run --project samples/Diabetes [-- output-folder]   (default: ./out/diabetes)
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string output = args.Length > 0 ? args[0] : Path.Combine("out", "diabetes");
string folder = Path.Combine(AppContext.BaseDirectory, "data");

// The features and the targets come in two space-separated files, line by line: join each pair of lines.
var joined = new StringBuilder();
using (var features = Open(Path.Combine(folder, "diabetes_data_raw.csv.gz")))
using (var targets = Open(Path.Combine(folder, "diabetes_target.csv.gz")))
{
    while (features.ReadLine() is { } row && targets.ReadLine() is { } target)
    {
        joined.Append(row).Append(' ').Append(target).Append('\n');
    }
}

CsvData csv = CsvLoader.Load(new StringReader(joined.ToString()), new CsvOptions { WhitespaceSeparated = true, TargetColumns = [10] }, "diabetes_data_raw + diabetes_target");
(Dataset train, Dataset validation, Dataset test) = csv.Dataset.Split(trainFraction: 0.6, validationFraction: 0.2, seed: 13);
AnsiConsole.MarkupLine($"Loaded [bold]{csv.Dataset.Count}[/] patients: {train.Count} to train, {validation.Count} to validate, {test.Count} to test.");

// Standardise the features and the target with the training set's statistics; predictions are mapped
// back to the original scale for the metrics.
FeatureScaler scaler = FeatureScaler.FitStandard(train);
scaler.Transform(train);
scaler.Transform(validation);
scaler.Transform(test);
(double mean, double std) = MeanAndStd(train.Targets);
foreach (Dataset set in new[] { train, validation, test })
{
    foreach (ref float y in set.Targets)
    {
        y = (float)((y - mean) / std);
    }
}

var net = new ProgressionRegressor(seed: 4);
var options = new TrainingOptions
{
    Optimizer = new AdamW(ProgressionRegressor.ParameterCount, learningRate: 1e-3f, weightDecay: 1e-2f),
    Epochs = 200,
    BatchSize = 16,
    Patience = 20,
    Seed = 6,
};
TrainingHistory history = TrainingDisplay.Fit("diabetes", net, train, validation, options);
TrainingDisplay.PrintHistory(history, every: 25);

var metrics = new RegressionMetrics(outputCount: 1);
float[] prediction = new float[1];
for (int i = 0; i < test.Count; i++)
{
    net.Forward(test.FeaturesOf(i), prediction);
    metrics.Add([(float)((prediction[0] * std) + mean)], [(float)((test.TargetsOf(i)[0] * std) + mean)]);
}

AnsiConsole.MarkupLine($"Test R²: [bold green]{metrics.RSquaredOf(0):F4}[/], MAE {metrics.MeanAbsoluteError:F1}, RMSE {metrics.RootMeanSquaredError:F1} (targets range 25–346, std {std:F1}).");

Directory.CreateDirectory(output);
ModelFile.Save(Path.Combine(output, "diabetes.ngm"), net, scaler);
LossPlot.Save(history, "Diabetes: ½ squared error (standardised target) per epoch", Path.Combine(output, "diabetes-loss.png"));
AnsiConsole.MarkupLine($"Model and loss plot written to {Markup.Escape(output)}.");

static StreamReader Open(string path) => new(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));

static (double Mean, double Std) MeanAndStd(ReadOnlySpan<float> values)
{
    double sum = 0, squares = 0;
    foreach (float v in values)
    {
        sum += v;
        squares += (double)v * v;
    }

    double mean = sum / values.Length;
    return (mean, Math.Sqrt((squares / values.Length) - (mean * mean)));
}

/// <summary>10 measurements → 32 tanh → 1 linear output, squared error.</summary>
[Network(10)]
[Dense(32, Activation.Tanh)]
[Dense(1, Activation.Identity)]
public partial class ProgressionRegressor;
