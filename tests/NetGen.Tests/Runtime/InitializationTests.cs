using System;
using System.Linq;
using Xunit;

namespace NetGen.Tests.Runtime;

public class InitializationTests
{
    [Fact]
    public void SeededRandom_produces_the_SplitMix64_reference_sequence()
    {
        var random = new SeededRandom(0);

        Assert.Equal(0xE220A8397B1DCDAFUL, random.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.NextUInt64());
        Assert.Equal(0x06C45D188009454FUL, random.NextUInt64());
    }

    [Fact]
    public void Weights_follow_Xavier_or_He_bounds_and_biases_are_zero()
    {
        LayerInfo[] layers =
        [
            new(Inputs: 30, Outputs: 20, Activation.Tanh, 0f, WeightOffset: 0, BiasOffset: 600),
            new(Inputs: 20, Outputs: 10, Activation.ReLU, 0f, WeightOffset: 620, BiasOffset: 820),
        ];
        float[] parameters = new float[830];
        parameters.AsSpan().Fill(float.NaN);

        ParameterInitializer.Initialize(parameters, layers, seed: 9);

        float xavier = MathF.Sqrt(6f / 50), he = MathF.Sqrt(6f / 20);
        float[] tanhWeights = parameters[..600], reluWeights = parameters[620..820];
        Assert.All(tanhWeights, w => Assert.InRange(w, -xavier, xavier));
        Assert.All(reluWeights, w => Assert.InRange(w, -he, he));
        Assert.True(tanhWeights.Max() > 0.9f * xavier && tanhWeights.Min() < -0.9f * xavier, "the Xavier range is used in full");
        Assert.True(reluWeights.Max() > 0.9f * he && reluWeights.Min() < -0.9f * he, "the He range is used in full");
        Assert.All(parameters[600..620].Concat(parameters[820..]), b => Assert.Equal(0f, b));
    }

    [Fact]
    public void Initialize_rejects_layers_outside_the_buffer()
    {
        LayerInfo[] layers = [new(Inputs: 3, Outputs: 2, Activation.Tanh, 0f, WeightOffset: 0, BiasOffset: 6)];

        ArgumentException error = Assert.Throws<ArgumentException>(() => ParameterInitializer.Initialize(new float[7], layers, seed: 1));
        Assert.Contains("outside a parameter buffer of length 7", error.Message);
    }

    [Fact]
    public void Forward_and_Backward_reject_spans_of_the_wrong_length()
    {
        var network = new TinyNet(seed: 1);

        ArgumentException error = Assert.Throws<ArgumentException>(() => network.Forward(new float[3], new float[1]));
        Assert.Equal("input", error.ParamName);
        Assert.Contains("Expected a span of length 2 but got 3", error.Message);
        Assert.Equal("output", Assert.Throws<ArgumentException>(() => network.Forward(new float[2], new float[2])).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => network.Backward(new float[2], new float[0])).ParamName);
    }
}
