using System;
using System.Runtime.InteropServices;
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

    /// <summary>Copies float32 values stored two UTF-16 code units each (the low 16 bits of the float first), as NetGen writes them in string constants.</summary>
    /// <param name="packed">Exactly <c>2 · parameters.Length</c> code units.</param>
    /// <param name="parameters">The network's parameters.</param>
    /// <exception cref="ArgumentException">The lengths do not match.</exception>
    public static void Load(ReadOnlySpan<char> packed, Span<float> parameters)
    {
        if (packed.Length != 2 * (long)parameters.Length)
        {
            throw new ArgumentException($"The compiled-in weights hold {packed.Length} code units, but {parameters.Length} parameters need {2L * parameters.Length}.", nameof(packed));
        }

        if (BitConverter.IsLittleEndian)
        {
            // The code units' bytes in memory are then the floats' little-endian bytes.
            MemoryMarshal.AsBytes(packed).CopyTo(MemoryMarshal.AsBytes(parameters));
            return;
        }

        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] = BitConverter.UInt32BitsToSingle(packed[2 * i] | ((uint)packed[(2 * i) + 1] << 16));
        }
    }
}
