using System;

namespace NetGen.Testing;

/// <summary>Allocation measurements that the runtime's own background work cannot fail.</summary>
internal static class Allocations
{
    /// <summary>
    /// The bytes the current thread allocates while <paramref name="calls"/> runs, once warm: the fewest over up to
    /// five runs (after one warm-up run). The runtime does one-off work of its own on the calling thread now and
    /// then (tiered compilation starting its background worker, for one), which can land in any single run and is
    /// not the code's; code that allocates on every call allocates in every run, so the fewest is 0 only if the
    /// code allocates nothing.
    /// </summary>
    /// <param name="calls">The calls measured; the delegate itself is created by the caller, before.</param>
    /// <returns>The fewest bytes allocated by one run.</returns>
    public static long SteadyState(Action calls)
    {
        calls();
        long fewest = long.MaxValue;
        for (int run = 0; run < 5 && fewest > 0; run++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            calls();
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return fewest;
    }
}
