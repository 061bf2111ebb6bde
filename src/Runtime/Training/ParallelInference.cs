using System;

namespace NetGen.Training;

/// <summary>
/// <see cref="IInferenceNetwork.ForwardBatch"/> and <see cref="IInferenceNetwork.EvaluateBatch"/> over several threads: the batch is cut
/// into contiguous shards, shard 0 goes through the network itself and each other shard through a worker network
/// (<see cref="IInferenceNetwork.CreateWorker"/>) that shares the parameters; each thread takes the shard of its own number
/// first, then any shard not yet taken, so a thread slow to wake never holds the call up.
/// <see cref="Evaluation"/> and the validation pass of <see cref="Trainer"/> use it.
/// </summary>
/// <remarks>
/// <para>
/// The outputs are those of the network's own batched methods on each shard, and the loss is the sum of the shards'
/// losses in worker order, so the results depend on the batch and the number of threads a call uses, never on thread
/// timing. With <see cref="WorkerCount.Auto"/> (the default) a call that is too small to share runs on the calling
/// thread alone.
/// </para>
/// <para>
/// The worker networks and threads are created by the first call that uses them; after that a call allocates nothing.
/// The parameters must not change during a call. Dispose the instance to stop its threads.
/// </para>
/// </remarks>
public sealed class ParallelInference : IDisposable
{
    private readonly IInferenceNetwork _network;
    private readonly WorkerCount _setting;
    private readonly int _maxWorkers;
    private readonly long _weights;
    private readonly float[] _losses;
    private readonly Action<int, int> _task;
    private IInferenceNetwork[] _workers = [];
    private WorkerTeam? _team;
    private int _count;
    private int _active = 1;
    private bool _disposed;

    // The batch of the call in progress, pinned by the calling thread until every worker is done with it.
    private unsafe float* _inputs;
    private unsafe float* _targets;
    private unsafe float* _outputs;

    /// <summary>Prepares batched inference of <paramref name="network"/> on <paramref name="workers"/> threads.</summary>
    /// <param name="network">The network (inference-only ones included); its parameters are read, nothing else of it changes but its working buffers.</param>
    /// <param name="workers">The threads, the calling thread included: <see cref="WorkerCount.Auto"/> (the default) or a fixed count.</param>
    /// <exception cref="ArgumentOutOfRangeException">A fixed <paramref name="workers"/> is not positive.</exception>
    public ParallelInference(IInferenceNetwork network, WorkerCount workers = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        int? count = workers.Checked(nameof(workers));
        _network = network;
        _setting = workers;
        _maxWorkers = count ?? Parallelism.MaxThreads;
        _weights = Parallelism.Weights(network);
        _losses = new float[_maxWorkers];
        _task = Shard;
    }

    /// <summary>The network evaluated.</summary>
    public IInferenceNetwork Network => _network;

    /// <summary>The most threads a call uses, the calling thread included: the fixed count, or with Auto the processor count.</summary>
    public int Workers => _maxWorkers;

    /// <summary>The threads the last call used.</summary>
    public int LastCallWorkers => _active;

    /// <summary>The network's <see cref="IInferenceNetwork.ForwardBatch"/>, shared over the threads.</summary>
    /// <param name="inputs">The samples, of length <c>m · </c><see cref="IInferenceNetwork.InputSize"/>.</param>
    /// <param name="outputs">Receives the outputs, of length <c>m · </c><see cref="IInferenceNetwork.OutputSize"/>, row by row.</param>
    /// <exception cref="ArgumentException">The lengths do not describe the same number of samples.</exception>
    /// <exception cref="ObjectDisposedException">The instance was disposed.</exception>
    public void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int count = ShapeGuard.RequireBatch(inputs.Length, _network.InputSize, outputs.Length, _network.OutputSize, nameof(outputs));
        Run(inputs, default, outputs, count);
    }

    /// <summary>The network's <see cref="IInferenceNetwork.EvaluateBatch"/>, shared over the threads.</summary>
    /// <param name="inputs">The samples, of length <c>m · </c><see cref="IInferenceNetwork.InputSize"/>.</param>
    /// <param name="targets">The expected outputs, of length <c>m · </c><see cref="IInferenceNetwork.OutputSize"/>.</param>
    /// <param name="outputs">Receives the outputs, of length <c>m · </c><see cref="IInferenceNetwork.OutputSize"/>.</param>
    /// <returns>The <b>sum</b> of the samples' losses: each shard's sum, added in worker order.</returns>
    /// <exception cref="ArgumentException">The lengths do not describe the same number of samples.</exception>
    /// <exception cref="ObjectDisposedException">The instance was disposed.</exception>
    public float EvaluateBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, Span<float> outputs)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int count = ShapeGuard.RequireBatch(inputs.Length, _network.InputSize, targets.Length, _network.OutputSize, nameof(targets));
        ShapeGuard.RequireLength(outputs.Length, targets.Length, nameof(outputs));
        if (targets.IsEmpty)
        {
            return 0f;
        }

        return Run(inputs, targets, outputs, count);
    }

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

    private unsafe float Run(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, Span<float> outputs, int count)
    {
        _active = _setting.IsAuto ? Parallelism.Workers(_weights, count, _maxWorkers) : _maxWorkers;
        if (_active == 1)
        {
            return targets.IsEmpty ? Forward(_network, inputs, outputs) : _network.EvaluateBatch(inputs, targets, outputs);
        }

        if (_team is null)
        {
            _workers = new IInferenceNetwork[_maxWorkers];
            _workers[0] = _network;
            for (int w = 1; w < _workers.Length; w++)
            {
                _workers[w] = _network.CreateWorker();
            }

            _team = new WorkerTeam(_maxWorkers, phases: 1, _task, afterPhase: null, "NetGen inference worker");
        }

        fixed (float* x = inputs, y = targets, z = outputs)
        {
            _inputs = x;
            _targets = y;
            _outputs = z;
            _count = count;
            try
            {
                _team.Run(_active);
            }
            finally
            {
                _inputs = null;
                _targets = null;
                _outputs = null;
            }
        }

        float loss = 0f;
        for (int w = 0; w < _active; w++)
        {
            loss += _losses[w];
        }

        return loss;
    }

    private static float Forward(IInferenceNetwork network, ReadOnlySpan<float> inputs, Span<float> outputs)
    {
        network.ForwardBatch(inputs, outputs);
        return 0f;
    }

    /// <summary>Shard <paramref name="worker"/>, through worker network <paramref name="worker"/> whichever thread runs it.</summary>
    private unsafe void Shard(int phase, int worker)
    {
        (int start, int length) = Parallelism.Shard(_count, worker, _active);
        IInferenceNetwork network = _workers[worker];
        int inputSize = network.InputSize, outputSize = network.OutputSize;
        var x = new ReadOnlySpan<float>(_inputs + ((long)start * inputSize), length * inputSize);
        var z = new Span<float>(_outputs + ((long)start * outputSize), length * outputSize);
        _losses[worker] = _targets is null
            ? Forward(network, x, z)
            : network.EvaluateBatch(x, new ReadOnlySpan<float>(_targets + ((long)start * outputSize), length * outputSize), z);
    }
}
