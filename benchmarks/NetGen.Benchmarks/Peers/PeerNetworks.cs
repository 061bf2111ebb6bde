using NetGen;

namespace NetGen.Benchmarks.Peers;

// The networks NetGen is compared on with its peers (docs/performance.md), with the generator's default
// kernel strategy. Every peer is given a copy of these networks' parameters.
[Network(4, Loss = Loss.CrossEntropy)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public partial class Peer4x8x3;

[Network(16, Loss = Loss.MeanSquaredError)]
[Dense(64, Activation.Tanh)]
[Dense(64, Activation.Tanh)]
[Dense(1, Activation.Identity)]
public partial class Peer16x64x64x1;

[Network(784, Loss = Loss.CrossEntropy)]
[Dense(128, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class Peer784x128x10;

[Network(784, Loss = Loss.CrossEntropy)]
[Dense(256, Activation.ReLU)]
[Dense(128, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class Peer784x256x128x10;
