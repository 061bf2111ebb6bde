using System;

namespace NetGen.Benchmarks.Peers;

/// <summary>
/// A multilayer perceptron written the way a tutorial writes one: jagged <c>float[][]</c> weights
/// (<c>W[layer][neuron][input]</c>), nested loops, <see cref="MathF"/> activations, backpropagation one sample
/// at a time into accumulated gradients, then plain SGD on their mean. Its buffers are allocated once, in
/// the constructor; whatever it allocates per call is what the style allocates.
/// </summary>
/// <remarks>
/// It copies a NetGen network's topology and parameters, so both start from the same weights; it knows the
/// activations and losses the peer networks use (tanh, ReLU, identity and softmax; mean squared error
/// <c>½Σ(ŷ−y)²</c> and softmax cross-entropy), as NetGen defines them.
/// </remarks>
internal sealed class TextbookMlp
{
    private readonly int[] _sizes;
    private readonly Activation[] _activations;
    private readonly Loss _loss;
    private readonly float[][][] _weights;
    private readonly float[][] _biases;
    private readonly float[][][] _weightGradients;
    private readonly float[][] _biasGradients;

    // _outputs[0] is the input; _outputs[l + 1] the activated output of layer l.
    private readonly float[][] _outputs;

    // ∂L/∂z of each layer's pre-activation z.
    private readonly float[][] _deltas;

    public TextbookMlp(INetwork network)
    {
        ReadOnlySpan<LayerInfo> layers = network.Layers;
        _loss = network.Loss;
        _sizes = new int[layers.Length + 1];
        _activations = new Activation[layers.Length];
        _sizes[0] = network.InputSize;
        for (int l = 0; l < layers.Length; l++)
        {
            _sizes[l + 1] = layers[l].Outputs;
            _activations[l] = layers[l].Activation;
        }

        _weights = new float[layers.Length][][];
        _weightGradients = new float[layers.Length][][];
        _biases = new float[layers.Length][];
        _biasGradients = new float[layers.Length][];
        _deltas = new float[layers.Length][];
        _outputs = new float[layers.Length + 1][];
        _outputs[0] = new float[_sizes[0]];
        for (int l = 0; l < layers.Length; l++)
        {
            _weights[l] = new float[_sizes[l + 1]][];
            _weightGradients[l] = new float[_sizes[l + 1]][];
            for (int j = 0; j < _sizes[l + 1]; j++)
            {
                _weights[l][j] = new float[_sizes[l]];
                _weightGradients[l][j] = new float[_sizes[l]];
            }

            _biases[l] = new float[_sizes[l + 1]];
            _biasGradients[l] = new float[_sizes[l + 1]];
            _deltas[l] = new float[_sizes[l + 1]];
            _outputs[l + 1] = new float[_sizes[l + 1]];
        }

        CopyParametersFrom(network);
    }

    public int InputSize => _sizes[0];

    public int OutputSize => _sizes[^1];

    /// <summary>Takes <paramref name="network"/>'s parameters (W [out, in] row-major, then b, layer by layer).</summary>
    public void CopyParametersFrom(INetwork network)
    {
        ReadOnlySpan<float> parameters = network.Parameters;
        int p = 0;
        for (int l = 0; l < _weights.Length; l++)
        {
            for (int j = 0; j < _sizes[l + 1]; j++)
            {
                for (int i = 0; i < _sizes[l]; i++)
                {
                    _weights[l][j][i] = parameters[p++];
                }
            }

            for (int j = 0; j < _sizes[l + 1]; j++)
            {
                _biases[l][j] = parameters[p++];
            }
        }
    }

    /// <summary>The parameters in NetGen's layout, to compare with a network's.</summary>
    public void CopyParametersTo(Span<float> parameters)
    {
        int p = 0;
        for (int l = 0; l < _weights.Length; l++)
        {
            for (int j = 0; j < _sizes[l + 1]; j++)
            {
                for (int i = 0; i < _sizes[l]; i++)
                {
                    parameters[p++] = _weights[l][j][i];
                }
            }

            for (int j = 0; j < _sizes[l + 1]; j++)
            {
                parameters[p++] = _biases[l][j];
            }
        }
    }

    /// <summary>The network's output for one sample; the returned array is reused by the next call.</summary>
    public float[] Forward(float[] input)
    {
        for (int i = 0; i < input.Length; i++)
        {
            _outputs[0][i] = input[i];
        }

        for (int l = 0; l < _weights.Length; l++)
        {
            float[] previous = _outputs[l];
            float[] current = _outputs[l + 1];
            for (int j = 0; j < current.Length; j++)
            {
                // z_j = b_j + Σ_i W_ji·h_i
                float sum = _biases[l][j];
                for (int i = 0; i < previous.Length; i++)
                {
                    sum += _weights[l][j][i] * previous[i];
                }

                current[j] = sum;
            }

            Activate(_activations[l], current);
        }

        return _outputs[^1];
    }

