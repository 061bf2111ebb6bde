using NetGen;

namespace NetGen.Benchmarks.Networks;

// Test networks in pairs: the same shape once fully unrolled and once on the SIMD kernels.
// Single dense layers, in × out, identity output, mean squared error (Backward has no ∇h to propagate).
[Network(2, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(2, Activation.Identity)]
public partial class Dense2x2Unrolled;

[Network(2, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(2, Activation.Identity)]
public partial class Dense2x2Simd;

[Network(2, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(8, Activation.Identity)]
public partial class Dense2x8Unrolled;

[Network(2, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(8, Activation.Identity)]
public partial class Dense2x8Simd;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(4, Activation.Identity)]
public partial class Dense4x4Unrolled;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(4, Activation.Identity)]
public partial class Dense4x4Simd;

[Network(8, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(2, Activation.Identity)]
public partial class Dense8x2Unrolled;

[Network(8, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(2, Activation.Identity)]
public partial class Dense8x2Simd;

[Network(16, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(1, Activation.Identity)]
public partial class Dense16x1Unrolled;

[Network(16, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(1, Activation.Identity)]
public partial class Dense16x1Simd;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(8, Activation.Identity)]
public partial class Dense4x8Unrolled;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(8, Activation.Identity)]
public partial class Dense4x8Simd;

[Network(8, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(3, Activation.Identity)]
public partial class Dense8x3Unrolled;

[Network(8, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(3, Activation.Identity)]
public partial class Dense8x3Simd;

[Network(8, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(4, Activation.Identity)]
public partial class Dense8x4Unrolled;

[Network(8, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(4, Activation.Identity)]
public partial class Dense8x4Simd;

[Network(2, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(16, Activation.Identity)]
public partial class Dense2x16Unrolled;

[Network(2, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(16, Activation.Identity)]
public partial class Dense2x16Simd;

[Network(16, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(2, Activation.Identity)]
public partial class Dense16x2Unrolled;

[Network(16, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(2, Activation.Identity)]
public partial class Dense16x2Simd;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(16, Activation.Identity)]
public partial class Dense4x16Unrolled;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(16, Activation.Identity)]
public partial class Dense4x16Simd;

[Network(8, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(8, Activation.Identity)]
public partial class Dense8x8Unrolled;

[Network(8, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(8, Activation.Identity)]
public partial class Dense8x8Simd;

[Network(16, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(4, Activation.Identity)]
public partial class Dense16x4Unrolled;

[Network(16, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(4, Activation.Identity)]
public partial class Dense16x4Simd;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(32, Activation.Identity)]
public partial class Dense4x32Unrolled;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(32, Activation.Identity)]
public partial class Dense4x32Simd;

[Network(8, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(16, Activation.Identity)]
public partial class Dense8x16Unrolled;

[Network(8, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(16, Activation.Identity)]
public partial class Dense8x16Simd;

[Network(16, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(8, Activation.Identity)]
public partial class Dense16x8Unrolled;

[Network(16, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(8, Activation.Identity)]
public partial class Dense16x8Simd;

[Network(32, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(4, Activation.Identity)]
public partial class Dense32x4Unrolled;

[Network(32, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(4, Activation.Identity)]
public partial class Dense32x4Simd;

[Network(16, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(16, Activation.Identity)]
public partial class Dense16x16Unrolled;

[Network(16, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(16, Activation.Identity)]
public partial class Dense16x16Simd;

[Network(32, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(8, Activation.Identity)]
public partial class Dense32x8Unrolled;

[Network(32, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(8, Activation.Identity)]
public partial class Dense32x8Simd;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(128, Activation.Identity)]
public partial class Dense4x128Unrolled;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(128, Activation.Identity)]
public partial class Dense4x128Simd;

[Network(16, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(32, Activation.Identity)]
public partial class Dense16x32Unrolled;

[Network(16, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(32, Activation.Identity)]
public partial class Dense16x32Simd;

[Network(32, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(16, Activation.Identity)]
public partial class Dense32x16Unrolled;

[Network(32, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(16, Activation.Identity)]
public partial class Dense32x16Simd;

[Network(64, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(8, Activation.Identity)]
public partial class Dense64x8Unrolled;

[Network(64, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(8, Activation.Identity)]
public partial class Dense64x8Simd;

[Network(128, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(4, Activation.Identity)]
public partial class Dense128x4Unrolled;

[Network(128, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(4, Activation.Identity)]
public partial class Dense128x4Simd;

[Network(512, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(1, Activation.Identity)]
public partial class Dense512x1Unrolled;

[Network(512, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(1, Activation.Identity)]
public partial class Dense512x1Simd;

// Two layers a → b (tanh) → c (identity), MSE: the layers are a × b and b × c, equal in weights; the second
// one also propagates ∇h back through Wᵀ and tanh'.
[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(4, Activation.Tanh)]
[Dense(4, Activation.Identity)]
public partial class Mlp4x4x4Unrolled;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(4, Activation.Tanh)]
[Dense(4, Activation.Identity)]
public partial class Mlp4x4x4Simd;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(8, Activation.Tanh)]
[Dense(4, Activation.Identity)]
public partial class Mlp4x8x4Unrolled;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(8, Activation.Tanh)]
[Dense(4, Activation.Identity)]
public partial class Mlp4x8x4Simd;

[Network(8, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(8, Activation.Tanh)]
[Dense(8, Activation.Identity)]
public partial class Mlp8x8x8Unrolled;

[Network(8, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(8, Activation.Tanh)]
[Dense(8, Activation.Identity)]
public partial class Mlp8x8x8Simd;

[Network(8, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(16, Activation.Tanh)]
[Dense(8, Activation.Identity)]
public partial class Mlp8x16x8Unrolled;

[Network(8, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(16, Activation.Tanh)]
[Dense(8, Activation.Identity)]
public partial class Mlp8x16x8Simd;

[Network(16, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(16, Activation.Tanh)]
[Dense(16, Activation.Identity)]
public partial class Mlp16x16x16Unrolled;

[Network(16, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(16, Activation.Tanh)]
[Dense(16, Activation.Identity)]
public partial class Mlp16x16x16Simd;

[Network(32, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(16, Activation.Tanh)]
[Dense(32, Activation.Identity)]
public partial class Mlp32x16x32Unrolled;

[Network(32, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(16, Activation.Tanh)]
[Dense(32, Activation.Identity)]
public partial class Mlp32x16x32Simd;

[Network(64, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(8, Activation.Tanh)]
[Dense(64, Activation.Identity)]
public partial class Mlp64x8x64Unrolled;

[Network(64, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(8, Activation.Tanh)]
[Dense(64, Activation.Identity)]
public partial class Mlp64x8x64Simd;

// Whole networks under each strategy the generator accepts for them.
[Network(4, Loss = Loss.CrossEntropy, Kernels = KernelStrategy.Auto)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public partial class Net4x8x3Auto;

[Network(4, Loss = Loss.CrossEntropy, Kernels = KernelStrategy.Unrolled)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public partial class Net4x8x3Unrolled;

[Network(4, Loss = Loss.CrossEntropy, Kernels = KernelStrategy.Simd)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public partial class Net4x8x3Simd;

// 16 × 64 and 64 × 64 are over the 512-weight cap for unrolling, so this one has no Unrolled variant.
[Network(16, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Auto)]
[Dense(64, Activation.Tanh)]
[Dense(64, Activation.Tanh)]
[Dense(1, Activation.Identity)]
public partial class Net16x64x64x1Auto;

[Network(16, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(64, Activation.Tanh)]
[Dense(64, Activation.Tanh)]
[Dense(1, Activation.Identity)]
public partial class Net16x64x64x1Simd;

// Small whole networks, each within Auto's unrolling limits, unrolled and SIMD.
[Network(2, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(4, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
public partial class Net2x4x1Unrolled;

[Network(2, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(4, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
public partial class Net2x4x1Simd;

[Network(3, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(5, Activation.ReLU)]
[Dense(3, Activation.Identity)]
public partial class Net3x5x3Unrolled;

[Network(3, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(5, Activation.ReLU)]
[Dense(3, Activation.Identity)]
public partial class Net3x5x3Simd;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.Sigmoid)]
[Dense(2, Activation.Sigmoid)]
public partial class Net4x6x2Unrolled;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.Sigmoid)]
[Dense(2, Activation.Sigmoid)]
public partial class Net4x6x2Simd;

[Network(8, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(3, Activation.Tanh)]
[Dense(1, Activation.Identity)]
public partial class Net8x3x1Unrolled;

[Network(8, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(3, Activation.Tanh)]
[Dense(1, Activation.Identity)]
public partial class Net8x3x1Simd;
