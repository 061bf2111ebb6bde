using System;
using System.IO;
using System.Linq;
using NetGen.Training;

namespace NetGen.Samples;

/// <summary>Writes the train and validation loss per epoch as a PNG.</summary>
public static class LossPlot
{
    /// <summary>Plots <paramref name="history"/> into <paramref name="path"/> (the folder is created if needed).</summary>
    /// <param name="history">The training history.</param>
    /// <param name="title">The plot's title.</param>
    /// <param name="path">The PNG file to write.</param>
    public static void Save(TrainingHistory history, string title, string path)
    {
        ArgumentNullException.ThrowIfNull(history);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var plot = new ScottPlot.Plot();
        double[] epochs = history.Epochs.Select(e => (double)e.Epoch).ToArray();
        var train = plot.Add.Scatter(epochs, history.Epochs.Select(e => e.TrainLoss).ToArray());
        train.LegendText = "train";
        if (history.Epochs.All(e => e.ValidationLoss is not null))
        {
            var validation = plot.Add.Scatter(epochs, history.Epochs.Select(e => e.ValidationLoss!.Value).ToArray());
            validation.LegendText = "validation";
        }

        if (history.BestEpoch > 0)
        {
            var best = plot.Add.VerticalLine(history.BestEpoch);
            best.LinePattern = ScottPlot.LinePattern.Dashed;
            best.LegendText = "best epoch";
        }

        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel("mean loss per sample");
        // Beside the plot, not over it: inside the data area the legend hid the last epochs of the curves.
        plot.ShowLegend(ScottPlot.Edge.Right);
        plot.SavePng(path, 900, 500);
    }
}
