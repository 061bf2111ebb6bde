using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Helpers;
using NetGen.Generator.Model;
using static NetGen.Generator.Emitter;

namespace NetGen.Generator;

/// <summary>
/// Writes one dense layer's forward and backward methods, unrolled or as SIMD kernel calls as the plan
/// says. Names follow the math: <c>W2</c>, <c>b2</c>, <c>h1</c>, <c>dA2</c> (∇a2), <c>dW2</c> (∇W2).
/// </summary>
internal static class DenseLayerEmitter
{
    /// <summary>Terms per line in an unrolled sum, so long rows stay readable.</summary>
    private const int TermsPerLine = 8;

    private static readonly string[] TermSeparator = { " + " };

    public static void WriteForward(SourceWriter writer, NetworkPlan plan, LayerPlan layer)
    {
        string k = Int(layer.Index);
        string input = InputName(layer);

        // Cross-entropies need the output layer's pre-activation (the logits) after the forward pass, so it
        // gets a buffer of its own; every other layer computes a_k into h_k and applies g there.
        bool keepsLogits = layer.Index == plan.Layers.Count && KeepsLogits(plan);
        bool activationInline = layer.Strategy == LayerStrategy.Unrolled && !keepsLogits && layer.Activation != ActivationKind.Softmax;
        string target = keepsLogits ? $"a{k}" : $"h{k}";
        writer.WriteLine($"// Layer {k}: {Int(layer.Inputs)} → {Int(layer.Outputs)}, {layer.Activation}, {(layer.Strategy == LayerStrategy.Unrolled ? "unrolled" : "SIMD")}.");
        writer.OpenBlock(layer.Index == 1 ? $"private void {GeneratedNames.ForwardLayer(1)}({ReadOnlySpan} x)" : $"private void {GeneratedNames.ForwardLayer(layer.Index)}()");
        WriteInputSpan(writer, plan, layer);
        writer.WriteLine($"{ReadOnlySpan} W{k} = {Slice(ReadOnlySpan, GeneratedNames.ParametersField, layer.WeightOffset, layer.WeightCount)};");
        writer.WriteLine($"{ReadOnlySpan} b{k} = {Slice(ReadOnlySpan, GeneratedNames.ParametersField, layer.BiasOffset, layer.Outputs)};");
        writer.WriteLine($"{Span} h{k} = {Slice(Span, GeneratedNames.ActivationsField, layer.ActivationOffset, layer.Outputs)};");
        if (keepsLogits)
        {
            writer.WriteLine($"{Span} a{k} = {Slice(Span, GeneratedNames.LogitsField, 0, layer.Outputs)};");
        }

        string affine = $"a{k} = W{k} · {input} + b{k}" + (keepsLogits ? string.Empty : $", written into h{k}");
        if (layer.Strategy == LayerStrategy.Unrolled)
        {
            WriteRegisterLoads(writer, input, layer.Inputs);
            writer.WriteLine(activationInline && layer.Activation != ActivationKind.Identity
                ? $"// h{k} = {Describe(layer.Activation)}(a{k}) with a{k} = W{k} · {input} + b{k}"
                : $"// {affine}");
            for (int j = 0; j < layer.Outputs; j++)
            {
                string sum = string.Join(" + ", Enumerable.Range(0, layer.Inputs).Select(i => $"W{k}[{Int((j * layer.Inputs) + i)}] * {Register(input, i)}").Append($"b{k}[{Int(j)}]"));
                WriteWrapped(writer, $"{target}[{Int(j)}] = ", activationInline ? Activate(layer, sum) : sum, ";");
            }
        }
        else
        {
            writer.WriteLine($"// {affine}");
            writer.WriteLine($"{Kernels}DenseKernels.MultiplyAdd(W{k}, {input}, b{k}, {target});");
        }

        if (keepsLogits)
        {
            writer.WriteLine($"// h{k} = {Describe(layer.Activation)}(a{k})");
            writer.WriteLine($"a{k}.CopyTo(h{k});");
        }
        else if (!activationInline && layer.Activation != ActivationKind.Identity)
        {
            writer.WriteLine($"// h{k} = {Describe(layer.Activation)}(a{k}), in place");
        }

        if (!activationInline && layer.Activation != ActivationKind.Identity)
        {
            writer.WriteLine(ApplyInPlace(layer, $"h{k}") + ";");
        }

        writer.CloseBlock();
    }

