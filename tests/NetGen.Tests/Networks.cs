using NetGen;

namespace NetGen.Tests;

[Network(2, Loss = Loss.MeanSquaredError)]
[Dense(4, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
public partial class TinyNet;

[Network(20, Loss = Loss.CrossEntropy)]
[Dense(24, Activation.ReLU)]
[Dense(5, Activation.Softmax)]
public partial class MixedNet;
