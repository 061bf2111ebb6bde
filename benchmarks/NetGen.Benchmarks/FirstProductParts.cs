using System;
using BenchmarkDotNet.Attributes;
using NetGen.Kernels;

namespace NetGen.Benchmarks;

/// <summary>
/// A first layer's product on one block of 64 samples, 128 outputs, in its two forms: read from the samples in place
/// (<see cref="BatchKernels.MultiplyAddRows"/>, sample-major, as the caller holds them) and the transpose into the
/// block followed by the block product, for the input width from which <see cref="BatchKernels.MultiplyAddSamples"/>
/// reads in place. Weights and block in aligned buffers, as a generated network holds them; the samples in a plain
/// array, as a caller's. <c>-- --filter '*FirstProductParts*'</c>; add <c>--avx2</c> for the AVX2 path.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class FirstProductParts
{
    private const int Hidden = 128, Columns = BatchKernels.BlockSize;

    private AlignedBuffer _weights, _block, _output;
    private float[] _bias = [], _samples = [];

    /// <summary>The input width.</summary>
    [Params(256, 512, 576, 784, 1024)]
    public int Inputs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _weights = new AlignedBuffer(Hidden * Inputs);
        _block = new AlignedBuffer(Inputs * Columns);
        _output = new AlignedBuffer(Hidden * Columns);
        var random = new SeededRandom(5);
        foreach (ref float w in _weights.Span)
        {
            w = random.NextUniform(-0.5f, 0.5f);
        }

        _bias = new float[Hidden];
        _samples = new float[Columns * Inputs];
        foreach (ref float x in _samples.AsSpan())
        {
            x = random.NextUniform(0f, 1f);
        }
    }

    /// <summary>The product read from the samples in place.</summary>
    [Benchmark]
    public void InPlace() => BatchKernels.MultiplyAddRows(_weights.Span, _samples, Columns, _bias, _output.Span, Columns);

    /// <summary>The transpose into the block, then the block product.</summary>
    [Benchmark(Baseline = true)]
    public void TransposeThenProduct()
    {
        BatchKernels.ToBlock(_samples, Columns, _block.Span, Columns);
        BatchKernels.MultiplyAdd(_weights.Span, _block.Span, _bias, _output.Span, Columns);
    }
}
