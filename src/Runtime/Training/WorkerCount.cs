using System;
using System.Globalization;

namespace NetGen.Training;

/// <summary>
/// How many threads share a minibatch step (<see cref="TrainingStep"/>, <see cref="TrainingOptions.Workers"/>) or a
/// batched inference (<see cref="ParallelInference"/>): <see cref="Auto"/>, or a fixed count (an <see cref="int"/>
/// converts to one, so <c>Workers = 2</c> reads as it should).
/// </summary>
/// <remarks>
/// <para>
/// <b>Auto</b> (the default value) uses one thread where the work of a call is too small to share, and up to
/// <see cref="Environment.ProcessorCount"/> threads above that, as many as each get at least 32 samples and 2.5
/// million multiply-adds of the forward pass (samples × the network's weights): with two processors, 784-256-128-10
/// and 784-128-10 go on two threads from 64 samples, 16-64-64-1 from 965, 4-8-3 never. Below those sizes two
/// threads were measured no faster than one (docs/performance.md, "Two threads").
/// </para>
/// <para>
/// The results of a training run depend on the number of threads each step uses; with Auto that number depends on
/// the minibatch size, the network and the processor count, so the same seed gives the same parameters on machines
/// with the same number of processors. Set a fixed count to reproduce a run on any machine.
/// </para>
/// </remarks>
public readonly struct WorkerCount : IEquatable<WorkerCount>
{
    private readonly int _count;

    private WorkerCount(int count) => _count = count;

    /// <summary>One thread where the work is too small to share, more where each gets enough; the default.</summary>
    public static WorkerCount Auto => default;

    /// <summary>Whether this is <see cref="Auto"/>.</summary>
    public bool IsAuto => _count == 0;

    /// <summary>The fixed number of threads, or null for <see cref="Auto"/>.</summary>
    public int? Count => IsAuto ? null : Decode(_count);

    /// <summary>Exactly <paramref name="count"/> threads, the calling thread included.</summary>
    /// <param name="count">The number of threads; positive.</param>
    /// <returns>The fixed count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    public static WorkerCount Fixed(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return new WorkerCount(count);
    }

    /// <summary>
    /// A fixed count of <paramref name="count"/> threads. A count that is not positive is kept as it is and rejected
    /// with an <see cref="ArgumentOutOfRangeException"/> where it is used (a conversion does not throw).
    /// </summary>
    /// <param name="count">The number of threads.</param>
    public static implicit operator WorkerCount(int count) => new(count <= 0 ? NotPositive(count) : count);

    /// <summary>The same as the implicit conversion: a fixed count, checked where it is used.</summary>
    /// <param name="count">The number of threads.</param>
    /// <returns>The count.</returns>
    public static WorkerCount FromInt32(int count) => count;

    /// <summary>Whether two settings are the same.</summary>
    public static bool operator ==(WorkerCount left, WorkerCount right) => left.Equals(right);

    /// <summary>Whether two settings differ.</summary>
    public static bool operator !=(WorkerCount left, WorkerCount right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(WorkerCount other) => _count == other._count;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is WorkerCount other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _count;

    /// <summary>"Auto", or the count.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => IsAuto ? "Auto" : (Count ?? 0).ToString(CultureInfo.InvariantCulture);

    /// <summary>The fixed count, checked: positive.</summary>
    /// <param name="name">The parameter or property that holds the setting, for the exception.</param>
    /// <returns>The count, or null for Auto.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The count is not positive.</exception>
    internal int? Checked(string name)
    {
        if (_count < 0)
        {
            throw new ArgumentOutOfRangeException(name, Count, "The number of workers must be positive (or WorkerCount.Auto).");
        }

        return Count;
    }

    // A fixed count n ≤ 0 is held as n − 1, a negative value, so that 0 stays Auto; Checked rejects it.
    private static int NotPositive(int count) => count == int.MinValue ? int.MinValue : -1 + count;

    private static int Decode(int held) => held > 0 || held == int.MinValue ? held : held + 1;
}
