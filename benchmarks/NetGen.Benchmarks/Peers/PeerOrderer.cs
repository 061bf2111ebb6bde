using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NetGen.Benchmarks.Peers;

/// <summary>
/// Orders the peer summary as it is read: the FMA probes first, then network by network (smallest first),
/// workload by workload, NetGen before its peers (RTNeural first among them); one group per network and workload.
/// </summary>
internal sealed class PeerOrderer : IOrderer
{
    private static readonly string[] Contenders = { PeerWork.Probe, PeerWork.NetGen, PeerWork.RTNeural, PeerWork.Textbook, PeerWork.OnnxRuntime };

    public bool SeparateLogicalGroups => true;

    public IEnumerable<BenchmarkCase> GetExecutionOrder(ImmutableArray<BenchmarkCase> benchmarksCase, IEnumerable<BenchmarkLogicalGroupRule>? order = null) =>
        benchmarksCase.OrderBy(Key, Comparer<string>.Default);

    public IEnumerable<BenchmarkCase> GetSummaryOrder(ImmutableArray<BenchmarkCase> benchmarksCases, Summary summary) =>
        benchmarksCases.OrderBy(Key, Comparer<string>.Default);

    public string? GetHighlightGroupKey(BenchmarkCase benchmarkCase) => null;

    public string GetLogicalGroupKey(ImmutableArray<BenchmarkCase> allBenchmarksCases, BenchmarkCase benchmarkCase) => Key(benchmarkCase)[..GroupLength];

    public IEnumerable<IGrouping<string, BenchmarkCase>> GetLogicalGroupOrder(IEnumerable<IGrouping<string, BenchmarkCase>> logicalGroups, IEnumerable<BenchmarkLogicalGroupRule>? order = null) =>
        logicalGroups.OrderBy(g => g.Key, Comparer<string>.Default);

    // Fixed-width sort key: parameter count of the network, workload, then contender, threads and method name.
    private const int GroupLength = 12;

    private static string Key(BenchmarkCase benchmarkCase)
    {
        PeerWork? work = PeerWork.Of(benchmarkCase);
        if (work is null)
        {
            return new string('~', GroupLength) + benchmarkCase.Descriptor.WorkloadMethod.Name;
        }

        var network = (PeerNetworkAttribute?)System.Attribute.GetCustomAttribute(benchmarkCase.Descriptor.Type, typeof(PeerNetworkAttribute));
        long weights = 0;
        for (int k = 1; network is not null && k < network.Sizes.Length; k++)
        {
            weights += (long)network.Sizes[k - 1] * network.Sizes[k];
        }

        int contender = System.Array.IndexOf(Contenders, work.Contender);
        return $"{weights:D10}{(int)work.Workload:D2}{contender:D2}{work.Threads:D2}{benchmarkCase.Descriptor.WorkloadMethod.Name}";
    }
}
