using System;

namespace NetGen.Data;

/// <summary>
/// Cuts <c>0 … count − 1</c> into shuffled minibatches, epoch after epoch, from one seeded stream: equal
/// seeds give equal batches in every epoch. The order is allocated once; <see cref="Shuffle"/> and
/// <see cref="Batch"/> allocate nothing.
/// </summary>
public sealed class MinibatchSampler
{
    private readonly int[] _order;
    private SeededRandom _random;

    /// <summary>Prepares batches of <paramref name="batchSize"/> over <paramref name="count"/> samples, in the identity order until the first <see cref="Shuffle"/>.</summary>
    /// <param name="count">The number of samples; positive.</param>
    /// <param name="batchSize">The samples per batch; positive. The last batch of an epoch may be smaller.</param>
    /// <param name="seed">The seed of the shuffles.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is not positive.</exception>
    public MinibatchSampler(int count, int batchSize, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        _order = new int[count];
        for (int i = 0; i < count; i++)
        {
            _order[i] = i;
        }

        BatchSize = batchSize;
        _random = new SeededRandom(seed);
    }

    /// <summary>The samples per batch (the last batch of an epoch may hold fewer).</summary>
    public int BatchSize { get; }

    /// <summary>The number of batches in an epoch.</summary>
    public int BatchCount => (_order.Length + BatchSize - 1) / BatchSize;

    /// <summary>Draws a new order of the samples for the next epoch.</summary>
    public void Shuffle() => Dataset.Shuffle(_order, ref _random);

    /// <summary>The sample indices of batch <paramref name="index"/> of the current epoch.</summary>
    /// <param name="index">The batch, from 0 to <see cref="BatchCount"/> − 1.</param>
    /// <returns>The indices, valid until the next <see cref="Shuffle"/>.</returns>
    public ReadOnlySpan<int> Batch(int index)
    {
        int start = index * BatchSize;
        return new ReadOnlySpan<int>(_order, start, Math.Min(BatchSize, _order.Length - start));
    }
}
