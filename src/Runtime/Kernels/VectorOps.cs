using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

/// <summary>Vectorised element-wise operations over parameter-sized spans, for the training loop and the optimizers.</summary>
public static class VectorOps
{
    /// <summary><c>values ← factor · values</c>.</summary>
    /// <param name="values">The values, scaled in place.</param>
    /// <param name="factor">The factor.</param>
    public static void Scale(Span<float> values, float factor)
    {
        ref float v = ref MemoryMarshal.GetReference(values);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var f = new Vector<float>(factor);
            for (; i <= values.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                ref float at = ref Unsafe.Add(ref v, i);
                Unsafe.WriteUnaligned(ref Unsafe.As<float, byte>(ref at), Unsafe.ReadUnaligned<Vector<float>>(ref Unsafe.As<float, byte>(ref at)) * f);
            }
        }

        for (; i < values.Length; i++)
        {
            Unsafe.Add(ref v, i) *= factor;
        }
    }

    /// <summary><c>Σ v²</c>, accumulated in double precision so that large spans lose no accuracy.</summary>
    /// <param name="values">The values.</param>
    /// <returns>The sum of squares.</returns>
    public static double SumOfSquares(ReadOnlySpan<float> values)
    {
        ref float v = ref MemoryMarshal.GetReference(values);
        double sum = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // Float lanes summed in blocks of 1,024 elements, each block's total carried in double.
            while (i <= values.Length - Vector<float>.Count)
            {
                Vector<float> block = Vector<float>.Zero;
                int end = Math.Min(values.Length - Vector<float>.Count, i + 1024);
                for (; i <= end; i += Vector<float>.Count)
                {
                    Vector<float> x = Unsafe.ReadUnaligned<Vector<float>>(ref Unsafe.As<float, byte>(ref Unsafe.Add(ref v, i)));
                    block += x * x;
                }

                sum += Vector.Sum(block);
            }
        }

        for (; i < values.Length; i++)
        {
            float x = Unsafe.Add(ref v, i);
            sum += (double)x * x;
        }

        return sum;
    }
}
