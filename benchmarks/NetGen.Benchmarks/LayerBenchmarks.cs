using BenchmarkDotNet.Attributes;
using NetGen.Benchmarks.Networks;

namespace NetGen.Benchmarks;

/// <summary>Forward of one dense layer, in × out, identity output and MSE; Ratio = unrolled / SIMD.</summary>
[Config(typeof(BenchmarkConfig))]
public class SingleLayerForward : SingleLayerNetworks
{
    [Benchmark, BenchmarkCategory("2x2")]
    public void Unrolled_2x2() => _dense2x2Unrolled.Forward(Data.Input(Dense2x2Unrolled.InputSize), Data.Output(Dense2x2Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("2x2")]
    public void Simd_2x2() => _dense2x2Simd.Forward(Data.Input(Dense2x2Simd.InputSize), Data.Output(Dense2x2Simd.OutputSize));

    [Benchmark, BenchmarkCategory("2x8")]
    public void Unrolled_2x8() => _dense2x8Unrolled.Forward(Data.Input(Dense2x8Unrolled.InputSize), Data.Output(Dense2x8Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("2x8")]
    public void Simd_2x8() => _dense2x8Simd.Forward(Data.Input(Dense2x8Simd.InputSize), Data.Output(Dense2x8Simd.OutputSize));

    [Benchmark, BenchmarkCategory("4x4")]
    public void Unrolled_4x4() => _dense4x4Unrolled.Forward(Data.Input(Dense4x4Unrolled.InputSize), Data.Output(Dense4x4Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("4x4")]
    public void Simd_4x4() => _dense4x4Simd.Forward(Data.Input(Dense4x4Simd.InputSize), Data.Output(Dense4x4Simd.OutputSize));

    [Benchmark, BenchmarkCategory("8x2")]
    public void Unrolled_8x2() => _dense8x2Unrolled.Forward(Data.Input(Dense8x2Unrolled.InputSize), Data.Output(Dense8x2Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("8x2")]
    public void Simd_8x2() => _dense8x2Simd.Forward(Data.Input(Dense8x2Simd.InputSize), Data.Output(Dense8x2Simd.OutputSize));

    [Benchmark, BenchmarkCategory("16x1")]
    public void Unrolled_16x1() => _dense16x1Unrolled.Forward(Data.Input(Dense16x1Unrolled.InputSize), Data.Output(Dense16x1Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("16x1")]
    public void Simd_16x1() => _dense16x1Simd.Forward(Data.Input(Dense16x1Simd.InputSize), Data.Output(Dense16x1Simd.OutputSize));

    [Benchmark, BenchmarkCategory("4x8")]
    public void Unrolled_4x8() => _dense4x8Unrolled.Forward(Data.Input(Dense4x8Unrolled.InputSize), Data.Output(Dense4x8Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("4x8")]
    public void Simd_4x8() => _dense4x8Simd.Forward(Data.Input(Dense4x8Simd.InputSize), Data.Output(Dense4x8Simd.OutputSize));

    [Benchmark, BenchmarkCategory("8x3")]
    public void Unrolled_8x3() => _dense8x3Unrolled.Forward(Data.Input(Dense8x3Unrolled.InputSize), Data.Output(Dense8x3Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("8x3")]
    public void Simd_8x3() => _dense8x3Simd.Forward(Data.Input(Dense8x3Simd.InputSize), Data.Output(Dense8x3Simd.OutputSize));

    [Benchmark, BenchmarkCategory("8x4")]
    public void Unrolled_8x4() => _dense8x4Unrolled.Forward(Data.Input(Dense8x4Unrolled.InputSize), Data.Output(Dense8x4Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("8x4")]
    public void Simd_8x4() => _dense8x4Simd.Forward(Data.Input(Dense8x4Simd.InputSize), Data.Output(Dense8x4Simd.OutputSize));

    [Benchmark, BenchmarkCategory("2x16")]
    public void Unrolled_2x16() => _dense2x16Unrolled.Forward(Data.Input(Dense2x16Unrolled.InputSize), Data.Output(Dense2x16Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("2x16")]
    public void Simd_2x16() => _dense2x16Simd.Forward(Data.Input(Dense2x16Simd.InputSize), Data.Output(Dense2x16Simd.OutputSize));

    [Benchmark, BenchmarkCategory("16x2")]
    public void Unrolled_16x2() => _dense16x2Unrolled.Forward(Data.Input(Dense16x2Unrolled.InputSize), Data.Output(Dense16x2Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("16x2")]
    public void Simd_16x2() => _dense16x2Simd.Forward(Data.Input(Dense16x2Simd.InputSize), Data.Output(Dense16x2Simd.OutputSize));

    [Benchmark, BenchmarkCategory("4x16")]
    public void Unrolled_4x16() => _dense4x16Unrolled.Forward(Data.Input(Dense4x16Unrolled.InputSize), Data.Output(Dense4x16Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("4x16")]
    public void Simd_4x16() => _dense4x16Simd.Forward(Data.Input(Dense4x16Simd.InputSize), Data.Output(Dense4x16Simd.OutputSize));

    [Benchmark, BenchmarkCategory("8x8")]
    public void Unrolled_8x8() => _dense8x8Unrolled.Forward(Data.Input(Dense8x8Unrolled.InputSize), Data.Output(Dense8x8Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("8x8")]
    public void Simd_8x8() => _dense8x8Simd.Forward(Data.Input(Dense8x8Simd.InputSize), Data.Output(Dense8x8Simd.OutputSize));

    [Benchmark, BenchmarkCategory("16x4")]
    public void Unrolled_16x4() => _dense16x4Unrolled.Forward(Data.Input(Dense16x4Unrolled.InputSize), Data.Output(Dense16x4Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("16x4")]
    public void Simd_16x4() => _dense16x4Simd.Forward(Data.Input(Dense16x4Simd.InputSize), Data.Output(Dense16x4Simd.OutputSize));

    [Benchmark, BenchmarkCategory("4x32")]
    public void Unrolled_4x32() => _dense4x32Unrolled.Forward(Data.Input(Dense4x32Unrolled.InputSize), Data.Output(Dense4x32Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("4x32")]
    public void Simd_4x32() => _dense4x32Simd.Forward(Data.Input(Dense4x32Simd.InputSize), Data.Output(Dense4x32Simd.OutputSize));

    [Benchmark, BenchmarkCategory("8x16")]
    public void Unrolled_8x16() => _dense8x16Unrolled.Forward(Data.Input(Dense8x16Unrolled.InputSize), Data.Output(Dense8x16Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("8x16")]
    public void Simd_8x16() => _dense8x16Simd.Forward(Data.Input(Dense8x16Simd.InputSize), Data.Output(Dense8x16Simd.OutputSize));

    [Benchmark, BenchmarkCategory("16x8")]
    public void Unrolled_16x8() => _dense16x8Unrolled.Forward(Data.Input(Dense16x8Unrolled.InputSize), Data.Output(Dense16x8Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("16x8")]
    public void Simd_16x8() => _dense16x8Simd.Forward(Data.Input(Dense16x8Simd.InputSize), Data.Output(Dense16x8Simd.OutputSize));

    [Benchmark, BenchmarkCategory("32x4")]
    public void Unrolled_32x4() => _dense32x4Unrolled.Forward(Data.Input(Dense32x4Unrolled.InputSize), Data.Output(Dense32x4Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("32x4")]
    public void Simd_32x4() => _dense32x4Simd.Forward(Data.Input(Dense32x4Simd.InputSize), Data.Output(Dense32x4Simd.OutputSize));

    [Benchmark, BenchmarkCategory("16x16")]
    public void Unrolled_16x16() => _dense16x16Unrolled.Forward(Data.Input(Dense16x16Unrolled.InputSize), Data.Output(Dense16x16Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("16x16")]
    public void Simd_16x16() => _dense16x16Simd.Forward(Data.Input(Dense16x16Simd.InputSize), Data.Output(Dense16x16Simd.OutputSize));

    [Benchmark, BenchmarkCategory("32x8")]
    public void Unrolled_32x8() => _dense32x8Unrolled.Forward(Data.Input(Dense32x8Unrolled.InputSize), Data.Output(Dense32x8Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("32x8")]
    public void Simd_32x8() => _dense32x8Simd.Forward(Data.Input(Dense32x8Simd.InputSize), Data.Output(Dense32x8Simd.OutputSize));

    [Benchmark, BenchmarkCategory("4x128")]
    public void Unrolled_4x128() => _dense4x128Unrolled.Forward(Data.Input(Dense4x128Unrolled.InputSize), Data.Output(Dense4x128Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("4x128")]
    public void Simd_4x128() => _dense4x128Simd.Forward(Data.Input(Dense4x128Simd.InputSize), Data.Output(Dense4x128Simd.OutputSize));

    [Benchmark, BenchmarkCategory("16x32")]
    public void Unrolled_16x32() => _dense16x32Unrolled.Forward(Data.Input(Dense16x32Unrolled.InputSize), Data.Output(Dense16x32Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("16x32")]
    public void Simd_16x32() => _dense16x32Simd.Forward(Data.Input(Dense16x32Simd.InputSize), Data.Output(Dense16x32Simd.OutputSize));

    [Benchmark, BenchmarkCategory("32x16")]
    public void Unrolled_32x16() => _dense32x16Unrolled.Forward(Data.Input(Dense32x16Unrolled.InputSize), Data.Output(Dense32x16Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("32x16")]
    public void Simd_32x16() => _dense32x16Simd.Forward(Data.Input(Dense32x16Simd.InputSize), Data.Output(Dense32x16Simd.OutputSize));

    [Benchmark, BenchmarkCategory("64x8")]
    public void Unrolled_64x8() => _dense64x8Unrolled.Forward(Data.Input(Dense64x8Unrolled.InputSize), Data.Output(Dense64x8Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("64x8")]
    public void Simd_64x8() => _dense64x8Simd.Forward(Data.Input(Dense64x8Simd.InputSize), Data.Output(Dense64x8Simd.OutputSize));

    [Benchmark, BenchmarkCategory("128x4")]
    public void Unrolled_128x4() => _dense128x4Unrolled.Forward(Data.Input(Dense128x4Unrolled.InputSize), Data.Output(Dense128x4Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("128x4")]
    public void Simd_128x4() => _dense128x4Simd.Forward(Data.Input(Dense128x4Simd.InputSize), Data.Output(Dense128x4Simd.OutputSize));

    [Benchmark, BenchmarkCategory("512x1")]
    public void Unrolled_512x1() => _dense512x1Unrolled.Forward(Data.Input(Dense512x1Unrolled.InputSize), Data.Output(Dense512x1Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("512x1")]
    public void Simd_512x1() => _dense512x1Simd.Forward(Data.Input(Dense512x1Simd.InputSize), Data.Output(Dense512x1Simd.OutputSize));
}

/// <summary>Backward of one dense layer, in × out, identity output and MSE; Ratio = unrolled / SIMD.</summary>
[Config(typeof(BenchmarkConfig))]
public class SingleLayerBackward : SingleLayerNetworks
{
    [Benchmark, BenchmarkCategory("2x2")]
    public float Unrolled_2x2() => _dense2x2Unrolled.Backward(Data.Input(Dense2x2Unrolled.InputSize), Data.Target(Dense2x2Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("2x2")]
    public float Simd_2x2() => _dense2x2Simd.Backward(Data.Input(Dense2x2Simd.InputSize), Data.Target(Dense2x2Simd.OutputSize));

    [Benchmark, BenchmarkCategory("2x8")]
    public float Unrolled_2x8() => _dense2x8Unrolled.Backward(Data.Input(Dense2x8Unrolled.InputSize), Data.Target(Dense2x8Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("2x8")]
    public float Simd_2x8() => _dense2x8Simd.Backward(Data.Input(Dense2x8Simd.InputSize), Data.Target(Dense2x8Simd.OutputSize));

    [Benchmark, BenchmarkCategory("4x4")]
    public float Unrolled_4x4() => _dense4x4Unrolled.Backward(Data.Input(Dense4x4Unrolled.InputSize), Data.Target(Dense4x4Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("4x4")]
    public float Simd_4x4() => _dense4x4Simd.Backward(Data.Input(Dense4x4Simd.InputSize), Data.Target(Dense4x4Simd.OutputSize));

    [Benchmark, BenchmarkCategory("8x2")]
    public float Unrolled_8x2() => _dense8x2Unrolled.Backward(Data.Input(Dense8x2Unrolled.InputSize), Data.Target(Dense8x2Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("8x2")]
    public float Simd_8x2() => _dense8x2Simd.Backward(Data.Input(Dense8x2Simd.InputSize), Data.Target(Dense8x2Simd.OutputSize));

    [Benchmark, BenchmarkCategory("16x1")]
    public float Unrolled_16x1() => _dense16x1Unrolled.Backward(Data.Input(Dense16x1Unrolled.InputSize), Data.Target(Dense16x1Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("16x1")]
    public float Simd_16x1() => _dense16x1Simd.Backward(Data.Input(Dense16x1Simd.InputSize), Data.Target(Dense16x1Simd.OutputSize));

    [Benchmark, BenchmarkCategory("4x8")]
    public float Unrolled_4x8() => _dense4x8Unrolled.Backward(Data.Input(Dense4x8Unrolled.InputSize), Data.Target(Dense4x8Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("4x8")]
    public float Simd_4x8() => _dense4x8Simd.Backward(Data.Input(Dense4x8Simd.InputSize), Data.Target(Dense4x8Simd.OutputSize));

    [Benchmark, BenchmarkCategory("8x3")]
    public float Unrolled_8x3() => _dense8x3Unrolled.Backward(Data.Input(Dense8x3Unrolled.InputSize), Data.Target(Dense8x3Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("8x3")]
    public float Simd_8x3() => _dense8x3Simd.Backward(Data.Input(Dense8x3Simd.InputSize), Data.Target(Dense8x3Simd.OutputSize));

    [Benchmark, BenchmarkCategory("8x4")]
    public float Unrolled_8x4() => _dense8x4Unrolled.Backward(Data.Input(Dense8x4Unrolled.InputSize), Data.Target(Dense8x4Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("8x4")]
    public float Simd_8x4() => _dense8x4Simd.Backward(Data.Input(Dense8x4Simd.InputSize), Data.Target(Dense8x4Simd.OutputSize));

    [Benchmark, BenchmarkCategory("2x16")]
    public float Unrolled_2x16() => _dense2x16Unrolled.Backward(Data.Input(Dense2x16Unrolled.InputSize), Data.Target(Dense2x16Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("2x16")]
    public float Simd_2x16() => _dense2x16Simd.Backward(Data.Input(Dense2x16Simd.InputSize), Data.Target(Dense2x16Simd.OutputSize));

    [Benchmark, BenchmarkCategory("16x2")]
    public float Unrolled_16x2() => _dense16x2Unrolled.Backward(Data.Input(Dense16x2Unrolled.InputSize), Data.Target(Dense16x2Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("16x2")]
    public float Simd_16x2() => _dense16x2Simd.Backward(Data.Input(Dense16x2Simd.InputSize), Data.Target(Dense16x2Simd.OutputSize));

    [Benchmark, BenchmarkCategory("4x16")]
    public float Unrolled_4x16() => _dense4x16Unrolled.Backward(Data.Input(Dense4x16Unrolled.InputSize), Data.Target(Dense4x16Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("4x16")]
    public float Simd_4x16() => _dense4x16Simd.Backward(Data.Input(Dense4x16Simd.InputSize), Data.Target(Dense4x16Simd.OutputSize));

    [Benchmark, BenchmarkCategory("8x8")]
    public float Unrolled_8x8() => _dense8x8Unrolled.Backward(Data.Input(Dense8x8Unrolled.InputSize), Data.Target(Dense8x8Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("8x8")]
    public float Simd_8x8() => _dense8x8Simd.Backward(Data.Input(Dense8x8Simd.InputSize), Data.Target(Dense8x8Simd.OutputSize));

    [Benchmark, BenchmarkCategory("16x4")]
    public float Unrolled_16x4() => _dense16x4Unrolled.Backward(Data.Input(Dense16x4Unrolled.InputSize), Data.Target(Dense16x4Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("16x4")]
    public float Simd_16x4() => _dense16x4Simd.Backward(Data.Input(Dense16x4Simd.InputSize), Data.Target(Dense16x4Simd.OutputSize));

    [Benchmark, BenchmarkCategory("4x32")]
    public float Unrolled_4x32() => _dense4x32Unrolled.Backward(Data.Input(Dense4x32Unrolled.InputSize), Data.Target(Dense4x32Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("4x32")]
    public float Simd_4x32() => _dense4x32Simd.Backward(Data.Input(Dense4x32Simd.InputSize), Data.Target(Dense4x32Simd.OutputSize));

    [Benchmark, BenchmarkCategory("8x16")]
    public float Unrolled_8x16() => _dense8x16Unrolled.Backward(Data.Input(Dense8x16Unrolled.InputSize), Data.Target(Dense8x16Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("8x16")]
    public float Simd_8x16() => _dense8x16Simd.Backward(Data.Input(Dense8x16Simd.InputSize), Data.Target(Dense8x16Simd.OutputSize));

    [Benchmark, BenchmarkCategory("16x8")]
    public float Unrolled_16x8() => _dense16x8Unrolled.Backward(Data.Input(Dense16x8Unrolled.InputSize), Data.Target(Dense16x8Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("16x8")]
    public float Simd_16x8() => _dense16x8Simd.Backward(Data.Input(Dense16x8Simd.InputSize), Data.Target(Dense16x8Simd.OutputSize));

    [Benchmark, BenchmarkCategory("32x4")]
    public float Unrolled_32x4() => _dense32x4Unrolled.Backward(Data.Input(Dense32x4Unrolled.InputSize), Data.Target(Dense32x4Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("32x4")]
    public float Simd_32x4() => _dense32x4Simd.Backward(Data.Input(Dense32x4Simd.InputSize), Data.Target(Dense32x4Simd.OutputSize));

    [Benchmark, BenchmarkCategory("16x16")]
    public float Unrolled_16x16() => _dense16x16Unrolled.Backward(Data.Input(Dense16x16Unrolled.InputSize), Data.Target(Dense16x16Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("16x16")]
    public float Simd_16x16() => _dense16x16Simd.Backward(Data.Input(Dense16x16Simd.InputSize), Data.Target(Dense16x16Simd.OutputSize));

    [Benchmark, BenchmarkCategory("32x8")]
    public float Unrolled_32x8() => _dense32x8Unrolled.Backward(Data.Input(Dense32x8Unrolled.InputSize), Data.Target(Dense32x8Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("32x8")]
    public float Simd_32x8() => _dense32x8Simd.Backward(Data.Input(Dense32x8Simd.InputSize), Data.Target(Dense32x8Simd.OutputSize));

    [Benchmark, BenchmarkCategory("4x128")]
    public float Unrolled_4x128() => _dense4x128Unrolled.Backward(Data.Input(Dense4x128Unrolled.InputSize), Data.Target(Dense4x128Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("4x128")]
    public float Simd_4x128() => _dense4x128Simd.Backward(Data.Input(Dense4x128Simd.InputSize), Data.Target(Dense4x128Simd.OutputSize));

    [Benchmark, BenchmarkCategory("16x32")]
    public float Unrolled_16x32() => _dense16x32Unrolled.Backward(Data.Input(Dense16x32Unrolled.InputSize), Data.Target(Dense16x32Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("16x32")]
    public float Simd_16x32() => _dense16x32Simd.Backward(Data.Input(Dense16x32Simd.InputSize), Data.Target(Dense16x32Simd.OutputSize));

    [Benchmark, BenchmarkCategory("32x16")]
    public float Unrolled_32x16() => _dense32x16Unrolled.Backward(Data.Input(Dense32x16Unrolled.InputSize), Data.Target(Dense32x16Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("32x16")]
    public float Simd_32x16() => _dense32x16Simd.Backward(Data.Input(Dense32x16Simd.InputSize), Data.Target(Dense32x16Simd.OutputSize));

    [Benchmark, BenchmarkCategory("64x8")]
    public float Unrolled_64x8() => _dense64x8Unrolled.Backward(Data.Input(Dense64x8Unrolled.InputSize), Data.Target(Dense64x8Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("64x8")]
    public float Simd_64x8() => _dense64x8Simd.Backward(Data.Input(Dense64x8Simd.InputSize), Data.Target(Dense64x8Simd.OutputSize));

    [Benchmark, BenchmarkCategory("128x4")]
    public float Unrolled_128x4() => _dense128x4Unrolled.Backward(Data.Input(Dense128x4Unrolled.InputSize), Data.Target(Dense128x4Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("128x4")]
    public float Simd_128x4() => _dense128x4Simd.Backward(Data.Input(Dense128x4Simd.InputSize), Data.Target(Dense128x4Simd.OutputSize));

    [Benchmark, BenchmarkCategory("512x1")]
    public float Unrolled_512x1() => _dense512x1Unrolled.Backward(Data.Input(Dense512x1Unrolled.InputSize), Data.Target(Dense512x1Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("512x1")]
    public float Simd_512x1() => _dense512x1Simd.Backward(Data.Input(Dense512x1Simd.InputSize), Data.Target(Dense512x1Simd.OutputSize));
}

/// <summary>Forward of a → b (tanh) → c (identity), MSE; Ratio = unrolled / SIMD.</summary>
[Config(typeof(BenchmarkConfig))]
public class TwoLayerForward : TwoLayerNetworks
{
    [Benchmark, BenchmarkCategory("4-4-4")]
    public void Unrolled_4_4_4() => _mlp4x4x4Unrolled.Forward(Data.Input(Mlp4x4x4Unrolled.InputSize), Data.Output(Mlp4x4x4Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("4-4-4")]
    public void Simd_4_4_4() => _mlp4x4x4Simd.Forward(Data.Input(Mlp4x4x4Simd.InputSize), Data.Output(Mlp4x4x4Simd.OutputSize));

    [Benchmark, BenchmarkCategory("4-8-4")]
    public void Unrolled_4_8_4() => _mlp4x8x4Unrolled.Forward(Data.Input(Mlp4x8x4Unrolled.InputSize), Data.Output(Mlp4x8x4Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("4-8-4")]
    public void Simd_4_8_4() => _mlp4x8x4Simd.Forward(Data.Input(Mlp4x8x4Simd.InputSize), Data.Output(Mlp4x8x4Simd.OutputSize));

    [Benchmark, BenchmarkCategory("8-8-8")]
    public void Unrolled_8_8_8() => _mlp8x8x8Unrolled.Forward(Data.Input(Mlp8x8x8Unrolled.InputSize), Data.Output(Mlp8x8x8Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("8-8-8")]
    public void Simd_8_8_8() => _mlp8x8x8Simd.Forward(Data.Input(Mlp8x8x8Simd.InputSize), Data.Output(Mlp8x8x8Simd.OutputSize));

    [Benchmark, BenchmarkCategory("8-16-8")]
    public void Unrolled_8_16_8() => _mlp8x16x8Unrolled.Forward(Data.Input(Mlp8x16x8Unrolled.InputSize), Data.Output(Mlp8x16x8Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("8-16-8")]
    public void Simd_8_16_8() => _mlp8x16x8Simd.Forward(Data.Input(Mlp8x16x8Simd.InputSize), Data.Output(Mlp8x16x8Simd.OutputSize));

    [Benchmark, BenchmarkCategory("16-16-16")]
    public void Unrolled_16_16_16() => _mlp16x16x16Unrolled.Forward(Data.Input(Mlp16x16x16Unrolled.InputSize), Data.Output(Mlp16x16x16Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("16-16-16")]
    public void Simd_16_16_16() => _mlp16x16x16Simd.Forward(Data.Input(Mlp16x16x16Simd.InputSize), Data.Output(Mlp16x16x16Simd.OutputSize));

    [Benchmark, BenchmarkCategory("32-16-32")]
    public void Unrolled_32_16_32() => _mlp32x16x32Unrolled.Forward(Data.Input(Mlp32x16x32Unrolled.InputSize), Data.Output(Mlp32x16x32Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("32-16-32")]
    public void Simd_32_16_32() => _mlp32x16x32Simd.Forward(Data.Input(Mlp32x16x32Simd.InputSize), Data.Output(Mlp32x16x32Simd.OutputSize));

    [Benchmark, BenchmarkCategory("64-8-64")]
    public void Unrolled_64_8_64() => _mlp64x8x64Unrolled.Forward(Data.Input(Mlp64x8x64Unrolled.InputSize), Data.Output(Mlp64x8x64Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("64-8-64")]
    public void Simd_64_8_64() => _mlp64x8x64Simd.Forward(Data.Input(Mlp64x8x64Simd.InputSize), Data.Output(Mlp64x8x64Simd.OutputSize));
}

/// <summary>Backward of a → b (tanh) → c (identity), MSE; Ratio = unrolled / SIMD.</summary>
[Config(typeof(BenchmarkConfig))]
public class TwoLayerBackward : TwoLayerNetworks
{
    [Benchmark, BenchmarkCategory("4-4-4")]
    public float Unrolled_4_4_4() => _mlp4x4x4Unrolled.Backward(Data.Input(Mlp4x4x4Unrolled.InputSize), Data.Target(Mlp4x4x4Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("4-4-4")]
    public float Simd_4_4_4() => _mlp4x4x4Simd.Backward(Data.Input(Mlp4x4x4Simd.InputSize), Data.Target(Mlp4x4x4Simd.OutputSize));

    [Benchmark, BenchmarkCategory("4-8-4")]
    public float Unrolled_4_8_4() => _mlp4x8x4Unrolled.Backward(Data.Input(Mlp4x8x4Unrolled.InputSize), Data.Target(Mlp4x8x4Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("4-8-4")]
    public float Simd_4_8_4() => _mlp4x8x4Simd.Backward(Data.Input(Mlp4x8x4Simd.InputSize), Data.Target(Mlp4x8x4Simd.OutputSize));

    [Benchmark, BenchmarkCategory("8-8-8")]
    public float Unrolled_8_8_8() => _mlp8x8x8Unrolled.Backward(Data.Input(Mlp8x8x8Unrolled.InputSize), Data.Target(Mlp8x8x8Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("8-8-8")]
    public float Simd_8_8_8() => _mlp8x8x8Simd.Backward(Data.Input(Mlp8x8x8Simd.InputSize), Data.Target(Mlp8x8x8Simd.OutputSize));

    [Benchmark, BenchmarkCategory("8-16-8")]
    public float Unrolled_8_16_8() => _mlp8x16x8Unrolled.Backward(Data.Input(Mlp8x16x8Unrolled.InputSize), Data.Target(Mlp8x16x8Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("8-16-8")]
    public float Simd_8_16_8() => _mlp8x16x8Simd.Backward(Data.Input(Mlp8x16x8Simd.InputSize), Data.Target(Mlp8x16x8Simd.OutputSize));

    [Benchmark, BenchmarkCategory("16-16-16")]
    public float Unrolled_16_16_16() => _mlp16x16x16Unrolled.Backward(Data.Input(Mlp16x16x16Unrolled.InputSize), Data.Target(Mlp16x16x16Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("16-16-16")]
    public float Simd_16_16_16() => _mlp16x16x16Simd.Backward(Data.Input(Mlp16x16x16Simd.InputSize), Data.Target(Mlp16x16x16Simd.OutputSize));

    [Benchmark, BenchmarkCategory("32-16-32")]
    public float Unrolled_32_16_32() => _mlp32x16x32Unrolled.Backward(Data.Input(Mlp32x16x32Unrolled.InputSize), Data.Target(Mlp32x16x32Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("32-16-32")]
    public float Simd_32_16_32() => _mlp32x16x32Simd.Backward(Data.Input(Mlp32x16x32Simd.InputSize), Data.Target(Mlp32x16x32Simd.OutputSize));

    [Benchmark, BenchmarkCategory("64-8-64")]
    public float Unrolled_64_8_64() => _mlp64x8x64Unrolled.Backward(Data.Input(Mlp64x8x64Unrolled.InputSize), Data.Target(Mlp64x8x64Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("64-8-64")]
    public float Simd_64_8_64() => _mlp64x8x64Simd.Backward(Data.Input(Mlp64x8x64Simd.InputSize), Data.Target(Mlp64x8x64Simd.OutputSize));
}

/// <summary>Forward of whole networks under Auto, Unrolled (where allowed) and SIMD; Ratio = strategy / SIMD.</summary>
[Config(typeof(BenchmarkConfig))]
public class WholeNetForward : WholeNetworks
{
    [Benchmark, BenchmarkCategory("4-8-3")]
    public void Auto_4_8_3() => _net4x8x3Auto.Forward(Data.Input(Net4x8x3Auto.InputSize), Data.Output(Net4x8x3Auto.OutputSize));

    [Benchmark, BenchmarkCategory("4-8-3")]
    public void Unrolled_4_8_3() => _net4x8x3Unrolled.Forward(Data.Input(Net4x8x3Unrolled.InputSize), Data.Output(Net4x8x3Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("4-8-3")]
    public void Simd_4_8_3() => _net4x8x3Simd.Forward(Data.Input(Net4x8x3Simd.InputSize), Data.Output(Net4x8x3Simd.OutputSize));

    [Benchmark, BenchmarkCategory("16-64-64-1")]
    public void Auto_16_64_64_1() => _net16x64x64x1Auto.Forward(Data.Input(Net16x64x64x1Auto.InputSize), Data.Output(Net16x64x64x1Auto.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("16-64-64-1")]
    public void Simd_16_64_64_1() => _net16x64x64x1Simd.Forward(Data.Input(Net16x64x64x1Simd.InputSize), Data.Output(Net16x64x64x1Simd.OutputSize));

    [Benchmark, BenchmarkCategory("2-4-1")]
    public void Unrolled_2_4_1() => _net2x4x1Unrolled.Forward(Data.Input(Net2x4x1Unrolled.InputSize), Data.Output(Net2x4x1Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("2-4-1")]
    public void Simd_2_4_1() => _net2x4x1Simd.Forward(Data.Input(Net2x4x1Simd.InputSize), Data.Output(Net2x4x1Simd.OutputSize));

    [Benchmark, BenchmarkCategory("3-5-3")]
    public void Unrolled_3_5_3() => _net3x5x3Unrolled.Forward(Data.Input(Net3x5x3Unrolled.InputSize), Data.Output(Net3x5x3Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("3-5-3")]
    public void Simd_3_5_3() => _net3x5x3Simd.Forward(Data.Input(Net3x5x3Simd.InputSize), Data.Output(Net3x5x3Simd.OutputSize));

    [Benchmark, BenchmarkCategory("4-6-2")]
    public void Unrolled_4_6_2() => _net4x6x2Unrolled.Forward(Data.Input(Net4x6x2Unrolled.InputSize), Data.Output(Net4x6x2Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("4-6-2")]
    public void Simd_4_6_2() => _net4x6x2Simd.Forward(Data.Input(Net4x6x2Simd.InputSize), Data.Output(Net4x6x2Simd.OutputSize));

    [Benchmark, BenchmarkCategory("8-3-1")]
    public void Unrolled_8_3_1() => _net8x3x1Unrolled.Forward(Data.Input(Net8x3x1Unrolled.InputSize), Data.Output(Net8x3x1Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("8-3-1")]
    public void Simd_8_3_1() => _net8x3x1Simd.Forward(Data.Input(Net8x3x1Simd.InputSize), Data.Output(Net8x3x1Simd.OutputSize));
}

/// <summary>Backward of whole networks under Auto, Unrolled (where allowed) and SIMD; Ratio = strategy / SIMD.</summary>
[Config(typeof(BenchmarkConfig))]
public class WholeNetBackward : WholeNetworks
{
    [Benchmark, BenchmarkCategory("4-8-3")]
    public float Auto_4_8_3() => _net4x8x3Auto.Backward(Data.Input(Net4x8x3Auto.InputSize), Data.Target(Net4x8x3Auto.OutputSize));

    [Benchmark, BenchmarkCategory("4-8-3")]
    public float Unrolled_4_8_3() => _net4x8x3Unrolled.Backward(Data.Input(Net4x8x3Unrolled.InputSize), Data.Target(Net4x8x3Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("4-8-3")]
    public float Simd_4_8_3() => _net4x8x3Simd.Backward(Data.Input(Net4x8x3Simd.InputSize), Data.Target(Net4x8x3Simd.OutputSize));

    [Benchmark, BenchmarkCategory("16-64-64-1")]
    public float Auto_16_64_64_1() => _net16x64x64x1Auto.Backward(Data.Input(Net16x64x64x1Auto.InputSize), Data.Target(Net16x64x64x1Auto.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("16-64-64-1")]
    public float Simd_16_64_64_1() => _net16x64x64x1Simd.Backward(Data.Input(Net16x64x64x1Simd.InputSize), Data.Target(Net16x64x64x1Simd.OutputSize));

    [Benchmark, BenchmarkCategory("2-4-1")]
    public float Unrolled_2_4_1() => _net2x4x1Unrolled.Backward(Data.Input(Net2x4x1Unrolled.InputSize), Data.Target(Net2x4x1Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("2-4-1")]
    public float Simd_2_4_1() => _net2x4x1Simd.Backward(Data.Input(Net2x4x1Simd.InputSize), Data.Target(Net2x4x1Simd.OutputSize));

    [Benchmark, BenchmarkCategory("3-5-3")]
    public float Unrolled_3_5_3() => _net3x5x3Unrolled.Backward(Data.Input(Net3x5x3Unrolled.InputSize), Data.Target(Net3x5x3Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("3-5-3")]
    public float Simd_3_5_3() => _net3x5x3Simd.Backward(Data.Input(Net3x5x3Simd.InputSize), Data.Target(Net3x5x3Simd.OutputSize));

    [Benchmark, BenchmarkCategory("4-6-2")]
    public float Unrolled_4_6_2() => _net4x6x2Unrolled.Backward(Data.Input(Net4x6x2Unrolled.InputSize), Data.Target(Net4x6x2Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("4-6-2")]
    public float Simd_4_6_2() => _net4x6x2Simd.Backward(Data.Input(Net4x6x2Simd.InputSize), Data.Target(Net4x6x2Simd.OutputSize));

    [Benchmark, BenchmarkCategory("8-3-1")]
    public float Unrolled_8_3_1() => _net8x3x1Unrolled.Backward(Data.Input(Net8x3x1Unrolled.InputSize), Data.Target(Net8x3x1Unrolled.OutputSize));

    [Benchmark(Baseline = true), BenchmarkCategory("8-3-1")]
    public float Simd_8_3_1() => _net8x3x1Simd.Backward(Data.Input(Net8x3x1Simd.InputSize), Data.Target(Net8x3x1Simd.OutputSize));
}

/// <summary>One dense layer per shape, unrolled and SIMD, shared by the forward and backward benchmarks.</summary>
public abstract class SingleLayerNetworks
{
    protected readonly Dense2x2Unrolled _dense2x2Unrolled = new(seed: 1);
    protected readonly Dense2x2Simd _dense2x2Simd = new(seed: 1);
    protected readonly Dense2x8Unrolled _dense2x8Unrolled = new(seed: 1);
    protected readonly Dense2x8Simd _dense2x8Simd = new(seed: 1);
    protected readonly Dense4x4Unrolled _dense4x4Unrolled = new(seed: 1);
    protected readonly Dense4x4Simd _dense4x4Simd = new(seed: 1);
    protected readonly Dense8x2Unrolled _dense8x2Unrolled = new(seed: 1);
    protected readonly Dense8x2Simd _dense8x2Simd = new(seed: 1);
    protected readonly Dense16x1Unrolled _dense16x1Unrolled = new(seed: 1);
    protected readonly Dense16x1Simd _dense16x1Simd = new(seed: 1);
    protected readonly Dense4x8Unrolled _dense4x8Unrolled = new(seed: 1);
    protected readonly Dense4x8Simd _dense4x8Simd = new(seed: 1);
    protected readonly Dense8x3Unrolled _dense8x3Unrolled = new(seed: 1);
    protected readonly Dense8x3Simd _dense8x3Simd = new(seed: 1);
    protected readonly Dense8x4Unrolled _dense8x4Unrolled = new(seed: 1);
    protected readonly Dense8x4Simd _dense8x4Simd = new(seed: 1);
    protected readonly Dense2x16Unrolled _dense2x16Unrolled = new(seed: 1);
    protected readonly Dense2x16Simd _dense2x16Simd = new(seed: 1);
    protected readonly Dense16x2Unrolled _dense16x2Unrolled = new(seed: 1);
    protected readonly Dense16x2Simd _dense16x2Simd = new(seed: 1);
    protected readonly Dense4x16Unrolled _dense4x16Unrolled = new(seed: 1);
    protected readonly Dense4x16Simd _dense4x16Simd = new(seed: 1);
    protected readonly Dense8x8Unrolled _dense8x8Unrolled = new(seed: 1);
    protected readonly Dense8x8Simd _dense8x8Simd = new(seed: 1);
    protected readonly Dense16x4Unrolled _dense16x4Unrolled = new(seed: 1);
    protected readonly Dense16x4Simd _dense16x4Simd = new(seed: 1);
    protected readonly Dense4x32Unrolled _dense4x32Unrolled = new(seed: 1);
    protected readonly Dense4x32Simd _dense4x32Simd = new(seed: 1);
    protected readonly Dense8x16Unrolled _dense8x16Unrolled = new(seed: 1);
    protected readonly Dense8x16Simd _dense8x16Simd = new(seed: 1);
    protected readonly Dense16x8Unrolled _dense16x8Unrolled = new(seed: 1);
    protected readonly Dense16x8Simd _dense16x8Simd = new(seed: 1);
    protected readonly Dense32x4Unrolled _dense32x4Unrolled = new(seed: 1);
    protected readonly Dense32x4Simd _dense32x4Simd = new(seed: 1);
    protected readonly Dense16x16Unrolled _dense16x16Unrolled = new(seed: 1);
    protected readonly Dense16x16Simd _dense16x16Simd = new(seed: 1);
    protected readonly Dense32x8Unrolled _dense32x8Unrolled = new(seed: 1);
    protected readonly Dense32x8Simd _dense32x8Simd = new(seed: 1);
    protected readonly Dense4x128Unrolled _dense4x128Unrolled = new(seed: 1);
    protected readonly Dense4x128Simd _dense4x128Simd = new(seed: 1);
    protected readonly Dense16x32Unrolled _dense16x32Unrolled = new(seed: 1);
    protected readonly Dense16x32Simd _dense16x32Simd = new(seed: 1);
    protected readonly Dense32x16Unrolled _dense32x16Unrolled = new(seed: 1);
    protected readonly Dense32x16Simd _dense32x16Simd = new(seed: 1);
    protected readonly Dense64x8Unrolled _dense64x8Unrolled = new(seed: 1);
    protected readonly Dense64x8Simd _dense64x8Simd = new(seed: 1);
    protected readonly Dense128x4Unrolled _dense128x4Unrolled = new(seed: 1);
    protected readonly Dense128x4Simd _dense128x4Simd = new(seed: 1);
    protected readonly Dense512x1Unrolled _dense512x1Unrolled = new(seed: 1);
    protected readonly Dense512x1Simd _dense512x1Simd = new(seed: 1);
}

/// <summary>Two-layer networks per shape, unrolled and SIMD, shared by the forward and backward benchmarks.</summary>
public abstract class TwoLayerNetworks
{
    protected readonly Mlp4x4x4Unrolled _mlp4x4x4Unrolled = new(seed: 1);
    protected readonly Mlp4x4x4Simd _mlp4x4x4Simd = new(seed: 1);
    protected readonly Mlp4x8x4Unrolled _mlp4x8x4Unrolled = new(seed: 1);
    protected readonly Mlp4x8x4Simd _mlp4x8x4Simd = new(seed: 1);
    protected readonly Mlp8x8x8Unrolled _mlp8x8x8Unrolled = new(seed: 1);
    protected readonly Mlp8x8x8Simd _mlp8x8x8Simd = new(seed: 1);
    protected readonly Mlp8x16x8Unrolled _mlp8x16x8Unrolled = new(seed: 1);
    protected readonly Mlp8x16x8Simd _mlp8x16x8Simd = new(seed: 1);
    protected readonly Mlp16x16x16Unrolled _mlp16x16x16Unrolled = new(seed: 1);
    protected readonly Mlp16x16x16Simd _mlp16x16x16Simd = new(seed: 1);
    protected readonly Mlp32x16x32Unrolled _mlp32x16x32Unrolled = new(seed: 1);
    protected readonly Mlp32x16x32Simd _mlp32x16x32Simd = new(seed: 1);
    protected readonly Mlp64x8x64Unrolled _mlp64x8x64Unrolled = new(seed: 1);
    protected readonly Mlp64x8x64Simd _mlp64x8x64Simd = new(seed: 1);
}

/// <summary>Whole networks under each strategy, shared by the forward and backward benchmarks.</summary>
public abstract class WholeNetworks
{
    protected readonly Net4x8x3Auto _net4x8x3Auto = new(seed: 1);
    protected readonly Net4x8x3Unrolled _net4x8x3Unrolled = new(seed: 1);
    protected readonly Net4x8x3Simd _net4x8x3Simd = new(seed: 1);
    protected readonly Net16x64x64x1Auto _net16x64x64x1Auto = new(seed: 1);
    protected readonly Net16x64x64x1Simd _net16x64x64x1Simd = new(seed: 1);
    protected readonly Net2x4x1Unrolled _net2x4x1Unrolled = new(seed: 1);
    protected readonly Net2x4x1Simd _net2x4x1Simd = new(seed: 1);
    protected readonly Net3x5x3Unrolled _net3x5x3Unrolled = new(seed: 1);
    protected readonly Net3x5x3Simd _net3x5x3Simd = new(seed: 1);
    protected readonly Net4x6x2Unrolled _net4x6x2Unrolled = new(seed: 1);
    protected readonly Net4x6x2Simd _net4x6x2Simd = new(seed: 1);
    protected readonly Net8x3x1Unrolled _net8x3x1Unrolled = new(seed: 1);
    protected readonly Net8x3x1Simd _net8x3x1Simd = new(seed: 1);
}
