using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NetGen.Data;
using NetGen.Optimizers;
using NetGen.Serialization;
using NetGen.Training;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Runtime.Tests.Serialization;

public sealed class OnnxExportTests : IDisposable
{
    private const double Tolerance = 1e-5;
    private const int BatchSize = 7;

    private readonly TemporaryDirectory _directory = new();
    private readonly ITestOutputHelper _output;

    public OnnxExportTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_trained_tanh_softmax_classifier_runs_in_onnx_runtime_as_in_NetGen() => AssertSameOutputs(Trained(new IrisNet(seed: 1)), "iris");

    [Fact]
    public void A_trained_relu_leaky_sigmoid_network_runs_in_onnx_runtime_as_in_NetGen() => AssertSameOutputs(Trained(new MultiLabelNet(seed: 2)), "multilabel");

    [Fact]
    public void A_trained_linear_network_runs_in_onnx_runtime_as_in_NetGen() => AssertSameOutputs(Trained(new LinearNet(seed: 3)), "linear");

    [Fact]
    public void A_seeded_leaky_sigmoid_identity_network_runs_in_onnx_runtime_as_in_NetGen() => AssertSameOutputs(new LeakyNet(seed: 4), "leaky");

    [Fact]
    public void A_784_input_classifier_runs_in_onnx_runtime_as_in_NetGen() => AssertSameOutputs(Trained(new DigitNet(seed: 5)), "digits");

    [Fact]
    public void The_model_declares_a_dynamic_batch_and_the_documented_names()
    {
        var network = new MultiLabelNet(seed: 6);
        string path = _directory.File("multilabel.onnx");

        OnnxExport.Save(path, network);

        using var session = new InferenceSession(path);
        NodeMetadata input = Assert.Single(session.InputMetadata, e => e.Key == OnnxExport.InputName).Value;
        NodeMetadata output = Assert.Single(session.OutputMetadata, e => e.Key == OnnxExport.OutputName).Value;
        Assert.Equal(typeof(float), input.ElementType);
        Assert.Equal([-1, 6], input.Dimensions);
        Assert.Equal(OnnxExport.BatchDimension, input.SymbolicDimensions[0]);
        Assert.Equal([-1, 3], output.Dimensions);
        Assert.Equal(OnnxExport.BatchDimension, output.SymbolicDimensions[0]);
        Assert.Equal("NetGen", session.ModelMetadata.ProducerName);
        Assert.Equal("6 → 10 (ReLU) → 7 (LeakyReLU 0.2) → 3 (Sigmoid) with BinaryCrossEntropy loss", session.ModelMetadata.Description);
        Assert.Equal(["multilabel.onnx"], _directory.Names());
    }

    [Fact]
    public void The_model_of_a_tiny_network_starts_with_the_ir_version_and_holds_the_raw_little_endian_weights()
    {
        var network = new TinyNet();
        network.Parameters[0] = 0.5f;
        network.Parameters[1] = -1.25f;
        network.Parameters[2] = 2f;

        byte[] model = OnnxExport.Serialize(network);

        // Field 1 (ir_version), varint 8.
        Assert.Equal(new byte[] { 0x08, 0x08 }, model[..2]);
        string hex = BitConverter.ToString(model).Replace('-', ' ');
        // Field 9 (raw_data), 8 bytes: 0.5, -1.25; then 4 bytes: 2.
        Assert.Contains("4A 08 00 00 00 3F 00 00 A0 BF", hex, StringComparison.Ordinal);
        Assert.Contains("4A 04 00 00 00 40", hex, StringComparison.Ordinal);
        // The last field is opset_import (8) holding domain "" and version 17.
        Assert.Equal("42 04 0A 00 10 11", string.Join(' ', hex.Split(' ')[^6..]));
    }

    private void AssertSameOutputs(INetwork network, string name)
    {
        string path = _directory.File(name + ".onnx");
        OnnxExport.Save(path, network);
        float[] inputs = Inputs(network.InputSize, seed: name.Length);

        float[] actual;
        using (var session = new InferenceSession(path))
        {
            var tensor = new DenseTensor<float>(inputs, [BatchSize, network.InputSize]);
            using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results =
                session.Run([NamedOnnxValue.CreateFromTensor(OnnxExport.InputName, tensor)]);
            DisposableNamedOnnxValue result = Assert.Single(results);
            Assert.Equal(OnnxExport.OutputName, result.Name);
            Tensor<float> output = result.AsTensor<float>();
            Assert.Equal([BatchSize, network.OutputSize], output.Dimensions.ToArray());
            actual = [.. output];
        }

        double largest = 0;
        float[] expected = new float[network.OutputSize];
        for (int n = 0; n < BatchSize; n++)
        {
            network.Forward(inputs.AsSpan(n * network.InputSize, network.InputSize), expected);
            for (int j = 0; j < expected.Length; j++)
            {
                double difference = Math.Abs(expected[j] - actual[n * network.OutputSize + j]);
                largest = Math.Max(largest, difference);
                Assert.True(difference <= Tolerance, string.Create(CultureInfo.InvariantCulture,
                    $"{name}: sample {n}, output {j}: NetGen {expected[j]:R}, ONNX Runtime {actual[n * network.OutputSize + j]:R}"));
            }
        }

        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: largest difference {largest:E2} over {BatchSize}×{network.OutputSize} outputs"));
    }

    /// <summary>Trains <paramref name="network"/> for a few epochs on random data with targets its loss accepts.</summary>
    private static T Trained<T>(T network)
        where T : INetwork
    {
        const int Count = 64;
        var random = new Random(11);
        float[] features = new float[Count * network.InputSize];
        float[] targets = new float[Count * network.OutputSize];
        for (int i = 0; i < features.Length; i++)
        {
            features[i] = (float)(random.NextDouble() * 2 - 1);
        }

        for (int n = 0; n < Count; n++)
        {
            Span<float> target = targets.AsSpan(n * network.OutputSize, network.OutputSize);
            float sum = features.AsSpan(n * network.InputSize, network.InputSize).ToArray().Sum();
            switch (network.Loss)
            {
                case Loss.CrossEntropy:
                    target[(int)(Math.Abs(sum) * 7) % target.Length] = 1;
                    break;
                case Loss.BinaryCrossEntropy:
                    for (int j = 0; j < target.Length; j++)
                    {
                        target[j] = features[n * network.InputSize + j % network.InputSize] > 0 ? 1 : 0;
                    }

                    break;
                default:
                    for (int j = 0; j < target.Length; j++)
                    {
                        target[j] = sum * (j + 1);
                    }

                    break;
            }
        }

        float[] before = network.Parameters.ToArray();
        var options = new TrainingOptions
        {
            Optimizer = new Adam(network.ParameterCount, learningRate: 1e-2f),
            Epochs = 5,
            BatchSize = 8,
            Seed = 3,
        };
        Trainer.Fit(network, new Dataset(features, targets, network.InputSize, network.OutputSize), null, options);
        Assert.NotEqual(before, network.Parameters.ToArray());
        return network;
    }

    /// <summary>A batch of <see cref="BatchSize"/> samples in [-2, 2), with a few exact zeros and large values.</summary>
    private static float[] Inputs(int inputSize, int seed)
    {
        var random = new Random(seed);
        float[] inputs = new float[BatchSize * inputSize];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = (float)(random.NextDouble() * 4 - 2);
        }

        inputs[0] = 0;
        inputs[^1] = 5;
        return inputs;
    }
}
