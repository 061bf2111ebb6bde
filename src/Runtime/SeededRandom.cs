using System;

namespace NetGen;

/// <summary>
/// A small, fast pseudo-random generator (SplitMix64) whose sequence depends only on its seed, so that
/// weight initialisation is reproducible across runs, machines and .NET versions.
/// </summary>
/// <remarks>
/// A value type: copying it copies its position in the sequence, so pass it by <see langword="ref"/> to
/// share one sequence.
/// </remarks>
public struct SeededRandom
{
    private ulong _state;
    private double _spareNormal;
    private bool _hasSpareNormal;

    /// <summary>Starts the sequence for <paramref name="seed"/>.</summary>
    /// <param name="seed">Any value; equal seeds give equal sequences.</param>
    public SeededRandom(long seed) => _state = unchecked((ulong)seed);

    /// <summary>The next 64 random bits.</summary>
    /// <returns>A uniformly distributed 64-bit value.</returns>
    public ulong NextUInt64()
    {
        ulong z = unchecked(_state += 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>A uniformly distributed value in [0, 1), with 53 random bits.</summary>
    /// <returns>The next value.</returns>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniformly distributed value in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    /// <param name="low">The inclusive lower bound.</param>
    /// <param name="high">The exclusive upper bound.</param>
    /// <returns>The next value.</returns>
    public float NextUniform(float low, float high) => (float)(low + ((double)high - low) * NextDouble());

    /// <summary>A uniformly distributed integer in [0, <paramref name="maxExclusive"/>).</summary>
    /// <param name="maxExclusive">The exclusive upper bound; positive.</param>
    /// <returns>The next value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxExclusive"/> is not positive.</exception>
    public int NextInt32(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)((NextUInt64() >> 33) * (ulong)maxExclusive >> 31);
    }

    /// <summary>
    /// A standard normal value (mean 0, standard deviation 1), by the Box–Muller transform: two uniforms
    /// <c>u₁ ∈ (0, 1]</c>, <c>u₂ ∈ [0, 1)</c> give <c>√(−2 ln u₁) cos(2π u₂)</c>, returned now, and
    /// <c>√(−2 ln u₁) sin(2π u₂)</c>, kept and returned by the next call.
    /// </summary>
    /// <remarks>
    /// Computed in double precision. The sequence is fixed by the seed; the logarithm and trigonometric
    /// functions come from the platform's math library, whose results may differ in the last bit of a
    /// double between platforms, which survives rounding to <see langword="float"/> only in rare cases.
    /// </remarks>
    /// <returns>The next value; always finite (its magnitude is below 8.6).</returns>
    public double NextStandardNormal()
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return _spareNormal;
        }

        double radius = Math.Sqrt(-2.0 * Math.Log(1.0 - NextDouble()));
        (double sin, double cos) = Math.SinCos(2.0 * Math.PI * NextDouble());
        _spareNormal = radius * sin;
        _hasSpareNormal = true;
        return radius * cos;
    }

    /// <summary>A normally distributed value with the given mean and standard deviation, from <see cref="NextStandardNormal"/>.</summary>
    /// <param name="mean">The mean.</param>
    /// <param name="standardDeviation">The standard deviation.</param>
    /// <returns>The next value, <c>mean + standardDeviation · z</c> rounded to <see langword="float"/>.</returns>
    public float NextNormal(float mean, float standardDeviation) => (float)(mean + (double)standardDeviation * NextStandardNormal());
}
