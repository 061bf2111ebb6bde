using System;
using System.Globalization;

namespace NetGen.Optimizers;

/// <summary>The argument checks the optimizers and schedules share, with messages that say what is wrong.</summary>
internal static class OptimizerGuard
{
    public static int ParameterCount(int parameterCount, string name)
    {
        if (parameterCount <= 0)
        {
            throw new ArgumentOutOfRangeException(name, parameterCount, "The parameter count must be positive.");
        }

        return parameterCount;
    }

    public static float Positive(float value, string name)
    {
        if (!(value > 0) || !float.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be positive and finite.");
        }

        return value;
    }

    public static float NonNegative(float value, string name)
    {
        if (!(value >= 0) || !float.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be non-negative and finite.");
        }

        return value;
    }

    /// <summary>A decay rate such as β₁, β₂, α or a momentum: in [0, 1).</summary>
    public static float UnitInterval(float value, string name)
    {
        if (!(value >= 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must lie in [0, 1).");
        }

        return value;
    }

    /// <summary>Checks that a range of the parameters lies inside the optimizer's state and that its two spans agree.</summary>
    public static void Range(int parameterCount, ReadOnlySpan<float> parameters, ReadOnlySpan<float> gradients, int offset)
    {
        if (offset < 0 || (long)offset + parameters.Length > parameterCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(offset),
                string.Create(CultureInfo.InvariantCulture, $"The range [{offset}, {(long)offset + parameters.Length}) does not lie inside the optimizer's {parameterCount} parameters."));
        }

        if (gradients.Length != parameters.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The gradient span has length {gradients.Length} but the parameter span has length {parameters.Length}; they must be equal."),
                nameof(gradients));
        }
    }

    public static void Lengths(int parameterCount, ReadOnlySpan<float> parameters, ReadOnlySpan<float> gradients)
    {
        if (parameters.Length != parameterCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The optimizer was created for {parameterCount} parameters but got a parameter span of length {parameters.Length}."),
                nameof(parameters));
        }

        if (gradients.Length != parameterCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The gradient span has length {gradients.Length} but the parameter span has length {parameterCount}; they must be equal."),
                nameof(gradients));
        }
    }
}
