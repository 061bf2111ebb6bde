using System;
using BenchmarkDotNet.Attributes;
using NetGen.Benchmarks.Peers;
using NetGen.Optimizers;
using NetGen.Training;

namespace NetGen.Benchmarks;

/// <summary>
/// Data-parallel training against one thread, by minibatch size: one <see cref="TrainingStep.Run"/> (SGD) of the
/// 784-256-128-10 network on 1 and 2 workers, with a learning rate small enough (10⁻⁶) that repeating the step on
/// one minibatch leaves the parameters where they started to within float rounding. Run with <c>--filter '*ThreadScaling*'</c>; Ratio is the two-worker
/// time over the one-worker time for the same minibatch size.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class ThreadScaling : IDisposable
{
    private Peer784x256x128x10 _network = null!;
    private TrainingStep _step = null!;
    private float[] _inputs = null!, _targets = null!;

    [Params(32, 128, 256)]
    public int Minibatch { get; set; }

    [Params(1, 2)]
    public int Workers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _network = new Peer784x256x128x10(seed: 1);
        var random = new Random(2);
        _inputs = new float[Minibatch * Peer784x256x128x10.InputSize];
        _targets = new float[Minibatch * Peer784x256x128x10.OutputSize];
        for (int i = 0; i < _inputs.Length; i++)
        {
            _inputs[i] = (2f * random.NextSingle()) - 1f;
        }

        for (int s = 0; s < Minibatch; s++)
        {
            _targets[(s * Peer784x256x128x10.OutputSize) + random.Next(Peer784x256x128x10.OutputSize)] = 1f;
        }

        _step = new TrainingStep(_network, new Sgd(Peer784x256x128x10.ParameterCount, 1e-6f), Workers);
    }

    [Benchmark]
    public double Step() => _step.Run(_inputs, _targets);

    [GlobalCleanup]
    public void Dispose()
    {
        _step?.Dispose();
        GC.SuppressFinalize(this);
    }
}
