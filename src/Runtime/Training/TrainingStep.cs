using System;
using System.Runtime.ExceptionServices;
using System.Threading;
using NetGen.Kernels;
using NetGen.Optimizers;

namespace NetGen.Training;

/// <summary>
/// One minibatch step at a time: the minibatch's mean gradient by <see cref="INetwork.ComputeGradientBatch"/>, on one
/// thread or split over several, then an optimizer update. <see cref="Trainer"/> is built on it; use it directly
/// for a training loop of your own (reinforcement learning, online learning, custom schedules).
/// </summary>
/// <remarks>
/// <para>
/// <b>Data-parallel training.</b> With <c>workers</c> above 1, the minibatch is cut into that many contiguous
/// shards (the same cut for the same batch size). Shard 0 runs on the calling thread through the network itself,
/// each other shard on a thread of its own through a worker network (<see cref="INetwork.CreateWorker"/>) that
/// shares the parameters and has its own gradients; then each thread sums one slice of the parameters over all
/// workers, always in worker order. The result depends only on the data, the seed and the worker count, never on
/// thread timing; it differs from one worker's by float rounding.
/// </para>
/// <para>
/// Everything is allocated in the constructor, apart from an outputs buffer that grows with the largest minibatch
/// seen; after that a step allocates nothing. Dispose the step to stop its threads.
/// </para>
/// </remarks>
public sealed class TrainingStep : IDisposable
{
    private readonly INetwork _network;
    private readonly IOptimizer _optimizer;
    private readonly INetwork[] _workers;
    private readonly double[] _losses;
    private readonly Thread[] _threads;
    private readonly Rendezvous? _barrier;
    private readonly ExceptionDispatchInfo?[] _failures;
    private float[] _outputs = [];
    private int _count;
    private bool _stopping;
    private bool _update;
    private bool _disposed;

    // The minibatch of the step in progress, pinned by the calling thread until every worker is done with it.
    private unsafe float* _inputs;
    private unsafe float* _targets;

    /// <summary>Prepares steps for <paramref name="network"/>.</summary>
    /// <param name="network">The network trained; its parameters are updated in place.</param>
    /// <param name="optimizer">The optimizer, sized for the network's parameters.</param>
    /// <param name="workers">The threads that compute each minibatch's gradient, the calling thread included; 1 for none besides it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workers"/> is not positive.</exception>
    public TrainingStep(INetwork network, IOptimizer optimizer, int workers = 1)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        _network = network;
        _optimizer = optimizer;
        _workers = new INetwork[workers];
        _workers[0] = network;
        for (int w = 1; w < workers; w++)
        {
            _workers[w] = network.CreateWorker();
        }

