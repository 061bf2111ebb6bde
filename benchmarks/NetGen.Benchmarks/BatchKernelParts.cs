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

    private readonly float[] _w1 = Random(Hidden * Inputs, 1), _b1 = Random(Hidden, 2);
    private readonly float[] _samples = Random(Columns * Inputs, 3), _block = new float[Inputs * Columns];
    private readonly float[] _a1 = new float[Hidden * Columns], _deltas = Random(Hidden * Minibatch, 4), _gradient = new float[Hidden * Inputs];
    private readonly float[] _logits = Random(Outputs * Columns, 5), _probabilities = new float[Outputs * Columns];
    private readonly float[] _hidden = Random(64 * Columns, 6);
    private readonly float[] _w16 = Random(64 * 16, 7), _w64 = Random(64 * 64, 8), _wOut = Random(64, 9), _b64 = Random(64, 10), _bOut = Random(1, 11);
    private readonly float[] _block16 = Random(16 * Columns, 12), _h64 = new float[64 * Columns], _out = new float[Columns];

    [GlobalSetup]
    public void Setup() => BatchKernels.ToBlock(_samples, Columns, _block, Columns);

    [Benchmark]
    public void MultiplyAdd_128x784_by_784x64() => BatchKernels.MultiplyAdd(_w1, _block, _b1, _a1, Columns);

    [Benchmark]
    public void WeightGradient_128x784_over_32() =>
        BatchKernels.WeightGradient(_deltas, Minibatch, _samples.AsSpan(0, Minibatch * Inputs), Minibatch, _gradient, add: false);

    [Benchmark]
    public void ToBlock_64x784() => BatchKernels.ToBlock(_samples, Columns, _block, Columns);

    [Benchmark]
    public void Softmax_10x64() => BatchKernels.Softmax(_logits, _probabilities, Columns);

    [Benchmark]
    public void MultiplyAdd_64x16_by_16x64() => BatchKernels.MultiplyAdd(_w16, _block16, _b64, _h64, Columns);

    [Benchmark]
    public void MultiplyAdd_64x64_by_64x64() => BatchKernels.MultiplyAdd(_w64, _hidden, _b64, _h64, Columns);

    [Benchmark]
    public void MultiplyAdd_1x64_by_64x64() => BatchKernels.MultiplyAdd(_wOut, _hidden, _bOut, _out, Columns);

    [Benchmark]
    public void ToBlock_64x16() => BatchKernels.ToBlock(_samples.AsSpan(0, Columns * 16), Columns, _block16, Columns);

    [Benchmark]
    public void Tanh_64x64()
    {
        // The same values every call: tanh of the previous result would drift towards 0 and the fast path.
        _samples.AsSpan(0, _hidden.Length).CopyTo(_hidden);
        Activations.Tanh(_hidden);
    }

    [Benchmark]
    public void Copy_64x64() => _samples.AsSpan(0, _hidden.Length).CopyTo(_hidden);

    private static float[] Random(int length, int seed)
    {
        var random = new Random(seed);
        float[] values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (2f * random.NextSingle()) - 1f;
        }

        return values;
    }
}
