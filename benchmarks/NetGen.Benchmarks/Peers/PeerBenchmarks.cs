using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using NetGen.Optimizers;
using NetGen.Training;

namespace NetGen.Benchmarks.Peers;

/// <summary>
/// One network, three contenders on the same weights: the NetGen network, a <see cref="TextbookMlp"/> holding a
/// copy of its parameters, and ONNX Runtime running its <c>OnnxExport</c> model. Each is timed on one sample
/// forward, a batch of <see cref="BatchSize"/> samples forward, and (not ONNX Runtime, which does not train)
/// one SGD step (η = <see cref="LearningRate"/>) on a minibatch of <see cref="MinibatchSize"/>: NetGen's is a
/// <see cref="TrainingStep"/> (the minibatch's mean gradient by <c>ComputeGradientBatch</c>, then <see cref="Sgd"/>).
/// </summary>
/// <remarks>
/// The inputs are uniform in [−1, 1); the targets one-hot classes for cross-entropy and uniform in [−1, 1) for
/// mean squared error. Training cycles through the <see cref="BatchSize"/> / <see cref="MinibatchSize"/>
/// minibatches of the batch, so no contender fits a single minibatch to a vanishing gradient.
/// </remarks>
public abstract class PeerBenchmarks : IDisposable
{
    public const int BatchSize = 256;
    public const int MinibatchSize = 32;
    public const float LearningRate = 0.01f;

    /// <summary>The largest difference from NetGen's results a contender may show before the suite refuses to time it (a NaN difference is refused too).</summary>
    public const double Tolerance = 1e-4;
    private const int Minibatches = BatchSize / MinibatchSize;

    private INetwork _network = null!;
    private TrainingStep _step = null!;
    private TrainingStep? _parallelStep;
    private TextbookMlp _textbook = null!;
    private OnnxRuntimePeer _onnxRuntime = null!;
    private RTNeuralPeer? _rtNeural;

    // One sample, and the batch as one row-major block; the textbook network reads the same values as rows.
    private float[] _input = null!, _output = null!, _target = null!;
    private float[] _inputs = null!, _targets = null!, _outputs = null!;
    private float[][] _inputRows = null!, _targetRows = null!;
    private float[][][] _inputMinibatches = null!, _targetMinibatches = null!;
    private int _minibatch;

    /// <summary>A new network of the measured topology with its parameters initialised from <paramref name="seed"/>.</summary>
    protected abstract INetwork CreateNetwork(int seed);

    protected INetwork Network => _network;

    [GlobalSetup]
    public void Setup()
    {
        _network = CreateNetwork(seed: 1);
        RequireDeclaredTopology(_network);
        int inputSize = _network.InputSize, outputSize = _network.OutputSize;
        (_inputs, _targets) = Batch(_network);
        _outputs = new float[BatchSize * outputSize];
        _input = _inputs.AsSpan(0, inputSize).ToArray();
        _output = new float[outputSize];
        _target = _targets.AsSpan(0, outputSize).ToArray();
        _inputRows = Rows(_inputs, inputSize);
        _targetRows = Rows(_targets, outputSize);
        _inputMinibatches = new float[Minibatches][][];
        _targetMinibatches = new float[Minibatches][][];
        for (int b = 0; b < Minibatches; b++)
        {
            _inputMinibatches[b] = _inputRows.AsSpan(b * MinibatchSize, MinibatchSize).ToArray();
            _targetMinibatches[b] = _targetRows.AsSpan(b * MinibatchSize, MinibatchSize).ToArray();
        }

        _step = new TrainingStep(_network, new Sgd(_network.ParameterCount, LearningRate));
        _textbook = new TextbookMlp(_network);
        _onnxRuntime = new OnnxRuntimePeer(_network, _input, _output, _inputs, _outputs, BatchSize);
        _rtNeural = RTNeuralPeer.Available ? RTNeuralPeer.Create(_network) : null;
        _minibatch = 0;
        WarmUpNetGen();
    }

    /// <summary>
    /// Runs NetGen's workloads to the JIT's optimised tier (<see cref="TieredWarmUp"/>), so that BenchmarkDotNet's pilot,
    /// which picks the calls per iteration from the first calls, and its iterations see the code a long-running program
    /// runs: a pilot that met tier-0 batched kernels chose so few calls that the optimised code was never reached. The
    /// parameters, gradients and minibatch cursor are restored afterwards.
    /// </summary>
    private void WarmUpNetGen()
    {
        float[] parameters = _network.Parameters.ToArray();
        TieredWarmUp.Run(() =>
        {
            NetGen_Forward();
            NetGen_Backward();
            NetGen_ForwardBatch();
            NetGen_Training();
        });
        parameters.CopyTo(_network.Parameters);
        _network.ZeroGradients();
        _minibatch = 0;
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _onnxRuntime?.Dispose();
        _step?.Dispose();
        _parallelStep?.Dispose();
        _parallelStep = null;
        GC.SuppressFinalize(this);
    }

