using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace NetGen.Tests.Numerics;

/// <summary>
/// Backward against central finite differences of the loss (in double precision) and against the plain
/// reference implementation, for every hidden activation with every valid output and loss, on four topologies.
/// </summary>
public class GradientTests
{
    /// <summary>The most coordinates checked by finite differences per network; the rest are checked against the reference.</summary>
    private const int MaxFiniteDifferenceCoordinates = 400;

    private const double Step = 1e-5;

    public static TheoryData<string> Networks() => new(AllNetworks.Factories.Select(f => f.Name));

    [Theory]
    [MemberData(nameof(Networks))]
    public void Backward_matches_finite_differences_and_the_reference(string name)
    {
        INetwork network = Create(name, seed: 3);
        for (int sample = 0; sample < 2; sample++)
        {
            float[] x = Samples.Input(network, sample);
            float[] y = Samples.Target(network, sample);
            double[] parameters = Samples.ToDouble(network.Parameters);
            double[] xd = Samples.ToDouble(x), yd = Samples.ToDouble(y);

            network.ZeroGradients();
            float loss = network.Backward(x, y);
            double[] reference = ReferenceNetwork.Gradient(network, parameters, xd, yd);
            double scale = Math.Max(1e-3, reference.Max(Math.Abs));

            Assert.Equal(ReferenceNetwork.Loss(network, parameters, xd, yd), loss, Tolerance(ReferenceNetwork.Loss(network, parameters, xd, yd), 1));
            for (int p = 0; p < parameters.Length; p++)
            {
                AssertClose(reference[p], network.Gradients[p], 1e-4 * scale, $"{name}: parameter {p}, Backward against the reference");
            }

            int checkedCoordinates = 0;
            foreach (int p in Coordinates(network, sample))
            {
                double[] plus = (double[])parameters.Clone(), minus = (double[])parameters.Clone();
                plus[p] += Step;
                minus[p] -= Step;
                if (ReferenceNetwork.CrossesKink(network.Layers, plus, minus, xd))
                {
                    continue;
                }

                double numeric = (ReferenceNetwork.Loss(network, plus, xd, yd) - ReferenceNetwork.Loss(network, minus, xd, yd)) / (2 * Step);
                AssertClose(numeric, reference[p], 1e-6 * scale, $"{name}: parameter {p}, reference against finite differences");
                AssertClose(numeric, network.Gradients[p], 1e-4 * scale, $"{name}: parameter {p}, Backward against finite differences");
                checkedCoordinates++;
            }

            Assert.True(checkedCoordinates >= Math.Min(network.ParameterCount, MaxFiniteDifferenceCoordinates) * 0.9, $"{name}: only {checkedCoordinates} coordinates away from ReLU kinks");
        }
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Forward_matches_the_reference(string name)
    {
        INetwork network = Create(name, seed: 5);
        float[] x = Samples.Input(network, 11);
        float[] output = new float[network.OutputSize];
        network.Forward(x, output);
        double[] expected = ReferenceNetwork.Forward(network.Layers, Samples.ToDouble(network.Parameters), Samples.ToDouble(x)).H[^1];
        for (int j = 0; j < output.Length; j++)
        {
            AssertClose(expected[j], output[j], 1e-5, $"{name}: output {j}");
        }
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Backward_adds_into_the_gradients_and_ZeroGradients_clears_them(string name)
    {
        INetwork network = Create(name, seed: 7);
        float[] x = [], y = [], once = [];
        float first = 0;

        // A ReLU output can be dead for a given sample; take the first sample whose gradient is not all zero.
        for (int sample = 0; !once.Any(g => g != 0); sample++)
        {
            Assert.True(sample < 20, $"{name}: every sample gives a zero gradient");
            x = Samples.Input(network, sample);
            y = Samples.Target(network, sample);
            network.ZeroGradients();
            first = network.Backward(x, y);
            once = network.Gradients.ToArray();
        }

        float second = network.Backward(x, y);

        Assert.Equal(first, second);
        for (int p = 0; p < once.Length; p++)
        {
            Assert.Equal(2 * once[p], network.Gradients[p], Tolerance(2 * once[p], 1e-6));
        }

        network.ZeroGradients();
        Assert.All(network.Gradients.ToArray(), g => Assert.Equal(0f, g));
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Evaluate_returns_the_loss_and_output_of_Backward_and_Forward_without_touching_the_gradients(string name)
    {
        INetwork network = Create(name, seed: 9);
        float[] x = Samples.Input(network, 4), y = Samples.Target(network, 4);
        float[] forward = new float[network.OutputSize], evaluated = new float[network.OutputSize];
        network.Forward(x, forward);
        network.ZeroGradients();
        network.Gradients[0] = 42f;

        float loss = network.Evaluate(x, y, evaluated);

        Assert.Equal(forward, evaluated);
        Assert.Equal(42f, network.Gradients[0]);
        Assert.All(network.Gradients[1..].ToArray(), g => Assert.Equal(0f, g));
        Assert.Equal(network.Backward(x, y), loss);
    }

    [Fact]
    public void Equal_seeds_give_equal_parameters_and_different_seeds_differ()
    {
        INetwork a = new Numerics.DeepTanhSoftmaxCe(seed: 42), b = new Numerics.DeepTanhSoftmaxCe(seed: 42), c = new Numerics.DeepTanhSoftmaxCe(seed: 43);

        Assert.True(a.Parameters.SequenceEqual(b.Parameters));
        Assert.False(a.Parameters.SequenceEqual(c.Parameters));
    }

    internal static INetwork Create(string name, int seed) => AllNetworks.Factories.Single(f => f.Name == name).Create(seed);

    /// <summary>Every coordinate of a small network; for a large one, the whole last layer, every bias, and a seeded sample of the rest.</summary>
    private static IEnumerable<int> Coordinates(INetwork network, int seed)
    {
        if (network.ParameterCount <= MaxFiniteDifferenceCoordinates)
        {
            return Enumerable.Range(0, network.ParameterCount);
        }

        var chosen = new SortedSet<int>();
        LayerInfo last = network.Layers[^1];
        for (int p = last.WeightOffset; p < network.ParameterCount; p++)
        {
            chosen.Add(p);
        }

        foreach (LayerInfo layer in network.Layers)
        {
            for (int j = 0; j < layer.Outputs; j++)
            {
                chosen.Add(layer.BiasOffset + j);
            }
        }

        var random = new Random(seed);
        while (chosen.Count < MaxFiniteDifferenceCoordinates)
        {
            chosen.Add(random.Next(network.ParameterCount));
        }

        return chosen;
    }

    private static void AssertClose(double expected, double actual, double absolute, string what)
    {
        double tolerance = absolute + (1e-3 * Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (tolerance {tolerance:G3})");
    }

    private static float Tolerance(double value, double relative) => (float)(1e-6 + (relative * 1e-5 * Math.Abs(value)));
}
