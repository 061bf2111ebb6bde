using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace NetGen.Training;

/// <summary>
/// Threads kept for the data-parallel work of <see cref="TrainingStep"/> and <see cref="ParallelInference"/>. A run
/// has one or more phases of <c>n</c> tasks each; task <c>t</c> of a phase may run on any thread, the calling thread
/// included, and a phase starts only when every task of the one before has returned. Nothing is allocated after the
/// constructor.
/// </summary>
/// <remarks>
/// <para>
/// Each thread first takes the task of its own number (the calling thread task 0, thread <c>k</c> task <c>k</c>),
/// then any task no thread has taken yet. So a thread that is slow to wake (on a busy machine, a blocked thread can
/// wait a scheduler time slice or more) never holds the calling thread up: the calling thread runs the tasks itself,
/// and the late thread finds nothing left. A task's result must therefore not depend on the thread that runs it
/// (task <c>t</c> works through its own buffers), which keeps the result independent of thread timing.
/// </para>
/// <para>
/// The thread that completes the last task of a phase runs the owner's <c>afterPhase</c> before the next phase
/// opens, so what it decides is decided once and seen by every task after it. A task's exception is caught and
/// rethrown by <see cref="Run"/> (the first by task number) once the run is over; the owner's tasks catch their own
/// where a later phase must know of them.
/// </para>
/// </remarks>
internal sealed class WorkerTeam : IDisposable
{
    /// <summary>How long an idle thread spins for the next run before it blocks: a few steps' worth.</summary>
    private static readonly long SpinTicks = System.Diagnostics.Stopwatch.Frequency / 500;

    private readonly Action<int, int> _task;
    private readonly Action<int>? _afterPhase;
    private readonly int _phases;
    private readonly Thread[] _threads;
    private readonly ExceptionDispatchInfo?[] _escaped;
    private readonly object _gate = new();

    // Per phase and task, the number of the last run in which a thread took the task: a thread takes a task by
    // raising its stamp to the current run, so a thread that wakes after its run is over takes nothing.
    private readonly long[] _taken;
    private readonly int[] _done;

    // The run in progress, (number << 16) | tasks, in one word so that a thread never pairs one run's number with
    // another's task count; and how far runs have got, (number << 8) | completed phases, which only grows.
    private long _run;
    private long _completed;
    private bool _stopping;

    /// <summary>Starts <paramref name="size"/> − 1 background threads.</summary>
    /// <param name="size">The most tasks a phase can have and the threads that run them, the calling thread included; from 2 to 65,535.</param>
    /// <param name="phases">The phases of a run, from 1 to 255.</param>
    /// <param name="task">Task <c>t</c> of phase <c>p</c>, given <c>(p, t)</c>.</param>
    /// <param name="afterPhase">Run once after the last task of phase <c>p</c>, given <c>p</c>, or null.</param>
    /// <param name="name">The threads' name, followed by their number.</param>
    public WorkerTeam(int size, int phases, Action<int, int> task, Action<int>? afterPhase, string name)
    {
        _task = task;
        _afterPhase = afterPhase;
        _phases = phases;
        _taken = new long[phases * size];
        _done = new int[phases];
        _escaped = new ExceptionDispatchInfo?[size];
        _threads = new Thread[size - 1];
        for (int k = 1; k < size; k++)
        {
            int index = k;
            _threads[k - 1] = new Thread(() => Loop(index)) { IsBackground = true, Name = $"{name} {index}" };
            _threads[k - 1].Start();
        }
    }

    /// <summary>The most tasks a phase can have, and the threads, the calling thread included.</summary>
    public int Size => _threads.Length + 1;

    /// <summary>Runs every phase with <paramref name="tasks"/> tasks, taking part from the calling thread, and returns when all have returned.</summary>
    /// <param name="tasks">From 1 to <see cref="Size"/>.</param>
    public void Run(int tasks)
    {
        long run = (_run >> 16) + 1;
        Array.Clear(_done);
        Volatile.Write(ref _run, (run << 16) | (uint)tasks);
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }

        TakePart(run, tasks, 0);
        for (int t = 0; t < tasks; t++)
        {
            if (_escaped[t] is { } escaped)
            {
                Array.Clear(_escaped);
                escaped.Throw();
            }
        }
    }

    /// <summary>Stops the threads.</summary>
    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        Volatile.Write(ref _run, ((_run >> 16) + 1) << 16);
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }

        foreach (Thread thread in _threads)
        {
            thread.Join();
        }
    }

    private void Loop(int index)
    {
        long seen = 0;
        while (true)
        {
            seen = AwaitRun(seen);
            if (_stopping)
            {
                return;
            }

            TakePart(seen >> 16, (int)(seen & 0xFFFF), index);
        }
    }

    /// <summary>Every phase of run <paramref name="run"/>: this thread's own task, then any left, then the wait for the phase to end.</summary>
    private void TakePart(long run, int tasks, int self)
    {
        for (int phase = 0; phase < _phases; phase++)
        {
            if (self < tasks)
            {
                TryRun(run, tasks, phase, self);
            }

            for (int t = 0; t < tasks; t++)
            {
                TryRun(run, tasks, phase, t);
            }

            long end = (run << 8) | (uint)(phase + 1);
            SpinWait spinner = default;
            while (Volatile.Read(ref _completed) < end)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }
        }
    }

    private void TryRun(long run, int tasks, int phase, int task)
    {
        ref long taken = ref _taken[(phase * Size) + task];
        long last = Volatile.Read(ref taken);
        if (last >= run || Interlocked.CompareExchange(ref taken, run, last) != last)
        {
            return;
        }

        try
        {
            _task(phase, task);
        }
        catch (Exception exception)
        {
            _escaped[task] ??= ExceptionDispatchInfo.Capture(exception);
        }

        if (Interlocked.Increment(ref _done[phase]) == tasks)
        {
            try
            {
                _afterPhase?.Invoke(phase);
            }
            finally
            {
                Volatile.Write(ref _completed, (run << 8) | (uint)(phase + 1));
            }
        }
    }

    /// <summary>Waits until a run after <paramref name="seen"/> starts (spinning first, then blocking) and returns its word.</summary>
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
