using System;

namespace NetGen;

/// <summary>
/// What running a network needs: its shape, its parameters to read, one-sample <see cref="Forward"/> and
/// <see cref="Evaluate"/>, and their batched forms. Every generated network implements it: an inference-only one
/// (<c>InferenceOnly = true</c>) implements this alone; a trainable one implements <see cref="INetwork"/>, which
/// extends it with writable parameters, gradients and the backward pass.
/// </summary>
/// <remarks>
/// <para>
/// <b>Parameter layout.</b> Layer by layer from the input: the weight matrix <c>W_k</c> of shape
/// <c>[out, in]</c>, row-major (row <c>j</c> holds the weights into neuron <c>j</c>, as PyTorch's
/// <c>nn.Linear.weight</c>), then the bias <c>b_k</c> of length <c>out</c>. <see cref="Layers"/> gives
/// each layer's offsets.
/// </para>
/// <para>
/// An instance keeps the activations of the last sample it saw, so it is not safe to call from several
/// threads at once: give each thread its own (<see cref="CreateWorker"/>). None of its members allocates,
/// except that the batched methods allocate their working buffer on their first call.
/// </para>
/// </remarks>
public interface IInferenceNetwork
{
    /// <summary>The length of one input sample.</summary>
    int InputSize { get; }

    /// <summary>The length of one output (and target) sample.</summary>
    int OutputSize { get; }

    /// <summary>The number of weights and biases, the length of <see cref="Parameters"/>.</summary>
    int ParameterCount { get; }

    /// <summary>The per-sample loss <see cref="Evaluate"/> computes (and a trainable network's backward pass differentiates).</summary>
    Loss Loss { get; }

    /// <summary>The dense layers from the input to the output, with their places in <see cref="Parameters"/>.</summary>
    ReadOnlySpan<LayerInfo> Layers { get; }

    /// <summary>Every weight and bias, in the layout described on <see cref="IInferenceNetwork"/>, to read.</summary>
    ReadOnlySpan<float> Parameters { get; }

    /// <summary>The output <c>ŷ = h_L</c> of the last sample passed to <see cref="Forward"/> or <see cref="Evaluate"/>; valid until the next call.</summary>
    ReadOnlySpan<float> Output { get; }

    /// <summary>Computes the network's output <c>ŷ = h_L</c> for one sample.</summary>
    /// <param name="input">The sample, of length <see cref="InputSize"/>.</param>
    /// <param name="output">Receives the output, of length <see cref="OutputSize"/>.</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    void Forward(ReadOnlySpan<float> input, Span<float> output);

    /// <summary>Computes the output and the loss for one sample; a trainable network's gradients are left untouched.</summary>
    /// <param name="input">The sample, of length <see cref="InputSize"/>.</param>
    /// <param name="target">The expected output, of length <see cref="OutputSize"/>.</param>
    /// <param name="output">Receives the output, of length <see cref="OutputSize"/>.</param>
    /// <returns>The sample's loss <c>L(ŷ, y)</c>.</returns>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    float Evaluate(ReadOnlySpan<float> input, ReadOnlySpan<float> target, Span<float> output);

    /// <summary>
    /// Computes the outputs of a minibatch held as one row-major block, <c>m</c> samples of
    /// <see cref="InputSize"/> floats one after another; agrees with <see cref="Forward"/> on each sample to
    /// float rounding.
    /// </summary>
    /// <param name="inputs">The samples, of length <c>m · </c><see cref="InputSize"/>.</param>
    /// <param name="outputs">Receives the outputs, of length <c>m · </c><see cref="OutputSize"/>, row by row.</param>
    /// <exception cref="ArgumentException">The lengths do not describe the same number of samples.</exception>
    void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs);

    /// <summary>Computes the outputs and the losses of a minibatch; a trainable network's gradients are left untouched.</summary>
    /// <param name="inputs">The samples, of length <c>m · </c><see cref="InputSize"/>.</param>
    /// <param name="targets">The expected outputs, of length <c>m · </c><see cref="OutputSize"/>.</param>
    /// <param name="outputs">Receives the outputs, of length <c>m · </c><see cref="OutputSize"/>.</param>
    /// <returns>The <b>sum</b> of the samples' losses.</returns>
    /// <exception cref="ArgumentException">The lengths do not describe the same number of samples.</exception>
    float EvaluateBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, Span<float> outputs);

    /// <summary>
    /// Creates a network of the same class that reads the same <see cref="Parameters"/> (the same buffer) but has its
    /// own working buffers, so that several threads can each run a part of a batch.
    /// </summary>
    /// <returns>The worker.</returns>
    IInferenceNetwork CreateWorker();
}
