using System;

namespace NetGen;

/// <summary>
/// The contract every generated network implements: a fixed topology, its parameters and gradients as
/// flat buffers, one-sample <see cref="Forward"/> and <see cref="Backward"/>, and their batched forms.
/// </summary>
/// <remarks>
/// <para>
/// <b>Parameter layout.</b> Layer by layer from the input: the weight matrix <c>W_k</c> of shape
/// <c>[out, in]</c>, row-major (row <c>j</c> holds the weights into neuron <c>j</c>, as PyTorch's
/// <c>nn.Linear.weight</c>), then the bias <c>b_k</c> of length <c>out</c>. <see cref="Layers"/> gives
/// each layer's offsets. <see cref="Gradients"/> has the same length and layout.
/// </para>
/// <para>
/// An instance keeps the activations of the last sample it saw, so it is not safe to call from several
/// threads at once. None of its members allocates.
/// </para>
/// </remarks>
public interface INetwork
{
    /// <summary>The length of one input sample.</summary>
    int InputSize { get; }

    /// <summary>The length of one output (and target) sample.</summary>
    int OutputSize { get; }

    /// <summary>The number of weights and biases, the length of <see cref="Parameters"/> and <see cref="Gradients"/>.</summary>
    int ParameterCount { get; }

    /// <summary>The per-sample loss <see cref="Backward"/> differentiates.</summary>
    Loss Loss { get; }

    /// <summary>The dense layers from the input to the output, with their places in <see cref="Parameters"/>.</summary>
    ReadOnlySpan<LayerInfo> Layers { get; }

    /// <summary>Every weight and bias, in the layout described on <see cref="INetwork"/>.</summary>
    Span<float> Parameters { get; }

    /// <summary>The gradient accumulated by <see cref="Backward"/> since the last <see cref="ZeroGradients"/>; same layout as <see cref="Parameters"/>.</summary>
    Span<float> Gradients { get; }

    /// <summary>The output <c>ŷ = h_L</c> of the last sample passed to <see cref="Forward"/>, <see cref="Evaluate"/> or <see cref="Backward"/>; valid until the next call.</summary>
    ReadOnlySpan<float> Output { get; }

    /// <summary>Computes the network's output <c>ŷ = h_L</c> for one sample.</summary>
    /// <param name="input">The sample, of length <see cref="InputSize"/>.</param>
    /// <param name="output">Receives the output, of length <see cref="OutputSize"/>.</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    void Forward(ReadOnlySpan<float> input, Span<float> output);

    /// <summary>Computes the output and the loss for one sample, leaving <see cref="Gradients"/> untouched.</summary>
    /// <param name="input">The sample, of length <see cref="InputSize"/>.</param>
    /// <param name="target">The expected output, of length <see cref="OutputSize"/>.</param>
    /// <param name="output">Receives the output, of length <see cref="OutputSize"/>.</param>
    /// <returns>The sample's loss <c>L(ŷ, y)</c>, as <see cref="Backward"/> would return it.</returns>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    float Evaluate(ReadOnlySpan<float> input, ReadOnlySpan<float> target, Span<float> output);

    /// <summary>
    /// Runs the forward pass and backpropagation for one sample, <b>adds</b> the sample's gradient
    /// into <see cref="Gradients"/>, and returns the sample's loss.
    /// </summary>
    /// <param name="input">The sample, of length <see cref="InputSize"/>.</param>
    /// <param name="target">The expected output, of length <see cref="OutputSize"/>.</param>
    /// <returns>The sample's loss <c>L(ŷ, y)</c>.</returns>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target);

    /// <summary>Sets every element of <see cref="Gradients"/> to zero.</summary>
    void ZeroGradients();

    /// <summary>
    /// Computes the outputs of a minibatch held as one row-major block, <c>m</c> samples of
    /// <see cref="InputSize"/> floats one after another; agrees with <see cref="Forward"/> on each sample to
    /// float rounding.
    /// </summary>
    /// <param name="inputs">The samples, of length <c>m · </c><see cref="InputSize"/>.</param>
    /// <param name="outputs">Receives the outputs, of length <c>m · </c><see cref="OutputSize"/>, row by row.</param>
    /// <exception cref="ArgumentException">The lengths do not describe the same number of samples.</exception>
    void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs);

    /// <summary>Computes the outputs and the losses of a minibatch, leaving <see cref="Gradients"/> untouched.</summary>
    /// <param name="inputs">The samples, of length <c>m · </c><see cref="InputSize"/>.</param>
    /// <param name="targets">The expected outputs, of length <c>m · </c><see cref="OutputSize"/>.</param>
    /// <param name="outputs">Receives the outputs, of length <c>m · </c><see cref="OutputSize"/>.</param>
    /// <returns>The <b>sum</b> of the samples' losses.</returns>
    /// <exception cref="ArgumentException">The lengths do not describe the same number of samples.</exception>
    float EvaluateBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, Span<float> outputs);

    /// <summary>
    /// Runs the forward pass and backpropagation for a minibatch, <b>adds</b> the sum of the samples'
    /// gradients into <see cref="Gradients"/> (as calling <see cref="Backward"/> on each sample would, to float
    /// rounding) and returns the sum of their losses. The work goes through the network in blocks of samples
    /// with matrix kernels, so it is much faster than a loop over <see cref="Backward"/>.
    /// </summary>
    /// <param name="inputs">The samples, of length <c>m · </c><see cref="InputSize"/>.</param>
    /// <param name="targets">The expected outputs, of length <c>m · </c><see cref="OutputSize"/>.</param>
    /// <param name="outputs">Receives the outputs, of length <c>m · </c><see cref="OutputSize"/>.</param>
    /// <returns>The <b>sum</b> of the samples' losses.</returns>
    /// <exception cref="ArgumentException">The lengths do not describe the same number of samples.</exception>
    float BackwardBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, Span<float> outputs);

    /// <summary>
    /// Runs the forward pass and backpropagation for a minibatch and <b>sets</b> <see cref="Gradients"/> to
    /// <paramref name="scale"/> times the sum of the samples' gradients, replacing what it held; returns the sum of
    /// their losses. With <c>scale = 1/m</c> that is the minibatch's mean gradient. The same as
    /// <see cref="ZeroGradients"/>, <see cref="BackwardBatch"/> and multiplying <see cref="Gradients"/> by
    /// <paramref name="scale"/>, to float rounding, but without the two extra passes over the gradients: the output
    /// layer's error terms are scaled (every gradient is linear in them) and the first block writes the gradients
    /// instead of adding to them.
    /// </summary>
    /// <param name="inputs">The samples, of length <c>m · </c><see cref="InputSize"/>.</param>
    /// <param name="targets">The expected outputs, of length <c>m · </c><see cref="OutputSize"/>.</param>
    /// <param name="outputs">Receives the outputs, of length <c>m · </c><see cref="OutputSize"/>.</param>
    /// <param name="scale">The factor of the summed gradient.</param>
    /// <returns>The <b>sum</b> of the samples' losses (not scaled).</returns>
    /// <exception cref="ArgumentException">The lengths do not describe the same number of samples.</exception>
    float ComputeGradientBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, Span<float> outputs, float scale);

    /// <summary>
    /// Creates a network of the same class that <b>shares</b> this one's <see cref="Parameters"/> (the same
    /// buffer: an update through either is seen by both) but has its own <see cref="Gradients"/> and working
    /// buffers, so that several threads can each run <see cref="BackwardBatch"/> on a part of a minibatch.
    /// </summary>
    /// <returns>The worker.</returns>
    INetwork CreateWorker();
}
