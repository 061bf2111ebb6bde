using NetGen;

namespace NetGen.Benchmarks.JitWarmup;

// Compiled first in every JIT-time measurement, so the JIT itself, the runtime types and the kernels of
// every vector width (16, 8, 4 and 2 inputs: 512-, 256-, 128-bit and scalar) are loaded before the net
// being measured is compiled. Not benchmarked.
[Network(16, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(8, Activation.Tanh)]
[Dense(4, Activation.Tanh)]
[Dense(2, Activation.Tanh)]
[Dense(1, Activation.Identity)]
public partial class WarmupUnrolled;

[Network(16, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(8, Activation.Tanh)]
[Dense(4, Activation.Tanh)]
[Dense(2, Activation.Tanh)]
[Dense(1, Activation.Identity)]
public partial class WarmupSimd;

[Network(4, Loss = Loss.CrossEntropy, Kernels = KernelStrategy.Unrolled)]
[Dense(3, Activation.Softmax)]
public partial class WarmupSoftmaxUnrolled;

[Network(4, Loss = Loss.CrossEntropy, Kernels = KernelStrategy.Simd)]
[Dense(3, Activation.Softmax)]
public partial class WarmupSoftmaxSimd;
