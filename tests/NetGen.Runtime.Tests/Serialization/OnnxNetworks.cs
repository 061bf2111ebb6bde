using NetGen;

namespace NetGen.Runtime.Tests.Serialization;

/// <summary>A multi-label classifier through ReLU, leaky ReLU (slope 0.2) and sigmoid layers, for ONNX export.</summary>
[Network(6, Loss = Loss.BinaryCrossEntropy)]
[Dense(10, Activation.ReLU)]
[Dense(7, Activation.LeakyReLU, Slope = 0.2f)]
[Dense(3, Activation.Sigmoid)]
public partial class MultiLabelNet;

/// <summary>Two linear layers under mean squared error, for ONNX export: the graph is two Gemm nodes.</summary>
[Network(3)]
[Dense(4, Activation.Identity)]
[Dense(2, Activation.Identity)]
public partial class LinearNet;

/// <summary>An MNIST-shaped classifier, 784 inputs and 10 classes, for ONNX export.</summary>
[Network(784, Loss = Loss.CrossEntropy)]
[Dense(32, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class DigitNet;