    [Benchmark, PeerWork(PeerWork.NetGen, Workload.Forward)]
    public void NetGen_Forward() => _network.Forward(_input, _output);

    [Benchmark, PeerWork(PeerWork.Textbook, Workload.Forward)]
    public float[] Textbook_Forward() => _textbook.Forward(_input);

    [Benchmark, PeerWork(PeerWork.OnnxRuntime, Workload.Forward)]
    public void OnnxRuntime_Forward() => _onnxRuntime.RunSingle();

    /// <summary>RTNeural's own loop of <see cref="RTNeuralPeer.ForwardsPerCall"/> one-sample forward passes; timed per pass.</summary>
    [Benchmark(OperationsPerInvoke = RTNeuralPeer.ForwardsPerCall), PeerWork(PeerWork.RTNeural, Workload.Forward)]
    public void RTNeural_Forward() => _rtNeural!.Run(_input, _output);

    [Benchmark, PeerWork(PeerWork.NetGen, Workload.ForwardBatch)]
    public void NetGen_ForwardBatch() => _network.ForwardBatch(_inputs, _outputs);

    [Benchmark, PeerWork(PeerWork.Textbook, Workload.ForwardBatch)]
    public void Textbook_ForwardBatch()
    {
        for (int s = 0; s < BatchSize; s++)
        {
            float[] output = _textbook.Forward(_inputRows[s]);
            Array.Copy(output, 0, _outputs, s * output.Length, output.Length);
        }
    }

    [Benchmark, PeerWork(PeerWork.OnnxRuntime, Workload.ForwardBatch)]
    public void OnnxRuntime_ForwardBatch() => _onnxRuntime.RunBatch();

    /// <summary>One-sample <c>Backward</c> (online and reinforcement learning train this way); the gradients accumulate, which does not change its cost.</summary>
    [Benchmark, PeerWork(PeerWork.NetGen, Workload.Backward)]
    public float NetGen_Backward() => _network.Backward(_input, _target);

    [Benchmark, PeerWork(PeerWork.NetGen, Workload.Training)]
    public double NetGen_Training() => Train(_step);

    [Benchmark, PeerWork(PeerWork.Textbook, Workload.Training)]
    public float Textbook_Training()
    {
        int b = NextMinibatch();
        return _textbook.TrainMinibatch(_inputMinibatches[b], _targetMinibatches[b], LearningRate);
    }

    /// <summary>
    /// Runs every contender once on fresh copies of the same parameters and returns the largest differences
    /// from NetGen's one-sample <c>Forward</c>: single and batched outputs (NetGen's own <c>ForwardBatch</c> too), and
    /// the parameters after one training step; RTNeural's outputs of the 256 samples one by one and of its timed loop, when it was built.
    /// </summary>
    public (double NetGenBatch, double Textbook, double OnnxRuntime, double TextbookTraining, double? RTNeural) Compare()
    {
        Setup();
        try
        {
            int outputSize = _network.OutputSize;
            var expected = new float[_outputs.Length];
            for (int s = 0; s < BatchSize; s++)
            {
                _network.Forward(_inputRows[s], expected.AsSpan(s * outputSize, outputSize));
            }

            NetGen_ForwardBatch();
            double netGenBatch = LargestDifference(expected, _outputs);
            Textbook_ForwardBatch();
            double textbook = LargestDifference(expected, _outputs);
            OnnxRuntime_ForwardBatch();
            double onnxRuntime = LargestDifference(expected, _outputs);
            OnnxRuntime_Forward();
            onnxRuntime = Math.Max(onnxRuntime, LargestDifference(expected.AsSpan(0, outputSize), _output));
            Textbook_Forward().CopyTo(_output, 0);
            textbook = Math.Max(textbook, LargestDifference(expected.AsSpan(0, outputSize), _output));
            double? rtNeural = null;
            if (_rtNeural is not null)
            {
                rtNeural = 0;
                for (int s = 0; s < BatchSize; s++)
                {
                    _rtNeural.Forward(_inputRows[s], _output);
                    rtNeural = Math.Max(rtNeural.Value, LargestDifference(expected.AsSpan(s * outputSize, outputSize), _output));
                }

                RTNeural_Forward();
                rtNeural = Math.Max(rtNeural.Value, LargestDifference(expected.AsSpan(0, outputSize), _output));
            }

            NetGen_Training();
            _minibatch = 0;
            Textbook_Training();
            var trained = new float[_network.ParameterCount];
            _textbook.CopyParametersTo(trained);
            return (netGenBatch, textbook, onnxRuntime, LargestDifference(_network.Parameters, trained), rtNeural);
        }
        finally
        {
            Dispose();
        }
    }

