namespace NetGen;

/// <summary>One dense layer of a generated network, <c>h = g(W h_prev + b)</c>, and where its parameters lie.</summary>
/// <param name="Inputs">The layer's input width (the previous layer's size, or the network's input size).</param>
/// <param name="Outputs">The layer's size, the number of neurons.</param>
/// <param name="Activation">The activation <c>g</c>.</param>
/// <param name="Slope">The negative-side slope of <see cref="Activation.LeakyReLU"/>; 0 for other activations.</param>
/// <param name="WeightOffset">Where <c>W</c> (<c>[Outputs, Inputs]</c>, row-major) starts in the parameter buffer.</param>
/// <param name="BiasOffset">Where <c>b</c> (<c>[Outputs]</c>) starts in the parameter buffer.</param>
public readonly record struct LayerInfo(int Inputs, int Outputs, Activation Activation, float Slope, int WeightOffset, int BiasOffset)
{
    /// <summary>The number of weights, <c>Outputs × Inputs</c>.</summary>
    public int WeightCount => Outputs * Inputs;

    /// <summary>The number of weights and biases of the layer.</summary>
    public int ParameterCount => WeightCount + Outputs;
}
