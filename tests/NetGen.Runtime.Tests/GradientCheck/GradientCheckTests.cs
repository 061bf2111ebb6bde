using System;
using System.Linq;
using Xunit;
using Xunit.Abstractions;
using Check = NetGen.GradientCheck;

namespace NetGen.Runtime.Tests.GradientCheck;

public class GradientCheckTests
{
    /// <summary>What a correct float32 network stays under with the default step and floor.</summary>
    private const double CorrectTolerance = 1e-2;

    private readonly ITestOutputHelper _output;

    public GradientCheckTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> CorrectNetworks() => new() { nameof(IrisNet), nameof(SmallRegressor), nameof(RectifiedTagger), nameof(WideClassifier) };

    [Theory]
    [MemberData(nameof(CorrectNetworks))]
    public void A_correct_network_has_small_errors_in_every_layer(string name)
    {
        INetwork network = Create(name);
        (float[] input, float[] target) = Sample(network, seed: 1);

        GradientCheckReport report = Check.Run(network, input, target);
        _output.WriteLine(report.ToString());

        Assert.Equal(network.Layers.Length, report.Layers.Count);
        Assert.Equal(network.ParameterCount, report.CoordinatesChecked);
        Assert.All(report.Layers, layer =>
        {
            Assert.True(layer.Weights.MaxRelativeError < CorrectTolerance, $"{name} layer {layer.Layer} weights: {layer.Weights}");
            Assert.True(layer.Biases.MaxRelativeError < CorrectTolerance, $"{name} layer {layer.Layer} biases: {layer.Biases}");
        });
        Assert.True(report.IsWithin(CorrectTolerance));
    }

    [Fact]
    public void A_corrupted_gradient_element_shows_as_a_large_error_in_its_own_layer_and_tensor()
    {
        var inner = new IrisNet(seed: 4);
        LayerInfo hidden = IrisNet.Layers[0];
        int corrupted = hidden.BiasOffset + 5;
        var network = new CorruptingNetwork(inner, corrupted, 0.05f);
        (float[] input, float[] target) = Sample(network, seed: 2);

        GradientCheckReport report = Check.Run(network, input, target);
        _output.WriteLine(report.ToString());

        TensorGradientCheck biases = report.Layers[0].Biases;
        Assert.Equal(corrupted, biases.WorstIndex);
        Assert.True(biases.MaxRelativeError > 0.2, biases.ToString());
        Assert.Equal(0.05, biases.Analytic - biases.Numeric, 3);
        Assert.True(report.Layers[0].Weights.MaxRelativeError < CorrectTolerance);
        Assert.True(report.Layers[1].MaxRelativeError < CorrectTolerance);
        Assert.False(report.IsWithin(CorrectTolerance));
    }

    [Fact]
    public void A_gradient_off_by_a_factor_is_caught_in_the_weights()
    {
        var inner = new SmallRegressor(seed: 6);
        int corrupted = SmallRegressor.Layers[1].WeightOffset + 3;
        var network = new CorruptingNetwork(inner, corrupted, offset: 0f, scale: 2f);
        (float[] input, float[] target) = Sample(network, seed: 3);

        GradientCheckReport report = Check.Run(network, input, target);

        Assert.Equal(corrupted, report.Layers[1].Weights.WorstIndex);
        Assert.True(report.Layers[1].Weights.MaxRelativeError > 0.4, report.ToString());
        Assert.True(report.Layers[0].MaxRelativeError < CorrectTolerance, report.ToString());
    }

    [Fact]
    public void The_parameters_are_restored_bit_for_bit_and_the_gradients_hold_the_sample_alone()
    {
        var network = new IrisNet(seed: 8);
        network.Parameters[3] = -0f;
        network.Parameters[4] = 1.00000012f;
        float[] before = network.Parameters.ToArray();
        (float[] input, float[] target) = Sample(network, seed: 4);
        network.Gradients.Fill(123f);

        Check.Run(network, input, target);

        Assert.Equal(before.Select(BitConverter.SingleToInt32Bits), network.Parameters.ToArray().Select(BitConverter.SingleToInt32Bits));
        var reference = new IrisNet(seed: 8);
        before.CopyTo(reference.Parameters);
        reference.Backward(input, target);
        Assert.Equal(reference.Gradients.ToArray(), network.Gradients.ToArray());
    }

    [Fact]
    public void The_parameters_are_restored_when_Evaluate_throws()
    {
        var inner = new IrisNet(seed: 9);
        float[] before = inner.Parameters.ToArray();
        var network = new CorruptingNetwork(inner, 0, 0f) { ThrowOnEvaluateCall = 3 };
        (float[] input, float[] target) = Sample(network, seed: 5);

        Assert.Throws<InvalidOperationException>(() => Check.Run(network, input, target));

        Assert.Equal(before, inner.Parameters.ToArray());
    }

