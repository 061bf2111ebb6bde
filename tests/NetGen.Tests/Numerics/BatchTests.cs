using System;
using System.Linq;
using Xunit;

namespace NetGen.Tests.Numerics;

/// <summary>
/// The batched methods against the one-sample methods (themselves checked against finite differences in
/// <see cref="GradientTests"/>) and against the double-precision reference, for all 200 networks. 70 samples make
/// one full block of 64 and a partial block of 6, so padding columns are exercised too.
/// </summary>
public class BatchTests
{
    private const int Count = 70;

    [Theory]
    [MemberData(nameof(GradientTests.Networks), MemberType = typeof(GradientTests))]
    public void ForwardBatch_matches_Forward_on_every_sample(string name)
    {
        INetwork network = GradientTests.Create(name, seed: 21);
        (float[] inputs, _) = Batch(network, Count);
        float[] batched = new float[Count * network.OutputSize];
        float[] single = new float[network.OutputSize];

        network.ForwardBatch(inputs, batched);

        for (int s = 0; s < Count; s++)
        {
            network.Forward(inputs.AsSpan(s * network.InputSize, network.InputSize), single);
            for (int j = 0; j < single.Length; j++)
            {
                AssertClose(single[j], batched[(s * network.OutputSize) + j], 1e-5, $"{name}: sample {s}, output {j}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(GradientTests.Networks), MemberType = typeof(GradientTests))]
    public void BackwardBatch_adds_the_sum_of_the_sample_gradients_and_returns_the_sum_of_the_losses(string name)
    {
        INetwork network = GradientTests.Create(name, seed: 23);
        (float[] inputs, float[] targets) = Batch(network, Count);
        int inputSize = network.InputSize, outputSize = network.OutputSize;

        network.ZeroGradients();
        double singleLoss = 0;
        double[] referenceGradient = new double[network.ParameterCount];
        double[] parameters = Samples.ToDouble(network.Parameters);
        for (int s = 0; s < Count; s++)
        {
            float[] x = inputs.AsSpan(s * inputSize, inputSize).ToArray(), y = targets.AsSpan(s * outputSize, outputSize).ToArray();
            singleLoss += network.Backward(x, y);
            double[] reference = ReferenceNetwork.Gradient(network, parameters, Samples.ToDouble(x), Samples.ToDouble(y));
            for (int p = 0; p < reference.Length; p++)
            {
                referenceGradient[p] += reference[p];
            }
        }

        float[] single = network.Gradients.ToArray();

        // Added into what is there: start from a known offset and subtract it after.
        network.Gradients.Fill(0.5f);
        float[] outputs = new float[Count * outputSize];
        float batchLoss = network.BackwardBatch(inputs, targets, outputs);

        AssertClose(singleLoss, batchLoss, 1e-5 * Math.Abs(singleLoss), $"{name}: loss");
        double scale = Math.Max(1e-3, referenceGradient.Max(Math.Abs));
        for (int p = 0; p < single.Length; p++)
        {
            double batched = network.Gradients[p] - 0.5;
            AssertClose(single[p], batched, 2e-5 * scale, $"{name}: parameter {p}, BackwardBatch against Backward");
            AssertClose(referenceGradient[p], batched, 2e-5 * scale, $"{name}: parameter {p}, BackwardBatch against the reference");
        }

        float[] forward = new float[outputs.Length];
        network.ForwardBatch(inputs, forward);
        Assert.Equal(forward, outputs);
    }

    [Theory]
    [MemberData(nameof(GradientTests.Networks), MemberType = typeof(GradientTests))]
    public void EvaluateBatch_returns_the_loss_of_BackwardBatch_without_touching_the_gradients(string name)
    {
        INetwork network = GradientTests.Create(name, seed: 25);
        (float[] inputs, float[] targets) = Batch(network, Count);
        float[] evaluated = new float[Count * network.OutputSize], backward = new float[evaluated.Length];
        network.ZeroGradients();

        float loss = network.EvaluateBatch(inputs, targets, evaluated);

        Assert.All(network.Gradients.ToArray(), g => Assert.Equal(0f, g));
        Assert.Equal(network.BackwardBatch(inputs, targets, backward), loss);
        Assert.Equal(backward, evaluated);
    }

    [Theory]
    [MemberData(nameof(GradientTests.Networks), MemberType = typeof(GradientTests))]
    public void ComputeGradientBatch_sets_the_scaled_sum_that_BackwardBatch_adds(string name)
    {
        INetwork network = GradientTests.Create(name, seed: 29);
        (float[] inputs, float[] targets) = Batch(network, Count);
        float[] outputs = new float[Count * network.OutputSize], scaledOutputs = new float[outputs.Length];
        network.ZeroGradients();
        float loss = network.BackwardBatch(inputs, targets, outputs);
        float[] sum = network.Gradients.ToArray();

        network.Gradients.Fill(7f);
        float scaledLoss = network.ComputeGradientBatch(inputs, targets, scaledOutputs, 1f / Count);

        Assert.Equal(loss, scaledLoss);
        Assert.Equal(outputs, scaledOutputs);
        double scale = Math.Max(1e-3, sum.Max(Math.Abs)) / Count;
        for (int p = 0; p < sum.Length; p++)
        {
            AssertClose(sum[p] / Count, network.Gradients[p], 1e-5 * scale, $"{name}: parameter {p}");
        }
    }

    [Fact]
    public void ComputeGradientBatch_of_no_samples_clears_the_gradients()
    {
        var network = new DeepTanhSoftmaxCe(seed: 31);
        network.Gradients.Fill(3f);

        Assert.Equal(0f, network.ComputeGradientBatch([], [], [], 0.5f));
        Assert.All(network.Gradients.ToArray(), g => Assert.Equal(0f, g));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(200)]
    public void Every_batch_size_agrees_with_the_one_sample_methods(int count)
    {
        var network = new DeepTanhSoftmaxCe(seed: 27);
        (float[] inputs, float[] targets) = Batch(network, count);
        float[] outputs = new float[count * DeepTanhSoftmaxCe.OutputSize], single = new float[DeepTanhSoftmaxCe.OutputSize];
        double expectedLoss = 0;
        for (int s = 0; s < count; s++)
        {
            expectedLoss += network.Evaluate(inputs.AsSpan(s * DeepTanhSoftmaxCe.InputSize, DeepTanhSoftmaxCe.InputSize), targets.AsSpan(s * DeepTanhSoftmaxCe.OutputSize, DeepTanhSoftmaxCe.OutputSize), single);
        }

        float loss = network.EvaluateBatch(inputs, targets, outputs);

        AssertClose(expectedLoss, loss, 1e-5 * Math.Max(1, expectedLoss), $"{count} samples: loss");
    }

    public static TheoryData<string, int> WideInputs()
    {
        var cases = new TheoryData<string, int>();
        foreach (string name in new[] { nameof(MnistNet), nameof(WideInputNet) })
        {
            foreach (int count in new[] { 1, 2, 3, 5, 64, 70, 131 })
            {
                cases.Add(name, count);
            }
        }

        return cases;
    }

    /// <summary>
    /// Networks whose batched first product reads the samples in place where 512-bit registers are accelerated (784
    /// and 579 inputs; CI reruns this with AVX-512 off, where the samples are transposed first): outputs as
    /// <c>Forward</c> gives them and gradients as the sum of <c>Backward</c>'s, for partial blocks of every remainder of
    /// the sample tiles, whole blocks and several blocks.
    /// </summary>
    [Theory]
    [MemberData(nameof(WideInputs))]
    public void A_wide_first_layer_matches_the_one_sample_methods(string name, int count)
    {
        INetwork network = name == nameof(MnistNet) ? new MnistNet(seed: 41) : new WideInputNet(seed: 41);
        (float[] inputs, float[] targets) = Batch(network, count);
        int inputSize = network.InputSize, outputSize = network.OutputSize;
        float[] batched = new float[count * outputSize], single = new float[outputSize];

        network.ForwardBatch(inputs, batched);
        network.ZeroGradients();
        for (int s = 0; s < count; s++)
        {
            network.Backward(inputs.AsSpan(s * inputSize, inputSize), targets.AsSpan(s * outputSize, outputSize));
            network.Forward(inputs.AsSpan(s * inputSize, inputSize), single);
            for (int j = 0; j < outputSize; j++)
            {
                AssertClose(single[j], batched[(s * outputSize) + j], 1e-5, $"{name}: sample {s}, output {j}");
            }
        }

        float[] sum = network.Gradients.ToArray();
        network.ZeroGradients();
        network.BackwardBatch(inputs, targets, batched);
        double scale = Math.Max(1e-3, sum.Max(Math.Abs));
        for (int p = 0; p < sum.Length; p++)
        {
            AssertClose(sum[p], network.Gradients[p], 2e-5 * scale, $"{name}: parameter {p}");
        }
    }

    [Fact]
    public void Batched_methods_reject_blocks_that_are_not_whole_or_equal_numbers_of_samples()
    {
        var network = new DeepTanhSoftmaxCe(seed: 1);
        int n = DeepTanhSoftmaxCe.InputSize, o = DeepTanhSoftmaxCe.OutputSize;

        var partial = Assert.Throws<ArgumentException>(() => network.ForwardBatch(new float[(2 * n) + 1], new float[2 * o]));
        var outputs = Assert.Throws<ArgumentException>(() => network.ForwardBatch(new float[2 * n], new float[3 * o]));
        var targets = Assert.Throws<ArgumentException>(() => network.BackwardBatch(new float[2 * n], new float[o], new float[2 * o]));
        var output = Assert.Throws<ArgumentException>(() => network.EvaluateBatch(new float[2 * n], new float[2 * o], new float[o]));

        Assert.Equal("inputs", partial.ParamName);
        Assert.Contains("not a whole number of samples", partial.Message);
        Assert.Equal("outputs", outputs.ParamName);
        Assert.Contains($"must hold {2 * o} floats", outputs.Message);
        Assert.Equal("targets", targets.ParamName);
        Assert.Equal("outputs", output.ParamName);
    }

    [Fact]
    public void A_worker_shares_the_parameters_but_has_its_own_gradients()
    {
        var network = new DeepTanhSoftmaxCe(seed: 3);
        DeepTanhSoftmaxCe worker = network.CreateWorker();
        (float[] inputs, float[] targets) = Batch(network, 10);
        float[] outputs = new float[10 * DeepTanhSoftmaxCe.OutputSize];

        network.Parameters[5] = 1.25f;
        Assert.Equal(1.25f, worker.Parameters[5]);
        worker.Parameters[6] = -2f;
        Assert.Equal(-2f, network.Parameters[6]);

        network.ZeroGradients();
        worker.ZeroGradients();
        float loss = worker.BackwardBatch(inputs, targets, outputs);

        Assert.All(network.Gradients.ToArray(), g => Assert.Equal(0f, g));
        Assert.Contains(worker.Gradients.ToArray(), g => g != 0f);
        Assert.Equal(network.BackwardBatch(inputs, targets, outputs), loss);
        Assert.Equal(network.Gradients.ToArray(), worker.Gradients.ToArray());
    }

    /// <summary>The samples of <see cref="Samples"/>, laid one after another as a minibatch block.</summary>
    internal static (float[] Inputs, float[] Targets) Batch(INetwork network, int count)
    {
        float[] inputs = new float[count * network.InputSize], targets = new float[count * network.OutputSize];
        for (int s = 0; s < count; s++)
        {
            Samples.Input(network, 100 + s).CopyTo(inputs, s * network.InputSize);
            Samples.Target(network, 100 + s).CopyTo(targets, s * network.OutputSize);
        }

        return (inputs, targets);
    }

    private static void AssertClose(double expected, double actual, double absolute, string what)
    {
        double tolerance = absolute + (1e-5 * Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (tolerance {tolerance:G3})");
    }
}
