namespace NetGen.Tests.Models;

// The PyTorch models written by tests/Fixtures/make_models.py, compiled in: each once from its safetensors
// file against declared layers, and once from its ONNX file alone. Relative paths start from this file's folder.

[Network(4, Weights = "../../Fixtures/models/relu_identity.safetensors")]
[Dense(8, Activation.ReLU)]
[Dense(3, Activation.Identity)]
public partial class ReluIdentityFromSafeTensors;

[OnnxNetwork("../../Fixtures/models/relu_identity.onnx")]
public partial class ReluIdentityFromOnnx;

[Network(3, Loss = Loss.BinaryCrossEntropy, Weights = "../../Fixtures/models/tanh_sigmoid.safetensors")]
[Dense(5, Activation.Tanh)]
[Dense(2, Activation.Sigmoid)]
public partial class TanhSigmoidFromSafeTensors;

[OnnxNetwork("../../Fixtures/models/tanh_sigmoid.onnx", Loss = Loss.BinaryCrossEntropy)]
public partial class TanhSigmoidFromOnnx;

[Network(4, Weights = "../../Fixtures/models/leaky_tanh.safetensors")]
[Dense(6, Activation.LeakyReLU, Slope = 0.2f)]
[Dense(6, Activation.Tanh)]
[Dense(2, Activation.Identity)]
public partial class LeakyTanhFromSafeTensors;

[OnnxNetwork("../../Fixtures/models/leaky_tanh.onnx")]
public partial class LeakyTanhFromOnnx;

[Network(5, Loss = Loss.CrossEntropy, Weights = "../../Fixtures/models/sigmoid_softmax.safetensors")]
[Dense(7, Activation.Sigmoid)]
[Dense(4, Activation.Softmax)]
public partial class SigmoidSoftmaxFromSafeTensors;

[OnnxNetwork("../../Fixtures/models/sigmoid_softmax.onnx", Loss = Loss.CrossEntropy)]
public partial class SigmoidSoftmaxFromOnnx;

[Network(2, Weights = "../../Fixtures/models/identity_relu.safetensors")]
[Dense(3, Activation.Identity)]
[Dense(4, Activation.ReLU)]
[Dense(1, Activation.Identity)]
public partial class IdentityReluFromSafeTensors;

[OnnxNetwork("../../Fixtures/models/identity_relu.onnx")]
public partial class IdentityReluFromOnnx;

// A lone nn.Linear: tensors named weight and bias.
[Network(3, Weights = "../../Fixtures/models/linear.safetensors")]
[Dense(2, Activation.Identity)]
public partial class LinearFromSafeTensors;

[OnnxNetwork("../../Fixtures/models/linear.onnx")]
public partial class LinearFromOnnx;

// x @ Wᵀ + b, exported as MatMul and Add.
[Network(3, Weights = "../../Fixtures/models/matmul_add.safetensors")]
[Dense(4, Activation.Tanh)]
[Dense(2, Activation.Identity)]
public partial class MatMulAddFromSafeTensors;

[OnnxNetwork("../../Fixtures/models/matmul_add.onnx")]
public partial class MatMulAddFromOnnx;

// relu_identity.onnx with an explicit Identity node.
[OnnxNetwork("../../Fixtures/models/identity_node.onnx")]
public partial class IdentityNodeFromOnnx;

// NetGen's own naming, layers.{k}.weight, and the same model as a NetGen model file.
[Network(4, Weights = "../../Fixtures/models/netgen_naming.safetensors")]
[Dense(5, Activation.ReLU)]
[Dense(3, Activation.Identity)]
public partial class NetGenNamingFromSafeTensors;

[Network(4, Weights = "../../Fixtures/models/netgen_naming.ngm")]
[Dense(5, Activation.ReLU)]
[Dense(3, Activation.Identity)]
public partial class NetGenNamingFromModelFile;

// Simd kernels on the same weights: the compiled-in data does not depend on the kernel strategy.
[Network(4, Kernels = KernelStrategy.Simd, Weights = "../../Fixtures/models/leaky_tanh.safetensors")]
[Dense(6, Activation.LeakyReLU, Slope = 0.2f)]
[Dense(6, Activation.Tanh)]
[Dense(2, Activation.Identity)]
public partial class LeakyTanhSimd;

// Inference-only networks of the same files: Forward, Evaluate and their batched forms over read-only weights.
[Network(4, Weights = "../../Fixtures/models/relu_identity.safetensors", InferenceOnly = true)]
[Dense(8, Activation.ReLU)]
[Dense(3, Activation.Identity)]
public partial class ReluIdentityInference;

[Network(3, Loss = Loss.BinaryCrossEntropy, Weights = "../../Fixtures/models/tanh_sigmoid.safetensors", InferenceOnly = true)]
[Dense(5, Activation.Tanh)]
[Dense(2, Activation.Sigmoid)]
public partial class TanhSigmoidInference;

[OnnxNetwork("../../Fixtures/models/sigmoid_softmax.onnx", Loss = Loss.CrossEntropy, InferenceOnly = true)]
public partial class SigmoidSoftmaxInference;

[Network(4, Kernels = KernelStrategy.Simd, Weights = "../../Fixtures/models/leaky_tanh.safetensors", InferenceOnly = true)]
[Dense(6, Activation.LeakyReLU, Slope = 0.2f)]
[Dense(6, Activation.Tanh)]
[Dense(2, Activation.Identity)]
public partial class LeakyTanhSimdInference;
