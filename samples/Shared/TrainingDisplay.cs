using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using NetGen.Data;
using NetGen.Training;
using Spectre.Console;

namespace NetGen.Samples;

/// <summary>Runs <see cref="Trainer.Fit"/> under a console progress bar that shows each epoch's losses as it ends.</summary>
public static class TrainingDisplay
{
    /// <summary>Trains with a progress bar and returns the history.</summary>
    /// <param name="title">What is being trained, shown beside the bar.</param>
    /// <param name="network">The network.</param>
    /// <param name="train">The training set.</param>
    /// <param name="validation">The validation set, or null.</param>
    /// <param name="options">The training options.</param>
    /// <param name="cancellationToken">Stops training.</param>
    /// <returns>The training history.</returns>
    public static TrainingHistory Fit(string title, INetwork network, Dataset train, Dataset? validation, TrainingOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        TrainingHistory? history = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = BarWidth() }, new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask(Markup.Escape(title), maxValue: options.Epochs);
                history = Trainer.Fit(network, train, validation, options, new TaskProgress(task, title), cancellationToken);
                task.Value = task.MaxValue;
            });
        return history!;
    }

    /// <summary>Prints the history as a table: loss and accuracy per epoch, the best epoch marked.</summary>
    /// <param name="history">The training history.</param>
    /// <param name="every">Print every this many epochs (the first, the best and the last always).</param>
    public static void PrintHistory(TrainingHistory history, int every = 1)
    {
        ArgumentNullException.ThrowIfNull(history);
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("epoch", "train loss", "train acc.", "validation loss", "validation acc.", "time");
        IReadOnlyList<EpochResult> epochs = history.Epochs;
        foreach (EpochResult e in epochs)
        {
            if (e.Epoch != 1 && e.Epoch % every != 0 && e.Epoch != history.BestEpoch && e.Epoch != epochs.Count)
            {
                continue;
            }

            table.AddRow(
                e.Epoch == history.BestEpoch ? $"[bold]{e.Epoch}*[/]" : e.Epoch.ToString(CultureInfo.InvariantCulture),
                Format(e.TrainLoss),
                Format(e.TrainAccuracy),
                Format(e.ValidationLoss),
                Format(e.ValidationAccuracy),
                string.Create(CultureInfo.InvariantCulture, $"{e.Elapsed.TotalMilliseconds:F0} ms"));
        }

        AnsiConsole.Write(table);
        if (history.StoppedEarly)
        {
            AnsiConsole.MarkupLine($"Early stopping after epoch {epochs.Count}; the parameters of epoch {history.BestEpoch} (*) were restored.");
        }
    }

    /// <summary>
    /// The bar's width, so that the whole line (a description of up to <see cref="DescriptionWidth"/> characters,
    /// the bar, the percentage and the elapsed time) fits the terminal without wrapping: 20 cells on 80 columns.
    /// </summary>
    private static int BarWidth() => Math.Clamp(AnsiConsole.Profile.Width - DescriptionWidth - 20, 10, 40);

    /// <summary>The longest description <see cref="TaskProgress"/> writes for a title of up to 16 characters.</summary>
    private const int DescriptionWidth = 40;

    private static string Format(double? value) => value is { } v ? v.ToString("F4", CultureInfo.InvariantCulture) : "–";

    /// <summary>Reports synchronously, on the training thread, so the bar moves as epochs end.</summary>
    private sealed class TaskProgress(ProgressTask task, string title) : IProgress<EpochResult>
    {
        public void Report(EpochResult value)
        {
            task.Value = value.Epoch;
            // Short, so the line fits 80 columns: "fashion-mnist 12/20 loss 0.285 val 0.321".
            string validation = value.ValidationLoss is { } loss ? string.Create(CultureInfo.InvariantCulture, $" val {loss:F3}") : string.Empty;
            task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{title} {value.Epoch}/{value.Epochs} loss {value.TrainLoss:F3}{validation}"));
        }
    }
}
