using System;
using System.ComponentModel;

namespace NetGen;

/// <summary>
/// The parameter buffer a generated network hands to the private constructor of its workers
/// (<see cref="INetwork.CreateWorker"/>). It exists so that constructor has a signature no user constructor can
/// have; there is no other use for it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SharedParameters
{
    /// <summary>Wraps the buffer to share.</summary>
    /// <param name="buffer">The parameters of the network the worker is created from.</param>
    /// <exception cref="ArgumentException"><paramref name="buffer"/> has not been allocated.</exception>
    public SharedParameters(AlignedBuffer buffer) => Buffer = buffer.IsAllocated
        ? buffer
        : throw new ArgumentException("The parameters to share have not been allocated.", nameof(buffer));

    /// <summary>The shared buffer.</summary>
    public AlignedBuffer Buffer { get; }
}
