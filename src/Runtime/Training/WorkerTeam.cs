using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace NetGen.Training;

/// <summary>
/// Threads kept for the data-parallel work of <see cref="TrainingStep"/> and <see cref="ParallelInference"/>: a run
/// calls the owner's part on the calling thread (part 0) and on as many of the team's threads as the run needs
/// (parts 1, 2, …), and returns when every part has returned. Inside a part, <see cref="SignalAndWait"/> is a
/// barrier among the parts of the run. Nothing is allocated after the constructor.
/// </summary>
/// <remarks>
/// A part must not let an exception escape between two barriers of its own (the other parts would wait for it
/// forever): the owner catches in each phase. An exception that escapes a part at its end is rethrown by
/// <see cref="Run"/>, the first in part order.
/// </remarks>
internal sealed class WorkerTeam : IDisposable
{
    /// <summary>How long an idle thread spins for the next run before it blocks: a few steps' worth.</summary>
    private static readonly long SpinTicks = System.Diagnostics.Stopwatch.Frequency / 500;

    private readonly Action<int> _part;
    private readonly Thread[] _threads;
    private readonly Rendezvous _barrier;
    private readonly ExceptionDispatchInfo?[] _escaped;
    private readonly object _gate = new();
    // The run in progress, (number << 16) | parts, in one word so that a thread never pairs one run's number with
    // another's part count.
    private long _run;
    private int _parts;
    private bool _stopping;

    /// <summary>Starts <paramref name="size"/> − 1 background threads.</summary>
    /// <param name="size">The most parts a run can have, the calling thread included; at least 2.</param>
    /// <param name="part">The work of part <c>p</c> of a run, given <c>p</c>.</param>
    /// <param name="name">The threads' name, followed by their part number.</param>
    public WorkerTeam(int size, Action<int> part, string name)
    {
        _part = part;
        _barrier = new Rendezvous(size);
        _escaped = new ExceptionDispatchInfo?[size];
        _threads = new Thread[size - 1];
        for (int p = 1; p < size; p++)
        {
            int index = p;
            _threads[p - 1] = new Thread(() => Loop(index)) { IsBackground = true, Name = $"{name} {index}" };
            _threads[p - 1].Start();
        }
    }

    /// <summary>The most parts a run can have, the calling thread included.</summary>
    public int Size => _threads.Length + 1;

    /// <summary>The parts of the run in progress, or of the last one.</summary>
    public int Parts => _parts;

    /// <summary>Runs parts 0 to <paramref name="parts"/> − 1, part 0 on the calling thread, and returns when all have returned.</summary>
    /// <param name="parts">From 2 to <see cref="Size"/>.</param>
    public void Run(int parts)
    {
        // Between runs no thread is inside the barrier, so its count can change.
        _parts = parts;
        _barrier.Participants = parts;
        Announce(parts);
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }

        RunPart(0);
        _barrier.SignalAndWait(); // every part has returned
        for (int p = 0; p < parts; p++)
        {
            if (_escaped[p] is { } escaped)
            {
                Array.Clear(_escaped);
                escaped.Throw();
            }
        }
    }

    /// <summary>
    /// A barrier among the parts of the run in progress; the last part to arrive runs <paramref name="beforeRelease"/>
    /// (if any) while the others still wait, so what it decides is decided once and seen by every part.
    /// </summary>
    public void SignalAndWait(Action? beforeRelease = null) => _barrier.SignalAndWait(beforeRelease);

    /// <summary>Stops the threads.</summary>
    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        Announce(0);
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }

        foreach (Thread thread in _threads)
        {
            thread.Join();
        }
    }

    private void Loop(int part)
    {
        long seen = 0;
        while (true)
        {
            seen = AwaitRun(seen);
            if (_stopping)
            {
                return;
            }

            if (part < (int)(seen & 0xFFFF))
            {
                RunPart(part);
                _barrier.SignalAndWait();
            }
        }
    }

    /// <summary>Starts the next run with <paramref name="parts"/> parts (only the calling thread writes the word).</summary>
    private void Announce(int parts) => Volatile.Write(ref _run, (((_run >> 16) + 1) << 16) | (uint)parts);

    private void RunPart(int part)
    {
        try
        {
            _part(part);
        }
        catch (Exception exception)
        {
            _escaped[part] = ExceptionDispatchInfo.Capture(exception);
        }
    }

    /// <summary>Waits until a run after <paramref name="seen"/> starts (spinning first, then blocking) and returns its number.</summary>
    private long AwaitRun(long seen)
    {
        long deadline = System.Diagnostics.Stopwatch.GetTimestamp() + SpinTicks;
        do
        {
            for (int i = 0; i < 64; i++)
            {
                long run = Volatile.Read(ref _run);
                if (run != seen)
                {
                    return run;
                }

                Thread.SpinWait(1);
            }
        }
        while (System.Diagnostics.Stopwatch.GetTimestamp() < deadline);

        lock (_gate)
        {
            long run;
            while ((run = Volatile.Read(ref _run)) == seen)
            {
                Monitor.Wait(_gate);
            }

            return run;
        }
    }
}
