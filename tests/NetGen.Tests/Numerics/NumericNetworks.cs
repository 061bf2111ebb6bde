// The networks of the numeric tests: every hidden activation with every valid (output activation, loss)
// pair, on five topologies: one hidden layer (unrolled); three hidden layers under the planner's choice
// (unrolled and SIMD layers mixed), forced unrolled and forced SIMD (with a custom LeakyReLU slope in the
// middle); and a 784-input SIMD layer. 5 × 8 × 5 = 200 declarations.
using NetGen;

namespace NetGen.Tests.Numerics;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.Identity)]
[Dense(3, Activation.Identity)]
public sealed partial class SmallIdIdMse;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.Identity)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class SmallIdSigMse;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.Identity)]
[Dense(3, Activation.Tanh)]
public sealed partial class SmallIdTanhMse;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.Identity)]
[Dense(3, Activation.ReLU)]
public sealed partial class SmallIdReluMse;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.Identity)]
[Dense(3, Activation.LeakyReLU)]
public sealed partial class SmallIdLeakyMse;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.Identity)]
[Dense(3, Activation.Softmax)]
public sealed partial class SmallIdSoftmaxMse;

[Network(3, Loss = Loss.CrossEntropy)]
[Dense(5, Activation.Identity)]
[Dense(3, Activation.Softmax)]
public sealed partial class SmallIdSoftmaxCe;

[Network(3, Loss = Loss.BinaryCrossEntropy)]
[Dense(5, Activation.Identity)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class SmallIdSigBce;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.Sigmoid)]
[Dense(3, Activation.Identity)]
public sealed partial class SmallSigIdMse;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.Sigmoid)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class SmallSigSigMse;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.Sigmoid)]
[Dense(3, Activation.Tanh)]
public sealed partial class SmallSigTanhMse;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.Sigmoid)]
[Dense(3, Activation.ReLU)]
public sealed partial class SmallSigReluMse;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.Sigmoid)]
[Dense(3, Activation.LeakyReLU)]
public sealed partial class SmallSigLeakyMse;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.Sigmoid)]
[Dense(3, Activation.Softmax)]
public sealed partial class SmallSigSoftmaxMse;

[Network(3, Loss = Loss.CrossEntropy)]
[Dense(5, Activation.Sigmoid)]
[Dense(3, Activation.Softmax)]
public sealed partial class SmallSigSoftmaxCe;

[Network(3, Loss = Loss.BinaryCrossEntropy)]
[Dense(5, Activation.Sigmoid)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class SmallSigSigBce;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Identity)]
public sealed partial class SmallTanhIdMse;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class SmallTanhSigMse;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Tanh)]
public sealed partial class SmallTanhTanhMse;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.ReLU)]
public sealed partial class SmallTanhReluMse;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.LeakyReLU)]
public sealed partial class SmallTanhLeakyMse;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public sealed partial class SmallTanhSoftmaxMse;

[Network(3, Loss = Loss.CrossEntropy)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public sealed partial class SmallTanhSoftmaxCe;

[Network(3, Loss = Loss.BinaryCrossEntropy)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class SmallTanhSigBce;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.ReLU)]
[Dense(3, Activation.Identity)]
public sealed partial class SmallReluIdMse;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.ReLU)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class SmallReluSigMse;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.ReLU)]
[Dense(3, Activation.Tanh)]
public sealed partial class SmallReluTanhMse;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.ReLU)]
[Dense(3, Activation.ReLU)]
public sealed partial class SmallReluReluMse;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.ReLU)]
[Dense(3, Activation.LeakyReLU)]
public sealed partial class SmallReluLeakyMse;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.ReLU)]
[Dense(3, Activation.Softmax)]
public sealed partial class SmallReluSoftmaxMse;

[Network(3, Loss = Loss.CrossEntropy)]
[Dense(5, Activation.ReLU)]
[Dense(3, Activation.Softmax)]
public sealed partial class SmallReluSoftmaxCe;

[Network(3, Loss = Loss.BinaryCrossEntropy)]
[Dense(5, Activation.ReLU)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class SmallReluSigBce;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.LeakyReLU)]
[Dense(3, Activation.Identity)]
public sealed partial class SmallLeakyIdMse;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.LeakyReLU)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class SmallLeakySigMse;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.LeakyReLU)]
[Dense(3, Activation.Tanh)]
public sealed partial class SmallLeakyTanhMse;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.LeakyReLU)]
[Dense(3, Activation.ReLU)]
public sealed partial class SmallLeakyReluMse;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.LeakyReLU)]
[Dense(3, Activation.LeakyReLU)]
public sealed partial class SmallLeakyLeakyMse;

[Network(3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.LeakyReLU)]
[Dense(3, Activation.Softmax)]
public sealed partial class SmallLeakySoftmaxMse;

[Network(3, Loss = Loss.CrossEntropy)]
[Dense(5, Activation.LeakyReLU)]
[Dense(3, Activation.Softmax)]
public sealed partial class SmallLeakySoftmaxCe;

