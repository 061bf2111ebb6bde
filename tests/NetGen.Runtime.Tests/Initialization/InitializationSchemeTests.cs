using System;
using System.Linq;
using Xunit;

namespace NetGen.Runtime.Tests.Initialization;

/// <summary>
/// The initialisation schemes on a large layer (500 inputs, 400 outputs: 200,000 weights), against their documented
/// limits and standard deviations, and their reproducibility; the default overload pinned to its earlier results.
/// </summary>
public class InitializationSchemeTests
{
    private const int Inputs = 500, Outputs = 400, Weights = Inputs * Outputs;

    /// <summary>
    /// Expected uniform limits and normal standard deviations for 500 inputs and 400 outputs, from the formulas
    /// (computed with python3): Xavier √(6/900), √(2/900); He √(6/500), √(2/500); LeCun √(3/500), √(1/500).
    /// </summary>
    public static TheoryData<InitializationScheme, Activation, float, double, bool> Schemes() => new()
    {
        { InitializationScheme.XavierUniform, Activation.Tanh, 0f, 0.0816496580927726, false },
        { InitializationScheme.XavierNormal, Activation.Sigmoid, 0f, 0.04714045207910317, true },
        { InitializationScheme.HeUniform, Activation.ReLU, 0f, 0.10954451150103323, false },
        { InitializationScheme.HeNormal, Activation.ReLU, 0f, 0.06324555320336758, true },
        // Leaky ReLU with slope 0.2: gain √(2 / 1.04), limit √(6 / (1.04 · 500)), std √(2 / (1.04 · 500)).
        { InitializationScheme.HeUniform, Activation.LeakyReLU, 0.2f, 0.10741723110591493, false },
        { InitializationScheme.HeNormal, Activation.LeakyReLU, 0.2f, 0.06201736729460423, true },
        // He on a non-ReLU layer uses the ReLU gain √2.
        { InitializationScheme.HeNormal, Activation.Tanh, 0f, 0.06324555320336758, true },
        { InitializationScheme.LeCunUniform, Activation.Identity, 0f, 0.07745966692414834, false },
        { InitializationScheme.LeCunNormal, Activation.Tanh, 0f, 0.044721359549995794, true },
        { InitializationScheme.Default, Activation.Tanh, 0f, 0.0816496580927726, false },
        { InitializationScheme.Default, Activation.ReLU, 0f, 0.10954451150103323, false },
        // The default keeps the plain ReLU gain for leaky ReLU, as generated networks always have.
        { InitializationScheme.Default, Activation.LeakyReLU, 0.2f, 0.10954451150103323, false },
    };

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Weights_have_the_documented_spread_and_biases_are_zero(InitializationScheme scheme, Activation activation, float slope, double scale, bool normal)
    {
        LayerInfo layer = new(Inputs, Outputs, activation, slope, WeightOffset: 0, BiasOffset: Weights);
        float[] parameters = new float[Weights + Outputs];
        parameters.AsSpan().Fill(float.NaN);

        ParameterInitializer.Initialize(parameters, [layer], seed: 11, scheme);

        (float actualScale, bool isNormal) = ParameterInitializer.Distribution(layer, scheme);
        Assert.Equal(normal, isNormal);
        Assert.Equal(scale, actualScale, scale * 1e-6);
        Assert.All(parameters[Weights..], b => Assert.Equal(0f, b));
        double[] w = parameters[..Weights].Select(x => (double)x).ToArray();
        double mean = w.Average();
        double std = Math.Sqrt(w.Sum(x => (x - mean) * (x - mean)) / (w.Length - 1));
        if (normal)
        {
            // Sampling error of the std estimate is σ/√(2n) ≈ 0.16% of σ; of the mean σ/√n ≈ 0.22% of σ.
            Assert.InRange(std, 0.99 * scale, 1.01 * scale);
            Assert.InRange(mean, -0.01 * scale, 0.01 * scale);
            double kurtosis = w.Sum(x => Math.Pow((x - mean) / std, 4)) / w.Length;
            Assert.InRange(kurtosis, 2.95, 3.05);
            double withinOneSigma = w.Count(x => Math.Abs(x - mean) <= std) / (double)w.Length;
            Assert.InRange(withinOneSigma, 0.6827 - 0.005, 0.6827 + 0.005);
        }
        else
        {
            // U(−a, a) has std a/√3 and uses its whole range.
            Assert.All(w, x => Assert.InRange(x, -scale, scale));
            Assert.InRange(std, 0.99 * scale / Math.Sqrt(3), 1.01 * scale / Math.Sqrt(3));
            Assert.InRange(mean, -0.01 * scale, 0.01 * scale);
            Assert.True(w.Max() > 0.999 * scale && w.Min() < -0.999 * scale, "the whole range is used");
        }
    }

    public static TheoryData<InitializationScheme> AllSchemes() => new(Enum.GetValues<InitializationScheme>());

    [Theory]
    [MemberData(nameof(AllSchemes))]
    public void Equal_seeds_give_equal_parameters_and_different_seeds_different_ones(InitializationScheme scheme)
    {
        LayerInfo[] layers = TwoLayers();
        float[] first = new float[37], second = new float[37], other = new float[37];

        ParameterInitializer.Initialize(first, layers, seed: 5, scheme);
        ParameterInitializer.Initialize(second, layers, seed: 5, scheme);
        ParameterInitializer.Initialize(other, layers, seed: 6, scheme);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.All(first, x => Assert.True(float.IsFinite(x)));
    }

