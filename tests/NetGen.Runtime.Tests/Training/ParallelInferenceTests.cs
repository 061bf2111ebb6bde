using System;
using System.Linq;
using NetGen.Testing;
using NetGen.Training;
using Xunit;

namespace NetGen.Runtime.Tests.Training;

/// <summary>
/// Batched inference over several threads: the network's own batched results, determinism for a worker count, the
/// choices of Auto, argument checks and no allocation per call.
/// </summary>
public class ParallelInferenceTests
{
    private const int Batch = 150;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ForwardBatch_gives_the_networks_own_outputs_bit_for_bit(int workers)
    {
        var network = new ParallelClassifier(seed: 1);
        float[] x = Inputs(Batch, ParallelClassifier.InputSize, seed: 2);
        float[] expected = new float[Batch * ParallelClassifier.OutputSize], actual = new float[expected.Length];
        network.ForwardBatch(x, expected);
        using var inference = new ParallelInference(network, workers);

        inference.ForwardBatch(x, actual);

        Assert.Equal(workers, inference.LastCallWorkers);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void EvaluateBatch_gives_the_outputs_and_the_summed_loss_and_is_the_same_every_time(int workers)
    {
        var network = new ParallelClassifier(seed: 3);
        float[] x = Inputs(Batch, ParallelClassifier.InputSize, seed: 4), y = Targets(Batch, seed: 5);
        float[] expected = new float[Batch * ParallelClassifier.OutputSize], actual = new float[expected.Length];
        float expectedLoss = network.EvaluateBatch(x, y, expected);
        float[] gradients = network.Gradients.ToArray();
        using var inference = new ParallelInference(network, workers);

        float loss = inference.EvaluateBatch(x, y, actual), again = inference.EvaluateBatch(x, y, actual);

        Assert.Equal(expected, actual);
        Assert.Equal(expectedLoss, loss, 1e-5 * expectedLoss);
        Assert.Equal(BitConverter.SingleToInt32Bits(loss), BitConverter.SingleToInt32Bits(again));
        Assert.Equal(gradients, network.Gradients.ToArray());
    }

    [Fact]
    public void Auto_uses_one_thread_for_a_small_network_and_shares_a_large_batch_of_a_large_one()
    {
        var small = new ParallelClassifier(seed: 6);
        using var smallInference = new ParallelInference(small);
        smallInference.ForwardBatch(Inputs(Batch, ParallelClassifier.InputSize, seed: 7), new float[Batch * ParallelClassifier.OutputSize]);

        var large = new WideClassifier(seed: 8);
        using var largeInference = new ParallelInference(large, WorkerCount.Auto);
        float[] x = Inputs(256, WideClassifier.InputSize, seed: 9);
        float[] expected = new float[256 * WideClassifier.OutputSize], actual = new float[expected.Length];
        large.ForwardBatch(x, expected);
        largeInference.ForwardBatch(x, actual);

        Assert.Equal(1, smallInference.LastCallWorkers);
        Assert.Equal(Environment.ProcessorCount, largeInference.Workers);
        Assert.Equal(Math.Min(Environment.ProcessorCount, 256 / 32), largeInference.LastCallWorkers);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_call_on_two_threads_allocates_nothing()
    {
        var network = new ParallelClassifier(seed: 10);
        float[] x = Inputs(Batch, ParallelClassifier.InputSize, seed: 11), y = Targets(Batch, seed: 12);
        float[] outputs = new float[Batch * ParallelClassifier.OutputSize];
        using var inference = new ParallelInference(network, 2);
        for (int i = 0; i < 20; i++)
        {
            inference.ForwardBatch(x, outputs);
            inference.EvaluateBatch(x, y, outputs);
        }

        Assert.Equal(0, Allocations.SteadyState(() =>
        {
            for (int i = 0; i < 200; i++)
            {
                inference.ForwardBatch(x, outputs);
                inference.EvaluateBatch(x, y, outputs);
            }
        }));
    }

    [Fact]
    public void Bad_batches_and_worker_counts_are_rejected()
    {
        var network = new ParallelClassifier(seed: 13);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParallelInference(network, 0));
        var inference = new ParallelInference(network, 2);

        Assert.Throws<ArgumentException>(() => inference.ForwardBatch(new float[20], new float[10]));
        Assert.Throws<ArgumentException>(() => inference.EvaluateBatch(new float[40], new float[5], new float[10]));
        Assert.Throws<ArgumentException>(() => inference.EvaluateBatch(new float[40], new float[10], new float[5]));
        Assert.Equal(0f, inference.EvaluateBatch([], [], []));
        inference.Dispose();
        Assert.Throws<ObjectDisposedException>(() => inference.ForwardBatch(new float[20], new float[5]));
    }

    [Fact]
    public void Evaluation_gives_the_mean_loss_and_accuracy_of_the_samples()
    {
        var network = new ParallelClassifier(seed: 14);
        float[] x = Inputs(Batch, ParallelClassifier.InputSize, seed: 15), y = Targets(Batch, seed: 16);
        var data = new NetGen.Data.Dataset(x, y, ParallelClassifier.InputSize, ParallelClassifier.OutputSize);
        float[] output = new float[ParallelClassifier.OutputSize];
        double loss = 0;
        int correct = 0;
        for (int s = 0; s < Batch; s++)
        {
            loss += network.Evaluate(x.AsSpan(s * ParallelClassifier.InputSize, ParallelClassifier.InputSize), y.AsSpan(s * ParallelClassifier.OutputSize, ParallelClassifier.OutputSize), output);
            correct += Array.IndexOf(output, output.Max()) == Array.IndexOf(y, 1f, s * ParallelClassifier.OutputSize, ParallelClassifier.OutputSize) - (s * ParallelClassifier.OutputSize) ? 1 : 0;
        }

        using var inference = new ParallelInference(network, 2);
        (double meanLoss, double? accuracy) = Evaluation.MeanLossAndAccuracy(inference, data);

        Assert.Equal(loss / Batch, meanLoss, 1e-5);
        Assert.Equal((double)correct / Batch, accuracy);
    }

    private static float[] Inputs(int count, int size, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count * size).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
    }

    private static float[] Targets(int count, int seed)
    {
        var random = new Random(seed);
        float[] y = new float[count * ParallelClassifier.OutputSize];
        for (int s = 0; s < count; s++)
        {
            y[(s * ParallelClassifier.OutputSize) + random.Next(ParallelClassifier.OutputSize)] = 1;
        }

        return y;
    }
}
