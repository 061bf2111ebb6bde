using System;
using System.Linq;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using NetGen.Benchmarks.BuildCost;
using NetGen.Benchmarks.Peers;

namespace NetGen.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/NetGen.Benchmarks -- --filter '*'</c> runs the benchmarks
/// (any BenchmarkDotNet arguments work; <c>--avx2</c> runs them with AVX-512 disabled,
/// <c>--vector256</c> adds a second job that prefers 256-bit vectors, <c>--in-process</c> runs them in this process);
/// <c>-- --jit [repeats] [name filter]</c> measures JIT times instead; <c>-- --thread-probe [repeats]</c> compares one
/// worker with two by the fastest of interleaved calls (<see cref="ThreadProbe"/>); <c>-- --peers</c> runs the peer suite
/// (<see cref="PeerSuite"/>), <c>-- --pytorch</c> measures PyTorch on the peer networks' batched workloads
/// (<see cref="PyTorchProbe"/>) and <c>-- --generator [repeats]</c> times the generator (<see cref="GeneratorTimes"/>).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (JitTimes.TryRun(args) || GeneratorTimes.TryRun(args) || PeerSuite.TryRun(args) || ThreadProbe.TryRun(args) || PyTorchProbe.TryRun(args))
        {
            return;
        }

        if (args.Contains("--avx2"))
        {
            BenchmarkConfig.WithoutAvx512 = true;
        }

        if (args.Contains("--vector256"))
        {
            BenchmarkConfig.AlsoVector256 = true;
        }

        if (args.Contains("--in-process"))
        {
            BenchmarkConfig.InProcess = true;
        }

        args = args.Where(a => a is not "--avx2" and not "--vector256" and not "--in-process").ToArray();

        Console.WriteLine($"Vector512 accelerated: {Vector512.IsHardwareAccelerated}, Vector256: {Vector256.IsHardwareAccelerated}, Vector128: {Vector128.IsHardwareAccelerated}");
        // The peer suite runs with its own configuration and summary, under --peers only.
        Type[] types = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && t.Namespace != typeof(PeerSuite).Namespace)
            .Where(t => t.GetMethods().Any(m => m.IsDefined(typeof(BenchmarkAttribute), inherit: true)))
            .ToArray();
        BenchmarkSwitcher.FromTypes(types).Run(args);
    }
}
