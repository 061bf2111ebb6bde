using System;
using BenchmarkDotNet.Attributes;
using NetGen.Kernels;

namespace NetGen.Benchmarks;

/// <summary>
/// The parts of a batched pass one at a time, on one block of 64 samples: the 784-128-10 network's first product
/// (W1 X + b1, 12.85 MFLOP; the 784-256-128-10 network's is twice as large), its weight gradient over a minibatch
/// of 32 (6.42 MFLOP), the transpose of the input block, the block softmax of the 10 outputs, and the parts of
/// 16-64-64-1's batched forward: its two hidden products (64 × 16 by 16 × 64, 0.13 MFLOP, and 64 × 64 by 64 × 64,
/// 0.52 MFLOP), its output product (1 × 64 by 64 × 64), the transpose of its input block, and the tanh of one 64-unit
/// hidden layer (applied twice per block). With the FMA
/// peak of the same machine, <c>2 · rows · inputs · columns / time</c> over the peak is a product's share of it.
/// <c>-- --filter '*BatchKernelParts*'</c>; add <c>--avx2</c> for the AVX2 path.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class BatchKernelParts
{
    private const int Inputs = 784, Hidden = 128, Outputs = 10, Columns = BatchKernels.BlockSize, Minibatch = 32;

    // Aligned as a generated network's parameters and block are: with the 8-byte alignment of arrays, half of the
    // 256-bit loads straddle two cache lines and the parts measured slower than they run in a network.
    private readonly AlignedBuffer _w1 = Data.Aligned(Hidden * Inputs, 1), _b1 = Data.Aligned(Hidden, 2);
    private readonly AlignedBuffer _samples = Data.Aligned(Columns * Inputs, 3), _block = new(Inputs * Columns);
    private readonly AlignedBuffer _a1 = new(Hidden * Columns), _deltas = Data.Aligned(Hidden * Minibatch, 4), _gradient = new(Hidden * Inputs);
    private readonly AlignedBuffer _logits = Data.Aligned(Outputs * Columns, 5), _probabilities = new(Outputs * Columns);
    private readonly AlignedBuffer _hidden = Data.Aligned(64 * Columns, 6);
    private readonly AlignedBuffer _w16 = Data.Aligned(64 * 16, 7), _w64 = Data.Aligned(64 * 64, 8), _wOut = Data.Aligned(64, 9), _b64 = Data.Aligned(64, 10), _bOut = Data.Aligned(1, 11);
    private readonly AlignedBuffer _block16 = Data.Aligned(16 * Columns, 12), _h64 = new(64 * Columns), _out = new(Columns);

    [GlobalSetup]
    public void Setup() => BatchKernels.ToBlock(_samples.Span, Columns, _block.Span, Columns);

    [Benchmark]
    public void MultiplyAdd_128x784_by_784x64() => BatchKernels.MultiplyAdd(_w1.Span, _block.Span, _b1.Span, _a1.Span, Columns);

    [Benchmark]
    public void WeightGradient_128x784_over_32() =>
        BatchKernels.WeightGradient(_deltas.Span, Minibatch, _samples.Slice(0, Minibatch * Inputs), Minibatch, _gradient.Span, add: false);

    [Benchmark]
    public void ToBlock_64x784() => BatchKernels.ToBlock(_samples.Span, Columns, _block.Span, Columns);

    [Benchmark]
    public void Softmax_10x64() => BatchKernels.Softmax(_logits.Span, _probabilities.Span, Columns);

    [Benchmark]
    public void MultiplyAdd_64x16_by_16x64() => BatchKernels.MultiplyAdd(_w16.Span, _block16.Span, _b64.Span, _h64.Span, Columns);

    [Benchmark]
    public void MultiplyAdd_64x64_by_64x64() => BatchKernels.MultiplyAdd(_w64.Span, _hidden.Span, _b64.Span, _h64.Span, Columns);

    [Benchmark]
    public void MultiplyAdd_1x64_by_64x64() => BatchKernels.MultiplyAdd(_wOut.Span, _hidden.Span, _bOut.Span, _out.Span, Columns);

    [Benchmark]
    public void ToBlock_64x16() => BatchKernels.ToBlock(_samples.Slice(0, Columns * 16), Columns, _block16.Span, Columns);

    [Benchmark]
    public void Tanh_64x64()
    {
        // The same values every call: tanh of the previous result would drift towards 0 and the fast path.
        _samples.Slice(0, _hidden.Length).CopyTo(_hidden.Span);
        Activations.Tanh(_hidden.Span);
    }

    [Benchmark]
    public void Copy_64x64() => _samples.Slice(0, _hidden.Length).CopyTo(_hidden.Span);
}
