namespace NetGen.Generator.Model;

// The generator's own copies of the public enums in NetGen.Attributes: it reads attribute arguments as
// constants and never loads the attributes assembly. The numeric values must match.

/// <summary>Mirror of <c>NetGen.Activation</c>.</summary>
internal enum ActivationKind
{
    Identity = 0,
    Sigmoid = 1,
    Tanh = 2,
    ReLU = 3,
    LeakyReLU = 4,
    Softmax = 5,
}

/// <summary>Mirror of <c>NetGen.Loss</c>.</summary>
internal enum LossKind
{
    MeanSquaredError = 0,
    CrossEntropy = 1,
    BinaryCrossEntropy = 2,
}

/// <summary>Mirror of <c>NetGen.KernelStrategy</c>.</summary>
internal enum KernelStrategyKind
{
    Auto = 0,
    Unrolled = 1,
    Simd = 2,
}

/// <summary>The plan stage's decision for one layer.</summary>
internal enum LayerStrategy
{
    /// <summary>Every multiply-add written out with constant indices; no loops.</summary>
    Unrolled,

    /// <summary>Calls to the runtime's SIMD dense kernels over constant-length spans.</summary>
    Simd,
}
