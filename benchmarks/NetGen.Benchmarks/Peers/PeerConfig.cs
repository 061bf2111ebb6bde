using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using Perfolizer.Horology;

namespace NetGen.Benchmarks.Peers;

/// <summary>
/// The peer suite's configuration: the short job of <see cref="BenchmarkConfig"/> (3 warm-up and 8 measured
/// iterations of 120 ms, one launch), allocations, Median and Min beside the Mean, and one joined summary so
/// that every row's <see cref="PeerColumn"/>s are computed against the FMA probe of the same run.
/// </summary>
public sealed class PeerConfig : ManualConfig
{
    public PeerConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(8)
            .WithIterationTime(TimeInterval.FromMilliseconds(120))
            .WithId("Short"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default);
        AddColumnProvider(DefaultColumnProviders.Instance);
        AddColumn(StatisticColumn.Median, StatisticColumn.Min);
        AddColumn(PeerColumn.All);
        WithOrderer(new PeerOrderer());
        WithOptions(ConfigOptions.JoinSummary);
        WithSummaryStyle(SummaryStyle.Default.WithZeroMetricValuesInContent());
    }
}
