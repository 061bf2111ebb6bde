using System;
using System.Runtime.ExceptionServices;
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
/// <b>Data-parallel training.</b> When a step uses several threads (a fixed <see cref="WorkerCount"/> above 1, or
/// <see cref="WorkerCount.Auto"/> on a step large enough), the minibatch is cut into that many contiguous shards (the
/// same cut for the same batch size and thread count). Shard 0 goes through the network itself, each other shard
/// through a worker network (<see cref="INetwork.CreateWorker"/>) that shares the parameters and has its own
/// gradients; each thread takes the shard of its own number first, and a thread that is done takes any shard not yet
/// taken, so a thread slow to wake never holds the step up. Once every shard is done, whether the step updates the parameters is
/// decided once, for all threads (a finite loss and no failed shard); then each thread sums one slice of the
/// parameters' gradient over all shards, its own first and the others in worker order, and applies the optimizer to
/// that slice. The result depends only on the data, the seed and the number of threads, never on thread timing; it
/// differs from one thread's by float rounding.
/// </para>
/// <para>
/// Everything is allocated in the constructor, apart from an outputs buffer that grows with the largest minibatch
/// seen and the worker networks and threads, created by the first step that uses them; after that a step allocates
/// nothing. Dispose the step to stop its threads.
/// </para>
/// </remarks>
public sealed class TrainingStep : IDisposable
{
    private readonly INetwork _network;
    private readonly IOptimizer _optimizer;
    private readonly WorkerCount _setting;
    private readonly int _maxWorkers;
    private readonly long _weights;
    private readonly double[] _losses;
    private readonly ExceptionDispatchInfo?[] _failures;
    private readonly Action<int, int> _task;
    private readonly Action<int> _afterPhase;
    private INetwork[] _workers = [];
    private WorkerTeam? _team;
    private float[] _outputs = [];
    private int _count;
    private int _active = 1;
    private bool _update;
    private bool _applies;
    private bool _disposed;

    // The minibatch of the step in progress, pinned by the calling thread until every worker is done with it.
    private unsafe float* _inputs;
    private unsafe float* _targets;

    /// <summary>Prepares one-thread steps for <paramref name="network"/>.</summary>
    /// <param name="network">The network trained; its parameters are updated in place.</param>
    /// <param name="optimizer">The optimizer, sized for the network's parameters.</param>
    public TrainingStep(INetwork network, IOptimizer optimizer)
        : this(network, optimizer, 1)
    {
    }

