using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NetGen.Serialization;
using Xunit;

namespace NetGen.Tests.Models;

/// <summary>
/// The networks of FixtureNetworks.cs, built with the PyTorch models' weights compiled in, against
/// the outputs PyTorch computed for the same inputs and against ONNX Runtime running the same ONNX files.
/// </summary>
public sealed class CompiledWeightsTests
{
    private const double Tolerance = 1e-5;

    /// <summary>(fixture name, how the network was declared, a network with the compiled-in weights).</summary>
    public static TheoryData<string, string> Networks => new()
    {
        { "relu_identity", nameof(ReluIdentityFromSafeTensors) },
        { "relu_identity", nameof(ReluIdentityFromOnnx) },
        { "tanh_sigmoid", nameof(TanhSigmoidFromSafeTensors) },
        { "tanh_sigmoid", nameof(TanhSigmoidFromOnnx) },
        { "leaky_tanh", nameof(LeakyTanhFromSafeTensors) },
        { "leaky_tanh", nameof(LeakyTanhFromOnnx) },
        { "leaky_tanh", nameof(LeakyTanhSimd) },
        { "sigmoid_softmax", nameof(SigmoidSoftmaxFromSafeTensors) },
        { "sigmoid_softmax", nameof(SigmoidSoftmaxFromOnnx) },
        { "identity_relu", nameof(IdentityReluFromSafeTensors) },
        { "identity_relu", nameof(IdentityReluFromOnnx) },
        { "linear", nameof(LinearFromSafeTensors) },
        { "linear", nameof(LinearFromOnnx) },
        { "matmul_add", nameof(MatMulAddFromSafeTensors) },
        { "matmul_add", nameof(MatMulAddFromOnnx) },
        { "identity_node", nameof(IdentityNodeFromOnnx) },
        { "netgen_naming", nameof(NetGenNamingFromSafeTensors) },
        { "netgen_naming", nameof(NetGenNamingFromModelFile) },
    };

