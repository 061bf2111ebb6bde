using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NetGen.Optimizers;

/// <summary>The element-wise update shared by <see cref="Adam"/> and <see cref="AdamW"/>.</summary>
internal static class AdamKernel
{
    /// <summary>
    /// <c>g ← ∇θ + l2·θ; m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; θ ← shrink·θ − stepSize · m / (√v / sqrtCorrection2 + ε)</c>.
    /// </summary>
    public static void Update(
        Span<float> parameters,
        ReadOnlySpan<float> gradients,
        Span<float> firstMoment,
        Span<float> secondMoment,
        float beta1,
        float beta2,
        float epsilon,
        float l2,
        float shrink,
        float stepSize,
        float sqrtCorrection2)
    {
        float oneMinusBeta1 = 1f - beta1, oneMinusBeta2 = 1f - beta2;
        ref float theta = ref MemoryMarshal.GetReference(parameters);
        ref float gradient = ref MemoryMarshal.GetReference(gradients);
        ref float m1 = ref MemoryMarshal.GetReference(firstMoment);
        ref float m2 = ref MemoryMarshal.GetReference(secondMoment);
        int n = parameters.Length, i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            Vector<float> vBeta1 = new(beta1), vBeta2 = new(beta2), vOneMinusBeta1 = new(oneMinusBeta1), vOneMinusBeta2 = new(oneMinusBeta2);
            Vector<float> vEpsilon = new(epsilon), vL2 = new(l2), vShrink = new(shrink), vStepSize = new(stepSize), vCorrection = new(sqrtCorrection2);
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector<float> p = Vector.LoadUnsafe(ref theta, (nuint)i);
                Vector<float> g = Vector.LoadUnsafe(ref gradient, (nuint)i) + vL2 * p;
                Vector<float> m = vBeta1 * Vector.LoadUnsafe(ref m1, (nuint)i) + vOneMinusBeta1 * g;
                Vector<float> v = vBeta2 * Vector.LoadUnsafe(ref m2, (nuint)i) + vOneMinusBeta2 * (g * g);
                m.StoreUnsafe(ref m1, (nuint)i);
                v.StoreUnsafe(ref m2, (nuint)i);
                Vector<float> denominator = Vector.SquareRoot(v) / vCorrection + vEpsilon;
                (vShrink * p - vStepSize * (m / denominator)).StoreUnsafe(ref theta, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            ref float p = ref parameters[i];
            float g = gradients[i] + l2 * p;
            float m = beta1 * firstMoment[i] + oneMinusBeta1 * g;
            float v = beta2 * secondMoment[i] + oneMinusBeta2 * (g * g);
            firstMoment[i] = m;
            secondMoment[i] = v;
            float denominator = MathF.Sqrt(v) / sqrtCorrection2 + epsilon;
            p = shrink * p - stepSize * (m / denominator);
        }
    }
}
