using System;
using System.Linq;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Running;

namespace NetGen.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/NetGen.Benchmarks -- --filter '*'</c> runs the benchmarks
/// (any BenchmarkDotNet arguments work; <c>--avx2</c> runs them with AVX-512 disabled,
/// <c>--vector256</c> adds a second job that prefers 256-bit vectors);
/// <c>-- --jit [repeats] [name filter]</c> measures JIT times instead.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (JitTimes.TryRun(args))
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

        args = args.Where(a => a is not "--avx2" and not "--vector256").ToArray();

        Console.WriteLine($"Vector512 accelerated: {Vector512.IsHardwareAccelerated}, Vector256: {Vector256.IsHardwareAccelerated}, Vector128: {Vector128.IsHardwareAccelerated}");
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