    [Fact]
    public void The_default_overload_still_gives_the_parameters_it_gave_before_schemes_existed()
    {
        LayerInfo[] layers =
        [
            new(Inputs: 3, Outputs: 4, Activation.Tanh, 0f, WeightOffset: 0, BiasOffset: 12),
            new(Inputs: 4, Outputs: 2, Activation.ReLU, 0f, WeightOffset: 16, BiasOffset: 24),
            new(Inputs: 2, Outputs: 2, Activation.LeakyReLU, 0.2f, WeightOffset: 26, BiasOffset: 30),
        ];
        float[] parameters = new float[32], explicitDefault = new float[32];

        ParameterInitializer.Initialize(parameters, layers, seed: 42);
        ParameterInitializer.Initialize(explicitDefault, layers, seed: 42, InitializationScheme.Default);

        // Bit patterns printed by the implementation before the schemes were added (and reproduced independently in
        // python3 from SplitMix64 and U(±√(6/(in+out))), U(±√(6/in))).
        uint[] pinned =
        [
            0x3EE5035C, 0xBF213591, 0xBED1E51B, 0xBE93B6A1, 0xBF5AFB9F, 0x3F2E8C25, 0xBF057B46, 0x3F0E8168,
            0xBE97C072, 0x3E60A6C4, 0xBF0BE1E5, 0xBC54B061, 0, 0, 0, 0,
            0x3D06679B, 0x3D48CBAF, 0x3ECF2201, 0xBF39F77E, 0xBF789623, 0xBC34A65C, 0xBF7EF2F7, 0x3EECF709, 0, 0,
            0x3FCAC7C2, 0xBFBD4F62, 0x3EB10944, 0x3ED48371, 0, 0,
        ];
        Assert.Equal(pinned, parameters.Select(BitConverter.SingleToUInt32Bits).ToArray());
        Assert.Equal(parameters, explicitDefault);
    }

    [Fact]
    public void He_uniform_on_ReLU_and_Xavier_uniform_on_tanh_are_bit_identical_to_the_default()
    {
        LayerInfo[] relu = [new(Inputs: 30, Outputs: 20, Activation.ReLU, 0f, WeightOffset: 0, BiasOffset: 600)];
        LayerInfo[] tanh = [new(Inputs: 30, Outputs: 20, Activation.Tanh, 0f, WeightOffset: 0, BiasOffset: 600)];
        float[] a = new float[620], b = new float[620], c = new float[620], d = new float[620];

        ParameterInitializer.Initialize(a, relu, seed: 3);
        ParameterInitializer.Initialize(b, relu, seed: 3, InitializationScheme.HeUniform);
        ParameterInitializer.Initialize(c, tanh, seed: 3);
        ParameterInitializer.Initialize(d, tanh, seed: 3, InitializationScheme.XavierUniform);

        Assert.Equal(a, b);
        Assert.Equal(c, d);
    }

    [Fact]
    public void He_normal_draws_the_pinned_seeded_sequence()
    {
        LayerInfo[] layers = [new(Inputs: 3, Outputs: 2, Activation.ReLU, 0f, WeightOffset: 0, BiasOffset: 6)];
        float[] parameters = new float[8];

        ParameterInitializer.Initialize(parameters, layers, seed: 7, InitializationScheme.HeNormal);

        // std √(2/3) times Box–Muller normals from SplitMix64 seed 7, computed independently with python3.
        float[] expected = [0.8070859313011169f, 0.08545179665088654f, -1.5221585035324097f, -0.8736865520477295f, 0.0032008360140025616f, 0.8961243033409119f, 0f, 0f];
        Assert.Equal(expected, parameters);
    }

    [Fact]
    public void Initialize_rejects_an_undefined_scheme_and_layers_outside_the_buffer()
    {
        LayerInfo[] layers = [new(Inputs: 3, Outputs: 2, Activation.Tanh, 0f, WeightOffset: 0, BiasOffset: 6)];

        Assert.Equal("scheme", Assert.Throws<ArgumentOutOfRangeException>(() => ParameterInitializer.Initialize(new float[8], layers, 1, (InitializationScheme)99)).ParamName);
        ArgumentException error = Assert.Throws<ArgumentException>(() => ParameterInitializer.Initialize(new float[7], layers, 1, InitializationScheme.HeNormal));
        Assert.Contains("outside a parameter buffer of length 7", error.Message);
    }

    [Fact]
    public void A_rejected_layer_leaves_the_buffer_untouched()
    {
        LayerInfo[] layers =
        [
            new(Inputs: 2, Outputs: 2, Activation.Tanh, 0f, WeightOffset: 0, BiasOffset: 4),
            new(Inputs: 2, Outputs: 2, Activation.Tanh, 0f, WeightOffset: 6, BiasOffset: 10),
        ];
        float[] parameters = new float[11];
        parameters.AsSpan().Fill(7f);

        Assert.Throws<ArgumentException>(() => ParameterInitializer.Initialize(parameters, layers, 1, InitializationScheme.XavierNormal));
        Assert.All(parameters, p => Assert.Equal(7f, p));
    }

    private static LayerInfo[] TwoLayers() =>
    [
        new(Inputs: 4, Outputs: 5, Activation.LeakyReLU, 0.1f, WeightOffset: 0, BiasOffset: 20),
        new(Inputs: 5, Outputs: 2, Activation.Sigmoid, 0f, WeightOffset: 25, BiasOffset: 35),
    ];
}
