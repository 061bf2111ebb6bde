using System;

namespace NetGen;

/// <summary>
/// The contract every trainable generated network implements: what <see cref="IInferenceNetwork"/> runs, with the
/// parameters writable and their gradients as a flat buffer of the same layout, one-sample <see cref="Backward"/>,
/// and its batched forms.
/// </summary>
/// <remarks>
/// <para>
/// <b>Parameter layout.</b> As on <see cref="IInferenceNetwork"/>: layer by layer from the input, <c>W_k</c>
/// <c>[out, in]</c> row-major then <c>b_k</c>. <see cref="Gradients"/> has the same length and layout.
/// </para>
/// <para>
/// An instance keeps the activations of the last sample it saw, so it is not safe to call from several
/// threads at once. None of its members allocates.
/// </para>
/// </remarks>
public interface INetwork : IInferenceNetwork
{
    /// <summary>Every weight and bias, in the layout described on <see cref="IInferenceNetwork"/>, to read and write.</summary>
    new Span<float> Parameters { get; }

    /// <summary>The gradient accumulated by <see cref="Backward"/> since the last <see cref="ZeroGradients"/>; same layout as <see cref="Parameters"/>.</summary>
    Span<float> Gradients { get; }

    /// <summary>
    /// Runs the forward pass and backpropagation for one sample, <b>adds</b> the sample's gradient
    /// into <see cref="Gradients"/>, and returns the sample's loss.
    /// </summary>
    /// <param name="input">The sample, of length <see cref="IInferenceNetwork.InputSize"/>.</param>
    /// <param name="target">The expected output, of length <see cref="IInferenceNetwork.OutputSize"/>.</param>
    /// <returns>The sample's loss <c>L(ŷ, y)</c>.</returns>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target);

    /// <summary>Sets every element of <see cref="Gradients"/> to zero.</summary>
    void ZeroGradients();

    /// <summary>
    /// Runs the forward pass and backpropagation for a minibatch, <b>adds</b> the sum of the samples'
    /// gradients into <see cref="Gradients"/> (as calling <see cref="Backward"/> on each sample would, to float
    /// rounding) and returns the sum of their losses. The work goes through the network in blocks of samples
    /// with matrix kernels, so it is much faster than a loop over <see cref="Backward"/>.
    /// </summary>
    /// <param name="inputs">The samples, of length <c>m · </c><see cref="IInferenceNetwork.InputSize"/>.</param>
    /// <param name="targets">The expected outputs, of length <c>m · </c><see cref="IInferenceNetwork.OutputSize"/>.</param>
    /// <param name="outputs">Receives the outputs, of length <c>m · </c><see cref="IInferenceNetwork.OutputSize"/>.</param>
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
    /// <param name="inputs">The samples, of length <c>m · </c><see cref="IInferenceNetwork.InputSize"/>.</param>
    /// <param name="targets">The expected outputs, of length <c>m · </c><see cref="IInferenceNetwork.OutputSize"/>.</param>
    /// <param name="outputs">Receives the outputs, of length <c>m · </c><see cref="IInferenceNetwork.OutputSize"/>.</param>
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
    new INetwork CreateWorker();

    ReadOnlySpan<float> IInferenceNetwork.Parameters => Parameters;

    IInferenceNetwork IInferenceNetwork.CreateWorker() => CreateWorker();
}
