using System;

namespace NetGen.Kernels;

/// <summary>Vectorised element-wise operations over parameter-sized spans, for the training loop and the optimizers.</summary>
public static class VectorOps
{
    /// <summary><c>values ← factor · values</c>.</summary>
    /// <param name="values">The values, scaled in place.</param>
    /// <param name="factor">The factor.</param>
    public static void Scale(Span<float> values, float factor) => VectorLoop.Apply(values, values, new ScaleOperation(factor));

    /// <summary><c>Σ v²</c>, each block of 1,024 squares summed in float registers and the blocks' sums in double precision, so that large spans lose no accuracy.</summary>
    /// <param name="values">The values.</param>
    /// <returns>The sum of squares.</returns>
    public static double SumOfSquares(ReadOnlySpan<float> values) => VectorLoop.Sum(values, default(SquareMap));
}
