using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// The output layer's softmax and the cross-entropy for a whole block: in feature-major form one register holds one
/// output of 16 (or 8, or 4) samples, so the maximum, the exponentials and the sums over the outputs are lane-wise
/// operations across the block's samples, with no reduction across a register.
/// </summary>
public static partial class BatchKernels
{
    /// <summary>
    /// The softmax of every column of a feature-major block of logits,
    /// <c>ŷ[c, s] = e^(a[c, s] − m_s) / Σ_c′ e^(a[c′, s] − m_s)</c> with <c>m_s = max_c a[c, s]</c>.
    /// </summary>
    /// <param name="logits">The output layer's pre-activations <c>A</c>, feature-major <c>[outputs, columns]</c>.</param>
    /// <param name="probabilities">Receives <c>ŷ</c>, <c>[outputs, columns]</c>; it may be <paramref name="logits"/> itself.</param>
    /// <param name="columns">The block's column count, a multiple of <see cref="ColumnMultiple"/>.</param>
    /// <exception cref="ArgumentException">The lengths do not agree.</exception>
    public static void Softmax(ReadOnlySpan<float> logits, Span<float> probabilities, int columns)
    {
        int outputs = BlockRows(logits.Length, columns, nameof(logits));
        RequireBlock(probabilities.Length, outputs, columns, nameof(probabilities));
        ref float a = ref MemoryMarshal.GetReference(logits);
        ref float y = ref MemoryMarshal.GetReference(probabilities);
        if (Vector512.IsHardwareAccelerated)
        {
            Softmax<Simd512, Vector512<float>>(ref a, ref y, outputs, columns);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Softmax<Simd256, Vector256<float>>(ref a, ref y, outputs, columns);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            Softmax<Simd128, Vector128<float>>(ref a, ref y, outputs, columns);
        }
        else
        {
            Softmax<SimdScalar, float>(ref a, ref y, outputs, columns);
        }
    }

    /// <summary>
    /// The cross-entropy of softmax outputs over a block's first <paramref name="count"/> samples,
    /// <c>Σ_s −Σ_c t[c, s] log ŷ[c, s]</c> with <c>log ŷ[c, s] = a[c, s] − logΣexp(a[·, s])</c>, and its gradient with
    /// respect to the logits times <paramref name="scale"/>, <c>∇A[c, s] = (ŷ[c, s] Σ_c′ t[c′, s] − t[c, s]) · scale</c>
    /// (that is <c>(ŷ − t) · scale</c> for targets that sum to 1): per sample what
    /// <see cref="LossFunctions.SoftmaxCrossEntropy"/> computes.
    /// </summary>
    /// <param name="logits">The logits <c>A</c>, feature-major <c>[outputs, columns]</c>.</param>
    /// <param name="probabilities">Their softmax <c>ŷ</c>, <c>[outputs, columns]</c>.</param>
    /// <param name="targets">The targets <c>t</c>, <c>[outputs, columns]</c>, zero in the padding columns.</param>
    /// <param name="count">The number of samples.</param>
    /// <param name="gradient">Receives <c>∇A</c>, <c>[outputs, columns]</c>; zero in the padding columns.</param>
    /// <param name="columns">The block's column count.</param>
    /// <param name="scale">The factor of the gradient.</param>
    /// <returns>The loss summed over the samples.</returns>
    /// <exception cref="ArgumentException">The lengths do not agree.</exception>
    public static float SoftmaxCrossEntropy(ReadOnlySpan<float> logits, ReadOnlySpan<float> probabilities, ReadOnlySpan<float> targets, int count, Span<float> gradient, int columns, float scale)
    {
        int outputs = BlockRows(logits.Length, columns, nameof(logits));
        RequireCount(count, columns);
        RequireBlock(probabilities.Length, outputs, columns, nameof(probabilities));
        RequireBlock(targets.Length, outputs, columns, nameof(targets));
        RequireBlock(gradient.Length, outputs, columns, nameof(gradient));
        var block = new LossBlock(
            ref MemoryMarshal.GetReference(logits), ref MemoryMarshal.GetReference(probabilities),
            ref MemoryMarshal.GetReference(targets), ref MemoryMarshal.GetReference(gradient), outputs, columns);
        if (Vector512.IsHardwareAccelerated)
        {
            return SoftmaxCrossEntropy<Simd512, Vector512<float>>(ref block, count, scale);
        }

        if (Vector256.IsHardwareAccelerated)
        {
            return SoftmaxCrossEntropy<Simd256, Vector256<float>>(ref block, count, scale);
        }

        return Vector128.IsHardwareAccelerated
            ? SoftmaxCrossEntropy<Simd128, Vector128<float>>(ref block, count, scale)
            : SoftmaxCrossEntropy<SimdScalar, float>(ref block, count, scale);
    }