[Network(3, Loss = Loss.BinaryCrossEntropy)]
[Dense(5, Activation.LeakyReLU)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class SmallLeakySigBce;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.Identity)]
[Dense(5, Activation.Identity)]
[Dense(7, Activation.Identity)]
[Dense(3, Activation.Identity)]
public sealed partial class DeepIdIdMse;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.Identity)]
[Dense(5, Activation.Identity)]
[Dense(7, Activation.Identity)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepIdSigMse;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.Identity)]
[Dense(5, Activation.Identity)]
[Dense(7, Activation.Identity)]
[Dense(3, Activation.Tanh)]
public sealed partial class DeepIdTanhMse;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.Identity)]
[Dense(5, Activation.Identity)]
[Dense(7, Activation.Identity)]
[Dense(3, Activation.ReLU)]
public sealed partial class DeepIdReluMse;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.Identity)]
[Dense(5, Activation.Identity)]
[Dense(7, Activation.Identity)]
[Dense(3, Activation.LeakyReLU)]
public sealed partial class DeepIdLeakyMse;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.Identity)]
[Dense(5, Activation.Identity)]
[Dense(7, Activation.Identity)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepIdSoftmaxMse;

[Network(4, Loss = Loss.CrossEntropy)]
[Dense(6, Activation.Identity)]
[Dense(5, Activation.Identity)]
[Dense(7, Activation.Identity)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepIdSoftmaxCe;

[Network(4, Loss = Loss.BinaryCrossEntropy)]
[Dense(6, Activation.Identity)]
[Dense(5, Activation.Identity)]
[Dense(7, Activation.Identity)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepIdSigBce;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.Sigmoid)]
[Dense(5, Activation.Sigmoid)]
[Dense(7, Activation.Sigmoid)]
[Dense(3, Activation.Identity)]
public sealed partial class DeepSigIdMse;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.Sigmoid)]
[Dense(5, Activation.Sigmoid)]
[Dense(7, Activation.Sigmoid)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepSigSigMse;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.Sigmoid)]
[Dense(5, Activation.Sigmoid)]
[Dense(7, Activation.Sigmoid)]
[Dense(3, Activation.Tanh)]
public sealed partial class DeepSigTanhMse;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.Sigmoid)]
[Dense(5, Activation.Sigmoid)]
[Dense(7, Activation.Sigmoid)]
[Dense(3, Activation.ReLU)]
public sealed partial class DeepSigReluMse;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.Sigmoid)]
[Dense(5, Activation.Sigmoid)]
[Dense(7, Activation.Sigmoid)]
[Dense(3, Activation.LeakyReLU)]
public sealed partial class DeepSigLeakyMse;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.Sigmoid)]
[Dense(5, Activation.Sigmoid)]
[Dense(7, Activation.Sigmoid)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepSigSoftmaxMse;

[Network(4, Loss = Loss.CrossEntropy)]
[Dense(6, Activation.Sigmoid)]
[Dense(5, Activation.Sigmoid)]
[Dense(7, Activation.Sigmoid)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepSigSoftmaxCe;

[Network(4, Loss = Loss.BinaryCrossEntropy)]
[Dense(6, Activation.Sigmoid)]
[Dense(5, Activation.Sigmoid)]
[Dense(7, Activation.Sigmoid)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepSigSigBce;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.Tanh)]
[Dense(5, Activation.Tanh)]
[Dense(7, Activation.Tanh)]
[Dense(3, Activation.Identity)]
public sealed partial class DeepTanhIdMse;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.Tanh)]
[Dense(5, Activation.Tanh)]
[Dense(7, Activation.Tanh)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepTanhSigMse;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.Tanh)]
[Dense(5, Activation.Tanh)]
[Dense(7, Activation.Tanh)]
[Dense(3, Activation.Tanh)]
public sealed partial class DeepTanhTanhMse;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.Tanh)]
[Dense(5, Activation.Tanh)]
[Dense(7, Activation.Tanh)]
[Dense(3, Activation.ReLU)]
public sealed partial class DeepTanhReluMse;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.Tanh)]
[Dense(5, Activation.Tanh)]
[Dense(7, Activation.Tanh)]
[Dense(3, Activation.LeakyReLU)]
public sealed partial class DeepTanhLeakyMse;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.Tanh)]
[Dense(5, Activation.Tanh)]
[Dense(7, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepTanhSoftmaxMse;

[Network(4, Loss = Loss.CrossEntropy)]
[Dense(6, Activation.Tanh)]
[Dense(5, Activation.Tanh)]
[Dense(7, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepTanhSoftmaxCe;

[Network(4, Loss = Loss.BinaryCrossEntropy)]
[Dense(6, Activation.Tanh)]
[Dense(5, Activation.Tanh)]
[Dense(7, Activation.Tanh)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepTanhSigBce;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.ReLU)]
[Dense(5, Activation.ReLU)]
[Dense(7, Activation.ReLU)]
[Dense(3, Activation.Identity)]
public sealed partial class DeepReluIdMse;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.ReLU)]
[Dense(5, Activation.ReLU)]
[Dense(7, Activation.ReLU)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepReluSigMse;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.ReLU)]
[Dense(5, Activation.ReLU)]
[Dense(7, Activation.ReLU)]
[Dense(3, Activation.Tanh)]
public sealed partial class DeepReluTanhMse;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.ReLU)]
[Dense(5, Activation.ReLU)]
[Dense(7, Activation.ReLU)]
[Dense(3, Activation.ReLU)]
public sealed partial class DeepReluReluMse;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.ReLU)]
[Dense(5, Activation.ReLU)]
[Dense(7, Activation.ReLU)]
[Dense(3, Activation.LeakyReLU)]
public sealed partial class DeepReluLeakyMse;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.ReLU)]
[Dense(5, Activation.ReLU)]
[Dense(7, Activation.ReLU)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepReluSoftmaxMse;

[Network(4, Loss = Loss.CrossEntropy)]
[Dense(6, Activation.ReLU)]
[Dense(5, Activation.ReLU)]
[Dense(7, Activation.ReLU)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepReluSoftmaxCe;

[Network(4, Loss = Loss.BinaryCrossEntropy)]
[Dense(6, Activation.ReLU)]
[Dense(5, Activation.ReLU)]
[Dense(7, Activation.ReLU)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepReluSigBce;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.LeakyReLU)]
[Dense(5, Activation.LeakyReLU, Slope = 0.1f)]
[Dense(7, Activation.LeakyReLU)]
[Dense(3, Activation.Identity)]
public sealed partial class DeepLeakyIdMse;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.LeakyReLU)]
[Dense(5, Activation.LeakyReLU, Slope = 0.1f)]
[Dense(7, Activation.LeakyReLU)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepLeakySigMse;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.LeakyReLU)]
[Dense(5, Activation.LeakyReLU, Slope = 0.1f)]
[Dense(7, Activation.LeakyReLU)]
[Dense(3, Activation.Tanh)]
public sealed partial class DeepLeakyTanhMse;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.LeakyReLU)]
[Dense(5, Activation.LeakyReLU, Slope = 0.1f)]
[Dense(7, Activation.LeakyReLU)]
[Dense(3, Activation.ReLU)]
public sealed partial class DeepLeakyReluMse;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.LeakyReLU)]
[Dense(5, Activation.LeakyReLU, Slope = 0.1f)]
[Dense(7, Activation.LeakyReLU)]
[Dense(3, Activation.LeakyReLU)]
public sealed partial class DeepLeakyLeakyMse;

