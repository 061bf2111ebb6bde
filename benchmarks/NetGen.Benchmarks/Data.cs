using System;

namespace NetGen.Benchmarks;

/// <summary>Fixed pseudo-random inputs and targets, shared by every benchmark; nothing is allocated per call.</summary>
internal static class Data
{
    private const int Max = 512;

    private static readonly float[] s_input = Fill(1, -1f, 1f);
    private static readonly float[] s_target = Fill(2, 0f, 1f);
    private static readonly float[] s_output = new float[Max];

    public static ReadOnlySpan<float> Input(int length) => new(s_input, 0, length);

    public static ReadOnlySpan<float> Target(int length) => new(s_target, 0, length);

    public static Span<float> Output(int length) => new(s_output, 0, length);

    /// <summary>
    /// A buffer of <paramref name="length"/> values uniform in [−1, 1) from <paramref name="seed"/>, aligned as a
    /// generated network's parameters and blocks are, so that a kernel measured alone reads what it reads in a network.
    /// </summary>
    public static AlignedBuffer Aligned(int length, int seed)
    {
        var random = new Random(seed);
        var values = new AlignedBuffer(length);
        Span<float> span = values.Span;
        for (int i = 0; i < span.Length; i++)
        {
            span[i] = (2f * random.NextSingle()) - 1f;
        }

        return values;
    }

    private static float[] Fill(int seed, float low, float high)
    {
        var random = new Random(seed);
        var values = new float[Max];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = low + ((high - low) * random.NextSingle());
        }

        return values;
    }
}
