using System;
using System.Diagnostics;
using System.Globalization;
using NetGen.Optimizers;
using NetGen.Training;

namespace NetGen.Benchmarks;

/// <summary>
/// <c>-- --thread-probe [repeats]</c>: one worker against two on the networks and sizes of the <c>ThreadScaling</c>
/// benchmarks, each pair of calls run back to back and repeated, and the fastest call of each kept. On a machine
/// shared with other work, where a median mostly measures whether the second core happened to be free, the fastest
/// of many interleaved calls measures what two cores give when both are there: the figure the thresholds of
/// <see cref="WorkerCount.Auto"/> are about.
/// </summary>
internal static class ThreadProbe
{
    private static readonly string[] Networks = ["4-8-3", "16-64-64-1", "784-128-10", "784-256-128-10"];

    public static bool TryRun(string[] args)
    {
        if (args.Length < 1 || args[0] != "--thread-probe")
        {
            return false;
        }

        int repeats = args.Length >= 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        Console.WriteLine($"Fastest of {repeats} interleaved calls; speed-up = one worker's time / two workers'.");
        Console.WriteLine("| network | samples | training, 1 worker | 2 workers | speed-up | forward, 1 worker | 2 workers | speed-up |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (string name in Networks)
        {
            foreach (int samples in new[] { 16, 32, 64, 128, 256, 1024 })
            {
                Measure(name, samples, repeats);
            }
        }

        return true;
    }

    private static void Measure(string name, int samples, int repeats)
    {
        INetwork one = ThreadScalingData.Create(name), two = ThreadScalingData.Create(name);
        (float[] x, float[] y) = ThreadScalingData.Batch(one, samples);
        float[] outputs = new float[samples * one.OutputSize];
        using var step1 = new TrainingStep(one, new Sgd(one.ParameterCount, 1e-6f), 1);
        using var step2 = new TrainingStep(two, new Sgd(two.ParameterCount, 1e-6f), 2);
        using var forward1 = new ParallelInference(one, 1);
        using var forward2 = new ParallelInference(two, 2);
        TieredWarmUp.Run(() =>
        {
            step1.Run(x, y);
            step2.Run(x, y);
            forward1.ForwardBatch(x, outputs);
            forward2.ForwardBatch(x, outputs);
        });
        long train1 = long.MaxValue, train2 = long.MaxValue, infer1 = long.MaxValue, infer2 = long.MaxValue;
        for (int r = 0; r < repeats; r++)
        {
            long t0 = Stopwatch.GetTimestamp();
            step1.Run(x, y);
            long t1 = Stopwatch.GetTimestamp();
            step2.Run(x, y);
            long t2 = Stopwatch.GetTimestamp();
            forward1.ForwardBatch(x, outputs);
            long t3 = Stopwatch.GetTimestamp();
            forward2.ForwardBatch(x, outputs);
            long t4 = Stopwatch.GetTimestamp();
            train1 = Math.Min(train1, t1 - t0);
            train2 = Math.Min(train2, t2 - t1);
            infer1 = Math.Min(infer1, t3 - t2);
            infer2 = Math.Min(infer2, t4 - t3);
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {samples} | {Micro(train1)} | {Micro(train2)} | {(double)train1 / train2:F2}× | {Micro(infer1)} | {Micro(infer2)} | {(double)infer1 / infer2:F2}× |"));
    }

    private static string Micro(long ticks) => string.Create(CultureInfo.InvariantCulture, $"{ticks * 1e6 / Stopwatch.Frequency:N1} µs");
}