[Network(4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.LeakyReLU)]
[Dense(5, Activation.LeakyReLU, Slope = 0.1f)]
[Dense(7, Activation.LeakyReLU)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepLeakySoftmaxMse;

[Network(4, Loss = Loss.CrossEntropy)]
[Dense(6, Activation.LeakyReLU)]
[Dense(5, Activation.LeakyReLU, Slope = 0.1f)]
[Dense(7, Activation.LeakyReLU)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepLeakySoftmaxCe;

[Network(4, Loss = Loss.BinaryCrossEntropy)]
[Dense(6, Activation.LeakyReLU)]
[Dense(5, Activation.LeakyReLU, Slope = 0.1f)]
[Dense(7, Activation.LeakyReLU)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepLeakySigBce;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.Identity)]
[Dense(5, Activation.Identity)]
[Dense(7, Activation.Identity)]
[Dense(3, Activation.Identity)]
public sealed partial class DeepUnrolledIdIdMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.Identity)]
[Dense(5, Activation.Identity)]
[Dense(7, Activation.Identity)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepUnrolledIdSigMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.Identity)]
[Dense(5, Activation.Identity)]
[Dense(7, Activation.Identity)]
[Dense(3, Activation.Tanh)]
public sealed partial class DeepUnrolledIdTanhMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.Identity)]
[Dense(5, Activation.Identity)]
[Dense(7, Activation.Identity)]
[Dense(3, Activation.ReLU)]
public sealed partial class DeepUnrolledIdReluMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.Identity)]
[Dense(5, Activation.Identity)]
[Dense(7, Activation.Identity)]
[Dense(3, Activation.LeakyReLU)]
public sealed partial class DeepUnrolledIdLeakyMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.Identity)]
[Dense(5, Activation.Identity)]
[Dense(7, Activation.Identity)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepUnrolledIdSoftmaxMse;

[Network(4, Loss = Loss.CrossEntropy, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.Identity)]
[Dense(5, Activation.Identity)]
[Dense(7, Activation.Identity)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepUnrolledIdSoftmaxCe;

[Network(4, Loss = Loss.BinaryCrossEntropy, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.Identity)]
[Dense(5, Activation.Identity)]
[Dense(7, Activation.Identity)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepUnrolledIdSigBce;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.Sigmoid)]
[Dense(5, Activation.Sigmoid)]
[Dense(7, Activation.Sigmoid)]
[Dense(3, Activation.Identity)]
public sealed partial class DeepUnrolledSigIdMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.Sigmoid)]
[Dense(5, Activation.Sigmoid)]
[Dense(7, Activation.Sigmoid)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepUnrolledSigSigMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.Sigmoid)]
[Dense(5, Activation.Sigmoid)]
[Dense(7, Activation.Sigmoid)]
[Dense(3, Activation.Tanh)]
public sealed partial class DeepUnrolledSigTanhMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.Sigmoid)]
[Dense(5, Activation.Sigmoid)]
[Dense(7, Activation.Sigmoid)]
[Dense(3, Activation.ReLU)]
public sealed partial class DeepUnrolledSigReluMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.Sigmoid)]
[Dense(5, Activation.Sigmoid)]
[Dense(7, Activation.Sigmoid)]
[Dense(3, Activation.LeakyReLU)]
public sealed partial class DeepUnrolledSigLeakyMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.Sigmoid)]
[Dense(5, Activation.Sigmoid)]
[Dense(7, Activation.Sigmoid)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepUnrolledSigSoftmaxMse;

[Network(4, Loss = Loss.CrossEntropy, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.Sigmoid)]
[Dense(5, Activation.Sigmoid)]
[Dense(7, Activation.Sigmoid)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepUnrolledSigSoftmaxCe;

[Network(4, Loss = Loss.BinaryCrossEntropy, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.Sigmoid)]
[Dense(5, Activation.Sigmoid)]
[Dense(7, Activation.Sigmoid)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepUnrolledSigSigBce;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.Tanh)]
[Dense(5, Activation.Tanh)]
[Dense(7, Activation.Tanh)]
[Dense(3, Activation.Identity)]
public sealed partial class DeepUnrolledTanhIdMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.Tanh)]
[Dense(5, Activation.Tanh)]
[Dense(7, Activation.Tanh)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepUnrolledTanhSigMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.Tanh)]
[Dense(5, Activation.Tanh)]
[Dense(7, Activation.Tanh)]
[Dense(3, Activation.Tanh)]
public sealed partial class DeepUnrolledTanhTanhMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.Tanh)]
[Dense(5, Activation.Tanh)]
[Dense(7, Activation.Tanh)]
[Dense(3, Activation.ReLU)]
public sealed partial class DeepUnrolledTanhReluMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.Tanh)]
[Dense(5, Activation.Tanh)]
[Dense(7, Activation.Tanh)]
[Dense(3, Activation.LeakyReLU)]
public sealed partial class DeepUnrolledTanhLeakyMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.Tanh)]
[Dense(5, Activation.Tanh)]
[Dense(7, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepUnrolledTanhSoftmaxMse;

[Network(4, Loss = Loss.CrossEntropy, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.Tanh)]
[Dense(5, Activation.Tanh)]
[Dense(7, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepUnrolledTanhSoftmaxCe;

[Network(4, Loss = Loss.BinaryCrossEntropy, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.Tanh)]
[Dense(5, Activation.Tanh)]
[Dense(7, Activation.Tanh)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepUnrolledTanhSigBce;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.ReLU)]
[Dense(5, Activation.ReLU)]
[Dense(7, Activation.ReLU)]
[Dense(3, Activation.Identity)]
public sealed partial class DeepUnrolledReluIdMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.ReLU)]
[Dense(5, Activation.ReLU)]
[Dense(7, Activation.ReLU)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepUnrolledReluSigMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.ReLU)]
[Dense(5, Activation.ReLU)]
[Dense(7, Activation.ReLU)]
[Dense(3, Activation.Tanh)]
public sealed partial class DeepUnrolledReluTanhMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.ReLU)]
[Dense(5, Activation.ReLU)]
[Dense(7, Activation.ReLU)]
[Dense(3, Activation.ReLU)]
public sealed partial class DeepUnrolledReluReluMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.ReLU)]
[Dense(5, Activation.ReLU)]
[Dense(7, Activation.ReLU)]
[Dense(3, Activation.LeakyReLU)]
public sealed partial class DeepUnrolledReluLeakyMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.ReLU)]
[Dense(5, Activation.ReLU)]
[Dense(7, Activation.ReLU)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepUnrolledReluSoftmaxMse;

[Network(4, Loss = Loss.CrossEntropy, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.ReLU)]
[Dense(5, Activation.ReLU)]
[Dense(7, Activation.ReLU)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepUnrolledReluSoftmaxCe;

[Network(4, Loss = Loss.BinaryCrossEntropy, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.ReLU)]
[Dense(5, Activation.ReLU)]
[Dense(7, Activation.ReLU)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepUnrolledReluSigBce;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.LeakyReLU)]
[Dense(5, Activation.LeakyReLU, Slope = 0.1f)]
[Dense(7, Activation.LeakyReLU)]
[Dense(3, Activation.Identity)]
public sealed partial class DeepUnrolledLeakyIdMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.LeakyReLU)]
[Dense(5, Activation.LeakyReLU, Slope = 0.1f)]
[Dense(7, Activation.LeakyReLU)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepUnrolledLeakySigMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.LeakyReLU)]
[Dense(5, Activation.LeakyReLU, Slope = 0.1f)]
[Dense(7, Activation.LeakyReLU)]
[Dense(3, Activation.Tanh)]
public sealed partial class DeepUnrolledLeakyTanhMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.LeakyReLU)]
[Dense(5, Activation.LeakyReLU, Slope = 0.1f)]
[Dense(7, Activation.LeakyReLU)]
[Dense(3, Activation.ReLU)]
public sealed partial class DeepUnrolledLeakyReluMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.LeakyReLU)]
[Dense(5, Activation.LeakyReLU, Slope = 0.1f)]
[Dense(7, Activation.LeakyReLU)]
[Dense(3, Activation.LeakyReLU)]
public sealed partial class DeepUnrolledLeakyLeakyMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.LeakyReLU)]
[Dense(5, Activation.LeakyReLU, Slope = 0.1f)]
[Dense(7, Activation.LeakyReLU)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepUnrolledLeakySoftmaxMse;

[Network(4, Loss = Loss.CrossEntropy, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.LeakyReLU)]
[Dense(5, Activation.LeakyReLU, Slope = 0.1f)]
[Dense(7, Activation.LeakyReLU)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepUnrolledLeakySoftmaxCe;

[Network(4, Loss = Loss.BinaryCrossEntropy, Kernels = KernelStrategy.Unrolled)]
[Dense(6, Activation.LeakyReLU)]
[Dense(5, Activation.LeakyReLU, Slope = 0.1f)]
[Dense(7, Activation.LeakyReLU)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepUnrolledLeakySigBce;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.Identity)]
[Dense(5, Activation.Identity)]
[Dense(7, Activation.Identity)]
[Dense(3, Activation.Identity)]
public sealed partial class DeepSimdIdIdMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.Identity)]
[Dense(5, Activation.Identity)]
[Dense(7, Activation.Identity)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepSimdIdSigMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.Identity)]
[Dense(5, Activation.Identity)]
[Dense(7, Activation.Identity)]
[Dense(3, Activation.Tanh)]
public sealed partial class DeepSimdIdTanhMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.Identity)]
[Dense(5, Activation.Identity)]
[Dense(7, Activation.Identity)]
[Dense(3, Activation.ReLU)]
public sealed partial class DeepSimdIdReluMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.Identity)]
[Dense(5, Activation.Identity)]
[Dense(7, Activation.Identity)]
[Dense(3, Activation.LeakyReLU)]
public sealed partial class DeepSimdIdLeakyMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.Identity)]
[Dense(5, Activation.Identity)]
[Dense(7, Activation.Identity)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepSimdIdSoftmaxMse;

[Network(4, Loss = Loss.CrossEntropy, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.Identity)]
[Dense(5, Activation.Identity)]
[Dense(7, Activation.Identity)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepSimdIdSoftmaxCe;

[Network(4, Loss = Loss.BinaryCrossEntropy, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.Identity)]
[Dense(5, Activation.Identity)]
[Dense(7, Activation.Identity)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepSimdIdSigBce;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.Sigmoid)]
[Dense(5, Activation.Sigmoid)]
[Dense(7, Activation.Sigmoid)]
[Dense(3, Activation.Identity)]
public sealed partial class DeepSimdSigIdMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.Sigmoid)]
[Dense(5, Activation.Sigmoid)]
[Dense(7, Activation.Sigmoid)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepSimdSigSigMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.Sigmoid)]
[Dense(5, Activation.Sigmoid)]
[Dense(7, Activation.Sigmoid)]
[Dense(3, Activation.Tanh)]
public sealed partial class DeepSimdSigTanhMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.Sigmoid)]
[Dense(5, Activation.Sigmoid)]
[Dense(7, Activation.Sigmoid)]
[Dense(3, Activation.ReLU)]
public sealed partial class DeepSimdSigReluMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.Sigmoid)]
[Dense(5, Activation.Sigmoid)]
[Dense(7, Activation.Sigmoid)]
[Dense(3, Activation.LeakyReLU)]
public sealed partial class DeepSimdSigLeakyMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.Sigmoid)]
[Dense(5, Activation.Sigmoid)]
[Dense(7, Activation.Sigmoid)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepSimdSigSoftmaxMse;

[Network(4, Loss = Loss.CrossEntropy, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.Sigmoid)]
[Dense(5, Activation.Sigmoid)]
[Dense(7, Activation.Sigmoid)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepSimdSigSoftmaxCe;

[Network(4, Loss = Loss.BinaryCrossEntropy, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.Sigmoid)]
[Dense(5, Activation.Sigmoid)]
[Dense(7, Activation.Sigmoid)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepSimdSigSigBce;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.Tanh)]
[Dense(5, Activation.Tanh)]
[Dense(7, Activation.Tanh)]
[Dense(3, Activation.Identity)]
public sealed partial class DeepSimdTanhIdMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.Tanh)]
[Dense(5, Activation.Tanh)]
[Dense(7, Activation.Tanh)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepSimdTanhSigMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.Tanh)]
[Dense(5, Activation.Tanh)]
[Dense(7, Activation.Tanh)]
[Dense(3, Activation.Tanh)]
public sealed partial class DeepSimdTanhTanhMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.Tanh)]
[Dense(5, Activation.Tanh)]
[Dense(7, Activation.Tanh)]
[Dense(3, Activation.ReLU)]
public sealed partial class DeepSimdTanhReluMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.Tanh)]
[Dense(5, Activation.Tanh)]
[Dense(7, Activation.Tanh)]
[Dense(3, Activation.LeakyReLU)]
public sealed partial class DeepSimdTanhLeakyMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.Tanh)]
[Dense(5, Activation.Tanh)]
[Dense(7, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepSimdTanhSoftmaxMse;

[Network(4, Loss = Loss.CrossEntropy, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.Tanh)]
[Dense(5, Activation.Tanh)]
[Dense(7, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepSimdTanhSoftmaxCe;

[Network(4, Loss = Loss.BinaryCrossEntropy, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.Tanh)]
[Dense(5, Activation.Tanh)]
[Dense(7, Activation.Tanh)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepSimdTanhSigBce;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.ReLU)]
[Dense(5, Activation.ReLU)]
[Dense(7, Activation.ReLU)]
[Dense(3, Activation.Identity)]
public sealed partial class DeepSimdReluIdMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.ReLU)]
[Dense(5, Activation.ReLU)]
[Dense(7, Activation.ReLU)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepSimdReluSigMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.ReLU)]
[Dense(5, Activation.ReLU)]
[Dense(7, Activation.ReLU)]
[Dense(3, Activation.Tanh)]
public sealed partial class DeepSimdReluTanhMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.ReLU)]
[Dense(5, Activation.ReLU)]
[Dense(7, Activation.ReLU)]
[Dense(3, Activation.ReLU)]
public sealed partial class DeepSimdReluReluMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.ReLU)]
[Dense(5, Activation.ReLU)]
[Dense(7, Activation.ReLU)]
[Dense(3, Activation.LeakyReLU)]
public sealed partial class DeepSimdReluLeakyMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.ReLU)]
[Dense(5, Activation.ReLU)]
[Dense(7, Activation.ReLU)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepSimdReluSoftmaxMse;

[Network(4, Loss = Loss.CrossEntropy, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.ReLU)]
[Dense(5, Activation.ReLU)]
[Dense(7, Activation.ReLU)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepSimdReluSoftmaxCe;

[Network(4, Loss = Loss.BinaryCrossEntropy, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.ReLU)]
[Dense(5, Activation.ReLU)]
[Dense(7, Activation.ReLU)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepSimdReluSigBce;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.LeakyReLU)]
[Dense(5, Activation.LeakyReLU, Slope = 0.1f)]
[Dense(7, Activation.LeakyReLU)]
[Dense(3, Activation.Identity)]
public sealed partial class DeepSimdLeakyIdMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.LeakyReLU)]
[Dense(5, Activation.LeakyReLU, Slope = 0.1f)]
[Dense(7, Activation.LeakyReLU)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepSimdLeakySigMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.LeakyReLU)]
[Dense(5, Activation.LeakyReLU, Slope = 0.1f)]
[Dense(7, Activation.LeakyReLU)]
[Dense(3, Activation.Tanh)]
public sealed partial class DeepSimdLeakyTanhMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.LeakyReLU)]
[Dense(5, Activation.LeakyReLU, Slope = 0.1f)]
[Dense(7, Activation.LeakyReLU)]
[Dense(3, Activation.ReLU)]
public sealed partial class DeepSimdLeakyReluMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.LeakyReLU)]
[Dense(5, Activation.LeakyReLU, Slope = 0.1f)]
[Dense(7, Activation.LeakyReLU)]
[Dense(3, Activation.LeakyReLU)]
public sealed partial class DeepSimdLeakyLeakyMse;

