using System;
using NetGen.Kernels;

namespace NetGen.Training;

/// <summary>
/// The decisions the data-parallel classes share: how many threads <see cref="WorkerCount.Auto"/> gives a call, and
/// how a minibatch is cut into shards.
/// </summary>
internal static class Parallelism
{
    /// <summary>
    /// A training step is shared only if each thread gets at least this many samples: below it, the parameters and
    /// gradients that cross between the cores each step (about one copy of the parameters) cost more than half the
    /// step saves (measured on 784-256-128-10; docs/performance.md, "Two threads").
    /// </summary>
    internal const int TrainingSamplesPerWorker = 32;

    /// <summary>
    /// ... and at least this many multiply-adds of the forward pass (samples × weights): below it, waking the other
    /// threads and meeting them at the barriers costs more than the work shared.
    /// </summary>
    internal const long TrainingWorkPerWorker = 32L * 100_000;

    /// <summary>An inference is shared only if each thread gets at least this many forward multiply-adds (samples × weights).</summary>
    internal const long InferenceWorkPerWorker = 64L * 100_000;

    /// <summary>The most threads Auto uses: the processors of the machine.</summary>
    internal static int MaxThreads => Math.Clamp(Environment.ProcessorCount, 1, 256);

    /// <summary>The multiply-adds of one sample's forward pass: the network's weights, <c>Σ in · out</c>.</summary>
    internal static long Weights(INetwork network)
    {
        long weights = 0;
        foreach (LayerInfo layer in network.Layers)
        {
            weights += (long)layer.Inputs * layer.Outputs;
        }

        return weights;
    }

    /// <summary>The threads Auto gives a training step of <paramref name="samples"/> samples: the most that each get enough work, at least one.</summary>
    internal static int TrainingWorkers(long weights, int samples, int max) =>
        Workers(Math.Min(samples / TrainingSamplesPerWorker, (long)samples * weights / TrainingWorkPerWorker), max);

    /// <summary>The threads Auto gives an inference of <paramref name="samples"/> samples.</summary>
    internal static int InferenceWorkers(long weights, int samples, int max) =>
        Workers((long)samples * weights / InferenceWorkPerWorker, max);

    /// <summary>
    /// Part <paramref name="part"/> of <paramref name="total"/> samples cut into <paramref name="parts"/> contiguous
    /// shards: even cuts rounded down to a multiple of <see cref="BatchKernels.ColumnMultiple"/> samples, the batched
    /// kernels' tile width, so that no shard but the last pads a tile. The same cut for the same numbers.
    /// </summary>
    internal static (int Start, int Length) Shard(int total, int part, int parts)
    {
        int start = Cut(total, part, parts), end = Cut(total, part + 1, parts);
        return (start, end - start);
    }

    private static int Cut(int total, int part, int parts) =>
        part >= parts ? total : (int)((long)total * part / parts) / BatchKernels.ColumnMultiple * BatchKernels.ColumnMultiple;

    private static int Workers(long byWork, int max) => (int)Math.Clamp(byWork, 1, Math.Max(max, 1));
}
