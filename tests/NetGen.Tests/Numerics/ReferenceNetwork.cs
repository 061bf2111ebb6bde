using System;
using System.Collections.Generic;

namespace NetGen.Tests.Numerics;

/// <summary>
/// A plain, double-precision implementation of a dense network, written from the textbook equations and
/// independent of the generated code: loops, no spans, derivatives from the pre-activations a (the
/// generated code takes them from the outputs h). The numeric tests hold the generated code against it.
/// </summary>
internal static class ReferenceNetwork
{
    /// <summary>Every layer's pre-activation a_k and output h_k for input <paramref name="x"/>.</summary>
    public static (List<double[]> A, List<double[]> H) Forward(ReadOnlySpan<LayerInfo> layers, double[] parameters, double[] x)
    {
        var a = new List<double[]>();
        var h = new List<double[]> { x };
        foreach (LayerInfo layer in layers)
        {
            double[] input = h[^1];
            double[] pre = new double[layer.Outputs];
            for (int j = 0; j < layer.Outputs; j++)
            {
                double sum = parameters[layer.BiasOffset + j];
                for (int i = 0; i < layer.Inputs; i++)
                {
                    sum += parameters[layer.WeightOffset + (j * layer.Inputs) + i] * input[i];
                }

                pre[j] = sum;
            }

            a.Add(pre);
            h.Add(Activate(layer, pre));
        }

        return (a, h);
    }

    public static double Loss(Loss loss, double[] logits, double[] output, double[] target)
    {
        double total = 0;
        switch (loss)
        {
            case NetGen.Loss.CrossEntropy:
                double max = double.NegativeInfinity;
                foreach (double v in logits)
                {
                    max = Math.Max(max, v);
                }

                double sum = 0;
                foreach (double v in logits)
                {
                    sum += Math.Exp(v - max);
                }

                double logSumExp = max + Math.Log(sum);
                for (int c = 0; c < logits.Length; c++)
                {
                    total -= target[c] * (logits[c] - logSumExp);
                }

                return total;
            case NetGen.Loss.BinaryCrossEntropy:
                for (int j = 0; j < logits.Length; j++)
                {
                    total += Math.Max(logits[j], 0) - (target[j] * logits[j]) + Math.Log(1 + Math.Exp(-Math.Abs(logits[j])));
                }

                return total;
            default:
                for (int j = 0; j < output.Length; j++)
                {
                    total += 0.5 * (output[j] - target[j]) * (output[j] - target[j]);
                }

                return total;
        }
    }

    public static double Loss(INetwork network, double[] parameters, double[] x, double[] y)
    {
        (List<double[]> a, List<double[]> h) = Forward(network.Layers, parameters, x);
        return Loss(network.Loss, a[^1], h[^1], y);
    }

    /// <summary>The gradient of the loss with respect to every parameter, by textbook backpropagation.</summary>
    public static double[] Gradient(INetwork network, double[] parameters, double[] x, double[] y)
    {
        ReadOnlySpan<LayerInfo> layers = network.Layers;
        (List<double[]> a, List<double[]> h) = Forward(layers, parameters, x);
        int last = layers.Length - 1;
        double[] output = h[^1];
        double[] delta = new double[output.Length];
        double targetSum = 0;
        foreach (double v in y)
        {
            targetSum += v;
        }

        for (int j = 0; j < output.Length; j++)
        {
            delta[j] = network.Loss switch
            {
                NetGen.Loss.CrossEntropy => (output[j] * targetSum) - y[j],
                NetGen.Loss.BinaryCrossEntropy => output[j] - y[j],
                _ => output[j] - y[j],
            };
        }

        if (network.Loss == NetGen.Loss.MeanSquaredError)
        {
            delta = MultiplyByDerivative(layers[last], a[last], delta);
        }

        double[] gradient = new double[parameters.Length];
        for (int k = last; k >= 0; k--)
        {
            LayerInfo layer = layers[k];
            double[] input = h[k];
            for (int j = 0; j < layer.Outputs; j++)
            {
                for (int i = 0; i < layer.Inputs; i++)
                {
                    gradient[layer.WeightOffset + (j * layer.Inputs) + i] = delta[j] * input[i];
                }

                gradient[layer.BiasOffset + j] = delta[j];
            }

            if (k == 0)
            {
                break;
            }

            double[] back = new double[layer.Inputs];
            for (int i = 0; i < layer.Inputs; i++)
            {
                for (int j = 0; j < layer.Outputs; j++)
                {
                    back[i] += parameters[layer.WeightOffset + (j * layer.Inputs) + i] * delta[j];
                }
            }

            delta = MultiplyByDerivative(layers[k - 1], a[k - 1], back);
        }

        return gradient;
    }