[Network(4, Loss = Loss.MeanSquaredError, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.LeakyReLU)]
[Dense(5, Activation.LeakyReLU, Slope = 0.1f)]
[Dense(7, Activation.LeakyReLU)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepSimdLeakySoftmaxMse;

[Network(4, Loss = Loss.CrossEntropy, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.LeakyReLU)]
[Dense(5, Activation.LeakyReLU, Slope = 0.1f)]
[Dense(7, Activation.LeakyReLU)]
[Dense(3, Activation.Softmax)]
public sealed partial class DeepSimdLeakySoftmaxCe;

[Network(4, Loss = Loss.BinaryCrossEntropy, Kernels = KernelStrategy.Simd)]
[Dense(6, Activation.LeakyReLU)]
[Dense(5, Activation.LeakyReLU, Slope = 0.1f)]
[Dense(7, Activation.LeakyReLU)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class DeepSimdLeakySigBce;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.Identity)]
[Dense(3, Activation.Identity)]
public sealed partial class WideIdIdMse;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.Identity)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class WideIdSigMse;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.Identity)]
[Dense(3, Activation.Tanh)]
public sealed partial class WideIdTanhMse;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.Identity)]
[Dense(3, Activation.ReLU)]
public sealed partial class WideIdReluMse;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.Identity)]
[Dense(3, Activation.LeakyReLU)]
public sealed partial class WideIdLeakyMse;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.Identity)]
[Dense(3, Activation.Softmax)]
public sealed partial class WideIdSoftmaxMse;

