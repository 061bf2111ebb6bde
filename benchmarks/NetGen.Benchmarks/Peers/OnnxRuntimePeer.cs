using System;
using Microsoft.ML.OnnxRuntime;
using NetGen.Serialization;

namespace NetGen.Benchmarks.Peers;

/// <summary>
/// A NetGen network exported with <see cref="OnnxExport"/> and run by ONNX Runtime on one thread, with its
/// inputs and outputs bound once to preallocated arrays: one binding for a single sample, one for a batch.
/// </summary>
/// <remarks>
/// The session runs sequentially with one intra-op and one inter-op thread, like the other contenders, and
/// with every graph optimisation on. Each <see cref="OrtValue"/> wraps (and pins) a managed array, so a run
/// reads the input arrays and writes the output arrays in place.
/// </remarks>
internal sealed class OnnxRuntimePeer : IDisposable
{
    private readonly SessionOptions _options;
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly OrtValue[] _values;
    private readonly OrtIoBinding _single;
    private readonly OrtIoBinding _batch;

    public OnnxRuntimePeer(INetwork network, float[] singleInput, float[] singleOutput, float[] batchInputs, float[] batchOutputs, int batchSize)
    {
        _options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(OnnxExport.Serialize(network), _options);
        _values = new[]
        {
            OrtValue.CreateTensorValueFromMemory(singleInput, new long[] { 1, network.InputSize }),
            OrtValue.CreateTensorValueFromMemory(singleOutput, new long[] { 1, network.OutputSize }),
            OrtValue.CreateTensorValueFromMemory(batchInputs, new long[] { batchSize, network.InputSize }),
            OrtValue.CreateTensorValueFromMemory(batchOutputs, new long[] { batchSize, network.OutputSize }),
        };
        _single = Bind(_values[0], _values[1]);
        _batch = Bind(_values[2], _values[3]);
    }

    /// <summary>Runs the bound single sample: <c>singleInput</c> → <c>singleOutput</c>.</summary>
    public void RunSingle() => _session.RunWithBinding(_runOptions, _single);

    /// <summary>Runs the bound batch: <c>batchInputs</c> → <c>batchOutputs</c>.</summary>
    public void RunBatch() => _session.RunWithBinding(_runOptions, _batch);

    public void Dispose()
    {
        _single.Dispose();
        _batch.Dispose();
        foreach (OrtValue value in _values)
        {
            value.Dispose();
        }

        _session.Dispose();
        _runOptions.Dispose();
        _options.Dispose();
    }

    private OrtIoBinding Bind(OrtValue input, OrtValue output)
    {
        OrtIoBinding binding = _session.CreateIoBinding();
        binding.BindInput(OnnxExport.InputName, input);
        binding.BindOutput(OnnxExport.OutputName, output);
        return binding;
    }
}
