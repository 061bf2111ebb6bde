using System;
using BenchmarkDotNet.Attributes;

namespace NetGen.Benchmarks;

// The same trained weights (Models/make_weights.py) compiled into an inference-only class and into a trainable one,
// which reads them from Parameters. Under Auto, 4-8-3's two layers are unrolled, so its inference-only Forward has the
// weights as literals in the code; 16-64-64-1's layers are all SIMD, where literals do not apply.
[Network(4, Loss = Loss.CrossEntropy, Weights = "Models/net4x8x3.safetensors", InferenceOnly = true)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public partial class Inference4x8x3;

[Network(4, Loss = Loss.CrossEntropy, Weights = "Models/net4x8x3.safetensors")]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public partial class Trainable4x8x3;

[Network(16, Loss = Loss.MeanSquaredError, Weights = "Models/net16x64x64x1.safetensors", InferenceOnly = true)]
[Dense(64, Activation.Tanh)]
[Dense(64, Activation.Tanh)]
[Dense(1, Activation.Identity)]
public partial class Inference16x64x64x1;

[Network(16, Loss = Loss.MeanSquaredError, Weights = "Models/net16x64x64x1.safetensors")]
[Dense(64, Activation.Tanh)]
[Dense(64, Activation.Tanh)]
[Dense(1, Activation.Identity)]
public partial class Trainable16x64x64x1;

/// <summary>
/// One-sample <c>Forward</c> of an inference-only class (weights compiled in, read-only; literals in the code where its
/// layers are unrolled) against the trainable class with the same weights in <c>Parameters</c>; Ratio = inference-only /
/// trainable. Both are called through <see cref="IInferenceNetwork"/>.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class InferenceOnlyForward
{
    private readonly IInferenceNetwork _inference4x8x3 = new Inference4x8x3();
    private readonly IInferenceNetwork _trainable4x8x3 = new Trainable4x8x3();
    private readonly IInferenceNetwork _inference16x64x64x1 = new Inference16x64x64x1();
    private readonly IInferenceNetwork _trainable16x64x64x1 = new Trainable16x64x64x1();
    private readonly float[] _input = Data.Input(16).ToArray();
    private readonly float[] _output = new float[3];

    [Benchmark, BenchmarkCategory("4-8-3")]
    public void InferenceOnly_4x8x3() => _inference4x8x3.Forward(_input.AsSpan(0, 4), _output.AsSpan(0, 3));

    [Benchmark(Baseline = true), BenchmarkCategory("4-8-3")]
    public void Trainable_4x8x3() => _trainable4x8x3.Forward(_input.AsSpan(0, 4), _output.AsSpan(0, 3));

    [Benchmark, BenchmarkCategory("16-64-64-1")]
    public void InferenceOnly_16x64x64x1() => _inference16x64x64x1.Forward(_input.AsSpan(0, 16), _output.AsSpan(0, 1));

    [Benchmark(Baseline = true), BenchmarkCategory("16-64-64-1")]
    public void Trainable_16x64x64x1() => _trainable16x64x64x1.Forward(_input.AsSpan(0, 16), _output.AsSpan(0, 1));
}
