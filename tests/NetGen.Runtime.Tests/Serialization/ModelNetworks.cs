using NetGen;

namespace NetGen.Runtime.Tests.Serialization;

/// <summary>The iris classifier with a narrower hidden layer, for topology mismatches against <see cref="IrisNet"/>.</summary>
[Network(4, Loss = Loss.CrossEntropy)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public partial class NarrowIrisNet;

/// <summary>Three layers, one of them leaky with a non-default slope.</summary>
[Network(3)]
[Dense(5, Activation.LeakyReLU, Slope = 0.2f)]
[Dense(4, Activation.Sigmoid)]
[Dense(2, Activation.Identity)]
public partial class LeakyNet;

/// <summary><see cref="LeakyNet"/> with another slope: the same shapes, another topology.</summary>
[Network(3)]
[Dense(5, Activation.LeakyReLU, Slope = 0.1f)]
[Dense(4, Activation.Sigmoid)]
[Dense(2, Activation.Identity)]
public partial class OtherSlopeNet;

/// <summary>The smallest network, for byte-level golden files: 2 → 1, identity.</summary>
[Network(2)]
[Dense(1, Activation.Identity)]
public partial class TinyNet;
