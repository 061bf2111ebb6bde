using NetGen;

namespace NetGen.Tests;

/// <summary>A tiny, fully unrolled network.</summary>
[Network(2, Loss = Loss.MeanSquaredError)]
[Dense(4, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
public partial class TinyNet;

/// <summary>The classic MNIST-sized classifier: a SIMD 784 → 128 layer and a 128 → 10 softmax.</summary>
[Network(784, Loss = Loss.CrossEntropy)]
[Dense(128, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class MnistNet;

/// <summary>Forced unrolling at the cap: a 512 → 1 layer, the widest row that is unrolled.</summary>
[Network(512, Kernels = KernelStrategy.Unrolled)]
[Dense(1, Activation.Tanh)]
public partial class UnrolledWideRow;

/// <summary>Forced unrolling at the cap with back-propagation through it: layer 2 has 32 × 16 = 512 weights.</summary>
[Network(16, Kernels = KernelStrategy.Unrolled)]
[Dense(32, Activation.Tanh)]
[Dense(16, Activation.Tanh)]
public partial class UnrolledSquare;

/// <summary>
/// A first layer whose batched product reads the samples in place where 512-bit registers are accelerated
/// (<c>BatchKernels.InPlaceMinimumInputs</c>), with an input width that leaves a tail past every register width and
/// a row count that no tile covers whole.
/// </summary>
[Network(579, Loss = Loss.MeanSquaredError)]
[Dense(7, Activation.Tanh)]
[Dense(3, Activation.Identity)]
public partial class WideInputNet;