    /// <summary>Whether any ReLU-family pre-activation has a different sign under the two parameter vectors (a kink lies between them).</summary>
    public static bool CrossesKink(ReadOnlySpan<LayerInfo> layers, double[] first, double[] second, double[] x)
    {
        List<double[]> a1 = Forward(layers, first, x).A;
        List<double[]> a2 = Forward(layers, second, x).A;
        for (int k = 0; k < layers.Length; k++)
        {
            if (layers[k].Activation is not (Activation.ReLU or Activation.LeakyReLU))
            {
                continue;
            }

            for (int j = 0; j < a1[k].Length; j++)
            {
                if (a1[k][j] > 0 != a2[k][j] > 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static double[] Activate(LayerInfo layer, double[] a)
    {
        double[] h = new double[a.Length];
        if (layer.Activation == Activation.Softmax)
        {
            double max = double.NegativeInfinity;
            foreach (double v in a)
            {
                max = Math.Max(max, v);
            }

            double sum = 0;
            for (int j = 0; j < a.Length; j++)
            {
                h[j] = Math.Exp(a[j] - max);
                sum += h[j];
            }

            for (int j = 0; j < a.Length; j++)
            {
                h[j] /= sum;
            }

            return h;
        }

        for (int j = 0; j < a.Length; j++)
        {
            h[j] = layer.Activation switch
            {
                Activation.Sigmoid => 1 / (1 + Math.Exp(-a[j])),
                Activation.Tanh => Math.Tanh(a[j]),
                Activation.ReLU => Math.Max(0, a[j]),
                Activation.LeakyReLU => a[j] > 0 ? a[j] : layer.Slope * a[j],
                _ => a[j],
            };
        }

        return h;
    }

    /// <summary>∂L/∂a from ∂L/∂h = <paramref name="gradient"/>, with g' evaluated at the pre-activations a.</summary>
    private static double[] MultiplyByDerivative(LayerInfo layer, double[] a, double[] gradient)
    {
        double[] result = new double[a.Length];
        if (layer.Activation == Activation.Softmax)
        {
            double[] s = Activate(layer, a);
            for (int j = 0; j < a.Length; j++)
            {
                // (J_softmax)_cj = s_c (δ_cj − s_j), summed against the gradient over c.
                for (int c = 0; c < a.Length; c++)
                {
                    result[j] += gradient[c] * s[c] * ((c == j ? 1 : 0) - s[j]);
                }
            }

            return result;
        }

        for (int j = 0; j < a.Length; j++)
        {
            double derivative = layer.Activation switch
            {
                Activation.Sigmoid => Math.Exp(-a[j]) / ((1 + Math.Exp(-a[j])) * (1 + Math.Exp(-a[j]))),
                Activation.Tanh => 1 / (Math.Cosh(a[j]) * Math.Cosh(a[j])),
                Activation.ReLU => a[j] > 0 ? 1 : 0,
                Activation.LeakyReLU => a[j] > 0 ? 1 : layer.Slope,
                _ => 1,
            };
            result[j] = gradient[j] * derivative;
        }

        return result;
    }
}