    public static void WriteBackward(SourceWriter writer, NetworkPlan plan, LayerPlan layer)
    {
        string k = Int(layer.Index);
        string previous = Int(layer.Index - 1);
        string input = InputName(layer);
        bool propagates = layer.Index > 1;
        writer.WriteLine($"// Layer {k}, backward: ∇W{k} += ∇a{k} {input}ᵀ, ∇b{k} += ∇a{k}" + (propagates ? $", then ∇a{previous} = (W{k}ᵀ ∇a{k}) ⊙ g'(a{previous})." : "."));
        writer.OpenBlock(layer.Index == 1 ? $"private void {GeneratedNames.BackwardLayer(1)}({ReadOnlySpan} x)" : $"private void {GeneratedNames.BackwardLayer(layer.Index)}()");
        WriteInputSpan(writer, plan, layer);
        writer.WriteLine($"{ReadOnlySpan} dA{k} = {Slice(ReadOnlySpan, GeneratedNames.DeltasField, layer.ActivationOffset, layer.Outputs)};");
        writer.WriteLine($"{Span} dW{k} = {Slice(Span, GeneratedNames.GradientsField, layer.WeightOffset, layer.WeightCount)};");
        writer.WriteLine($"{Span} db{k} = {Slice(Span, GeneratedNames.GradientsField, layer.BiasOffset, layer.Outputs)};");
        LayerPlan? below = propagates ? plan.Layers[layer.Index - 2] : null;
        if (below is not null)
        {
            writer.WriteLine($"{ReadOnlySpan} W{k} = {Slice(ReadOnlySpan, GeneratedNames.ParametersField, layer.WeightOffset, layer.WeightCount)};");
            writer.WriteLine($"{Span} dA{previous} = {Slice(Span, GeneratedNames.DeltasField, below.ActivationOffset, below.Outputs)};");
        }

        if (layer.Strategy == LayerStrategy.Unrolled)
        {
            WriteUnrolledBackward(writer, layer, below, input);
        }
        else
        {
            writer.WriteLine($"// ∇W{k} += ∇a{k} {input}ᵀ");
            writer.WriteLine($"{Kernels}DenseKernels.AddOuterProduct(dA{k}, {input}, dW{k});");
            writer.WriteLine($"// ∇b{k} += ∇a{k}");
            writer.WriteLine($"{Kernels}DenseKernels.Add(dA{k}, db{k});");
            if (below is not null)
            {
                writer.WriteLine($"// ∇h{previous} = W{k}ᵀ ∇a{k}, written into dA{previous}");
                writer.WriteLine($"{Kernels}DenseKernels.MultiplyTransposed(W{k}, dA{k}, dA{previous});");
                if (below.Activation != ActivationKind.Identity)
                {
                    writer.WriteLine($"// ∇a{previous} = ∇h{previous} ⊙ {Describe(below.Activation)}'(a{previous}), from the outputs h{previous}");
                    writer.WriteLine(MultiplyByDerivative(below, $"dA{previous}", input) + ";");
                }
            }
        }

        writer.CloseBlock();
    }

    /// <summary>The call that multiplies a gradient span by the activation's derivative, read from the layer's outputs.</summary>
    public static string MultiplyByDerivative(LayerPlan layer, string gradient, string outputs) => layer.Activation switch
    {
        ActivationKind.LeakyReLU => $"{Kernels}Activations.MultiplyByLeakyReLUDerivative({gradient}, {outputs}, {Float(layer.Slope)})",
        _ => $"{Kernels}Activations.MultiplyBy{layer.Activation}Derivative({gradient}, {outputs})",
    };

    private static void WriteUnrolledBackward(SourceWriter writer, LayerPlan layer, LayerPlan? below, string input)
    {
        string k = Int(layer.Index);
        string delta = $"dA{k}";
        WriteRegisterLoads(writer, delta, layer.Outputs);
        WriteRegisterLoads(writer, input, layer.Inputs);
        writer.WriteLine($"// ∇W{k} += ∇a{k} {input}ᵀ, that is ∇W{k}[j, i] += ∇a{k}[j] · {input}[i]");
        for (int j = 0; j < layer.Outputs; j++)
        {
            for (int i = 0; i < layer.Inputs; i++)
            {
                writer.WriteLine($"dW{k}[{Int((j * layer.Inputs) + i)}] += {Register(delta, j)} * {Register(input, i)};");
            }
        }

        writer.WriteLine($"// ∇b{k} += ∇a{k}");
        for (int j = 0; j < layer.Outputs; j++)
        {
            writer.WriteLine($"db{k}[{Int(j)}] += {Register(delta, j)};");
        }

        if (below is null)
        {
            return;
        }

        string previous = Int(below.Index);
        writer.WriteLine(below.Activation == ActivationKind.Identity
            ? $"// ∇a{previous} = ∇h{previous} = W{k}ᵀ ∇a{k}"
            : $"// ∇a{previous} = (W{k}ᵀ ∇a{k}) ⊙ {Describe(below.Activation)}'(a{previous}), with the derivative from the outputs h{previous}");
        for (int i = 0; i < layer.Inputs; i++)
        {
            string sum = string.Join(" + ", Enumerable.Range(0, layer.Outputs).Select(j => $"W{k}[{Int((j * layer.Inputs) + i)}] * {Register(delta, j)}"));
            string value = below.Activation == ActivationKind.Identity ? sum : $"({sum}) * {Derivative(below, Register(input, i))}";
            WriteWrapped(writer, $"dA{previous}[{Int(i)}] = ", value, ";");
        }
    }