        _losses = new double[workers];
        _failures = new ExceptionDispatchInfo?[workers];
        _threads = new Thread[workers - 1];
        if (workers > 1)
        {
            _barrier = new Rendezvous(workers);
            for (int w = 1; w < workers; w++)
            {
                int worker = w;
                _threads[w - 1] = new Thread(() => WorkerLoop(worker)) { IsBackground = true, Name = $"NetGen training worker {worker}" };
                _threads[w - 1].Start();
            }
        }
    }

    /// <summary>The threads that compute each gradient, the calling thread included.</summary>
    public int Workers => _workers.Length;

    /// <summary>The network's outputs for the samples of the last minibatch, one row per sample.</summary>
    public ReadOnlySpan<float> Outputs => _outputs.AsSpan(0, _count * _network.OutputSize);

    /// <summary>
    /// Sets the network's <see cref="INetwork.Gradients"/> to the mean gradient of a minibatch,
    /// <c>(1/m) Σ ∇θ L</c>, and returns the minibatch's mean loss.
    /// </summary>
    /// <param name="inputs">The minibatch, <c>m</c> samples one after another (<c>m · InputSize</c> floats); not empty.</param>
    /// <param name="targets">Their targets, <c>m · OutputSize</c> floats.</param>
    /// <returns>The mean loss of the samples.</returns>
    /// <exception cref="ArgumentException">The blocks are empty, not whole samples or not the same number of them.</exception>
    /// <exception cref="ObjectDisposedException">The step was disposed.</exception>
    public double ComputeGradient(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => Step(inputs, targets, update: false);

    /// <summary>
    /// One training step: <see cref="ComputeGradient"/>, then the optimizer's update of the parameters (with several
    /// workers, each thread updates the slice of the parameters it reduced, through <see cref="IOptimizer.UpdateRange"/>).
    /// </summary>
    /// <param name="inputs">The minibatch, <c>m</c> samples one after another; not empty.</param>
    /// <param name="targets">Their targets.</param>
    /// <returns>The mean loss of the samples, before the update. When it is NaN or infinite the parameters are left as they were.</returns>
    /// <exception cref="ArgumentException">The blocks are empty, not whole samples or not the same number of them.</exception>
    /// <exception cref="ObjectDisposedException">The step was disposed.</exception>
    public double Run(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => Step(inputs, targets, update: true);

    private double Step(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, bool update)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int count = ShapeGuard.RequireBatch(inputs.Length, _network.InputSize, targets.Length, _network.OutputSize, nameof(targets));
        if (count == 0)
        {
            throw new ArgumentException("The minibatch is empty.", nameof(inputs));
        }

        if (_outputs.Length < count * _network.OutputSize)
        {
            _outputs = new float[count * _network.OutputSize];
        }

        _count = count;
        double loss;
        if (_workers.Length == 1)
        {
            loss = _network.ComputeGradientBatch(inputs, targets, _outputs.AsSpan(0, count * _network.OutputSize), 1f / count);
            if (update && double.IsFinite(loss))
            {
                _optimizer.Update(_network.Parameters, _network.Gradients);
            }
        }
        else
        {
            loss = ComputeInParallel(inputs, targets, update);
        }

        return loss / count;
    }

    /// <summary>Stops the worker threads.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_barrier is not null)
        {
            _stopping = true;
            _barrier.SignalAndWait();
            foreach (Thread thread in _threads)
            {
                thread.Join();
            }
        }
    }

    private unsafe double ComputeInParallel(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, bool update)
    {
        fixed (float* x = inputs, y = targets)
        {
            _inputs = x;
            _targets = y;
            _update = update;
            _barrier!.SignalAndWait(); // start: every worker computes its shard
            Work(0);
            _barrier.SignalAndWait(); // every shard's gradient is ready: each thread reduces (and updates) its slice
            Reduce(0);
            _barrier.SignalAndWait(); // done
            _inputs = null;
            _targets = null;
        }

        if (UpdateApplies())
        {
            _optimizer.CompleteStep();
        }

        for (int w = 0; w < _failures.Length; w++)
        {
            if (_failures[w] is { } failure)
            {
                Array.Clear(_failures);
                failure.Throw();
            }
        }

        return TotalLoss();
    }

    /// <summary>The sum of the shards' losses, in worker order.</summary>
    private double TotalLoss()
    {
        double loss = 0;
        foreach (double shard in _losses)
        {
            loss += shard;
        }

        return loss;
    }

    private void WorkerLoop(int worker)
    {
        while (true)
        {
            _barrier!.SignalAndWait();
            if (_stopping)
            {
                return;
            }

            Work(worker);
            _barrier.SignalAndWait();
            Reduce(worker);
            _barrier.SignalAndWait();
        }
    }

    /// <summary>Worker <paramref name="worker"/>'s shard: its gradient summed over the shard times 1/m (so the workers' gradients add up to the mean), and its summed loss.</summary>
    private unsafe void Work(int worker)
    {
        try
        {
            (int start, int length) = Shard(_count, worker);
            INetwork network = _workers[worker];
            int inputSize = network.InputSize, outputSize = network.OutputSize;
            _losses[worker] = network.ComputeGradientBatch(
                new ReadOnlySpan<float>(_inputs + ((long)start * inputSize), length * inputSize),
                new ReadOnlySpan<float>(_targets + ((long)start * outputSize), length * outputSize),
                _outputs.AsSpan(start * outputSize, length * outputSize),
                1f / _count);
        }
        catch (Exception exception)
        {
            _failures[worker] = ExceptionDispatchInfo.Capture(exception);
        }
    }

    /// <summary>
    /// Sums slice <paramref name="worker"/> of the parameters over every worker's gradient, in worker order, into the
    /// network's gradients; in <see cref="Run"/>, then applies the optimizer to that slice, so each slice of the
    /// gradients and parameters is written by one thread only.
    /// </summary>
    private void Reduce(int worker)
    {
        try
        {
            // Slices start on a 64-byte boundary, so no cache line is written by two threads.
            (int start, int end) = (Boundary(worker), Boundary(worker + 1));
            Span<float> total = _network.Gradients[start..end];
            for (int w = 1; w < _workers.Length; w++)
            {
                DenseKernels.Add(_workers[w].Gradients[start..end], total);
            }

            if (UpdateApplies())
            {
                _optimizer.UpdateRange(_network.Parameters[start..end], total, start);
            }
        }
        catch (Exception exception)
        {
            _failures[worker] = ExceptionDispatchInfo.Capture(exception);
        }
    }

    /// <summary>Whether this step updates the parameters: <see cref="Run"/>, every shard computed, and a finite loss.</summary>
    private bool UpdateApplies() => _update && !AnyFailure() && double.IsFinite(TotalLoss());

    private bool AnyFailure()
    {
        foreach (ExceptionDispatchInfo? failure in _failures)
        {
            if (failure is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where parameter slice <paramref name="part"/> starts: an even cut rounded down to 16 floats.</summary>
    private int Boundary(int part) =>
        part == _workers.Length ? _network.ParameterCount : (int)((long)_network.ParameterCount * part / _workers.Length) & -16;

    /// <summary>Part <paramref name="part"/> of <paramref name="total"/> items cut into <see cref="Workers"/> contiguous parts.</summary>
    private (int Start, int Length) Shard(int total, int part)
    {
        int parts = _workers.Length;
        int start = (int)((long)total * part / parts), end = (int)((long)total * (part + 1) / parts);
        return (start, end - start);
    }
}
