using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using Perfolizer.Horology;

namespace NetGen.Benchmarks.Peers;

/// <summary>
/// The peer suite's configuration, given by <see cref="PeerSuite"/>: a short job like <see cref="BenchmarkConfig"/>'s
/// (4 warm-up and 12 measured iterations of 120 ms, one launch; the whole suite takes a few minutes),
/// allocations, Median and Min beside the Mean, and one joined summary so that every row's
/// <see cref="PeerColumn"/>s are computed against the FMA probe of the same run.
/// </summary>
public sealed class PeerConfig : ManualConfig
{
    /// <param name="withRTNeural">Whether the RTNeural driver was built; without it its rows are left out.</param>
    public PeerConfig(bool withRTNeural)
    {
        if (!withRTNeural)
        {
            AddFilter(new SimpleFilter(c => PeerWork.Of(c)?.Contender != PeerWork.RTNeural));
        }

        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(4)
            .WithIterationCount(12)
            .WithIterationTime(TimeInterval.FromMilliseconds(120))
            .WithId("Short"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default);
        AddColumnProvider(DefaultColumnProviders.Instance);
        AddExporter(BenchmarkDotNet.Exporters.MarkdownExporter.GitHub, BenchmarkDotNet.Exporters.Csv.CsvExporter.Default);
        HideColumns(Column.Error);
        AddColumn(StatisticColumn.Median, StatisticColumn.Min);
        AddColumn(PeerColumn.All);
        WithOrderer(new PeerOrderer());
        WithOptions(ConfigOptions.JoinSummary);

        WithSummaryStyle(SummaryStyle.Default.WithZeroMetricValuesInContent());

        // The benchmark project's build takes minutes, not the default two, on a machine busy with other builds.
        WithBuildTimeout(System.TimeSpan.FromMinutes(10));
    }
}
