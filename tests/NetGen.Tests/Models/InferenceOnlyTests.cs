using System;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NetGen.Data;
using NetGen.Metrics;
using NetGen.Serialization;
using NetGen.Testing;
using NetGen.Training;
using Xunit;

namespace NetGen.Tests.Models;

/// <summary>
/// The inference-only networks of FixtureNetworks.cs against the trainable networks compiled from the same files: the
/// same parameters, the same outputs and losses bit for bit (the generated arithmetic is the same), no training
/// members, weights shared by every instance, no allocation, and the runtime's inference helpers taking them.
/// </summary>
public sealed class InferenceOnlyTests
{
    /// <summary>(inference-only network, trainable network on the same file).</summary>
    public static TheoryData<string, string> Pairs => new()
    {
        { nameof(ReluIdentityInference), nameof(ReluIdentityFromSafeTensors) },
        { nameof(TanhSigmoidInference), nameof(TanhSigmoidFromSafeTensors) },
        { nameof(SigmoidSoftmaxInference), nameof(SigmoidSoftmaxFromOnnx) },
        { nameof(LeakyTanhSimdInference), nameof(LeakyTanhSimd) },
    };

    public static TheoryData<string> InferenceNetworks => new()
    {
        nameof(ReluIdentityInference),
        nameof(TanhSigmoidInference),
        nameof(SigmoidSoftmaxInference),
        nameof(LeakyTanhSimdInference),
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Has_the_trainable_networks_parameters_bit_for_bit(string inference, string trainable)
    {
        IInferenceNetwork net = Create(inference);
        INetwork reference = CompiledWeightsTests.Create(trainable);

        Assert.Equal(reference.ParameterCount, net.ParameterCount);
        Assert.Equal(Bits(reference.Parameters), Bits(net.Parameters));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Gives_the_trainable_networks_outputs_and_losses_bit_for_bit(string inference, string trainable)
    {
        IInferenceNetwork net = Create(inference);
        INetwork reference = CompiledWeightsTests.Create(trainable);
        const int count = 77;
        (float[] inputs, float[] targets) = Batch(net, count, seed: 11);
        float[] ours = new float[net.OutputSize], theirs = new float[net.OutputSize];
        for (int s = 0; s < count; s++)
        {
            ReadOnlySpan<float> x = inputs.AsSpan(s * net.InputSize, net.InputSize);
            ReadOnlySpan<float> y = targets.AsSpan(s * net.OutputSize, net.OutputSize);
            net.Forward(x, ours);
            reference.Forward(x, theirs);
            Assert.Equal(Bits(theirs), Bits(ours));
            Assert.Equal(Bits(reference.Output), Bits(net.Output));

            float ourLoss = net.Evaluate(x, y, ours);
            float theirLoss = reference.Evaluate(x, y, theirs);
            Assert.Equal(BitConverter.SingleToInt32Bits(theirLoss), BitConverter.SingleToInt32Bits(ourLoss));
            Assert.Equal(Bits(theirs), Bits(ours));
        }

        float[] ourBatch = new float[count * net.OutputSize], theirBatch = new float[count * net.OutputSize];
        net.ForwardBatch(inputs, ourBatch);
        reference.ForwardBatch(inputs, theirBatch);
        Assert.Equal(Bits(theirBatch), Bits(ourBatch));

        float ourSum = net.EvaluateBatch(inputs, targets, ourBatch);
        float theirSum = reference.EvaluateBatch(inputs, targets, theirBatch);
        Assert.Equal(BitConverter.SingleToInt32Bits(theirSum), BitConverter.SingleToInt32Bits(ourSum));
        Assert.Equal(Bits(theirBatch), Bits(ourBatch));
    }

    [Theory]
    [MemberData(nameof(InferenceNetworks))]
    public void Has_no_training_members_and_read_only_parameters(string name)
    {
        Type type = Create(name).GetType();

        Assert.False(typeof(INetwork).IsAssignableFrom(type));
        Assert.True(typeof(IInferenceNetwork).IsAssignableFrom(type));
        foreach (string member in new[] { "Backward", "BackwardBatch", "ComputeGradientBatch", "ZeroGradients", "Gradients", "_gradients" })
        {
            Assert.Empty(type.GetMember(member, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static));
        }

        Assert.Equal(typeof(ReadOnlySpan<float>), type.GetProperty("Parameters")!.PropertyType);
        ConstructorInfo constructor = Assert.Single(type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance));
        Assert.Empty(constructor.GetParameters());
        // Only the output layer's error terms, as scratch for the loss: no per-layer error terms.
        if (type.GetField("_deltas", BindingFlags.NonPublic | BindingFlags.Instance) is { } deltas)
        {
            Assert.Equal(Create(name).OutputSize, ((float[])deltas.GetValue(Create(name))!).Length);
        }
    }

    [Fact]
    public void Every_instance_and_worker_reads_one_shared_copy_of_the_weights()
    {
        var first = new SigmoidSoftmaxInference();
        var second = new SigmoidSoftmaxInference();
        IInferenceNetwork worker = ((IInferenceNetwork)first).CreateWorker();

        Assert.IsType<SigmoidSoftmaxInference>(worker);
        Assert.NotSame(first, worker);
        Assert.True(Unsafe.AreSame(ref MemoryMarshal.GetReference(first.Parameters), ref MemoryMarshal.GetReference(second.Parameters)));
        Assert.True(Unsafe.AreSame(ref MemoryMarshal.GetReference(first.Parameters), ref MemoryMarshal.GetReference(worker.Parameters)));
    }

    [Theory]
    [MemberData(nameof(InferenceNetworks))]
    public void Forward_and_Evaluate_allocate_nothing(string name)
    {
        IInferenceNetwork net = Create(name);
        (float[] inputs, float[] targets) = Batch(net, 40, seed: 3);
        float[] output = new float[net.OutputSize];
        float[] outputs = new float[40 * net.OutputSize];

        Assert.Equal(0, Allocations.SteadyState(() =>
        {
            for (int i = 0; i < 100; i++)
            {
                net.Forward(inputs.AsSpan(0, net.InputSize), output);
                net.Evaluate(inputs.AsSpan(0, net.InputSize), targets.AsSpan(0, net.OutputSize), output);
            }
        }));
        Assert.Equal(0, Allocations.SteadyState(() =>
        {
            net.ForwardBatch(inputs, outputs);
            net.EvaluateBatch(inputs, targets, outputs);
        }));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Evaluation_metrics_and_parallel_inference_take_it_as_they_take_the_trainable_network(string inference, string trainable)
    {
        IInferenceNetwork net = Create(inference);
        INetwork reference = CompiledWeightsTests.Create(trainable);
        const int count = 3000;
        (float[] inputs, float[] targets) = Batch(net, count, seed: 5);
        var data = new Dataset(inputs, targets, net.InputSize, net.OutputSize);

        Assert.Equal(Evaluation.MeanLossAndAccuracy(reference, data), Evaluation.MeanLossAndAccuracy(net, data));
        if (Classification.IsClassifier(net.Loss))
        {
            Assert.Equal(ClassificationMetrics.Accuracy(reference, data), ClassificationMetrics.Accuracy(net, data));
        }
        else
        {
            Assert.Equal(RegressionMetrics.Compute(reference, data).MeanSquaredError, RegressionMetrics.Compute(net, data).MeanSquaredError);
        }

        // Two threads, the second through a worker: the same shards, so the same outputs and loss as the trainable network's.
        float[] ours = new float[count * net.OutputSize], theirs = new float[count * net.OutputSize];
        using var threads = new ParallelInference(net, WorkerCount.Fixed(2));
        using var referenceThreads = new ParallelInference(reference, WorkerCount.Fixed(2));
        float ourLoss = threads.EvaluateBatch(inputs, targets, ours);
        float theirLoss = referenceThreads.EvaluateBatch(inputs, targets, theirs);
        Assert.Equal(2, threads.LastCallWorkers);
        Assert.Equal(BitConverter.SingleToInt32Bits(theirLoss), BitConverter.SingleToInt32Bits(ourLoss));
        Assert.Equal(Bits(theirs), Bits(ours));
        threads.ForwardBatch(inputs, ours);
        referenceThreads.ForwardBatch(inputs, theirs);
        Assert.Equal(Bits(theirs), Bits(ours));
    }

    [Fact]
    public void Saves_the_same_files_as_the_trainable_network()
    {
        var net = new SigmoidSoftmaxInference();
        var reference = new SigmoidSoftmaxFromOnnx();

        Assert.Equal(ModelFile.Serialize(reference), ModelFile.Serialize(net));
        Assert.Equal(SafeTensors.Serialize(reference), SafeTensors.Serialize(net));
        Assert.Equal(OnnxExport.Serialize(reference), OnnxExport.Serialize(net));
    }

    [Fact]
    public void A_confusion_matrix_takes_an_inference_only_classifier()
    {
        var net = new SigmoidSoftmaxInference();
        (float[] inputs, float[] targets) = Batch(net, 500, seed: 8);
        var data = new Dataset(inputs, targets, SigmoidSoftmaxInference.InputSize, SigmoidSoftmaxInference.OutputSize);

        ConfusionMatrix ours = ConfusionMatrix.Compute(net, data);
        ConfusionMatrix theirs = ConfusionMatrix.Compute(new SigmoidSoftmaxFromOnnx(), data);

        Assert.Equal(theirs.Accuracy, ours.Accuracy);
        Assert.Equal(500L, Enumerable.Range(0, ours.ClassCount).Sum(c => Enumerable.Range(0, ours.ClassCount).Sum(p => ours[c, p])));
    }

    private static IInferenceNetwork Create(string name) => name switch
    {
        nameof(ReluIdentityInference) => new ReluIdentityInference(),
        nameof(TanhSigmoidInference) => new TanhSigmoidInference(),
        nameof(SigmoidSoftmaxInference) => new SigmoidSoftmaxInference(),
        nameof(LeakyTanhSimdInference) => new LeakyTanhSimdInference(),
        _ => throw new ArgumentException(name, nameof(name)),
    };

    /// <summary>Random inputs in [−3, 3) and targets that fit the loss: one-hot for cross-entropy, 0/1 for binary cross-entropy.</summary>
    private static (float[] Inputs, float[] Targets) Batch(IInferenceNetwork net, int count, int seed)
    {
        var random = new Random(seed);
        float[] inputs = Enumerable.Range(0, count * net.InputSize).Select(_ => (float)((random.NextDouble() * 6) - 3)).ToArray();
        float[] targets = new float[count * net.OutputSize];
        for (int s = 0; s < count; s++)
        {
            Span<float> target = targets.AsSpan(s * net.OutputSize, net.OutputSize);
            switch (net.Loss)
            {
                case Loss.CrossEntropy:
                    target[random.Next(net.OutputSize)] = 1f;
                    break;
                case Loss.BinaryCrossEntropy:
                    foreach (ref float t in target)
                    {
                        t = random.Next(2);
                    }

                    break;
                default:
                    foreach (ref float t in target)
                    {
                        t = (float)((random.NextDouble() * 2) - 1);
                    }

                    break;
            }
        }

        return (inputs, targets);
    }

    private static int[] Bits(ReadOnlySpan<float> values)
    {
        int[] bits = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            bits[i] = BitConverter.SingleToInt32Bits(values[i]);
        }

        return bits;
    }
}
