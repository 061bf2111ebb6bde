using System.Threading;

namespace NetGen.Training;

/// <summary>
/// A reusable barrier for a fixed number of threads that allocates nothing, not even on its first blocking wait
/// (<see cref="Barrier"/> creates its events' locks lazily, on whichever thread blocks first). A waiting thread
/// spins for a moment, since the phases of a training step are short, then blocks on a monitor.
/// </summary>
internal sealed class Rendezvous
{
    /// <summary>Spin rounds before blocking: about a millisecond of <see cref="Thread.SpinWait"/>.</summary>
    private const int SpinRounds = 4000;

    private readonly object _gate = new();
    private readonly int _participants;
    private int _arrived;
    private long _generation;

    public Rendezvous(int participants) => _participants = participants;

    /// <summary>Returns once every participant has called it in this phase.</summary>
    public void SignalAndWait()
    {
        long generation = Volatile.Read(ref _generation);
        if (Interlocked.Increment(ref _arrived) == _participants)
        {
            // Reset before the release: a released thread can only arrive again after seeing the new generation.
            _arrived = 0;
            Interlocked.Increment(ref _generation);
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }

            return;
        }

        for (int round = 0; round < SpinRounds; round++)
        {
            if (Volatile.Read(ref _generation) != generation)
            {
                return;
            }

            Thread.SpinWait(20);
        }

        lock (_gate)
        {
            while (Volatile.Read(ref _generation) == generation)
            {
                Monitor.Wait(_gate);
            }
        }
    }
}