    public static TheoryData<string, string> OnnxNetworks => new()
    {
        { "relu_identity", nameof(ReluIdentityFromOnnx) },
        { "tanh_sigmoid", nameof(TanhSigmoidFromOnnx) },
        { "leaky_tanh", nameof(LeakyTanhFromOnnx) },
        { "sigmoid_softmax", nameof(SigmoidSoftmaxFromOnnx) },
        { "identity_relu", nameof(IdentityReluFromOnnx) },
        { "linear", nameof(LinearFromOnnx) },
        { "matmul_add", nameof(MatMulAddFromOnnx) },
        { "identity_node", nameof(IdentityNodeFromOnnx) },
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void The_parameterless_constructor_gives_the_outputs_PyTorch_computed(string fixture, string network)
    {
        INetwork net = Create(network);
        (float[][] inputs, float[][] expected) = Expected(fixture);
        float[] output = new float[net.OutputSize];
        for (int s = 0; s < inputs.Length; s++)
        {
            net.Forward(inputs[s], output);
            for (int j = 0; j < output.Length; j++)
            {
                Assert.True(Math.Abs(output[j] - expected[s][j]) <= Tolerance, $"{network}: sample {s}, output {j}: {output[j]} where PyTorch gives {expected[s][j]}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(OnnxNetworks))]
    public void The_network_declared_from_an_onnx_file_matches_onnx_runtime_on_that_file(string fixture, string network)
    {
        INetwork net = Create(network);
        const int count = 33;
        var random = new Random(5);
        float[] inputs = Enumerable.Range(0, count * net.InputSize).Select(_ => (float)((random.NextDouble() * 6) - 3)).ToArray();
        float[] ours = new float[count * net.OutputSize];
        net.ForwardBatch(inputs, ours);
        float[] single = new float[net.OutputSize];

        using var session = new InferenceSession(FixturePath(fixture + ".onnx"));
        var tensor = new DenseTensor<float>(inputs, new[] { count, net.InputSize });
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results = session.Run(new[] { NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.Single(), tensor) });
        float[] theirs = results.Single().AsEnumerable<float>().ToArray();

        Assert.Equal(ours.Length, theirs.Length);
        for (int s = 0; s < count; s++)
        {
            net.Forward(inputs.AsSpan(s * net.InputSize, net.InputSize), single);
            for (int j = 0; j < net.OutputSize; j++)
            {
                int i = (s * net.OutputSize) + j;
                Assert.True(Math.Abs(single[j] - theirs[i]) <= Tolerance, $"{network}: sample {s}, output {j}: Forward gives {single[j]}, ONNX Runtime {theirs[i]}");
                Assert.True(Math.Abs(ours[i] - theirs[i]) <= Tolerance, $"{network}: sample {s}, output {j}: ForwardBatch gives {ours[i]}, ONNX Runtime {theirs[i]}");
            }
        }
    }

    [Fact]
    public void The_compiled_in_weights_are_the_files_bit_for_bit()
    {
        var fromSafeTensors = new NetGenNamingFromSafeTensors();
        var loaded = new NetGenNamingFromSafeTensors(seed: 3);
        SafeTensors.Load(FixturePath("netgen_naming.safetensors"), loaded);
        SavedModel model = ModelFile.Read(FixturePath("netgen_naming.ngm"));

        Assert.Equal(Bits(loaded.Parameters), Bits(fromSafeTensors.Parameters));
        Assert.Equal(Bits(model.Parameters), Bits(new NetGenNamingFromModelFile().Parameters));
    }

    [Fact]
    public void The_seeded_constructor_still_initialises_afresh_for_training_from_scratch()
    {
        var seeded = new LeakyTanhFromOnnx(seed: 7);
        float[] expected = new float[LeakyTanhFromOnnx.ParameterCount];
        ParameterInitializer.Initialize(expected, LeakyTanhFromOnnx.Layers, 7);

        Assert.Equal(Bits(expected), Bits(seeded.Parameters));
        Assert.NotEqual(Bits(new LeakyTanhFromOnnx().Parameters), Bits(seeded.Parameters));
    }

    [Fact]
    public void Each_instance_gets_its_own_copy_of_the_compiled_in_weights()
    {
        var first = new ReluIdentityFromOnnx();
        var second = new ReluIdentityFromOnnx();
        float original = second.Parameters[0];

        first.Parameters[0] += 1f;

        Assert.Equal(original, second.Parameters[0]);
        Assert.Equal(original, new ReluIdentityFromOnnx().Parameters[0]);
    }

    [Fact]
    public void An_onnx_declaration_takes_the_topology_and_the_declared_loss()
    {
        Assert.Equal(4, SigmoidSoftmaxFromOnnx.Layers[1].Outputs);
        Assert.Equal(Activation.Softmax, SigmoidSoftmaxFromOnnx.Layers[1].Activation);
        Assert.Equal(Loss.CrossEntropy, SigmoidSoftmaxFromOnnx.Loss);
        Assert.Equal(0.2f, LeakyTanhFromOnnx.Layers[0].Slope);
        Assert.Equal(Activation.Identity, IdentityReluFromOnnx.Layers[0].Activation);
        Assert.Equal(SigmoidSoftmaxFromSafeTensors.ParameterCount, SigmoidSoftmaxFromOnnx.ParameterCount);
    }

    internal static INetwork Create(string name) => name switch
    {
        nameof(ReluIdentityFromSafeTensors) => new ReluIdentityFromSafeTensors(),
        nameof(ReluIdentityFromOnnx) => new ReluIdentityFromOnnx(),
        nameof(TanhSigmoidFromSafeTensors) => new TanhSigmoidFromSafeTensors(),
        nameof(TanhSigmoidFromOnnx) => new TanhSigmoidFromOnnx(),
        nameof(LeakyTanhFromSafeTensors) => new LeakyTanhFromSafeTensors(),
        nameof(LeakyTanhFromOnnx) => new LeakyTanhFromOnnx(),
        nameof(LeakyTanhSimd) => new LeakyTanhSimd(),
        nameof(SigmoidSoftmaxFromSafeTensors) => new SigmoidSoftmaxFromSafeTensors(),
        nameof(SigmoidSoftmaxFromOnnx) => new SigmoidSoftmaxFromOnnx(),
        nameof(IdentityReluFromSafeTensors) => new IdentityReluFromSafeTensors(),
        nameof(IdentityReluFromOnnx) => new IdentityReluFromOnnx(),
        nameof(LinearFromSafeTensors) => new LinearFromSafeTensors(),
        nameof(LinearFromOnnx) => new LinearFromOnnx(),
        nameof(MatMulAddFromSafeTensors) => new MatMulAddFromSafeTensors(),
        nameof(MatMulAddFromOnnx) => new MatMulAddFromOnnx(),
        nameof(IdentityNodeFromOnnx) => new IdentityNodeFromOnnx(),
        nameof(NetGenNamingFromSafeTensors) => new NetGenNamingFromSafeTensors(),
        nameof(NetGenNamingFromModelFile) => new NetGenNamingFromModelFile(),
        _ => throw new ArgumentException(name, nameof(name)),
    };

    internal static string FixturePath(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "models", file);

    /// <summary>The inputs of a fixture and the outputs PyTorch computed for them, from expected.json.</summary>
    private static (float[][] Inputs, float[][] Outputs) Expected(string fixture)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(FixturePath("expected.json")));
        JsonElement entry = document.RootElement.GetProperty(fixture);
        static float[][] Rows(JsonElement rows) => rows.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetSingle()).ToArray()).ToArray();
        return (Rows(entry.GetProperty("inputs")), Rows(entry.GetProperty("outputs")));
    }

    private static int[] Bits(ReadOnlySpan<float> values)
    {
        var bits = new List<int>(values.Length);
        foreach (float value in values)
        {
            bits.Add(BitConverter.SingleToInt32Bits(value));
        }

        return bits.ToArray();
    }
}
