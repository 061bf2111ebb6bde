using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NetGen.Benchmarks.Peers;

/// <summary>
/// Columns computed from a row's median time and its <see cref="PeerWork"/>: samples per second, GFLOP/s,
/// the percentage of the single-core FMA peak measured in the same summary (the fastest
/// <see cref="FmaPeak"/> row), the row's time over NetGen's for the same network and workload, and for a one-sample
/// forward pass over a large first layer, the percentage of the bound set by reading its weights (<see cref="ReadBandwidth"/>).
/// </summary>
internal sealed class PeerColumn : IColumn
{
    public static readonly IColumn[] All =
    {
        new PeerColumn("Samples/s", "Samples per second: samples of one call / median time", Values.SamplesPerSecond, 0),
        new PeerColumn("GFLOP/s", "Floating-point operations per second, multiply-add = 2, activations not counted (FlopCount)", Values.Gigaflops, 1),
        new PeerColumn("% of peak", "GFLOP/s as a percentage of the fastest FMA probe of this summary (one core)", Values.PercentOfPeak, 2),
        new PeerColumn("Time / NetGen", "Median time over NetGen's (one thread) for the same network and workload; above 1 NetGen is faster", Values.TimeOverNetGen, 3),
        new PeerColumn("% of L2 bound", "One-sample forward: the time to read W1 at the L2Read probe's bandwidth, over the median (shown where W1 does not fit in L1)", Values.PercentOfReadBound, 4),
    };

    private readonly Values _values;

    private PeerColumn(string name, string legend, Values values, int priority)
    {
        ColumnName = name;
        Legend = legend;
        _values = values;
        PriorityInCategory = priority;
    }

    private enum Values
    {
        SamplesPerSecond,
        Gigaflops,
        PercentOfPeak,
        TimeOverNetGen,
        PercentOfReadBound,
    }

    public string Id => nameof(PeerColumn) + "." + _values;

    public string ColumnName { get; }

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory { get; }

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend { get; }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        PeerWork? work = PeerWork.Of(benchmarkCase);
        double? median = MedianNanoseconds(summary, benchmarkCase);
        if (work is null || median is null)
        {
            return "-";
        }

        switch (_values)
        {
            case Values.SamplesPerSecond:
                return work.Samples == 0 ? "-" : Format(work.Samples / (median.Value * 1e-9), "N0");
            case Values.Gigaflops:
                return Format(work.Flops / median.Value, "F1");
            case Values.PercentOfPeak:
                double? peak = PeakGigaflops(summary);
                return peak is null ? "-" : Format(100 * (work.Flops / median.Value) / peak.Value, "F1") + " %";
            case Values.PercentOfReadBound:
                double? probe = summary.BenchmarksCases.Where(c => PeerWork.Of(c)?.Workload == Workload.L2Read).Select(c => MedianNanoseconds(summary, c)).FirstOrDefault();
                if (work.Workload == Workload.L2Read && probe is not null)
                {
                    return Format(ReadBandwidth.Bytes / probe.Value, "F1") + " GB/s";
                }

                return work.Workload != Workload.Forward || work.FirstWeightBytes < ReadBandwidth.Bytes || probe is null
                    ? "-"
                    : Format(100 * (work.FirstWeightBytes / ReadBandwidth.Bytes * probe.Value) / median.Value, "F1") + " %";
            default:
                if (work.Samples == 0)
                {
                    return "-";
                }

                BenchmarkCase? netGen = summary.BenchmarksCases.FirstOrDefault(c =>
                    c.Descriptor.Type == benchmarkCase.Descriptor.Type && PeerWork.Of(c) is { Contender: PeerWork.NetGen, Threads: 1 } w && w.Workload == work.Workload);
                double? reference = netGen is null ? null : MedianNanoseconds(summary, netGen);
                return reference is null ? "-" : Format(median.Value / reference.Value, "F2");
        }
    }

    /// <summary>The GFLOP/s of the fastest FMA probe in <paramref name="summary"/>, if it has one.</summary>
    public static double? PeakGigaflops(Summary summary) => summary.BenchmarksCases
        .Select(c => (Work: PeerWork.Of(c), Median: MedianNanoseconds(summary, c)))
        .Where(r => r.Work?.Workload == Workload.FmaPeak && r.Median is not null)
        .Select(r => (double?)(r.Work!.Flops / r.Median!.Value))
        .Max();

    public static double? MedianNanoseconds(Summary summary, BenchmarkCase benchmarkCase) => summary[benchmarkCase]?.ResultStatistics?.Median;

    public override string ToString() => ColumnName;

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
