using System;
using NetGen.Kernels;

namespace NetGen.Optimizers;

/// <summary>Gradient clipping by global norm.</summary>
public static class GradientClipping
{
    /// <summary>Rescales <paramref name="gradients"/> so that its L2 norm is at most <paramref name="maxNorm"/>; a smaller gradient is left as it is.</summary>
    /// <param name="gradients">The gradient, rescaled in place.</param>
    /// <param name="maxNorm">The bound; positive.</param>
    /// <returns>The norm before clipping (NaN or infinity if the gradient holds such values; it is then left unchanged).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxNorm"/> is not positive.</exception>
    public static double ClipByGlobalNorm(Span<float> gradients, float maxNorm)
    {
        if (!(maxNorm > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "The norm bound must be positive.");
        }

        double norm = Math.Sqrt(VectorOps.SumOfSquares(gradients));
        if (double.IsFinite(norm) && norm > maxNorm)
        {
            VectorOps.Scale(gradients, (float)(maxNorm / norm));
        }

        return norm;
    }
}
