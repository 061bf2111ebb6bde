using System;
using System.Threading;

namespace NetGen.Training;

/// <summary>
/// A reusable barrier for a fixed number of threads that allocates nothing, not even on its first blocking wait
/// (<see cref="Barrier"/> creates its events' locks lazily, on whichever thread blocks first). A waiting thread
/// spins for up to 2 ms, since the phases of a training step are short, then blocks on a monitor.
/// </summary>
internal sealed class Rendezvous
{
    /// <summary>How long a waiting thread spins before it blocks: a few training steps' worth.</summary>
    private static readonly long SpinTicks = System.Diagnostics.Stopwatch.Frequency / 500;

    private readonly object _gate = new();
    private int _arrived;
    private long _generation;

    public Rendezvous(int participants) => Participants = participants;

    /// <summary>The threads that meet at each phase; changed only while no thread is inside <see cref="SignalAndWait"/>.</summary>
    public int Participants { get; set; }

    /// <summary>
    /// Returns once every participant has called it in this phase. The last to arrive runs
    /// <paramref name="beforeRelease"/> (if any) before it releases the others, so its effects are seen by all of them.
    /// </summary>
    public void SignalAndWait(Action? beforeRelease = null)
    {
        long generation = Volatile.Read(ref _generation);
        if (Interlocked.Increment(ref _arrived) == Participants)
        {
            beforeRelease?.Invoke();

            // Reset before the release: a released thread can only arrive again after seeing the new generation.
            _arrived = 0;
            Interlocked.Increment(ref _generation);
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }

            return;
        }

        long deadline = System.Diagnostics.Stopwatch.GetTimestamp() + SpinTicks;
        do
        {
            for (int i = 0; i < 64; i++)
            {
                if (Volatile.Read(ref _generation) != generation)
                {
                    return;
                }

                Thread.SpinWait(1);
            }
        }
        while (System.Diagnostics.Stopwatch.GetTimestamp() < deadline);

        lock (_gate)
        {
            while (Volatile.Read(ref _generation) == generation)
            {
                Monitor.Wait(_gate);
            }
        }
    }
}
