using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Data;
using Xunit;
using NetGen.Testing;

namespace NetGen.Runtime.Tests.Data;

public class MinibatchSamplerTests
{
    [Fact]
    public void Every_epoch_covers_every_index_once_in_batches_of_the_asked_size()
    {
        var sampler = new MinibatchSampler(count: 103, batchSize: 10, seed: 1);

        Assert.Equal(11, sampler.BatchCount);
        for (int epoch = 0; epoch < 5; epoch++)
        {
            sampler.Shuffle();
            var seen = new List<int>();
            for (int b = 0; b < sampler.BatchCount; b++)
            {
                ReadOnlySpan<int> batch = sampler.Batch(b);
                Assert.Equal(b < 10 ? 10 : 3, batch.Length);
                seen.AddRange(batch.ToArray());
            }

            Assert.Equal(Enumerable.Range(0, 103), seen.Order());
            Assert.NotEqual(Enumerable.Range(0, 103), seen);
        }
    }

    [Fact]
    public void Before_the_first_shuffle_the_order_is_the_identity()
    {
        var sampler = new MinibatchSampler(count: 5, batchSize: 2, seed: 1);

        Assert.Equal([0, 1], sampler.Batch(0).ToArray());
        Assert.Equal([2, 3], sampler.Batch(1).ToArray());
        Assert.Equal([4], sampler.Batch(2).ToArray());
    }

    [Fact]
    public void Equal_seeds_give_equal_batches_in_every_epoch()
    {
        var first = new MinibatchSampler(50, 8, seed: 42);
        var second = new MinibatchSampler(50, 8, seed: 42);
        var other = new MinibatchSampler(50, 8, seed: 43);

        for (int epoch = 0; epoch < 4; epoch++)
        {
            first.Shuffle();
            second.Shuffle();
            other.Shuffle();
            int[] order = Epoch(first);
            Assert.Equal(order, Epoch(second));
            Assert.NotEqual(order, Epoch(other));
        }
    }

    [Fact]
    public void Shuffling_and_iterating_batches_over_a_dataset_allocates_nothing()
    {
        Dataset data = DatasetTests.Numbered(1000);
        var sampler = new MinibatchSampler(data.Count, batchSize: 32, seed: 9);
        double checksum = SumEpochs(sampler, data, epochs: 1);

        int epochs = 1;
        Assert.Equal(0, Allocations.SteadyState(() =>
        {
            checksum += SumEpochs(sampler, data, epochs: 40);
            epochs += 40;
        }));
        Assert.Equal(epochs * 999 * 1000 / 2 * 12.0, checksum);
    }

    private static int[] Epoch(MinibatchSampler sampler)
    {
        var order = new List<int>();
        for (int b = 0; b < sampler.BatchCount; b++)
        {
            order.AddRange(sampler.Batch(b).ToArray());
        }

        return [.. order];
    }

    /// <summary>Sums features and targets over every batch of <paramref name="epochs"/> epochs: (i + 10 i) + i per sample.</summary>
    private static double SumEpochs(MinibatchSampler sampler, Dataset data, int epochs)
    {
        double sum = 0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            sampler.Shuffle();
            for (int b = 0; b < sampler.BatchCount; b++)
            {
                foreach (int i in sampler.Batch(b))
                {
                    ReadOnlySpan<float> features = data.FeaturesOf(i);
                    sum += features[0] + features[1] + data.TargetsOf(i)[0];
                }
            }
        }

        return sum;
    }
}