    private static void Softmax<TSimd, TVector>(ref float logits, ref float probabilities, int outputs, int columns)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        for (int column = 0; column < columns; column += TSimd.Count)
        {
            ref float a = ref Unsafe.Add(ref logits, column);
            ref float y = ref Unsafe.Add(ref probabilities, column);
            TVector max = ColumnMax<TSimd, TVector>(ref a, outputs, columns);
            TVector sum = TSimd.Zero;
            for (int c = 0; c < outputs; c++)
            {
                TVector e = VectorMath.Exp<TSimd, TVector>(TSimd.Subtract(TSimd.Load(ref Unsafe.Add(ref a, c * columns)), max));
                sum = TSimd.Add(sum, e);
                TSimd.Store(e, ref Unsafe.Add(ref y, c * columns));
            }

            TVector reciprocal = TSimd.Divide(TSimd.Broadcast(1f), sum);
            for (int c = 0; c < outputs; c++)
            {
                ref float at = ref Unsafe.Add(ref y, c * columns);
                TSimd.Store(TSimd.Multiply(TSimd.Load(ref at), reciprocal), ref at);
            }
        }
    }

    private static float SoftmaxCrossEntropy<TSimd, TVector>(ref LossBlock block, int count, float scale)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        int outputs = block.Outputs, columns = block.Columns;
        Span<float> lanes = stackalloc float[Vector512<float>.Count];
        ref float lane = ref MemoryMarshal.GetReference(lanes);
        TVector factor = TSimd.Broadcast(scale);
        double loss = 0;
        for (int column = 0; column < columns; column += TSimd.Count)
        {
            ref float a = ref Unsafe.Add(ref block.Logits, column);
            TVector max = ColumnMax<TSimd, TVector>(ref a, outputs, columns);
            TVector sum = TSimd.Zero;
            for (int c = 0; c < outputs; c++)
            {
                sum = TSimd.Add(sum, VectorMath.Exp<TSimd, TVector>(TSimd.Subtract(TSimd.Load(ref Unsafe.Add(ref a, c * columns)), max)));
            }

            // logΣexp(a) = m + log Σ e^(a − m), one logarithm per sample.
            TSimd.Store(sum, ref lane);
            for (int s = 0; s < TSimd.Count; s++)
            {
                Unsafe.Add(ref lane, s) = MathF.Log(Unsafe.Add(ref lane, s));
            }

            TVector logSumExp = TSimd.Add(max, TSimd.Load(ref lane));
            TVector sampleLoss = TSimd.Zero, targetSum = TSimd.Zero;
            ref float t = ref Unsafe.Add(ref block.Targets, column);
            for (int c = 0; c < outputs; c++)
            {
                TVector target = TSimd.Load(ref Unsafe.Add(ref t, c * columns));
                sampleLoss = TSimd.MultiplyAdd(target, TSimd.Subtract(logSumExp, TSimd.Load(ref Unsafe.Add(ref a, c * columns))), sampleLoss);
                targetSum = TSimd.Add(targetSum, target);
            }

            ref float y = ref Unsafe.Add(ref block.Probabilities, column);
            ref float g = ref Unsafe.Add(ref block.Gradient, column);
            for (int c = 0; c < outputs; c++)
            {
                TVector probability = TSimd.Load(ref Unsafe.Add(ref y, c * columns));
                TVector target = TSimd.Load(ref Unsafe.Add(ref t, c * columns));
                TSimd.Store(TSimd.Multiply(TSimd.Subtract(TSimd.Multiply(probability, targetSum), target), factor), ref Unsafe.Add(ref g, c * columns));
            }

            TSimd.Store(sampleLoss, ref lane);
            int samples = Math.Min(TSimd.Count, count - column);
            for (int s = 0; s < samples; s++)
            {
                loss += Unsafe.Add(ref lane, s);
            }
        }

        return (float)loss;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector ColumnMax<TSimd, TVector>(ref float a, int outputs, int columns)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        TVector max = TSimd.Load(ref a);
        for (int c = 1; c < outputs; c++)
        {
            max = TSimd.Max(max, TSimd.Load(ref Unsafe.Add(ref a, c * columns)));
        }

        return max;
    }

    /// <summary>The four feature-major blocks of <see cref="SoftmaxCrossEntropy(ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float}, int, Span{float}, int, float)"/>.</summary>
    private readonly ref struct LossBlock
    {
        public readonly ref float Logits;
        public readonly ref float Probabilities;
        public readonly ref float Targets;
        public readonly ref float Gradient;
        public readonly int Outputs;
        public readonly int Columns;

        public LossBlock(ref float logits, ref float probabilities, ref float targets, ref float gradient, int outputs, int columns)
        {
            Logits = ref logits;
            Probabilities = ref probabilities;
            Targets = ref targets;
            Gradient = ref gradient;
            Outputs = outputs;
            Columns = columns;
        }
    }
}
