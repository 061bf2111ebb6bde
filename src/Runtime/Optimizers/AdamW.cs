using System;

namespace NetGen.Optimizers;

/// <summary>
/// Adam with decoupled weight decay (Loshchilov and Hutter, 2019), following PyTorch's <c>torch.optim.AdamW</c>
/// (without AMSGrad).
/// </summary>
/// <remarks>
/// <para>With learning rate η, decay rates β₁ and β₂, ε and weight decay λ, update <c>t</c> (from 1) does, element-wise:</para>
/// <code>
/// θ ← θ (1 − η λ)
/// m ← β₁ m + (1 − β₁) ∇θ
/// v ← β₂ v + (1 − β₂) ∇θ²
/// θ ← θ − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
/// </code>
/// <para>
/// The decay shrinks the parameters directly, by the same factor for every parameter, instead of entering the
/// gradient and its adaptive scaling as <see cref="Adam"/>'s L2 penalty does. The moments are allocated once by
/// the constructor; <see cref="Optimizer.Update"/> allocates nothing.
/// </para>
/// </remarks>
public sealed class AdamW : Adam
{
    /// <summary>Creates the optimizer for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">The length of the parameter and gradient spans; positive.</param>
    /// <param name="learningRate">The step size η; positive. Defaults to 0.001.</param>
    /// <param name="beta1">The decay rate β₁ of the first moment, in [0, 1). Defaults to 0.9.</param>
    /// <param name="beta2">The decay rate β₂ of the second moment, in [0, 1). Defaults to 0.999.</param>
    /// <param name="epsilon">The term ε added to the denominator; positive. Defaults to 1e-8.</param>
    /// <param name="weightDecay">The decoupled weight decay λ; non-negative. Defaults to 0.01, as PyTorch.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    public AdamW(int parameterCount, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0.01f)
        : base(parameterCount, learningRate, beta1, beta2, epsilon, weightDecay, decoupled: true)
    {
    }
}
