using System;

namespace NetGen;

/// <summary>Initialises a network's parameters by each layer's usual scheme.</summary>
public static class ParameterInitializer
{
    /// <summary>
    /// Fills <paramref name="parameters"/> deterministically from <paramref name="seed"/>: weights of
    /// ReLU-family layers by He (Kaiming) uniform, <c>U(±√(6/in))</c>; weights of sigmoid, tanh,
    /// identity and softmax layers by Xavier (Glorot) uniform, <c>U(±√(6/(in + out)))</c>; biases zero.
    /// </summary>
    /// <param name="parameters">The parameter buffer, in the layout of <see cref="INetwork"/>.</param>
    /// <param name="layers">The layers and their offsets.</param>
    /// <param name="seed">The seed; equal seeds give equal parameters.</param>
    /// <exception cref="ArgumentException">A layer lies outside <paramref name="parameters"/>.</exception>
    public static void Initialize(Span<float> parameters, ReadOnlySpan<LayerInfo> layers, int seed)
    {
        var random = new SeededRandom(seed);
        foreach (LayerInfo layer in layers)
        {
            if (layer.BiasOffset + layer.Outputs > parameters.Length || layer.WeightOffset < 0)
            {
                throw new ArgumentException($"Layer {layer} lies outside a parameter buffer of length {parameters.Length}.", nameof(layers));
            }

            float limit = layer.Activation is Activation.ReLU or Activation.LeakyReLU
                ? MathF.Sqrt(6f / layer.Inputs)
                : MathF.Sqrt(6f / (layer.Inputs + layer.Outputs));
            foreach (ref float weight in parameters.Slice(layer.WeightOffset, layer.WeightCount))
            {
                weight = random.NextUniform(-limit, limit);
            }

            parameters.Slice(layer.BiasOffset, layer.Outputs).Clear();
        }
    }
}
