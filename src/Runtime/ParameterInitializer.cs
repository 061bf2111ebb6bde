using System;

namespace NetGen;

/// <summary>How <see cref="ParameterInitializer"/> draws a layer's weights; biases always start at zero.</summary>
/// <remarks>
/// <c>in</c> and <c>out</c> are the layer's fan-in and fan-out (<see cref="LayerInfo.Inputs"/> and
/// <see cref="LayerInfo.Outputs"/>). Uniform schemes draw from <c>U(−limit, limit)</c>, normal schemes from
/// <c>N(0, std²)</c> (not truncated), as PyTorch's <c>torch.nn.init</c> functions of the same names.
/// </remarks>
public enum InitializationScheme
{
    /// <summary>
    /// By the layer's activation, as generated constructors do: <see cref="HeUniform"/> with the ReLU gain √2 for
    /// <see cref="Activation.ReLU"/> and <see cref="Activation.LeakyReLU"/> (<c>limit = √(6/in)</c>, whatever the
    /// slope), <see cref="XavierUniform"/> for every other activation.
    /// </summary>
    Default,

    /// <summary>Xavier (Glorot) uniform: <c>limit = √(6/(in + out))</c>.</summary>
    XavierUniform,

    /// <summary>Xavier (Glorot) normal: <c>std = √(2/(in + out))</c>.</summary>
    XavierNormal,

    /// <summary>
    /// He (Kaiming) uniform, fan-in mode: <c>limit = gain · √(3/in)</c> with <c>gain = √(2/(1 + s²))</c>, where
    /// <c>s</c> is the slope of a <see cref="Activation.LeakyReLU"/> layer and 0 for any other layer (so
    /// <c>limit = √(6/in)</c> for ReLU).
    /// </summary>
    HeUniform,

    /// <summary>He (Kaiming) normal, fan-in mode: <c>std = gain / √in</c> with the gain of <see cref="HeUniform"/>.</summary>
    HeNormal,

    /// <summary>LeCun uniform: <c>limit = √(3/in)</c> (unit variance for a unit-gain activation such as SELU).</summary>
    LeCunUniform,

    /// <summary>LeCun normal: <c>std = √(1/in)</c>.</summary>
    LeCunNormal,
}

/// <summary>Initialises a network's parameters, deterministically from a seed.</summary>
public static class ParameterInitializer
{
    /// <summary>
    /// Fills <paramref name="parameters"/> deterministically from <paramref name="seed"/> by each layer's usual
    /// scheme (<see cref="InitializationScheme.Default"/>): weights of ReLU-family layers by He (Kaiming) uniform,
    /// <c>U(±√(6/in))</c>; weights of sigmoid, tanh, identity and softmax layers by Xavier (Glorot) uniform,
    /// <c>U(±√(6/(in + out)))</c>; biases zero.
    /// </summary>
    /// <param name="parameters">The parameter buffer, in the layout of <see cref="INetwork"/>.</param>
    /// <param name="layers">The layers and their offsets.</param>
    /// <param name="seed">The seed; equal seeds give equal parameters.</param>
    /// <exception cref="ArgumentException">A layer lies outside <paramref name="parameters"/>.</exception>
    public static void Initialize(Span<float> parameters, ReadOnlySpan<LayerInfo> layers, int seed) =>
        Initialize(parameters, layers, seed, InitializationScheme.Default);

    /// <summary>
    /// Fills <paramref name="parameters"/> deterministically from <paramref name="seed"/>: every layer's weights by
    /// <paramref name="scheme"/>, in layout order from one random sequence; biases zero.
    /// </summary>
    /// <param name="parameters">The parameter buffer, in the layout of <see cref="INetwork"/>.</param>
    /// <param name="layers">The layers and their offsets.</param>
    /// <param name="seed">The seed; equal seeds and schemes give equal parameters.</param>
    /// <param name="scheme">How the weights are drawn.</param>
    /// <exception cref="ArgumentException">A layer lies outside <paramref name="parameters"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scheme"/> is not a defined value.</exception>
    public static void Initialize(Span<float> parameters, ReadOnlySpan<LayerInfo> layers, int seed, InitializationScheme scheme)
    {
        if (scheme is < InitializationScheme.Default or > InitializationScheme.LeCunNormal)
        {
            throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Not a defined initialization scheme.");
        }

        foreach (LayerInfo layer in layers)
        {
            if (layer.WeightOffset < 0 || layer.BiasOffset < 0 || layer.Inputs <= 0 || layer.Outputs <= 0
                || layer.WeightOffset + (long)layer.WeightCount > parameters.Length || layer.BiasOffset + (long)layer.Outputs > parameters.Length)
            {
                throw new ArgumentException($"Layer {layer} lies outside a parameter buffer of length {parameters.Length}.", nameof(layers));
            }
        }

        var random = new SeededRandom(seed);
        foreach (LayerInfo layer in layers)
        {
            Span<float> weights = parameters.Slice(layer.WeightOffset, layer.WeightCount);
            (float scale, bool normal) = Distribution(layer, scheme);
            if (normal)
            {
                foreach (ref float weight in weights)
                {
                    weight = random.NextNormal(0f, scale);
                }
            }
            else
            {
                foreach (ref float weight in weights)
                {
                    weight = random.NextUniform(-scale, scale);
                }
            }

            parameters.Slice(layer.BiasOffset, layer.Outputs).Clear();
        }
    }

    /// <summary>The uniform limit or the normal standard deviation of <paramref name="layer"/>'s weights under <paramref name="scheme"/>.</summary>
    /// <param name="layer">The layer.</param>
    /// <param name="scheme">The scheme.</param>
    /// <returns>The limit (for a uniform scheme) or the standard deviation (for a normal one), and which it is.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scheme"/> is not a defined value.</exception>
    public static (float Scale, bool IsNormal) Distribution(LayerInfo layer, InitializationScheme scheme)
    {
        float fanIn = layer.Inputs, fanSum = layer.Inputs + layer.Outputs;

        // 1 + s² for He: the Kaiming gain² is 2 / (1 + s²). For ReLU (s = 0) the expressions below reduce
        // to exactly the float operations of the default scheme, so both give bit-identical weights.
        float leak = layer.Activation == Activation.LeakyReLU ? 1f + layer.Slope * layer.Slope : 1f;
        return scheme switch
        {
            InitializationScheme.Default => layer.Activation is Activation.ReLU or Activation.LeakyReLU
                ? (MathF.Sqrt(6f / fanIn), false)
                : (MathF.Sqrt(6f / fanSum), false),
            InitializationScheme.XavierUniform => (MathF.Sqrt(6f / fanSum), false),
            InitializationScheme.XavierNormal => (MathF.Sqrt(2f / fanSum), true),
            InitializationScheme.HeUniform => (MathF.Sqrt(6f / (leak * fanIn)), false),
            InitializationScheme.HeNormal => (MathF.Sqrt(2f / (leak * fanIn)), true),
            InitializationScheme.LeCunUniform => (MathF.Sqrt(3f / fanIn), false),
            InitializationScheme.LeCunNormal => (MathF.Sqrt(1f / fanIn), true),
            _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Not a defined initialization scheme."),
        };
    }
}
