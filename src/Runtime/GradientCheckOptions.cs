using System;

namespace NetGen;

/// <summary>Settings of <see cref="GradientCheck.Run"/>.</summary>
public sealed class GradientCheckOptions
{
    /// <summary>
    /// The perturbation <c>h</c> of each parameter; the derivative is <c>(L(θ + h) − L(θ − h)) / 2h</c>, where
    /// <c>2h</c> is taken as the exact difference of the two perturbed float values. The default 1e-2 balances
    /// the truncation error (∝ h²) against the rounding of a float32 loss (a few ulps, divided by 2h); a
    /// smaller step suits networks with ReLU layers, whose kinks a larger one crosses more often.
    /// </summary>
    public double Step { get; init; } = 1e-2;

    /// <summary>
    /// The smallest denominator of the relative error <c>|a − n| / max(|a|, |n|, floor)</c>, so that gradients
    /// near zero, which finite differences of a float32 loss cannot resolve, are judged by their absolute error.
    /// Defaults to 1e-2.
    /// </summary>
    public double Floor { get; init; } = 1e-2;

    /// <summary>
    /// The most coordinates checked per weight matrix and per bias vector; larger tensors are checked at a
    /// seeded random sample of this many distinct coordinates. Null (the default) checks every coordinate.
    /// </summary>
    public int? MaxCoordinatesPerTensor { get; init; }

    /// <summary>The seed of the coordinate sample; equal seeds check equal coordinates.</summary>
    public int Seed { get; init; }

    internal void Validate()
    {
        if (!(Step > 0) || !double.IsFinite(Step))
        {
            throw new ArgumentOutOfRangeException(nameof(Step), Step, "The step must be positive and finite.");
        }

        if (!(Floor > 0) || !double.IsFinite(Floor))
        {
            throw new ArgumentOutOfRangeException(nameof(Floor), Floor, "The floor must be positive and finite.");
        }

        if (MaxCoordinatesPerTensor is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxCoordinatesPerTensor), MaxCoordinatesPerTensor, "At least one coordinate per tensor must be checked.");
        }
    }
}
