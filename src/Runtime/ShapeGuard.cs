using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace NetGen;

/// <summary>Argument checks shared by generated networks, kept out of line so the hot paths stay small.</summary>
public static class ShapeGuard
{
    /// <summary>Throws unless <paramref name="actual"/> equals <paramref name="expected"/>.</summary>
    /// <param name="actual">The length of the span passed.</param>
    /// <param name="expected">The length the network requires.</param>
    /// <param name="parameterName">The name of the argument, for the exception.</param>
    /// <exception cref="ArgumentException"><paramref name="actual"/> differs from <paramref name="expected"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RequireLength(int actual, int expected, string parameterName)
    {
        if (actual != expected)
        {
            ThrowWrongLength(actual, expected, parameterName);
        }
    }

    /// <summary>
    /// The number of samples in a minibatch block of <paramref name="inputsLength"/> floats, after checking that it
    /// is a whole number of samples and that the other block holds as many.
    /// </summary>
    /// <param name="inputsLength">The length of the inputs block.</param>
    /// <param name="inputSize">The length of one input sample.</param>
    /// <param name="otherLength">The length of the outputs or targets block.</param>
    /// <param name="otherSize">The length of one output or target sample.</param>
    /// <param name="otherName">The name of that argument, for the exception.</param>
    /// <returns>The number of samples.</returns>
    /// <exception cref="ArgumentException">The blocks are not whole samples, or not the same number of them.</exception>
    public static int RequireBatch(int inputsLength, int inputSize, int otherLength, int otherSize, string otherName)
    {
        int count = inputsLength / inputSize;
        if (count * inputSize != inputsLength)
        {
            ThrowNotWholeSamples(inputsLength, inputSize, "inputs");
        }

        if ((long)count * otherSize != otherLength)
        {
            ThrowWrongBatch(count, otherLength, otherSize, otherName);
        }

        return count;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNotWholeSamples(int inputsLength, int inputSize, string inputsName) =>
        throw new ArgumentException($"The inputs hold {inputsLength} floats, which is not a whole number of samples of {inputSize}.", inputsName);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowWrongBatch(int count, int otherLength, int otherSize, string otherName) =>
        throw new ArgumentException($"The inputs hold {count} samples, so {otherName} must hold {(long)count * otherSize} floats ({count} × {otherSize}), but it holds {otherLength}.", otherName);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowWrongLength(int actual, int expected, string parameterName) =>
        throw new ArgumentException($"Expected a span of length {expected} but got {actual}.", parameterName);
}
