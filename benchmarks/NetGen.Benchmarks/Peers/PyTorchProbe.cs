using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.Intrinsics;
using System.Text.Json;
using NetGen.Optimizers;
using NetGen.Training;

namespace NetGen.Benchmarks.Peers;

/// <summary>
/// <c>-- --pytorch</c>: PyTorch as a contender on the peer networks' batched workloads, a forward pass of
/// <see cref="PeerBenchmarks.BatchSize"/> samples and one SGD step on <see cref="PeerBenchmarks.MinibatchSize"/>, on
/// the same weights and samples as the peer suite. PyTorch runs in its own Python process
/// (<c>Peers/pytorch_peer.py</c>, <c>/usr/bin/python3</c> or <c>NETGEN_PYTHON</c>) on one thread; it times its own
/// calls, and NetGen's are timed here the same way (the fastest of nine rounds, each the mean of the calls that
/// fill 50 ms), before and after it, keeping NetGen's faster figure. Before timing, PyTorch's outputs and its
/// parameters after one step are checked against NetGen's.
/// </summary>
/// <remarks>
/// With AVX-512 disabled in .NET (<c>DOTNET_EnableAVX512=0</c>), PyTorch is held to AVX2 as well:
/// <c>ATEN_CPU_CAPABILITY=avx2</c> for its own kernels and <c>OPENBLAS_CORETYPE=Haswell</c> for OpenBLAS, which
/// otherwise chooses its kernels from the CPU. With AVX-512 on, PyTorch runs once with its AVX2 kernels (PyTorch
/// 1.13's own choice on the Zen 4 of docs/performance.md) and once with its AVX-512 ones, and each row keeps the
/// faster. PyTorch's matrix products go to the system BLAS: with Debian's reference BLAS (<c>libblas3</c>) they are
/// an order of magnitude slower than with OpenBLAS (<c>libopenblas0-pthread</c>), so the line before the table names
/// the library the Python process loaded.
/// </remarks>
internal static class PyTorchProbe
{
    private const string Script = "pytorch_peer.py";
    private const int Rounds = 9;
    private const double RoundSeconds = 0.05;

    private static readonly Func<INetwork>[] Networks =
    [
        () => new Peer4x8x3(seed: 1),
        () => new Peer16x64x64x1(seed: 1),
        () => new Peer784x128x10(seed: 1),
        () => new Peer784x256x128x10(seed: 1),
    ];

