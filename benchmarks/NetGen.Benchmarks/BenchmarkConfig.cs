using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using Perfolizer.Horology;

namespace NetGen.Benchmarks;

/// <summary>
/// A short job, sized for a shared two-core machine: 3 warm-up and 8 measured iterations of 120 ms each,
/// one launch. Both strategies of a shape share a category; the SIMD one is the baseline, so Ratio is
/// unrolled / SIMD. The machine is shared, so Median and Min are shown beside the Mean: they are the
/// figures least disturbed by other processes.
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    /// <summary>Set by the <c>--avx2</c> switch: run the benchmarks with AVX-512 disabled.</summary>
    public static bool WithoutAvx512 { get; set; }

    /// <summary>
    /// Set by the <c>--vector256</c> switch: also run every benchmark with 256-bit vectors preferred (AVX-512
    /// instructions and registers stay available, <c>Vector512</c> is not accelerated), to compare the kernels' widths.
    /// </summary>
    public static bool AlsoVector256 { get; set; }

    /// <summary>
    /// Set by the <c>--in-process</c> switch: run the benchmarks in the host process instead of a project built for
    /// each, whose build can exceed BenchmarkDotNet's two-minute limit on a busy machine.
    /// </summary>
    public static bool InProcess { get; set; }

    public BenchmarkConfig()
    {
        Job job = Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(8)
            .WithIterationTime(TimeInterval.FromMilliseconds(120));
        if (InProcess)
        {
            job = job.WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance);
        }
        if (WithoutAvx512)
        {
            // The same core restricted to AVX2: no 512-bit vectors and 16 vector registers instead of 32.
            AddJob(job.WithEnvironmentVariable("DOTNET_EnableAVX512", "0").WithId("ShortAvx2"));
        }
        else
        {
            AddJob(job.WithId("Short"));
        }

        if (AlsoVector256)
        {
            AddJob(job.WithEnvironmentVariable("DOTNET_PreferredVectorBitWidth", "256").WithId("ShortV256"));
        }
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(CategoriesColumn.Default, StatisticColumn.Median, StatisticColumn.Min);
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
        WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Value).WithZeroMetricValuesInContent());
        WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared, BenchmarkDotNet.Order.MethodOrderPolicy.Declared));
    }
}