    private static void WriteInputSpan(SourceWriter writer, NetworkPlan plan, LayerPlan layer)
    {
        if (layer.Index == 1)
        {
            // Forward and Backward checked the length already; the slice shows the JIT it is the constant
            // InputSize, so the kernels' loops get constant bounds here too.
            writer.WriteLine($"x = x.Slice(0, {GeneratedNames.InputSize}); // length checked by the caller; a constant for the JIT");
        }
        else
        {
            LayerPlan below = plan.Layers[layer.Index - 2];
            writer.WriteLine($"{ReadOnlySpan} h{Int(below.Index)} = {Slice(ReadOnlySpan, GeneratedNames.ActivationsField, below.ActivationOffset, below.Outputs)};");
        }
    }

    private static string InputName(LayerPlan layer) => layer.Index == 1 ? "x" : "h" + Int(layer.Index - 1);

    private static string Register(string vector, int index) => vector + "_" + Int(index);

    /// <summary>
    /// Loads a vector into locals once, so every unrolled term reads a register. The highest index is read
    /// first: that one bounds check proves the rest in range.
    /// </summary>
    private static void WriteRegisterLoads(SourceWriter writer, string vector, int count)
    {
        var loads = new List<string>();
        for (int i = count - 1; i >= 0; i--)
        {
            loads.Add($"{Register(vector, i)} = {vector}[{Int(i)}]");
        }

        for (int start = 0; start < loads.Count; start += TermsPerLine)
        {
            writer.WriteLine("float " + string.Join(", ", loads.Skip(start).Take(TermsPerLine)) + ";");
        }
    }

    /// <summary>Writes <c>prefix + value + suffix</c>, breaking long sums after every few terms.</summary>
    private static void WriteWrapped(SourceWriter writer, string prefix, string value, string suffix)
    {
        string[] terms = value.Split(TermSeparator, System.StringSplitOptions.None);
        if (terms.Length <= TermsPerLine)
        {
            writer.WriteLine(prefix + value + suffix);
            return;
        }

        string indent = new(' ', prefix.Length);
        for (int start = 0; start < terms.Length; start += TermsPerLine)
        {
            string chunk = string.Join(" + ", terms.Skip(start).Take(TermsPerLine));
            bool last = start + TermsPerLine >= terms.Length;
            writer.WriteLine((start == 0 ? prefix : indent) + chunk + (last ? suffix : " +"));
        }
    }

    private static string Describe(ActivationKind activation) => activation switch
    {
        ActivationKind.Sigmoid => "σ",
        ActivationKind.Tanh => "tanh",
        ActivationKind.ReLU => "relu",
        ActivationKind.LeakyReLU => "leaky_relu",
        ActivationKind.Softmax => "softmax",
        _ => "identity",
    };

    private static string Activate(LayerPlan layer, string sum) => layer.Activation switch
    {
        ActivationKind.Identity => sum,
        ActivationKind.LeakyReLU => $"{Kernels}Activations.LeakyReLU({sum}, {Float(layer.Slope)})",
        _ => $"{Kernels}Activations.{layer.Activation}({sum})",
    };

    /// <summary>The call that applies the layer's activation in place over a span of pre-activations.</summary>
    public static string ApplyInPlace(LayerPlan layer, string span) => layer.Activation switch
    {
        ActivationKind.LeakyReLU => $"{Kernels}Activations.LeakyReLU({span}, {Float(layer.Slope)})",
        _ => $"{Kernels}Activations.{layer.Activation}({span})",
    };

    private static string Derivative(LayerPlan layer, string output) => layer.Activation switch
    {
        ActivationKind.LeakyReLU => $"{Kernels}Activations.LeakyReLUDerivative({output}, {Float(layer.Slope)})",
        _ => $"{Kernels}Activations.{layer.Activation}Derivative({output})",
    };
}
