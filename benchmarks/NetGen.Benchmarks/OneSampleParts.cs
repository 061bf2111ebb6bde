using BenchmarkDotNet.Attributes;
using NetGen.Kernels;

namespace NetGen.Benchmarks;

/// <summary>
/// The parts of 16-64-64-1's one-sample <c>Forward</c> and <c>Backward</c> one at a time, over aligned buffers as a
/// generated network holds them: the two hidden products (<c>W1 x + b1</c>, 64 × 16, and <c>W2 h1 + b2</c>, 64 × 64),
/// the tanh of one 64-unit layer (applied twice per pass), the second layer's backward pass (<c>∇W2 += ∇a2 h1ᵀ</c>
/// and <c>∇a1 = (W2ᵀ ∇a2) ⊙ tanh'(a1)</c> in one pass) and the first layer's weight gradient (<c>∇W1 += ∇a1 xᵀ</c>).
/// Their sums against the whole network's times in the peer suite show where a call's time goes.
/// <c>-- --filter '*OneSampleParts*'</c>; add <c>--avx2</c> for the AVX2 path.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class OneSampleParts
{
    private readonly AlignedBuffer _w1 = Data.Aligned(64 * 16, 1), _b1 = Data.Aligned(64, 2), _x = Data.Aligned(16, 3);
    private readonly AlignedBuffer _w2 = Data.Aligned(64 * 64, 4), _b2 = Data.Aligned(64, 5), _h1 = Data.Aligned(64, 6);
    private readonly AlignedBuffer _a = new(64), _delta = Data.Aligned(64, 7), _deltaBelow = new(64);
    private readonly AlignedBuffer _dW1 = new(64 * 16), _dW2 = new(64 * 64);

    [Benchmark]
    public void MultiplyAdd_64x16() => DenseKernels.MultiplyAdd(_w1.Span, _x.Span, _b1.Span, _a.Span);

    [Benchmark]
    public void MultiplyAdd_64x64() => DenseKernels.MultiplyAdd(_w2.Span, _h1.Span, _b2.Span, _a.Span);

    [Benchmark]
    public void Tanh_64()
    {
        // The same values every call: tanh of the previous result would drift towards 0.
        _h1.Span.CopyTo(_a.Span);
        Activations.Tanh(_a.Span);
    }

    [Benchmark]
    public void BackpropagateTanh_64x64() =>
        DenseKernels.BackpropagateTanh(_w2.Span, _delta.Span, _h1.Span, _dW2.Span, _deltaBelow.Span);

    [Benchmark]
    public void AddOuterProduct_64x16() => DenseKernels.AddOuterProduct(_delta.Span, _x.Span, _dW1.Span);
}
