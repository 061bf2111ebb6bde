using System;
using NetGen.Serialization;

namespace NetGen;

/// <summary>
/// Loads the weights NetGen compiled into a network from a model file (see <c>[Network(…, Weights = "…")]</c>
/// and <c>[OnnxNetwork("…")]</c>): the generated parameterless constructor calls it with the data the
/// compiler placed in the assembly.
/// </summary>
public static class CompiledParameters
{
    /// <summary>Copies little-endian float32 values into <paramref name="parameters"/>, on any machine and at any alignment.</summary>
    /// <param name="littleEndian">Exactly <c>4 · parameters.Length</c> bytes.</param>
    /// <param name="parameters">The network's parameters.</param>
    /// <exception cref="ArgumentException">The lengths do not match.</exception>
    public static void Load(ReadOnlySpan<byte> littleEndian, Span<float> parameters)
    {
        if (littleEndian.Length != 4 * (long)parameters.Length)
        {
            throw new ArgumentException($"The compiled-in weights hold {littleEndian.Length} bytes, but {parameters.Length} parameters need {4L * parameters.Length}.", nameof(littleEndian));
        }

        LittleEndianFloats.Read(littleEndian, parameters);
    }
}
