using System;
using BenchmarkDotNet.Attributes;
using NetGen.Benchmarks.Peers;
using NetGen.Optimizers;
using NetGen.Training;

namespace NetGen.Benchmarks;

/// <summary>
/// Data-parallel training against one thread, by network and minibatch size: one <see cref="TrainingStep.Run"/>
/// (SGD) on 1 worker, 2 workers and <see cref="WorkerCount.Auto"/>, with a learning rate small enough (10⁻⁶) that
/// repeating the step on one minibatch leaves the parameters where they started to within float rounding. Run with
/// <c>--filter '*ThreadScaling*'</c>; the speed-up of a row is the 1-worker median over its median, for the same network
/// and minibatch. The thresholds of Auto (<c>Parallelism</c> in the runtime) come from these rows.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class ThreadScalingTraining : IDisposable
{
    private TrainingStep _step = null!;
    private float[] _inputs = null!, _targets = null!;

    [Params("4-8-3", "16-64-64-1", "784-128-10", "784-256-128-10")]
    public string Network { get; set; } = "";

    [Params(16, 32, 64, 128, 256)]
    public int Minibatch { get; set; }

    [Params("1", "2", "Auto")]
    public string Workers { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        INetwork network = ThreadScalingData.Create(Network);
        (_inputs, _targets) = ThreadScalingData.Batch(network, Minibatch);
        _step = new TrainingStep(network, new Sgd(network.ParameterCount, 1e-6f), ThreadScalingData.Parse(Workers));
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

/// <summary>
/// Batched inference on several threads against one, by network and batch size: <see cref="ParallelInference.ForwardBatch"/>
/// on 1 worker, 2 workers and <see cref="WorkerCount.Auto"/>. Run with <c>--filter '*ThreadScaling*'</c>.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class ThreadScalingInference : IDisposable
{
    private ParallelInference _inference = null!;
    private float[] _inputs = null!, _outputs = null!;

    [Params("4-8-3", "16-64-64-1", "784-128-10", "784-256-128-10")]
    public string Network { get; set; } = "";

    [Params(64, 128, 256, 1024)]
    public int Batch { get; set; }

    [Params("1", "2", "Auto")]
    public string Workers { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        INetwork network = ThreadScalingData.Create(Network);
        (_inputs, _) = ThreadScalingData.Batch(network, Batch);
        _outputs = new float[Batch * network.OutputSize];
        _inference = new ParallelInference(network, ThreadScalingData.Parse(Workers));
    }

    [Benchmark]
    public float[] Forward()
    {
        _inference.ForwardBatch(_inputs, _outputs);
        return _outputs;
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _inference?.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The networks and data of the thread-scaling benchmarks.</summary>
internal static class ThreadScalingData
{
    public static INetwork Create(string name) => name switch
    {
        "4-8-3" => new Peer4x8x3(seed: 1),
        "16-64-64-1" => new Peer16x64x64x1(seed: 1),
        "784-128-10" => new Peer784x128x10(seed: 1),
        "784-256-128-10" => new Peer784x256x128x10(seed: 1),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a network of the benchmarks."),
    };

    public static WorkerCount Parse(string workers) => workers == "Auto" ? WorkerCount.Auto : int.Parse(workers, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Inputs uniform in [−1, 1); one-hot targets for a classifier, uniform in [−1, 1) otherwise.</summary>
    public static (float[] Inputs, float[] Targets) Batch(INetwork network, int count)
    {
        var random = new Random(2);
        float[] inputs = new float[count * network.InputSize], targets = new float[count * network.OutputSize];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = (2f * random.NextSingle()) - 1f;
        }

        for (int s = 0; s < count; s++)
        {
            if (network.Loss == Loss.MeanSquaredError)
            {
                for (int j = 0; j < network.OutputSize; j++)
                {
                    targets[(s * network.OutputSize) + j] = (2f * random.NextSingle()) - 1f;
                }
            }
            else
            {
                targets[(s * network.OutputSize) + random.Next(network.OutputSize)] = 1f;
            }
        }

        return (inputs, targets);
    }
}
