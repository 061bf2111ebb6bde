using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;

namespace NetGen.Serialization;

/// <summary>One dense layer's shape as a model file records it: its size, activation and leaky-ReLU slope.</summary>
/// <param name="Outputs">The number of neurons.</param>
/// <param name="Activation">The activation.</param>
/// <param name="Slope">The negative-side slope of <see cref="Activation.LeakyReLU"/>; 0 for other activations.</param>
public readonly record struct LayerShape(int Outputs, Activation Activation, float Slope);

/// <summary>
/// What a network's parameters fit: the input size, each layer's size, activation and slope, and the loss.
/// Two networks with equal topologies have parameter buffers of the same length and meaning.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> writes it as <c>4 → 16 (Tanh) → 3 (Softmax) with CrossEntropy loss</c>, the form
/// used in error messages; a leaky ReLU shows its slope, <c>8 (LeakyReLU 0.01)</c>.
/// </remarks>
public sealed class NetworkTopology : IEquatable<NetworkTopology>
{
    private readonly LayerShape[] _layers;

    /// <summary>Creates a topology.</summary>
    /// <param name="inputSize">The length of one input sample; positive.</param>
    /// <param name="loss">The loss the network is trained on.</param>
    /// <param name="layers">The layers from the input to the output; at least one, each of positive size.</param>
    /// <exception cref="ArgumentException">There is no layer, or a size is not positive.</exception>
    public NetworkTopology(int inputSize, Loss loss, IEnumerable<LayerShape> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        _layers = [.. layers];
        if (_layers.Length == 0)
        {
            throw new ArgumentException("A topology needs at least one layer.", nameof(layers));
        }

        foreach (LayerShape layer in _layers)
        {
            if (layer.Outputs <= 0)
            {
                throw new ArgumentException($"Every layer needs a positive size; got {layer.Outputs}.", nameof(layers));
            }
        }

        InputSize = inputSize;
        Loss = loss;
        Layers = new ReadOnlyCollection<LayerShape>(_layers);
    }

    /// <summary>The length of one input sample.</summary>
    public int InputSize { get; }

    /// <summary>The loss the network is trained on.</summary>
    public Loss Loss { get; }

    /// <summary>The layers from the input to the output.</summary>
    public IReadOnlyList<LayerShape> Layers { get; }

    /// <summary>The length of one output sample, the last layer's size.</summary>
    public int OutputSize => _layers[^1].Outputs;

    /// <summary>The number of weights and biases a network of this topology has (a long, so that a hostile file cannot overflow it).</summary>
    public long ParameterCount
    {
        get
        {
            long count = 0;
            long inputs = InputSize;
            foreach (LayerShape layer in _layers)
            {
                count += (inputs + 1) * layer.Outputs;
                inputs = layer.Outputs;
            }

            return count;
        }
    }

    /// <summary>The topology of <paramref name="network"/>.</summary>
    /// <param name="network">The network.</param>
    /// <returns>Its input size, layers and loss.</returns>
    public static NetworkTopology Of(IInferenceNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        ReadOnlySpan<LayerInfo> layers = network.Layers;
        var shapes = new LayerShape[layers.Length];
        for (int k = 0; k < layers.Length; k++)
        {
            shapes[k] = new LayerShape(layers[k].Outputs, layers[k].Activation, layers[k].Slope);
        }

        return new NetworkTopology(network.InputSize, network.Loss, shapes);
    }

    /// <summary>Whether <paramref name="other"/> has the same input size, layers (slopes compared exactly) and loss.</summary>
    /// <param name="other">The other topology.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(NetworkTopology? other) =>
        other is not null && InputSize == other.InputSize && Loss == other.Loss && _layers.AsSpan().SequenceEqual(other._layers);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as NetworkTopology);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(InputSize);
        hash.Add(Loss);
        foreach (LayerShape layer in _layers)
        {
            hash.Add(layer);
        }

        return hash.ToHashCode();
    }

    /// <summary>The topology as <c>4 → 16 (Tanh) → 3 (Softmax) with CrossEntropy loss</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(InputSize.ToString(CultureInfo.InvariantCulture));
        foreach (LayerShape layer in _layers)
        {
            text.Append(" → ").Append(layer.Outputs.ToString(CultureInfo.InvariantCulture)).Append(" (").Append(layer.Activation.ToString());
            if (layer.Activation == Activation.LeakyReLU)
            {
                text.Append(' ').Append(layer.Slope.ToString(CultureInfo.InvariantCulture));
            }

            text.Append(')');
        }

        return text.Append(" with ").Append(Loss.ToString()).Append(" loss").ToString();
    }
}
