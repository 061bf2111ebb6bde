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
    /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
    public SharedParameters(float[] buffer) => Buffer = buffer ?? throw new ArgumentNullException(nameof(buffer));

    /// <summary>The shared buffer.</summary>
    public float[] Buffer { get; }
}