    /// <summary>Prepares steps for <paramref name="network"/> on <paramref name="workers"/> threads.</summary>
    /// <param name="network">The network trained; its parameters are updated in place.</param>
    /// <param name="optimizer">The optimizer, sized for the network's parameters.</param>
    /// <param name="workers">
    /// The threads that compute each minibatch's gradient, the calling thread included: a fixed count (1 for none
    /// besides it), or <see cref="WorkerCount.Auto"/>, which chooses by the size of each step.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">A fixed <paramref name="workers"/> is not positive.</exception>
    public TrainingStep(INetwork network, IOptimizer optimizer, WorkerCount workers)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(optimizer);
        int? count = workers.Checked(nameof(workers));
        _network = network;
        _optimizer = optimizer;
        _setting = workers;
        _maxWorkers = count ?? Parallelism.MaxThreads;
        _weights = Parallelism.Weights(network);
        _losses = new double[_maxWorkers];
        _failures = new ExceptionDispatchInfo?[_maxWorkers];
        _task = Task;
        _afterPhase = AfterPhase;
    }

    /// <summary>The most threads a step uses, the calling thread included: the fixed count, or with Auto the processor count.</summary>
    public int Workers => _maxWorkers;

    /// <summary>The threads the last step used (with <see cref="WorkerCount.Auto"/>, what it chose for that step's size).</summary>
    public int LastStepWorkers => _active;

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
    /// One training step: the mean gradient of the minibatch, then the optimizer's update of the parameters (on several
    /// threads, each thread updates the slice of the parameters it reduced, through <see cref="IOptimizer.UpdateRange"/>).
    /// </summary>
    /// <remarks>
    /// On one thread the network's <see cref="INetwork.Gradients"/> hold the mean gradient afterwards, as after
    /// <see cref="ComputeGradient"/>. On several they do not: each thread sums its slice of the mean gradient in the
    /// buffer of its own worker network, where it updates the parameters from it, so that no slice crosses to another
    /// core twice; call <see cref="ComputeGradient"/> to read the mean gradient.
    /// </remarks>
    /// <param name="inputs">The minibatch, <c>m</c> samples one after another; not empty.</param>
    /// <param name="targets">Their targets.</param>
    /// <returns>The mean loss of the samples, before the update. When it is NaN or infinite the parameters are left as they were.</returns>
    /// <exception cref="ArgumentException">The blocks are empty, not whole samples or not the same number of them.</exception>
    /// <exception cref="ObjectDisposedException">The step was disposed.</exception>
    public double Run(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => Step(inputs, targets, update: true);

    /// <summary>Stops the worker threads.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _team?.Dispose();
    }

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
        _active = _setting.IsAuto ? Parallelism.Workers(_weights, count, _maxWorkers) : _maxWorkers;
        double loss;
        if (_active == 1)
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

    private unsafe double ComputeInParallel(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, bool update)
    {
        if (_team is null)
        {
            // The first parallel step: every worker the setting can use, so later steps allocate nothing.
            _workers = new INetwork[_maxWorkers];
            _workers[0] = _network;
            for (int w = 1; w < _workers.Length; w++)
            {
                _workers[w] = _network.CreateWorker();
            }

            _team = new WorkerTeam(_maxWorkers, phases: 2, _task, _afterPhase, "NetGen training worker");
        }

        fixed (float* x = inputs, y = targets)
        {
            _inputs = x;
            _targets = y;
            _update = update;
            try
            {
                _team.Run(_active);
            }
            finally
            {
                _inputs = null;
                _targets = null;
            }
        }

        for (int w = 0; w < _active; w++)
        {
            if (_failures[w] is { } failure)
            {
                // A shard that failed stopped every update; a slice whose update failed leaves the step uncounted.
                Array.Clear(_failures);
                failure.Throw();
            }
        }

        if (_applies)
        {
            _optimizer.CompleteStep();
        }

        return TotalLoss();
    }

    /// <summary>Phase 0 of a step: shard <paramref name="worker"/>; phase 1: slice <paramref name="worker"/>.</summary>
    private void Task(int phase, int worker)
    {
        if (phase == 0)
        {
            Work(worker);
        }
        else
        {
            Reduce(worker);
        }
    }

    /// <summary>After every shard's gradient is ready, and before any slice is reduced: whether the step updates.</summary>
    private void AfterPhase(int phase)
    {
        if (phase == 0)
        {
            Decide();
        }
    }

    /// <summary>Worker <paramref name="worker"/>'s shard: its gradient summed over the shard times 1/m (so the workers' gradients add up to the mean), and its summed loss.</summary>
    private unsafe void Work(int worker)
    {
        try
        {
            (int start, int length) = Parallelism.Shard(_count, worker, _active);
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
    /// Whether this step updates the parameters: <see cref="Run"/>, every shard computed, and a finite loss. Run once
    /// per step, by the thread that finishes the last shard, before any slice is reduced, so every slice follows one
    /// decision.
    /// </summary>
    private void Decide()
    {
        bool failed = false;
        for (int w = 0; w < _active; w++)
        {
            failed |= _failures[w] is not null;
        }

        _applies = _update && !failed && double.IsFinite(TotalLoss());
    }

    /// <summary>
    /// Sums slice <paramref name="worker"/> of the parameters' gradient over every shard into worker
    /// <paramref name="worker"/>'s own gradients (its shard first, then the others in worker order); then in
    /// <see cref="Run"/>, if the step updates, applies the optimizer to that slice, and in
    /// <see cref="ComputeGradient"/> copies the slice into the network's gradients. Each slice of the gradients and the
    /// parameters is written by one thread only.
    /// </summary>
    private void Reduce(int worker)
    {
        try
        {
            // Slices start on a 64-byte boundary, so no cache line is written by two threads.
            (int start, int end) = (Boundary(worker), Boundary(worker + 1));
            Span<float> total = _workers[worker].Gradients[start..end];
            for (int w = 0; w < _active; w++)
            {
                if (w != worker)
                {
                    DenseKernels.Add(_workers[w].Gradients[start..end], total);
                }
            }

            if (!_update)
            {
                if (worker != 0)
                {
                    total.CopyTo(_network.Gradients[start..end]);
                }
            }
            else if (_applies)
            {
                _optimizer.UpdateRange(_network.Parameters[start..end], total, start);
            }
        }
        catch (Exception exception)
        {
            _failures[worker] = ExceptionDispatchInfo.Capture(exception);
        }
    }

    /// <summary>The sum of the shards' losses, in worker order.</summary>
    private double TotalLoss()
    {
        double loss = 0;
        for (int w = 0; w < _active; w++)
        {
            loss += _losses[w];
        }

        return loss;
    }

    /// <summary>Where parameter slice <paramref name="part"/> starts: an even cut rounded down to 16 floats.</summary>
    private int Boundary(int part) =>
        part == _active ? _network.ParameterCount : (int)((long)_network.ParameterCount * part / _active) & -16;
}