    [Fact]
    public void Large_tensors_are_checked_at_a_seeded_sample_of_distinct_coordinates()
    {
        var network = new WideClassifier(seed: 10);
        (float[] input, float[] target) = Sample(network, seed: 6);
        var options = new GradientCheckOptions { MaxCoordinatesPerTensor = 20, Seed = 42 };

        GradientCheckReport first = Check.Run(network, input, target, options);
        GradientCheckReport second = Check.Run(network, input, target, options);

        Assert.Equal(new[] { 20, 20, 20, 10 }, first.Layers.SelectMany(l => new[] { l.Weights.Checked, l.Biases.Checked }));
        Assert.Equal(new[] { 64 * 48, 48, 48 * 10, 10 }, first.Layers.SelectMany(l => new[] { l.Weights.Count, l.Biases.Count }));
        Assert.Equal(70, first.CoordinatesChecked);
        Assert.Equal(first.Layers, second.Layers);
        Assert.True(first.IsWithin(CorrectTolerance), first.ToString());
    }

    [Fact]
    public void A_sample_catches_a_corrupted_coordinate_when_it_is_drawn()
    {
        var inner = new WideClassifier(seed: 11);
        LayerInfo hidden = WideClassifier.Layers[0];
        var network = new CorruptingNetwork(inner, hidden.WeightOffset, 0f) { CorruptEveryWeightOfLayer = hidden };
        (float[] input, float[] target) = Sample(network, seed: 7);

        GradientCheckReport report = Check.Run(network, input, target, new GradientCheckOptions { MaxCoordinatesPerTensor = 10, Seed = 1 });

        Assert.True(report.Layers[0].Weights.MaxRelativeError > 0.5, report.ToString());
        Assert.True(report.Layers[1].MaxRelativeError < CorrectTolerance, report.ToString());
    }

    [Fact]
    public void The_report_prints_a_line_per_layer_and_tensor()
    {
        var network = new SmallRegressor(seed: 12);
        (float[] input, float[] target) = Sample(network, seed: 8);

        string text = Check.Run(network, input, target).ToString();

        string[] lines = text.Split('\n');
        Assert.Equal(2 + 4, lines.Length);
        Assert.StartsWith("loss ", lines[0], StringComparison.Ordinal);
        Assert.Contains("16/16", lines[2], StringComparison.Ordinal);
        Assert.Contains("    0  biases       8/8", lines[3], StringComparison.Ordinal);
        Assert.Contains("    1  weights      8/8", lines[4], StringComparison.Ordinal);
        Assert.Contains("    1  biases       1/1", lines[5], StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_and_shapes_are_rejected()
    {
        var network = new SmallRegressor();
        Assert.Throws<ArgumentOutOfRangeException>(() => Check.Run(network, new float[2], new float[1], new GradientCheckOptions { Step = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Check.Run(network, new float[2], new float[1], new GradientCheckOptions { Floor = double.NaN }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Check.Run(network, new float[2], new float[1], new GradientCheckOptions { MaxCoordinatesPerTensor = 0 }));
        Assert.Throws<ArgumentException>(() => Check.Run(network, new float[3], new float[1]));
    }

    private static INetwork Create(string name) => name switch
    {
        nameof(IrisNet) => new IrisNet(seed: 1),
        nameof(SmallRegressor) => new SmallRegressor(seed: 2),
        nameof(RectifiedTagger) => new RectifiedTagger(seed: 3),
        nameof(WideClassifier) => new WideClassifier(seed: 4),
        _ => throw new ArgumentException(name, nameof(name)),
    };

    /// <summary>A reproducible input in [−1, 1) and a target that suits the network's loss.</summary>
    private static (float[] Input, float[] Target) Sample(INetwork network, int seed)
    {
        var random = new SeededRandom(seed);
        float[] input = new float[network.InputSize];
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = random.NextUniform(-1f, 1f);
        }

        float[] target = new float[network.OutputSize];
        switch (network.Loss)
        {
            case Loss.CrossEntropy:
                target[random.NextInt32(target.Length)] = 1f;
                break;
            case Loss.BinaryCrossEntropy:
                for (int j = 0; j < target.Length; j++)
                {
                    target[j] = random.NextInt32(2);
                }

                break;
            default:
                for (int j = 0; j < target.Length; j++)
                {
                    target[j] = random.NextUniform(-1f, 1f);
                }

                break;
        }

        return (input, target);
    }
}