    public static bool TryRun(string[] args)
    {
        if (args.Length < 1 || args[0] != "--pytorch")
        {
            return false;
        }

        string python = Environment.GetEnvironmentVariable("NETGEN_PYTHON") is { Length: > 0 } p ? p : "/usr/bin/python3";
        string script = Path.Combine(AppContext.BaseDirectory, "Peers", Script);

        // PyTorch's own kernels at the instruction sets .NET uses: AVX2 alone when .NET has AVX-512 off, else the
        // faster of AVX2 (PyTorch 1.13's default on some AVX-512 CPUs) and AVX-512 for each row.
        string[] capabilities = Vector512.IsHardwareAccelerated ? ["avx2", "avx512"] : Vector256.IsHardwareAccelerated ? ["avx2"] : ["default"];
        bool avx2Only = !Vector512.IsHardwareAccelerated && Vector256.IsHardwareAccelerated;
        Console.WriteLine($".NET: Vector512 accelerated {Vector512.IsHardwareAccelerated}, Vector256 {Vector256.IsHardwareAccelerated}; " +
            $"PyTorch kernels: {string.Join(" and ", capabilities)}{(avx2Only ? ", OpenBLAS held to Haswell (AVX2)" : string.Empty)}");
        string? versions = null;
        foreach (Func<INetwork> create in Networks)
        {
            INetwork network = create();
            string name = string.Join("-", network.Layers.ToArray().Select(l => l.Outputs).Prepend(network.InputSize));
            (float[] inputs, float[] targets) = PeerBenchmarks.Batch(network);
            float[] initial = network.Parameters.ToArray();
            string work = Path.Combine(Path.GetTempPath(), $"netgen-pytorch-{Environment.ProcessId}.work");
            string result = Path.ChangeExtension(work, ".result");
            try
            {
                WriteWork(work, network, inputs, targets);
                (double netGenForward, double netGenStep) = TimeNetGen(network, inputs, targets);
                double torchForward = double.MaxValue, torchStep = double.MaxValue, outputs = 0, trained = 0;
                foreach (string capability in capabilities)
                {
                    (string? error, JsonElement report) = RunPeer(python, script, work, result, capability, avx2Only);
                    if (error is not null)
                    {
                        Console.WriteLine($"PyTorch: not measured on {name}; {error}");
                        return true;
                    }

                    (double o, double t) = Check(network, initial, inputs, targets, File.ReadAllBytes(result));
                    (outputs, trained) = (Math.Max(outputs, o), Math.Max(trained, t));
                    if (!(Math.Max(outputs, trained) <= PeerBenchmarks.Tolerance))
                    {
                        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{name}: PyTorch ({capability}) does not compute what NetGen computes: outputs differ by up to {outputs:G2}, parameters after a step by {trained:G2}."));
                    }

                    torchForward = Math.Min(torchForward, report.GetProperty("forward_batch_us").GetDouble());
                    torchStep = Math.Min(torchStep, report.GetProperty("step_us").GetDouble());
                    if (versions is null)
                    {
                        versions = $"PyTorch {report.GetProperty("torch").GetString()}, {report.GetProperty("threads").GetInt32()} thread, " +
                            $"BLAS {report.GetProperty("blas").GetString()}";
                        Console.WriteLine(versions);
                        Console.WriteLine("| network | workload | NetGen | PyTorch | PyTorch time / NetGen's | largest difference |");
                        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
                    }
                }

                (double forwardAgain, double stepAgain) = TimeNetGen(network, inputs, targets);
                netGenForward = Math.Min(netGenForward, forwardAgain);
                netGenStep = Math.Min(netGenStep, stepAgain);
                Console.WriteLine(Row(name, $"forward, {PeerBenchmarks.BatchSize} samples", netGenForward, torchForward, outputs, "outputs"));
                Console.WriteLine(Row(name, $"SGD step, {PeerBenchmarks.MinibatchSize} samples", netGenStep, torchStep, trained, "parameters after a step"));
            }
            finally
            {
                File.Delete(work);
                File.Delete(result);
            }
        }

        return true;
    }

    private static string Row(string network, string workload, double netGen, double torch, double difference, string of) =>
        string.Create(CultureInfo.InvariantCulture, $"| {network} | {workload} | {netGen:F2} µs | {torch:F2} µs | {torch / netGen:F2}× | {difference:G2} ({of}) |");

    /// <summary>The work file pytorch_peer.py reads: the topology, the loss, the sizes and rate of the workloads, the parameters and the samples.</summary>
    private static void WriteWork(string path, INetwork network, float[] inputs, float[] targets)
    {
        using var writer = new BinaryWriter(File.Create(path));
        PeerBenchmarks.WriteSizes(writer, network);
        foreach (LayerInfo layer in network.Layers)
        {
            writer.Write((int)layer.Activation);
        }

        foreach (LayerInfo layer in network.Layers)
        {
            writer.Write(layer.Slope);
        }

        writer.Write((int)network.Loss);
        writer.Write(PeerBenchmarks.BatchSize);
        writer.Write(PeerBenchmarks.MinibatchSize);
        writer.Write(PeerBenchmarks.LearningRate);
        foreach (float value in network.Parameters)
        {
            writer.Write(value);
        }

        foreach (float value in inputs.Concat(targets))
        {
            writer.Write(value);
        }
    }

