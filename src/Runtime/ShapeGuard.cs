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

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowWrongLength(int actual, int expected, string parameterName) =>
        throw new ArgumentException($"Expected a span of length {expected} but got {actual}.", parameterName);
}