    /// <summary>
    /// The <see cref="BatchSize"/> samples every contender is measured on, row-major: inputs uniform in [−1, 1), targets
    /// one-hot classes for cross-entropy and uniform in [−1, 1) otherwise (the same for the same network shape).
    /// </summary>
    public static (float[] Inputs, float[] Targets) Batch(INetwork network)
    {
        int inputSize = network.InputSize, outputSize = network.OutputSize;
        var random = new Random(2);
        var inputs = new float[BatchSize * inputSize];
        var targets = new float[BatchSize * outputSize];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = (2f * random.NextSingle()) - 1f;
        }

        for (int s = 0; s < BatchSize; s++)
        {
            Span<float> target = targets.AsSpan(s * outputSize, outputSize);
            if (network.Loss == Loss.CrossEntropy)
            {
                target[random.Next(outputSize)] = 1f;
            }
            else
            {
                for (int j = 0; j < outputSize; j++)
                {
                    target[j] = (2f * random.NextSingle()) - 1f;
                }
            }
        }

        return (inputs, targets);
    }

    /// <summary>Adds a second NetGen training step computing each gradient on <paramref name="workers"/> threads.</summary>
    protected void SetupParallelTraining(int workers) =>
        _parallelStep = new TrainingStep(_network, new Sgd(_network.ParameterCount, LearningRate), workers);

    /// <summary>One step of the training step made by <see cref="SetupParallelTraining"/>.</summary>
    protected double TrainInParallel() => Train(_parallelStep!);

    private double Train(TrainingStep step)
    {
        int b = NextMinibatch(), inputSize = _network.InputSize, outputSize = _network.OutputSize;
        return step.Run(
            _inputs.AsSpan(b * MinibatchSize * inputSize, MinibatchSize * inputSize),
            _targets.AsSpan(b * MinibatchSize * outputSize, MinibatchSize * outputSize));
    }

    private int NextMinibatch()
    {
        int b = _minibatch;
        _minibatch = (b + 1) % Minibatches;
        return b;
    }

    private void RequireDeclaredTopology(INetwork network)
    {
        var declared = (PeerNetworkAttribute)Attribute.GetCustomAttribute(GetType(), typeof(PeerNetworkAttribute))!;
        string actual = NetGen.Serialization.NetworkTopology.Of(network).ToString();
        bool same = declared.Sizes.Length == network.Layers.Length + 1 && declared.Sizes[0] == network.InputSize;
        for (int k = 0; same && k < network.Layers.Length; k++)
        {
            same = declared.Sizes[k + 1] == network.Layers[k].Outputs;
        }

        if (!same)
        {
            throw new InvalidOperationException($"{GetType().Name} declares {declared.Name} but measures {actual}.");
        }
    }

    private static float[][] Rows(float[] block, int width)
    {
        var rows = new float[block.Length / width][];
        for (int r = 0; r < rows.Length; r++)
        {
            rows[r] = block.AsSpan(r * width, width).ToArray();
        }

        return rows;
    }

    /// <summary>The start of the files the native and Python contenders read: int32 layer count L, then the L + 1 sizes, input first.</summary>
    internal static void WriteSizes(BinaryWriter writer, INetwork network)
    {
        writer.Write(network.Layers.Length);
        writer.Write(network.InputSize);
        foreach (LayerInfo layer in network.Layers)
        {
            writer.Write(layer.Outputs);
        }
    }

    /// <summary>The largest absolute difference between two equally long spans, in double precision.</summary>
    internal static double LargestDifference(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        double largest = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            largest = Math.Max(largest, Math.Abs((double)expected[i] - actual[i]));
        }

        return largest;
    }
}

[PeerNetwork(4, 8, 3)]
public class Peers4x8x3 : PeerBenchmarks
{
    protected override INetwork CreateNetwork(int seed) => new Peer4x8x3(seed);
}

[PeerNetwork(16, 64, 64, 1)]
public class Peers16x64x64x1 : PeerBenchmarks
{
    protected override INetwork CreateNetwork(int seed) => new Peer16x64x64x1(seed);
}

[PeerNetwork(784, 128, 10)]
public class Peers784x128x10 : PeerBenchmarks
{
    protected override INetwork CreateNetwork(int seed) => new Peer784x128x10(seed);
}

[PeerNetwork(784, 256, 128, 10)]
public class Peers784x256x128x10 : PeerBenchmarks
{
    // Only the process measuring the two-thread step starts its worker thread.
    [GlobalSetup(Target = nameof(NetGen_Training_2Threads))]
    public void SetupTwoThreads()
    {
        Setup();
        SetupParallelTraining(workers: 2);
    }

    [Benchmark, PeerWork(PeerWork.NetGen, Workload.Training, threads: 2)]
    public double NetGen_Training_2Threads() => TrainInParallel();

    protected override INetwork CreateNetwork(int seed) => new Peer784x256x128x10(seed);
}