[Network(784, Loss = Loss.CrossEntropy)]
[Dense(16, Activation.Identity)]
[Dense(3, Activation.Softmax)]
public sealed partial class WideIdSoftmaxCe;

[Network(784, Loss = Loss.BinaryCrossEntropy)]
[Dense(16, Activation.Identity)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class WideIdSigBce;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.Sigmoid)]
[Dense(3, Activation.Identity)]
public sealed partial class WideSigIdMse;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.Sigmoid)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class WideSigSigMse;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.Sigmoid)]
[Dense(3, Activation.Tanh)]
public sealed partial class WideSigTanhMse;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.Sigmoid)]
[Dense(3, Activation.ReLU)]
public sealed partial class WideSigReluMse;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.Sigmoid)]
[Dense(3, Activation.LeakyReLU)]
public sealed partial class WideSigLeakyMse;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.Sigmoid)]
[Dense(3, Activation.Softmax)]
public sealed partial class WideSigSoftmaxMse;

[Network(784, Loss = Loss.CrossEntropy)]
[Dense(16, Activation.Sigmoid)]
[Dense(3, Activation.Softmax)]
public sealed partial class WideSigSoftmaxCe;

[Network(784, Loss = Loss.BinaryCrossEntropy)]
[Dense(16, Activation.Sigmoid)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class WideSigSigBce;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.Tanh)]
[Dense(3, Activation.Identity)]
public sealed partial class WideTanhIdMse;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.Tanh)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class WideTanhSigMse;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.Tanh)]
[Dense(3, Activation.Tanh)]
public sealed partial class WideTanhTanhMse;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.Tanh)]
[Dense(3, Activation.ReLU)]
public sealed partial class WideTanhReluMse;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.Tanh)]
[Dense(3, Activation.LeakyReLU)]
public sealed partial class WideTanhLeakyMse;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public sealed partial class WideTanhSoftmaxMse;

[Network(784, Loss = Loss.CrossEntropy)]
[Dense(16, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public sealed partial class WideTanhSoftmaxCe;

[Network(784, Loss = Loss.BinaryCrossEntropy)]
[Dense(16, Activation.Tanh)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class WideTanhSigBce;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.ReLU)]
[Dense(3, Activation.Identity)]
public sealed partial class WideReluIdMse;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.ReLU)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class WideReluSigMse;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.ReLU)]
[Dense(3, Activation.Tanh)]
public sealed partial class WideReluTanhMse;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.ReLU)]
[Dense(3, Activation.ReLU)]
public sealed partial class WideReluReluMse;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.ReLU)]
[Dense(3, Activation.LeakyReLU)]
public sealed partial class WideReluLeakyMse;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.ReLU)]
[Dense(3, Activation.Softmax)]
public sealed partial class WideReluSoftmaxMse;

[Network(784, Loss = Loss.CrossEntropy)]
[Dense(16, Activation.ReLU)]
[Dense(3, Activation.Softmax)]
public sealed partial class WideReluSoftmaxCe;

[Network(784, Loss = Loss.BinaryCrossEntropy)]
[Dense(16, Activation.ReLU)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class WideReluSigBce;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.LeakyReLU)]
[Dense(3, Activation.Identity)]
public sealed partial class WideLeakyIdMse;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.LeakyReLU)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class WideLeakySigMse;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.LeakyReLU)]
[Dense(3, Activation.Tanh)]
public sealed partial class WideLeakyTanhMse;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.LeakyReLU)]
[Dense(3, Activation.ReLU)]
public sealed partial class WideLeakyReluMse;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.LeakyReLU)]
[Dense(3, Activation.LeakyReLU)]
public sealed partial class WideLeakyLeakyMse;

[Network(784, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.LeakyReLU)]
[Dense(3, Activation.Softmax)]
public sealed partial class WideLeakySoftmaxMse;

[Network(784, Loss = Loss.CrossEntropy)]
[Dense(16, Activation.LeakyReLU)]
[Dense(3, Activation.Softmax)]
public sealed partial class WideLeakySoftmaxCe;

[Network(784, Loss = Loss.BinaryCrossEntropy)]
[Dense(16, Activation.LeakyReLU)]
[Dense(3, Activation.Sigmoid)]
public sealed partial class WideLeakySigBce;

