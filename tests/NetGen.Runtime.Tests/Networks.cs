using NetGen;

namespace NetGen.Runtime.Tests;

/// <summary>A small classifier for the iris set: 4 features, 3 classes.</summary>
[Network(4, Loss = Loss.CrossEntropy)]
[Dense(16, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public partial class IrisNet;

/// <summary>A small regressor.</summary>
[Network(2)]
[Dense(8, Activation.Tanh)]
[Dense(1, Activation.Identity)]
public partial class SmallRegressor;

/// <summary>A 4-input, 3-class classifier trained in the allocation test with every training feature switched on.</summary>
[Network(4, Loss = Loss.CrossEntropy)]
[Dense(32, Activation.ReLU)]
[Dense(3, Activation.Softmax)]
public partial class IrisShapedClassifier;

/// <summary>A 20-input, 5-class classifier for the data-parallel tests: minibatches of more than one block.</summary>
[Network(20, Loss = Loss.CrossEntropy)]
[Dense(48, Activation.Tanh)]
[Dense(24, Activation.ReLU)]
[Dense(5, Activation.Softmax)]
public partial class ParallelClassifier;

/// <summary>The 784-256-128-10 classifier of the benchmarks, for the choices <see cref="NetGen.Training.WorkerCount.Auto"/> makes on a large network.</summary>
[Network(784, Loss = Loss.CrossEntropy)]
[Dense(256, Activation.ReLU)]
[Dense(128, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class WideClassifier;
