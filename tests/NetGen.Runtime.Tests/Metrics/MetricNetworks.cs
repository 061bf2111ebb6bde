using NetGen;

namespace NetGen.Runtime.Tests.Metrics;

/// <summary>A one-layer softmax classifier; with W = I and b = 0 it predicts the arg max of its input.</summary>
[Network(3, Loss = Loss.CrossEntropy)]
[Dense(3, Activation.Softmax)]
public partial class ArgMaxNet;

/// <summary>A one-output sigmoid classifier; with W = 1 and b = 0 it predicts class 1 exactly when its input is at least 0.</summary>
[Network(1, Loss = Loss.BinaryCrossEntropy)]
[Dense(1, Activation.Sigmoid)]
public partial class ThresholdNet;

/// <summary>A two-label sigmoid classifier; with W = I and b = 0 label j is predicted when input j is at least 0.</summary>
[Network(2, Loss = Loss.BinaryCrossEntropy)]
[Dense(2, Activation.Sigmoid)]
public partial class TwoLabelNet;

/// <summary>A linear regressor; with W = I and b = 0 it outputs its input exactly.</summary>
[Network(2)]
[Dense(2, Activation.Identity)]
public partial class PassThroughNet;