internal static class AllNetworks
{
    /// <summary>Factories for every network above, by name.</summary>
    public static readonly (string Name, System.Func<int, INetwork> Create)[] Factories =
    [
        (nameof(SmallIdIdMse), seed => new SmallIdIdMse(seed)),
        (nameof(SmallIdSigMse), seed => new SmallIdSigMse(seed)),
        (nameof(SmallIdTanhMse), seed => new SmallIdTanhMse(seed)),
        (nameof(SmallIdReluMse), seed => new SmallIdReluMse(seed)),
        (nameof(SmallIdLeakyMse), seed => new SmallIdLeakyMse(seed)),
        (nameof(SmallIdSoftmaxMse), seed => new SmallIdSoftmaxMse(seed)),
        (nameof(SmallIdSoftmaxCe), seed => new SmallIdSoftmaxCe(seed)),
        (nameof(SmallIdSigBce), seed => new SmallIdSigBce(seed)),
        (nameof(SmallSigIdMse), seed => new SmallSigIdMse(seed)),
        (nameof(SmallSigSigMse), seed => new SmallSigSigMse(seed)),
        (nameof(SmallSigTanhMse), seed => new SmallSigTanhMse(seed)),
        (nameof(SmallSigReluMse), seed => new SmallSigReluMse(seed)),
        (nameof(SmallSigLeakyMse), seed => new SmallSigLeakyMse(seed)),
        (nameof(SmallSigSoftmaxMse), seed => new SmallSigSoftmaxMse(seed)),
        (nameof(SmallSigSoftmaxCe), seed => new SmallSigSoftmaxCe(seed)),
        (nameof(SmallSigSigBce), seed => new SmallSigSigBce(seed)),
        (nameof(SmallTanhIdMse), seed => new SmallTanhIdMse(seed)),
        (nameof(SmallTanhSigMse), seed => new SmallTanhSigMse(seed)),
        (nameof(SmallTanhTanhMse), seed => new SmallTanhTanhMse(seed)),
        (nameof(SmallTanhReluMse), seed => new SmallTanhReluMse(seed)),
        (nameof(SmallTanhLeakyMse), seed => new SmallTanhLeakyMse(seed)),
        (nameof(SmallTanhSoftmaxMse), seed => new SmallTanhSoftmaxMse(seed)),
        (nameof(SmallTanhSoftmaxCe), seed => new SmallTanhSoftmaxCe(seed)),
        (nameof(SmallTanhSigBce), seed => new SmallTanhSigBce(seed)),
        (nameof(SmallReluIdMse), seed => new SmallReluIdMse(seed)),
        (nameof(SmallReluSigMse), seed => new SmallReluSigMse(seed)),
        (nameof(SmallReluTanhMse), seed => new SmallReluTanhMse(seed)),
        (nameof(SmallReluReluMse), seed => new SmallReluReluMse(seed)),
        (nameof(SmallReluLeakyMse), seed => new SmallReluLeakyMse(seed)),
        (nameof(SmallReluSoftmaxMse), seed => new SmallReluSoftmaxMse(seed)),
        (nameof(SmallReluSoftmaxCe), seed => new SmallReluSoftmaxCe(seed)),
        (nameof(SmallReluSigBce), seed => new SmallReluSigBce(seed)),
        (nameof(SmallLeakyIdMse), seed => new SmallLeakyIdMse(seed)),
        (nameof(SmallLeakySigMse), seed => new SmallLeakySigMse(seed)),
        (nameof(SmallLeakyTanhMse), seed => new SmallLeakyTanhMse(seed)),
        (nameof(SmallLeakyReluMse), seed => new SmallLeakyReluMse(seed)),
        (nameof(SmallLeakyLeakyMse), seed => new SmallLeakyLeakyMse(seed)),
        (nameof(SmallLeakySoftmaxMse), seed => new SmallLeakySoftmaxMse(seed)),
        (nameof(SmallLeakySoftmaxCe), seed => new SmallLeakySoftmaxCe(seed)),
        (nameof(SmallLeakySigBce), seed => new SmallLeakySigBce(seed)),
        (nameof(DeepIdIdMse), seed => new DeepIdIdMse(seed)),
        (nameof(DeepIdSigMse), seed => new DeepIdSigMse(seed)),
        (nameof(DeepIdTanhMse), seed => new DeepIdTanhMse(seed)),
        (nameof(DeepIdReluMse), seed => new DeepIdReluMse(seed)),
        (nameof(DeepIdLeakyMse), seed => new DeepIdLeakyMse(seed)),
        (nameof(DeepIdSoftmaxMse), seed => new DeepIdSoftmaxMse(seed)),
        (nameof(DeepIdSoftmaxCe), seed => new DeepIdSoftmaxCe(seed)),
        (nameof(DeepIdSigBce), seed => new DeepIdSigBce(seed)),
        (nameof(DeepSigIdMse), seed => new DeepSigIdMse(seed)),
        (nameof(DeepSigSigMse), seed => new DeepSigSigMse(seed)),
        (nameof(DeepSigTanhMse), seed => new DeepSigTanhMse(seed)),
        (nameof(DeepSigReluMse), seed => new DeepSigReluMse(seed)),
        (nameof(DeepSigLeakyMse), seed => new DeepSigLeakyMse(seed)),
        (nameof(DeepSigSoftmaxMse), seed => new DeepSigSoftmaxMse(seed)),
        (nameof(DeepSigSoftmaxCe), seed => new DeepSigSoftmaxCe(seed)),
        (nameof(DeepSigSigBce), seed => new DeepSigSigBce(seed)),
        (nameof(DeepTanhIdMse), seed => new DeepTanhIdMse(seed)),
        (nameof(DeepTanhSigMse), seed => new DeepTanhSigMse(seed)),
        (nameof(DeepTanhTanhMse), seed => new DeepTanhTanhMse(seed)),
        (nameof(DeepTanhReluMse), seed => new DeepTanhReluMse(seed)),
        (nameof(DeepTanhLeakyMse), seed => new DeepTanhLeakyMse(seed)),
        (nameof(DeepTanhSoftmaxMse), seed => new DeepTanhSoftmaxMse(seed)),
        (nameof(DeepTanhSoftmaxCe), seed => new DeepTanhSoftmaxCe(seed)),
        (nameof(DeepTanhSigBce), seed => new DeepTanhSigBce(seed)),
        (nameof(DeepReluIdMse), seed => new DeepReluIdMse(seed)),
        (nameof(DeepReluSigMse), seed => new DeepReluSigMse(seed)),
        (nameof(DeepReluTanhMse), seed => new DeepReluTanhMse(seed)),
        (nameof(DeepReluReluMse), seed => new DeepReluReluMse(seed)),
        (nameof(DeepReluLeakyMse), seed => new DeepReluLeakyMse(seed)),
        (nameof(DeepReluSoftmaxMse), seed => new DeepReluSoftmaxMse(seed)),
        (nameof(DeepReluSoftmaxCe), seed => new DeepReluSoftmaxCe(seed)),
        (nameof(DeepReluSigBce), seed => new DeepReluSigBce(seed)),
        (nameof(DeepLeakyIdMse), seed => new DeepLeakyIdMse(seed)),
        (nameof(DeepLeakySigMse), seed => new DeepLeakySigMse(seed)),
        (nameof(DeepLeakyTanhMse), seed => new DeepLeakyTanhMse(seed)),
        (nameof(DeepLeakyReluMse), seed => new DeepLeakyReluMse(seed)),
        (nameof(DeepLeakyLeakyMse), seed => new DeepLeakyLeakyMse(seed)),
        (nameof(DeepLeakySoftmaxMse), seed => new DeepLeakySoftmaxMse(seed)),
        (nameof(DeepLeakySoftmaxCe), seed => new DeepLeakySoftmaxCe(seed)),
        (nameof(DeepLeakySigBce), seed => new DeepLeakySigBce(seed)),
        (nameof(DeepUnrolledIdIdMse), seed => new DeepUnrolledIdIdMse(seed)),
        (nameof(DeepUnrolledIdSigMse), seed => new DeepUnrolledIdSigMse(seed)),
        (nameof(DeepUnrolledIdTanhMse), seed => new DeepUnrolledIdTanhMse(seed)),
        (nameof(DeepUnrolledIdReluMse), seed => new DeepUnrolledIdReluMse(seed)),
        (nameof(DeepUnrolledIdLeakyMse), seed => new DeepUnrolledIdLeakyMse(seed)),
        (nameof(DeepUnrolledIdSoftmaxMse), seed => new DeepUnrolledIdSoftmaxMse(seed)),
        (nameof(DeepUnrolledIdSoftmaxCe), seed => new DeepUnrolledIdSoftmaxCe(seed)),
        (nameof(DeepUnrolledIdSigBce), seed => new DeepUnrolledIdSigBce(seed)),
        (nameof(DeepUnrolledSigIdMse), seed => new DeepUnrolledSigIdMse(seed)),
        (nameof(DeepUnrolledSigSigMse), seed => new DeepUnrolledSigSigMse(seed)),
        (nameof(DeepUnrolledSigTanhMse), seed => new DeepUnrolledSigTanhMse(seed)),
        (nameof(DeepUnrolledSigReluMse), seed => new DeepUnrolledSigReluMse(seed)),
        (nameof(DeepUnrolledSigLeakyMse), seed => new DeepUnrolledSigLeakyMse(seed)),
        (nameof(DeepUnrolledSigSoftmaxMse), seed => new DeepUnrolledSigSoftmaxMse(seed)),
        (nameof(DeepUnrolledSigSoftmaxCe), seed => new DeepUnrolledSigSoftmaxCe(seed)),
        (nameof(DeepUnrolledSigSigBce), seed => new DeepUnrolledSigSigBce(seed)),
        (nameof(DeepUnrolledTanhIdMse), seed => new DeepUnrolledTanhIdMse(seed)),
        (nameof(DeepUnrolledTanhSigMse), seed => new DeepUnrolledTanhSigMse(seed)),
        (nameof(DeepUnrolledTanhTanhMse), seed => new DeepUnrolledTanhTanhMse(seed)),
        (nameof(DeepUnrolledTanhReluMse), seed => new DeepUnrolledTanhReluMse(seed)),
        (nameof(DeepUnrolledTanhLeakyMse), seed => new DeepUnrolledTanhLeakyMse(seed)),
        (nameof(DeepUnrolledTanhSoftmaxMse), seed => new DeepUnrolledTanhSoftmaxMse(seed)),
        (nameof(DeepUnrolledTanhSoftmaxCe), seed => new DeepUnrolledTanhSoftmaxCe(seed)),
        (nameof(DeepUnrolledTanhSigBce), seed => new DeepUnrolledTanhSigBce(seed)),
        (nameof(DeepUnrolledReluIdMse), seed => new DeepUnrolledReluIdMse(seed)),
        (nameof(DeepUnrolledReluSigMse), seed => new DeepUnrolledReluSigMse(seed)),
        (nameof(DeepUnrolledReluTanhMse), seed => new DeepUnrolledReluTanhMse(seed)),
        (nameof(DeepUnrolledReluReluMse), seed => new DeepUnrolledReluReluMse(seed)),
        (nameof(DeepUnrolledReluLeakyMse), seed => new DeepUnrolledReluLeakyMse(seed)),
        (nameof(DeepUnrolledReluSoftmaxMse), seed => new DeepUnrolledReluSoftmaxMse(seed)),
        (nameof(DeepUnrolledReluSoftmaxCe), seed => new DeepUnrolledReluSoftmaxCe(seed)),
        (nameof(DeepUnrolledReluSigBce), seed => new DeepUnrolledReluSigBce(seed)),
        (nameof(DeepUnrolledLeakyIdMse), seed => new DeepUnrolledLeakyIdMse(seed)),
        (nameof(DeepUnrolledLeakySigMse), seed => new DeepUnrolledLeakySigMse(seed)),
        (nameof(DeepUnrolledLeakyTanhMse), seed => new DeepUnrolledLeakyTanhMse(seed)),
        (nameof(DeepUnrolledLeakyReluMse), seed => new DeepUnrolledLeakyReluMse(seed)),
        (nameof(DeepUnrolledLeakyLeakyMse), seed => new DeepUnrolledLeakyLeakyMse(seed)),
        (nameof(DeepUnrolledLeakySoftmaxMse), seed => new DeepUnrolledLeakySoftmaxMse(seed)),
        (nameof(DeepUnrolledLeakySoftmaxCe), seed => new DeepUnrolledLeakySoftmaxCe(seed)),
        (nameof(DeepUnrolledLeakySigBce), seed => new DeepUnrolledLeakySigBce(seed)),
        (nameof(DeepSimdIdIdMse), seed => new DeepSimdIdIdMse(seed)),
        (nameof(DeepSimdIdSigMse), seed => new DeepSimdIdSigMse(seed)),
        (nameof(DeepSimdIdTanhMse), seed => new DeepSimdIdTanhMse(seed)),
        (nameof(DeepSimdIdReluMse), seed => new DeepSimdIdReluMse(seed)),
        (nameof(DeepSimdIdLeakyMse), seed => new DeepSimdIdLeakyMse(seed)),
        (nameof(DeepSimdIdSoftmaxMse), seed => new DeepSimdIdSoftmaxMse(seed)),
        (nameof(DeepSimdIdSoftmaxCe), seed => new DeepSimdIdSoftmaxCe(seed)),
        (nameof(DeepSimdIdSigBce), seed => new DeepSimdIdSigBce(seed)),
        (nameof(DeepSimdSigIdMse), seed => new DeepSimdSigIdMse(seed)),
        (nameof(DeepSimdSigSigMse), seed => new DeepSimdSigSigMse(seed)),
        (nameof(DeepSimdSigTanhMse), seed => new DeepSimdSigTanhMse(seed)),
        (nameof(DeepSimdSigReluMse), seed => new DeepSimdSigReluMse(seed)),
        (nameof(DeepSimdSigLeakyMse), seed => new DeepSimdSigLeakyMse(seed)),
        (nameof(DeepSimdSigSoftmaxMse), seed => new DeepSimdSigSoftmaxMse(seed)),
        (nameof(DeepSimdSigSoftmaxCe), seed => new DeepSimdSigSoftmaxCe(seed)),
        (nameof(DeepSimdSigSigBce), seed => new DeepSimdSigSigBce(seed)),
        (nameof(DeepSimdTanhIdMse), seed => new DeepSimdTanhIdMse(seed)),
        (nameof(DeepSimdTanhSigMse), seed => new DeepSimdTanhSigMse(seed)),
        (nameof(DeepSimdTanhTanhMse), seed => new DeepSimdTanhTanhMse(seed)),
        (nameof(DeepSimdTanhReluMse), seed => new DeepSimdTanhReluMse(seed)),
        (nameof(DeepSimdTanhLeakyMse), seed => new DeepSimdTanhLeakyMse(seed)),
        (nameof(DeepSimdTanhSoftmaxMse), seed => new DeepSimdTanhSoftmaxMse(seed)),
        (nameof(DeepSimdTanhSoftmaxCe), seed => new DeepSimdTanhSoftmaxCe(seed)),
        (nameof(DeepSimdTanhSigBce), seed => new DeepSimdTanhSigBce(seed)),
        (nameof(DeepSimdReluIdMse), seed => new DeepSimdReluIdMse(seed)),
        (nameof(DeepSimdReluSigMse), seed => new DeepSimdReluSigMse(seed)),
        (nameof(DeepSimdReluTanhMse), seed => new DeepSimdReluTanhMse(seed)),
        (nameof(DeepSimdReluReluMse), seed => new DeepSimdReluReluMse(seed)),
        (nameof(DeepSimdReluLeakyMse), seed => new DeepSimdReluLeakyMse(seed)),
        (nameof(DeepSimdReluSoftmaxMse), seed => new DeepSimdReluSoftmaxMse(seed)),
        (nameof(DeepSimdReluSoftmaxCe), seed => new DeepSimdReluSoftmaxCe(seed)),
        (nameof(DeepSimdReluSigBce), seed => new DeepSimdReluSigBce(seed)),
        (nameof(DeepSimdLeakyIdMse), seed => new DeepSimdLeakyIdMse(seed)),
        (nameof(DeepSimdLeakySigMse), seed => new DeepSimdLeakySigMse(seed)),
        (nameof(DeepSimdLeakyTanhMse), seed => new DeepSimdLeakyTanhMse(seed)),
        (nameof(DeepSimdLeakyReluMse), seed => new DeepSimdLeakyReluMse(seed)),
        (nameof(DeepSimdLeakyLeakyMse), seed => new DeepSimdLeakyLeakyMse(seed)),
        (nameof(DeepSimdLeakySoftmaxMse), seed => new DeepSimdLeakySoftmaxMse(seed)),
        (nameof(DeepSimdLeakySoftmaxCe), seed => new DeepSimdLeakySoftmaxCe(seed)),
        (nameof(DeepSimdLeakySigBce), seed => new DeepSimdLeakySigBce(seed)),
        (nameof(WideIdIdMse), seed => new WideIdIdMse(seed)),
        (nameof(WideIdSigMse), seed => new WideIdSigMse(seed)),
        (nameof(WideIdTanhMse), seed => new WideIdTanhMse(seed)),
        (nameof(WideIdReluMse), seed => new WideIdReluMse(seed)),
        (nameof(WideIdLeakyMse), seed => new WideIdLeakyMse(seed)),
        (nameof(WideIdSoftmaxMse), seed => new WideIdSoftmaxMse(seed)),
        (nameof(WideIdSoftmaxCe), seed => new WideIdSoftmaxCe(seed)),
        (nameof(WideIdSigBce), seed => new WideIdSigBce(seed)),
        (nameof(WideSigIdMse), seed => new WideSigIdMse(seed)),
        (nameof(WideSigSigMse), seed => new WideSigSigMse(seed)),
        (nameof(WideSigTanhMse), seed => new WideSigTanhMse(seed)),
        (nameof(WideSigReluMse), seed => new WideSigReluMse(seed)),
        (nameof(WideSigLeakyMse), seed => new WideSigLeakyMse(seed)),
        (nameof(WideSigSoftmaxMse), seed => new WideSigSoftmaxMse(seed)),
        (nameof(WideSigSoftmaxCe), seed => new WideSigSoftmaxCe(seed)),
        (nameof(WideSigSigBce), seed => new WideSigSigBce(seed)),
        (nameof(WideTanhIdMse), seed => new WideTanhIdMse(seed)),
        (nameof(WideTanhSigMse), seed => new WideTanhSigMse(seed)),
        (nameof(WideTanhTanhMse), seed => new WideTanhTanhMse(seed)),
        (nameof(WideTanhReluMse), seed => new WideTanhReluMse(seed)),
        (nameof(WideTanhLeakyMse), seed => new WideTanhLeakyMse(seed)),
        (nameof(WideTanhSoftmaxMse), seed => new WideTanhSoftmaxMse(seed)),
        (nameof(WideTanhSoftmaxCe), seed => new WideTanhSoftmaxCe(seed)),
        (nameof(WideTanhSigBce), seed => new WideTanhSigBce(seed)),
        (nameof(WideReluIdMse), seed => new WideReluIdMse(seed)),
        (nameof(WideReluSigMse), seed => new WideReluSigMse(seed)),
        (nameof(WideReluTanhMse), seed => new WideReluTanhMse(seed)),
        (nameof(WideReluReluMse), seed => new WideReluReluMse(seed)),
        (nameof(WideReluLeakyMse), seed => new WideReluLeakyMse(seed)),
        (nameof(WideReluSoftmaxMse), seed => new WideReluSoftmaxMse(seed)),
        (nameof(WideReluSoftmaxCe), seed => new WideReluSoftmaxCe(seed)),
        (nameof(WideReluSigBce), seed => new WideReluSigBce(seed)),
        (nameof(WideLeakyIdMse), seed => new WideLeakyIdMse(seed)),
        (nameof(WideLeakySigMse), seed => new WideLeakySigMse(seed)),
        (nameof(WideLeakyTanhMse), seed => new WideLeakyTanhMse(seed)),
        (nameof(WideLeakyReluMse), seed => new WideLeakyReluMse(seed)),
        (nameof(WideLeakyLeakyMse), seed => new WideLeakyLeakyMse(seed)),
        (nameof(WideLeakySoftmaxMse), seed => new WideLeakySoftmaxMse(seed)),
        (nameof(WideLeakySoftmaxCe), seed => new WideLeakySoftmaxCe(seed)),
        (nameof(WideLeakySigBce), seed => new WideLeakySigBce(seed)),
    ];
}