    /// <summary>Runs the peer script; its JSON report, or why it could not run.</summary>
    private static (string? Error, JsonElement Report) RunPeer(string python, string script, string work, string result, string capability, bool avx2Only)
    {
        if (!File.Exists(python))
        {
            return ($"no Python at {python} (set NETGEN_PYTHON).", default);
        }

        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(work);
        start.ArgumentList.Add(result);
        start.Environment["OPENBLAS_NUM_THREADS"] = "1";
        start.Environment["OMP_NUM_THREADS"] = "1";
        start.Environment["ATEN_CPU_CAPABILITY"] = capability;
        if (avx2Only)
        {
            start.Environment["OPENBLAS_CORETYPE"] = "Haswell";
        }

        using Process process = Process.Start(start)!;
        var errorsRead = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        string errors = errorsRead.GetAwaiter().GetResult();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            string last = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? $"exit code {process.ExitCode}";
            return ($"{Script} failed: {last}", default);
        }

        return (null, JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement.Clone());
    }

    /// <summary>
    /// The largest differences between PyTorch and NetGen: in the batch's outputs, and in the parameters after one SGD
    /// step on the first minibatch from <paramref name="initial"/>. Leaves the network trained by that step.
    /// </summary>
    private static (double Outputs, double Trained) Check(INetwork network, float[] initial, float[] inputs, float[] targets, byte[] result)
    {
        float[] peer = new float[result.Length / sizeof(float)];
        Buffer.BlockCopy(result, 0, peer, 0, result.Length);
        int outputCount = PeerBenchmarks.BatchSize * network.OutputSize;
        if (peer.Length != outputCount + network.ParameterCount)
        {
            throw new InvalidDataException($"{Script} returned {peer.Length} floats; {outputCount + network.ParameterCount} expected.");
        }

        float[] outputs = new float[outputCount];
        initial.CopyTo(network.Parameters);
        network.ForwardBatch(inputs, outputs);
        using var step = new TrainingStep(network, new Sgd(network.ParameterCount, PeerBenchmarks.LearningRate));
        step.Run(Minibatch(inputs, network.InputSize, 0), Minibatch(targets, network.OutputSize, 0));
        return (PeerBenchmarks.LargestDifference(outputs, peer.AsSpan(0, outputCount)), PeerBenchmarks.LargestDifference(network.Parameters, peer.AsSpan(outputCount)));
    }

    /// <summary>NetGen's time per call, in µs, for the batched forward pass and for an SGD step cycling through the minibatches.</summary>
    private static (double Forward, double Step) TimeNetGen(INetwork network, float[] inputs, float[] targets)
    {
        float[] outputs = new float[PeerBenchmarks.BatchSize * network.OutputSize];
        using var step = new TrainingStep(network, new Sgd(network.ParameterCount, PeerBenchmarks.LearningRate));
        int minibatches = PeerBenchmarks.BatchSize / PeerBenchmarks.MinibatchSize, next = 0;
        void Forward() => network.ForwardBatch(inputs, outputs);
        void Step()
        {
            step.Run(Minibatch(inputs, network.InputSize, next), Minibatch(targets, network.OutputSize, next));
            next = (next + 1) % minibatches;
        }

        TieredWarmUp.Run(() =>
        {
            Forward();
            Step();
        });
        return (Fastest(Forward), Fastest(Step));
    }

    private static ReadOnlySpan<float> Minibatch(float[] block, int width, int index) =>
        block.AsSpan(index * PeerBenchmarks.MinibatchSize * width, PeerBenchmarks.MinibatchSize * width);

    /// <summary>As pytorch_peer.py times: the calls that fill <see cref="RoundSeconds"/>, the fastest mean of <see cref="Rounds"/> rounds, in µs.</summary>
    private static double Fastest(Action call)
    {
        long start = Stopwatch.GetTimestamp();
        call();
        double once = Math.Max(Stopwatch.GetElapsedTime(start).TotalSeconds, 1e-7);
        int calls = Math.Max(1, (int)(RoundSeconds / once));
        double best = double.MaxValue;
        for (int round = 0; round < Rounds; round++)
        {
            start = Stopwatch.GetTimestamp();
            for (int i = 0; i < calls; i++)
            {
                call();
            }

            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMicroseconds / calls);
        }

        return best;
    }
}
