using NetGen;

namespace NetGen.Runtime.Tests.GradientCheck;

/// <summary>A multi-label classifier with a ReLU and a leaky hidden layer.</summary>
[Network(3, Loss = Loss.BinaryCrossEntropy)]
[Dense(6, Activation.ReLU)]
[Dense(5, Activation.LeakyReLU, Slope = 0.05f)]
[Dense(2, Activation.Sigmoid)]
public partial class RectifiedTagger;

/// <summary>A wide SIMD layer, for sampled checks.</summary>
[Network(64, Loss = Loss.CrossEntropy)]
[Dense(48, Activation.Sigmoid)]
[Dense(10, Activation.Softmax)]
public partial class WideClassifier;
