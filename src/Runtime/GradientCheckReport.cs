using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NetGen;

/// <summary>The comparison of one parameter tensor (a layer's weights or its biases) between <c>Backward</c> and finite differences.</summary>
/// <param name="Checked">The number of coordinates compared.</param>
/// <param name="Count">The number of coordinates the tensor has.</param>
/// <param name="MaxRelativeError">The largest <c>|a − n| / max(|a|, |n|, floor)</c> over the compared coordinates.</param>
/// <param name="MaxAbsoluteError">The largest <c>|a − n|</c>.</param>
/// <param name="WorstIndex">The index, in the whole parameter buffer, of the coordinate with the largest relative error.</param>
/// <param name="Analytic">The gradient <c>Backward</c> gave at <paramref name="WorstIndex"/>.</param>
/// <param name="Numeric">The central difference at <paramref name="WorstIndex"/>.</param>
public readonly record struct TensorGradientCheck(int Checked, int Count, double MaxRelativeError, double MaxAbsoluteError, int WorstIndex, double Analytic, double Numeric);

/// <summary>The comparison of one layer's weights and biases.</summary>
/// <param name="Layer">The layer, from 0 at the input.</param>
/// <param name="Weights">The weight matrix's comparison.</param>
/// <param name="Biases">The bias vector's comparison.</param>
public readonly record struct LayerGradientCheck(int Layer, TensorGradientCheck Weights, TensorGradientCheck Biases)
{
    /// <summary>The larger of the weights' and the biases' worst relative errors.</summary>
    public double MaxRelativeError => Math.Max(Weights.MaxRelativeError, Biases.MaxRelativeError);
}

/// <summary>What <see cref="GradientCheck.Run"/> found: the worst relative error of each layer's weights and biases.</summary>
public sealed class GradientCheckReport
{
    private readonly LayerGradientCheck[] _layers;

    /// <summary>Creates a report.</summary>
    /// <param name="loss">The sample's loss at the unperturbed parameters.</param>
    /// <param name="layers">The per-layer comparisons, from the input.</param>
    public GradientCheckReport(float loss, IEnumerable<LayerGradientCheck> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        Loss = loss;
        _layers = [.. layers];
    }

    /// <summary>The sample's loss at the unperturbed parameters.</summary>
    public float Loss { get; }

    /// <summary>The per-layer comparisons, from the input.</summary>
    public IReadOnlyList<LayerGradientCheck> Layers => _layers;

    /// <summary>The worst relative error over every layer.</summary>
    public double MaxRelativeError
    {
        get
        {
            double worst = 0;
            foreach (LayerGradientCheck layer in _layers)
            {
                worst = Math.Max(worst, layer.MaxRelativeError);
            }

            return worst;
        }
    }

    /// <summary>The number of coordinates compared.</summary>
    public int CoordinatesChecked
    {
        get
        {
            int count = 0;
            foreach (LayerGradientCheck layer in _layers)
            {
                count += layer.Weights.Checked + layer.Biases.Checked;
            }

            return count;
        }
    }

    /// <summary>Whether every compared coordinate's relative error is at most <paramref name="tolerance"/>.</summary>
    /// <param name="tolerance">The largest acceptable relative error; around 1e-2 suits float32 networks.</param>
    /// <returns>True when the gradient passes.</returns>
    public bool IsWithin(double tolerance) => MaxRelativeError <= tolerance;

    /// <summary>One line per layer and tensor: coordinates checked, worst relative and absolute error, and the worst coordinate's two values.</summary>
    /// <returns>The text, lines separated by <c>\n</c>.</returns>
    public override string ToString()
    {
        CultureInfo invariant = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(invariant, $"loss {Loss:G6}, worst relative error {MaxRelativeError:G3}\n");
        text.Append("layer  tensor   checked  max rel. error  max abs. error  worst index      analytic       numeric");
        foreach (LayerGradientCheck layer in _layers)
        {
            Append(text, layer.Layer, "weights", layer.Weights);
            Append(text, layer.Layer, "biases", layer.Biases);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, int layer, string name, TensorGradientCheck tensor) =>
        text.Append(
            CultureInfo.InvariantCulture,
            $"\n{layer,5}  {name,-7}  {$"{tensor.Checked}/{tensor.Count}",7}  {tensor.MaxRelativeError,14:G3}  {tensor.MaxAbsoluteError,14:G3}  {tensor.WorstIndex,11}  {tensor.Analytic,12:G6}  {tensor.Numeric,12:G6}");
}
