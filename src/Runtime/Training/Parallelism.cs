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
    /// A call is shared only if each thread gets at least this many samples: with fewer, a shard is a single
    /// 16-column tile of the batched kernels, which run it at two thirds of their speed on 32, and in training the
    /// parameters and gradients crossing between the cores each step (about one copy of the parameters) cost more
    /// than half the step saves. Measured with two threads: 0.86–0.91× at 32 samples, 1.39× (784-128-10) from 64
    /// (docs/performance.md, "Two threads").
    /// </summary>
    internal const int SamplesPerWorker = 32;

    /// <summary>
    /// ... and at least this many multiply-adds of the forward pass (samples × weights): below it, starting the
    /// other threads and waiting for the last shard cost more than the work shared. Measured: 16-64-64-1 gains
    /// 1.94× in training and 1.96× in inference at 1,024 samples (2.65 million per thread); 4-8-3 nothing in
    /// training at 1,024 (29,000).
    /// </summary>
    internal const long WorkPerWorker = 2_500_000;

    /// <summary>The most threads Auto uses: the processors of the machine.</summary>
    internal static int MaxThreads => Math.Clamp(Environment.ProcessorCount, 1, 256);

    /// <summary>The multiply-adds of one sample's forward pass: the network's weights, <c>Σ in · out</c>.</summary>
    internal static long Weights(IInferenceNetwork network)
    {
        long weights = 0;
        foreach (LayerInfo layer in network.Layers)
        {
            weights += (long)layer.Inputs * layer.Outputs;
        }

        return weights;
    }

    /// <summary>
    /// The threads Auto gives a call of <paramref name="samples"/> samples, a training step or an inference: the most
    /// that each get enough samples and work, at least one, at most <paramref name="max"/>.
    /// </summary>
    internal static int Workers(long weights, int samples, int max) =>
        (int)Math.Clamp(Math.Min(samples / SamplesPerWorker, (long)samples * weights / WorkPerWorker), 1, Math.Max(max, 1));

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
}