    /// <summary>
    /// One SGD step on the mean gradient of the minibatch: every sample is run forward and backpropagated
    /// into the accumulated gradients, then θ ← θ − η·(Σ∇θ)/m. Returns the mean loss.
    /// </summary>
    public float TrainMinibatch(float[][] inputs, float[][] targets, float learningRate)
    {
        int last = _weights.Length - 1;
        for (int l = 0; l <= last; l++)
        {
            for (int j = 0; j < _sizes[l + 1]; j++)
            {
                _biasGradients[l][j] = 0f;
                for (int i = 0; i < _sizes[l]; i++)
                {
                    _weightGradients[l][j][i] = 0f;
                }
            }
        }

        float totalLoss = 0f;
        for (int s = 0; s < inputs.Length; s++)
        {
            float[] output = Forward(inputs[s]);
            float[] target = targets[s];

            // Output layer: δ = ŷ − y for softmax with cross-entropy; (ŷ − y)·f'(z) for ½Σ(ŷ − y)².
            for (int j = 0; j < output.Length; j++)
            {
                if (_loss == Loss.CrossEntropy)
                {
                    totalLoss -= target[j] * MathF.Log(MathF.Max(output[j], 1e-30f));
                    _deltas[last][j] = output[j] - target[j];
                }
                else
                {
                    float difference = output[j] - target[j];
                    totalLoss += 0.5f * difference * difference;
                    _deltas[last][j] = difference * Derivative(_activations[last], output[j]);
                }
            }

            for (int l = last; l >= 0; l--)
            {
                float[] delta = _deltas[l];
                float[] previous = _outputs[l];

                // ∂L/∂W_ji += δ_j·h_i, ∂L/∂b_j += δ_j
                for (int j = 0; j < delta.Length; j++)
                {
                    _biasGradients[l][j] += delta[j];
                    for (int i = 0; i < previous.Length; i++)
                    {
                        _weightGradients[l][j][i] += delta[j] * previous[i];
                    }
                }

                if (l == 0)
                {
                    break;
                }

                // δ_prev_i = f'(h_i)·Σ_j W_ji·δ_j
                for (int i = 0; i < previous.Length; i++)
                {
                    float sum = 0f;
                    for (int j = 0; j < delta.Length; j++)
                    {
                        sum += _weights[l][j][i] * delta[j];
                    }

                    _deltas[l - 1][i] = sum * Derivative(_activations[l - 1], previous[i]);
                }
            }
        }

        float scale = learningRate / inputs.Length;
        for (int l = 0; l <= last; l++)
        {
            for (int j = 0; j < _sizes[l + 1]; j++)
            {
                _biases[l][j] -= scale * _biasGradients[l][j];
                for (int i = 0; i < _sizes[l]; i++)
                {
                    _weights[l][j][i] -= scale * _weightGradients[l][j][i];
                }
            }
        }

        return totalLoss / inputs.Length;
    }

    private static void Activate(Activation activation, float[] values)
    {
        switch (activation)
        {
            case Activation.Identity:
                break;
            case Activation.Tanh:
                for (int j = 0; j < values.Length; j++)
                {
                    values[j] = MathF.Tanh(values[j]);
                }

                break;
            case Activation.ReLU:
                for (int j = 0; j < values.Length; j++)
                {
                    values[j] = MathF.Max(values[j], 0f);
                }

                break;
            case Activation.Softmax:
                float max = float.NegativeInfinity;
                for (int j = 0; j < values.Length; j++)
                {
                    max = MathF.Max(max, values[j]);
                }

                float sum = 0f;
                for (int j = 0; j < values.Length; j++)
                {
                    values[j] = MathF.Exp(values[j] - max);
                    sum += values[j];
                }

                for (int j = 0; j < values.Length; j++)
                {
                    values[j] /= sum;
                }

                break;
            default:
                throw new NotSupportedException($"The textbook network has no {activation} activation.");
        }
    }

    // f'(z) written from the activated value h = f(z), as tutorials do.
    private static float Derivative(Activation activation, float activated) => activation switch
    {
        Activation.Identity => 1f,
        Activation.Tanh => 1f - (activated * activated),
        Activation.ReLU => activated > 0f ? 1f : 0f,
        _ => throw new NotSupportedException($"The textbook network has no derivative of {activation} between layers."),
    };
}
