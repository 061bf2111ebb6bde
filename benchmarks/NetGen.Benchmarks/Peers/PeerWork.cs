using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Running;

namespace NetGen.Benchmarks.Peers;

/// <summary>What one call of a peer benchmark does.</summary>
public enum Workload
{
    /// <summary>One sample forward.</summary>
    Forward,

    /// <summary>A batch of <see cref="PeerBenchmarks.BatchSize"/> samples forward.</summary>
    ForwardBatch,

    /// <summary>One sample's loss gradient added into <c>Gradients</c> (<c>Backward</c>, which recomputes the forward pass).</summary>
    Backward,

    /// <summary>One optimizer step on a minibatch of <see cref="PeerBenchmarks.MinibatchSize"/> samples.</summary>
    Training,

    /// <summary>The FMA-peak probe: a fixed number of independent fused multiply-adds.</summary>
    FmaPeak,

    /// <summary>The read-bandwidth probe: one pass over a buffer the size of 784-128-10's <c>W1</c>, held in L2.</summary>
    L2Read,
}

/// <summary>The layer sizes of the network a peer benchmark class measures, input first.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PeerNetworkAttribute : Attribute
{
    public PeerNetworkAttribute(params int[] sizes) => Sizes = sizes;

    public int[] Sizes { get; }

    public string Name => string.Join('-', Sizes.Select(s => s.ToString(CultureInfo.InvariantCulture)));
}

/// <summary>Who runs a peer benchmark method, what it computes, and on how many threads.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PeerWorkAttribute : Attribute
{
    public PeerWorkAttribute(string contender, Workload workload, int threads = 1)
    {
        Contender = contender;
        Workload = workload;
        Threads = threads;
    }

    public string Contender { get; }

    public Workload Workload { get; }

    public int Threads { get; }
}

/// <summary>
/// The work of one benchmark case, read from its attributes: the network (empty for the FMA probe), the
/// samples and the floating-point operations of one call, and the bytes of the first layer's weights.
/// </summary>
internal sealed record PeerWork(string Network, string Contender, Workload Workload, int Threads, int Samples, double Flops, double FirstWeightBytes = 0)
{
    public const string NetGen = "NetGen";
    public const string Textbook = "Textbook C#";
    public const string OnnxRuntime = "ONNX Runtime";
    public const string RTNeural = "RTNeural";
    public const string Probe = "FMA probe";

    public static PeerWork? Of(BenchmarkCase benchmarkCase)
    {
        var work = (PeerWorkAttribute?)Attribute.GetCustomAttribute(benchmarkCase.Descriptor.WorkloadMethod, typeof(PeerWorkAttribute));
        if (work is null)
        {
            return null;
        }

        if (work.Workload == Workload.FmaPeak)
        {
            int bits = benchmarkCase.Descriptor.WorkloadMethod.Name.Contains("512", StringComparison.Ordinal) ? 512 : 256;
            return new PeerWork(string.Empty, work.Contender, work.Workload, work.Threads, 0, FmaPeak.FlopsPerCall(bits));
        }

        if (work.Workload == Workload.L2Read)
        {
            return new PeerWork(string.Empty, work.Contender, work.Workload, work.Threads, 0, 0);
        }

        var network = (PeerNetworkAttribute?)Attribute.GetCustomAttribute(benchmarkCase.Descriptor.Type, typeof(PeerNetworkAttribute))
            ?? throw new InvalidOperationException($"{benchmarkCase.Descriptor.Type.Name} has no [PeerNetwork].");
        (int samples, double flopsPerSample) = work.Workload switch
        {
            Workload.Forward => (1, FlopCount.Forward(network.Sizes)),
            Workload.ForwardBatch => (PeerBenchmarks.BatchSize, FlopCount.Forward(network.Sizes)),
            Workload.Backward => (1, FlopCount.Backward(network.Sizes)),
            _ => (PeerBenchmarks.MinibatchSize, FlopCount.TrainingPerSample(network.Sizes, PeerBenchmarks.MinibatchSize)),
        };
        return new PeerWork(network.Name, work.Contender, work.Workload, work.Threads, samples, samples * flopsPerSample, 4.0 * network.Sizes[0] * network.Sizes[1]);
    }
}
