using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Helpers;
using NetGen.Generator.Model;
using static NetGen.Generator.Code;
using static NetGen.Generator.TypeNames;

namespace NetGen.Generator;

/// <summary>
/// Writes the one-sample arithmetic of dense layers: for networks with SIMD layers, each layer's forward and
/// backward methods (unrolled or as SIMD kernel calls, as the plan says); and the straight-line passes, in which
/// unrolled layers keep their values in locals (<c>h1_0</c>, <c>dA2_1</c>) and read the parameters through one
/// span of constant length, so no index is range-checked at run time. Names follow the math: <c>W2</c>, <c>b2</c>,
/// <c>h1</c>, <c>dA2</c> (∇a2), <c>dW2</c> (∇W2).
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
        bool keepsLogits = layer.Index == plan.Layers.Count && plan.KeepsLogits;
        bool activationInline = layer.Strategy == LayerStrategy.Unrolled && !keepsLogits && layer.Activation != ActivationKind.Softmax;
        string target = keepsLogits ? $"a{k}" : $"h{k}";
        writer.WriteLine($"// Layer {k}: {Int(layer.Inputs)} → {Int(layer.Outputs)}, {layer.Activation}, {(layer.Strategy == LayerStrategy.Unrolled ? "unrolled" : "SIMD")}.");
        writer.OpenBlock(layer.Index == 1 ? $"private void {GeneratedNames.ForwardLayer(1)}({ReadOnlySpan} x)" : $"private void {GeneratedNames.ForwardLayer(layer.Index)}()");
        WriteInputSpan(writer, plan, layer);
        if (!layer.ByRows)
        {
            writer.WriteLine($"{ReadOnlySpan} W{k} = {BufferSlice(GeneratedNames.ParametersField, layer.WeightOffset, layer.WeightCount)};");
            writer.WriteLine($"{ReadOnlySpan} b{k} = {BufferSlice(GeneratedNames.ParametersField, layer.BiasOffset, layer.Outputs)};");
        }

        writer.WriteLine($"{Span} h{k} = {Slice(Span, GeneratedNames.ActivationsField, layer.ActivationOffset, layer.Outputs)};");
        if (keepsLogits)
        {
            writer.WriteLine($"{Span} a{k} = {Slice(Span, GeneratedNames.LogitsField, 0, layer.Outputs)};");
        }

        if (layer.ByRows)
        {
            // The straight-line pass's code, so that Forward and these methods agree bit for bit; then stored.
            writer.WriteLine($"{ReadOnlySpan} p = {GeneratedNames.ParametersField}.Slice(0, {GeneratedNames.ParameterCount});");
            if (layer.Inputs != layer.RowLanes)
            {
                WriteRegisterLoads(writer, input, layer.Inputs);
            }

            WriteRowsForwardInLocals(writer, plan, layer, input, keepsLogits, inputSpan: input, literals: false);
            WriteStore(writer, layer, $"h{k}", $"h{k}");
            if (keepsLogits)
            {
                WriteStore(writer, layer, $"a{k}", $"a{k}");
            }

            writer.CloseBlock();
            return;
        }

        string affine = $"a{k} = W{k} · {input} + b{k}" + (keepsLogits ? string.Empty : $", written into h{k}");
        if (layer.Strategy == LayerStrategy.Unrolled)
        {
            WriteRegisterLoads(writer, input, layer.Inputs);
            writer.WriteLine(activationInline && layer.Activation != ActivationKind.Identity
                ? $"// h{k} = {MathName(layer.Activation)}(a{k}) with a{k} = W{k} · {input} + b{k}"
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
            writer.WriteLine($"{DenseKernels}.MultiplyAdd(W{k}, {input}, b{k}, {target});");
        }

        if (keepsLogits)
        {
            writer.WriteLine($"// h{k} = {MathName(layer.Activation)}(a{k})");
            writer.WriteLine($"a{k}.CopyTo(h{k});");
        }
        else if (!activationInline && layer.Activation != ActivationKind.Identity)
        {
            writer.WriteLine($"// h{k} = {MathName(layer.Activation)}(a{k}), in place");
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
        writer.WriteLine($"// Layer {k}, backward: ∇W{k} += ∇a{k} {input}ᵀ, ∇b{k} += ∇a{k}" + (propagates ? $", then ∇a{previous} = (W{k}ᵀ ∇a{k}) ⊙ {MathName(plan.Below(layer)!.Activation)}'(a{previous})." : "."));
        writer.OpenBlock(layer.Index == 1 ? $"private void {GeneratedNames.BackwardLayer(1)}({ReadOnlySpan} x)" : $"private void {GeneratedNames.BackwardLayer(layer.Index)}()");
        WriteInputSpan(writer, plan, layer);
        writer.WriteLine($"{ReadOnlySpan} dA{k} = {Slice(ReadOnlySpan, GeneratedNames.DeltasField, layer.ActivationOffset, layer.Outputs)};");
        writer.WriteLine($"{Span} dW{k} = {BufferSlice(GeneratedNames.GradientsField, layer.WeightOffset, layer.WeightCount)};");
        writer.WriteLine($"{Span} db{k} = {BufferSlice(GeneratedNames.GradientsField, layer.BiasOffset, layer.Outputs)};");
        LayerPlan? below = plan.Below(layer);
        if (below is not null)
        {
            writer.WriteLine($"{ReadOnlySpan} W{k} = {BufferSlice(GeneratedNames.ParametersField, layer.WeightOffset, layer.WeightCount)};");
            writer.WriteLine($"{Span} dA{previous} = {Slice(Span, GeneratedNames.DeltasField, below.ActivationOffset, below.Outputs)};");
        }

        if (layer.Strategy == LayerStrategy.Unrolled)
        {
            WriteUnrolledBackward(writer, layer, below, input);
        }
        else
        {
            if (below is null)
            {
                writer.WriteLine($"// ∇W{k} += ∇a{k} {input}ᵀ");
                writer.WriteLine($"{DenseKernels}.AddOuterProduct(dA{k}, {input}, dW{k});");
            }
            else
            {
                // Softmax is never a hidden layer's activation, so the layer below has an element-wise derivative or none.
                bool derivative = below.Activation != ActivationKind.Identity;
                writer.WriteLine($"// ∇W{k} += ∇a{k} {input}ᵀ and ∇a{previous} = " + (derivative ? $"(W{k}ᵀ ∇a{k}) ⊙ {MathName(below.Activation)}'(a{previous}), from the outputs {input}," : $"W{k}ᵀ ∇a{k},") + $" in one pass over W{k} and ∇W{k}");
                writer.WriteLine($"{DenseKernels}.Backpropagate{(derivative ? below.Activation.ToString() : string.Empty)}(W{k}, dA{k}, {input}, dW{k}, dA{previous}{SlopeArgument(below)});");
            }

            writer.WriteLine($"// ∇b{k} += ∇a{k}");
            writer.WriteLine($"{DenseKernels}.Add(dA{k}, db{k});");
        }

        writer.CloseBlock();
    }

    /// <summary>
    /// The forward pass of one sample, layer by layer: unrolled layers in locals (<c>h1_0</c> …), SIMD layers by their
    /// layer methods, which read and write the activations buffer; where the two meet, the values are stored or
    /// loaded. With <paramref name="keepLogits"/> the output layer's pre-activations stay in locals <c>a_L_j</c> too.
    /// Returns whether the outputs end in locals (<c>h_L_j</c>) rather than in the activations buffer.
    /// </summary>
    public static bool WriteForwardPass(SourceWriter writer, NetworkPlan plan, bool keepLogits, bool literals = false)
    {
        if (!literals && plan.Layers.Any(l => l.Strategy == LayerStrategy.Unrolled))
        {
            writer.WriteLine($"{ReadOnlySpan} p = {GeneratedNames.ParametersField}.Slice(0, {GeneratedNames.ParameterCount}); // one range check; constant indices after it need none");
        }

        bool inLocals = false;
        foreach (LayerPlan layer in plan.Layers)
        {
            LayerPlan? below = plan.Below(layer);
            string input = InputName(layer);
            if (layer.Strategy == LayerStrategy.Unrolled)
            {
                // A layer by rows of whole registers loads its input span as one register (its lanes follow from it).
                bool wholeRegister = layer.ByRows && layer.Inputs == layer.RowLanes;
                string span = below is null ? "input" : input;
                if (!inLocals && below is not null)
                {
                    writer.WriteLine($"{ReadOnlySpan} {input} = {Slice(ReadOnlySpan, GeneratedNames.ActivationsField, below.ActivationOffset, below.Outputs)};");
                }

                if (!inLocals && !wholeRegister)
                {
                    WriteRegisterLoads(writer, input, layer.Inputs, span);
                }

                if (layer.ByRows)
                {
                    WriteRowsForwardInLocals(writer, plan, layer, input, keepLogits && layer == plan.Output, inLocals ? null : span, literals);
                }
                else
                {
                    WriteUnrolledForwardInLocals(writer, plan, layer, input, keepLogits && layer == plan.Output, literals);
                }

                inLocals = true;
                continue;
            }

            if (inLocals)
            {
                writer.WriteLine($"// {input}, where the SIMD layer {Int(layer.Index)} reads it");
                writer.WriteLine($"{Span} {input} = {Slice(Span, GeneratedNames.ActivationsField, below!.ActivationOffset, below.Outputs)};");
                WriteStore(writer, below, input, input);
            }

            writer.WriteLine(below is null ? $"{GeneratedNames.ForwardLayer(1)}(input);" : $"{GeneratedNames.ForwardLayer(layer.Index)}();");
            inLocals = false;
        }

        return inLocals;
    }

    /// <summary>Writes the locals <c>vector_j</c> of a layer's outputs into <paramref name="span"/>, highest index first (one range check proves the rest).</summary>
    public static void WriteStore(SourceWriter writer, LayerPlan layer, string vector, string span)
    {
        for (int j = layer.Outputs - 1; j >= 0; j--)
        {
            writer.WriteLine($"{span}[{Int(j)}] = {Register(vector, j)};");
        }
    }

    /// <summary>
    /// The loss of the sample on locals, <c>float loss</c>, and with <paramref name="gradient"/> the output layer's error
    /// terms <c>dA_L_j</c>: for cross-entropy of a softmax from the exponentials the softmax kept,
    /// <c>L = Σ_c y_c (lse − a_c)</c> with <c>lse = max a + log Σ e^(a − max a)</c> and <c>∇a = ŷ Σy − y</c> (as
    /// <c>LossFunctions.SoftmaxCrossEntropy</c>); for mean squared error <c>L = ½ Σ (ŷ − y)²</c> and
    /// <c>∇a = (ŷ − y) ⊙ g'(a)</c> (as <c>LossFunctions.MeanSquaredError</c>).
    /// </summary>
    public static void WriteLossInLocals(SourceWriter writer, NetworkPlan plan, bool gradient)
    {
        LayerPlan output = plan.Output;
        string k = Int(output.Index);
        string h = "h" + k, a = "a" + k, y = "y", delta = "dA" + k;
        WriteRegisterLoads(writer, y, output.Outputs, "target");
        IEnumerable<int> all = Enumerable.Range(0, output.Outputs);
        if (plan.Loss == LossKind.CrossEntropy)
        {
            if (gradient)
            {
                writer.WriteLine($"// ∇a{k} = ŷ Σy − y (ŷ − y for a target that sums to 1)");
                WriteWrapped(writer, "float targetSum = ", string.Join(" + ", all.Select(c => Register(y, c))), ";");
                writer.WriteLine("float " + string.Join(", ", all.Select(c => $"{Register(delta, c)} = ({Register(h, c)} * targetSum) - {Register(y, c)}")) + ";");
            }
            else
            {
                WriteCrossEntropyValue(writer, plan);
            }

            return;
        }

        writer.WriteLine($"// L = ½ Σ_j (ŷ_j − y_j)²" + (gradient ? (plan.OutputGradient == OutputGradientKind.Derivative
            ? $", ∇a{k} = (ŷ − y) ⊙ {MathName(output.Activation)}'(a{k}), from the outputs h{k}"
            : $", ∇a{k} = ŷ − y") : string.Empty));
        writer.WriteLine("float " + string.Join(", ", all.Select(j => $"difference_{Int(j)} = {Register(h, j)} - {Register(y, j)}")) + ";");
        WriteWrapped(writer, "float loss = 0.5f * (", string.Join(" + ", all.Select(j => $"difference_{Int(j)} * difference_{Int(j)}")), ");");
        if (gradient)
        {
            writer.WriteLine("float " + string.Join(", ", all.Select(j => $"{Register(delta, j)} = difference_{Int(j)}" + (plan.OutputGradient == OutputGradientKind.Derivative ? $" * {Derivative(output, Register(h, j))}" : string.Empty))) + ";");
        }
    }

    /// <summary>
    /// <c>float loss</c> for cross-entropy of a softmax on locals. <c>Backward</c> writes it last: the logarithm is a call,
    /// and at the end few values are live across it.
    /// </summary>
    public static void WriteCrossEntropyValue(SourceWriter writer, NetworkPlan plan)
    {
        LayerPlan output = plan.Output;
        string k = Int(output.Index);
        writer.WriteLine($"// L = −Σ_c y_c log ŷ_c = Σ_c y_c (lse − a{k}_c), lse = max a{k} + log Σ e^(a{k} − max a{k}), by the softmax's own sum");
        writer.WriteLine($"float lse{k} = max{k} + {MathF}.Log(sum{k});");
        WriteWrapped(writer, "float loss = ", string.Join(" + ", Enumerable.Range(0, output.Outputs).Select(c => $"{Register("y", c)} * (lse{k} - {Register("a" + k, c)})")), ";");
    }

    /// <summary>
    /// The output layer's error terms <c>dA_L_j</c> in locals, from the loss's gradient in <c>dA_L</c>: as they are, or
    /// times <c>g'(a_L)</c> when the plan says so (a softmax's Jacobian has already been applied to the span).
    /// </summary>
    public static void WriteOutputDeltaInLocals(SourceWriter writer, NetworkPlan plan)
    {
        LayerPlan output = plan.Output;
        string k = Int(output.Index);
        if (plan.OutputGradient == OutputGradientKind.Derivative)
        {
            writer.WriteLine($"// ∇a{k} = ∂L/∂ŷ ⊙ {MathName(output.Activation)}'(a{k}), from the outputs h{k}");
            for (int j = output.Outputs - 1; j >= 0; j--)
            {
                writer.WriteLine($"float {Register("dA" + k, j)} = dA{k}[{Int(j)}] * {Derivative(output, Register("h" + k, j))};");
            }
        }
        else
        {
            WriteRegisterLoads(writer, "dA" + k, output.Outputs);
        }
    }

    /// <summary>
    /// One unrolled layer's backward step on locals: <c>∇W_k += ∇a_k h_(k-1)ᵀ</c> and <c>∇b_k += ∇a_k</c> into the
    /// gradient span <c>g</c>, then (below the first layer) <c>∇a_(k-1) = (W_kᵀ ∇a_k) ⊙ g'(a_(k-1))</c> into locals.
    /// </summary>
    public static void WriteBackwardInLocals(SourceWriter writer, NetworkPlan plan, LayerPlan layer)
    {
        string k = Int(layer.Index);
        string input = InputName(layer);
        string delta = "dA" + k;
        LayerPlan? below = plan.Below(layer);
        writer.WriteLine($"// Layer {k}, backward: ∇W{k} += ∇a{k} {input}ᵀ, ∇b{k} += ∇a{k}" + (below is null ? "." : $", then ∇a{Int(below.Index)} = (W{k}ᵀ ∇a{k}) ⊙ {MathName(below.Activation)}'(a{Int(below.Index)})."));
        writer.WriteLine($"{Span} dW{k} = g.Slice({Int(layer.WeightOffset)}, {Int(layer.WeightCount)}), db{k} = g.Slice({Int(layer.BiasOffset)}, {Int(layer.Outputs)});");
        if (layer.ByRows && layer.Inputs == layer.RowLanes)
        {
            // Each row of ∇W is one register: ∇W[j, :] += ∇a_j · input.
            for (int j = 0; j < layer.Outputs; j++)
            {
                writer.WriteLine($"{UnrolledKernels}.AddTo(dW{k}.Slice({Int(j * layer.Inputs)}, {Int(layer.Inputs)}), {Register(delta, j)} * {InputVector(layer)});");
            }
        }
        else
        {
            for (int j = 0; j < layer.Outputs; j++)
            {
                for (int i = 0; i < layer.Inputs; i++)
                {
                    writer.WriteLine($"dW{k}[{Int((j * layer.Inputs) + i)}] += {Register(delta, j)} * {Register(input, i)};");
                }
            }
        }

        if (layer.ByRows && layer.Outputs == layer.ActivationLanes)
        {
            // The layer above left ∇a_k in a register of this width; the output layer's are locals.
            bool inRegister = layer != plan.Output && plan.Layers[layer.Index].ByRows;
            string vector = inRegister ? "v" + delta : $"{VectorOf(layer.ActivationLanes)}.Create({string.Join(", ", Enumerable.Range(0, layer.Outputs).Select(j => Register(delta, j)))})";
            writer.WriteLine($"{UnrolledKernels}.AddTo(db{k}, {vector});");
        }
        else
        {
            for (int j = 0; j < layer.Outputs; j++)
            {
                writer.WriteLine($"db{k}[{Int(j)}] += {Register(delta, j)};");
            }
        }

        if (below is null)
        {
            return;
        }

        if (layer.ByRows)
        {
            // ∇h_(k-1) = W_kᵀ ∇a_k = Σ_j ∇a_j W_k[j, :], a row at a time in registers as wide as h_(k-1)'s.
            string vectorPrevious = "vdA" + Int(below.Index);
            string rows = string.Join(" + ", Enumerable.Range(0, layer.Outputs).Select(j => $"{Register(delta, j)} * {Row(plan, layer, j, literals: false)}"));
            string value = below.Activation == ActivationKind.Identity ? rows : $"({rows}) * {Derivative(below, InputVector(layer))}";
            WriteWrapped(writer, $"{VectorOfFloat(layer.RowLanes)} {vectorPrevious} = ", value, ";");
            WriteLanes(writer, vectorPrevious, "dA" + Int(below.Index), layer.Inputs);
            return;
        }

        string previous = "dA" + Int(below.Index);
        for (int i = 0; i < layer.Inputs; i++)
        {
            string sum = string.Join(" + ", Enumerable.Range(0, layer.Outputs).Select(j => $"W{k}[{Int((j * layer.Inputs) + i)}] * {Register(delta, j)}"));
            string value = below.Activation == ActivationKind.Identity ? sum : $"({sum}) * {Derivative(below, Register(input, i))}";
            WriteWrapped(writer, $"float {Register(previous, i)} = ", value, ";");
        }
    }

    /// <summary>
    /// One unrolled layer of the straight-line forward pass computed by rows in vector registers: <c>a_j = W[j, :] · x + b_j</c>
    /// with each zero-padded row in a register, one multiply by <c>x</c> per row, and the rows' lanes summed together into one
    /// register of <c>a</c> (<c>UnrolledKernels.SumEach</c>), in which the activation follows. The result is the register
    /// <c>vh_k</c> (lanes past the last neuron finite, and met only by zero weights) and its lanes as the locals <c>h_k_j</c>;
    /// with a softmax or kept logits, <c>va_k</c> and <c>a_k_j</c> too.
    /// </summary>
    private static void WriteRowsForwardInLocals(SourceWriter writer, NetworkPlan plan, LayerPlan layer, string input, bool keepLogits, string? inputSpan, bool literals)
    {
        string k = Int(layer.Index);
        bool softmax = layer.Activation == ActivationKind.Softmax;
        bool preactivations = softmax || keepLogits;
        int lanes = layer.ActivationLanes;
        string vector = VectorOf(lanes);
        string x = InputVector(layer);
        writer.WriteLine($"// Layer {k}: {Int(layer.Inputs)} → {Int(layer.Outputs)}, unrolled by rows: " + (layer.Activation == ActivationKind.Identity
            ? $"h{k} = a{k}"
            : $"h{k} = {MathName(layer.Activation)}(a{k})") + $", a{k}_j = W{k}[j, :] · {input} + b{k}_j, each row in a register and the rows' sums in one");
        WriteParameterSpans(writer, layer, literals);
        LayerPlan? below = plan.Below(layer);
        bool inRegister = inputSpan is null && below is not null && (below.ByRows || (below.ActivationLanes > 0 && below.Activation != ActivationKind.Softmax));
        bool wholeRegister = inputSpan is not null && layer.Inputs == layer.RowLanes;
        if (!inRegister)
        {
            string source = wholeRegister
                ? $"{VectorOf(layer.RowLanes)}.Create({inputSpan})"
                : $"{VectorOf(layer.RowLanes)}.Create({string.Join(", ", Enumerable.Range(0, layer.RowLanes).Select(i => i < layer.Inputs ? Register(input, i) : "0f"))})";
            writer.WriteLine($"{VectorOfFloat(layer.RowLanes)} {x} = {source};");
            if (wholeRegister)
            {
                WriteLanes(writer, x, input, layer.Inputs);
            }
        }

        string sum;
        if (layer.RowLanes == 4 && lanes == 8)
        {
            writer.WriteLine($"// rows j and j + 4 side by side in a register, times {input} twice: the sums of its halves are a{k}_j and a{k}_(j+4)");
            writer.WriteLine($"{VectorOfFloat(8)} {x}Twice = {Vector256}.Create({x}, {x});");
            for (int j = 0; j < 4; j++)
            {
                string upper = j + 4 < layer.Outputs ? Row(plan, layer, j + 4, literals) : Vector128 + "<float>.Zero";
                writer.WriteLine($"{VectorOfFloat(8)} W{k}_{Int(j)}_{Int(j + 4)} = {Vector256}.Create({Row(plan, layer, j, literals)}, {upper});");
            }

            sum = $"{UnrolledKernels}.SumEachHalf(" + string.Join(", ", Enumerable.Range(0, 4).Select(j => $"W{k}_{Int(j)}_{Int(j + 4)} * {x}Twice")) + ")";
        }
        else
        {
            writer.WriteLine($"// row j of W{k} in a register" + (layer.Inputs < layer.RowLanes ? $", zero past input {Int(layer.Inputs - 1)}" : string.Empty));
            for (int j = 0; j < layer.Outputs; j++)
            {
                writer.WriteLine($"{VectorOfFloat(layer.RowLanes)} W{k}_{Int(j)} = {Row(plan, layer, j, literals)};");
            }

            sum = $"{UnrolledKernels}.SumEach(" + string.Join(", ", Enumerable.Range(0, lanes).Select(j =>
                j < layer.Outputs ? $"W{k}_{Int(j)} * {x}" : VectorOfFloat(layer.RowLanes) + ".Zero")) + ")";
        }

        string bias = layer.Outputs == lanes && !literals
            ? $"{vector}.Create(b{k})"
            : $"{vector}.Create({string.Join(", ", Enumerable.Range(0, lanes).Select(j => j < layer.Outputs ? Bias(plan, layer, j, literals) : "0f"))})";
        string h = "vh" + k, a = "va" + k;
        if (preactivations)
        {
            writer.WriteLine($"{VectorOfFloat(lanes)} {a} = {sum} + {bias};");
            WriteLanes(writer, a, "a" + k, layer.Outputs);
        }

        if (softmax)
        {
            writer.WriteLine($"// h{k} = softmax(a{k}) = e^(a{k} − max a{k}) / Σ e^(a{k} − max a{k}) over the first {Int(layer.Outputs)} lanes: no exponent above 0, so nothing overflows");
            writer.WriteLine($"{VectorOfFloat(lanes)} {h} = {UnrolledKernels}.Softmax({a}, {Int(layer.Outputs)}, out float max{k}, out float sum{k});");
        }
        else
        {
            writer.WriteLine($"{VectorOfFloat(lanes)} {h} = {Activate(layer, preactivations ? a : $"{sum} + {bias}")};");
        }

        WriteLanes(writer, h, "h" + k, layer.Outputs);
    }

    /// <summary>The register that holds a by-rows layer's input: <c>vx</c>, or <c>vh_(k-1)</c>.</summary>
    private static string InputVector(LayerPlan layer) => "v" + InputName(layer);

    /// <summary>Row <paramref name="j"/> of a by-rows layer's weights as a register, zero past the last input.</summary>
    private static string Row(NetworkPlan plan, LayerPlan layer, int j, bool literals)
    {
        string k = Int(layer.Index);
        string vector = VectorOf(layer.RowLanes);
        int first = j * layer.Inputs;
        return layer.Inputs == layer.RowLanes && !literals
            ? $"{vector}.Create(W{k}.Slice({Int(first)}, {Int(layer.Inputs)}))"
            : $"{vector}.Create({string.Join(", ", Enumerable.Range(0, layer.RowLanes).Select(i => i < layer.Inputs ? Weight(plan, layer, first + i, literals) : "0f"))})";
    }

    /// <summary><c>W_k[index]</c> (row-major), or with <paramref name="literals"/> its compiled-in value.</summary>
    private static string Weight(NetworkPlan plan, LayerPlan layer, int index, bool literals) =>
        literals ? ExactFloat(plan.CompiledParameter(layer.WeightOffset + index)) : $"W{Int(layer.Index)}[{Int(index)}]";

    /// <summary><c>b_k[j]</c>, or with <paramref name="literals"/> its compiled-in value.</summary>
    private static string Bias(NetworkPlan plan, LayerPlan layer, int j, bool literals) =>
        literals ? ExactFloat(plan.CompiledParameter(layer.BiasOffset + j)) : $"b{Int(layer.Index)}[{Int(j)}]";

    /// <summary>The spans <c>W_k</c> and <c>b_k</c> over <c>p</c>, or with <paramref name="literals"/> a note that the values are in the code.</summary>
    private static void WriteParameterSpans(SourceWriter writer, LayerPlan layer, bool literals)
    {
        string k = Int(layer.Index);
        writer.WriteLine(literals
            ? $"// W{k} and b{k} are the compiled-in weights, written as literals: this network's parameters never change"
            : $"{ReadOnlySpan} W{k} = p.Slice({Int(layer.WeightOffset)}, {Int(layer.WeightCount)}), b{k} = p.Slice({Int(layer.BiasOffset)}, {Int(layer.Outputs)});");
    }

    /// <summary>The first <paramref name="count"/> lanes of a register as the locals <c>name_j</c>.</summary>
    private static void WriteLanes(SourceWriter writer, string register, string name, int count)
    {
        for (int start = 0; start < count; start += TermsPerLine)
        {
            writer.WriteLine("float " + string.Join(", ", Enumerable.Range(start, System.Math.Min(TermsPerLine, count - start)).Select(j => $"{Register(name, j)} = {register}[{Int(j)}]")) + ";");
        }
    }

    /// <summary>One unrolled layer of the straight-line forward pass, from the locals of <paramref name="input"/> into the locals <c>h_k_j</c> (and <c>a_k_j</c> where needed).</summary>
    private static void WriteUnrolledForwardInLocals(SourceWriter writer, NetworkPlan plan, LayerPlan layer, string input, bool keepLogits, bool literals)
    {
        string k = Int(layer.Index);
        bool softmax = layer.Activation == ActivationKind.Softmax;
        bool preactivations = softmax || keepLogits || layer.ActivationLanes > 0;
        writer.WriteLine($"// Layer {k}: {Int(layer.Inputs)} → {Int(layer.Outputs)}, unrolled: " + (layer.Activation == ActivationKind.Identity
            ? $"h{k} = a{k} = W{k} {input} + b{k}"
            : $"h{k} = {MathName(layer.Activation)}(a{k}), a{k} = W{k} {input} + b{k}"));
        WriteParameterSpans(writer, layer, literals);
        for (int j = 0; j < layer.Outputs; j++)
        {
            string sum = string.Join(" + ", Enumerable.Range(0, layer.Inputs).Select(i => $"{Weight(plan, layer, (j * layer.Inputs) + i, literals)} * {Register(input, i)}").Append(Bias(plan, layer, j, literals)));
            WriteWrapped(writer, $"float {Register((preactivations ? "a" : "h") + k, j)} = ", preactivations ? sum : Activate(layer, sum), ";");
        }

        if (softmax)
        {
            WriteSoftmaxInLocals(writer, layer);
        }
        else if (layer.ActivationLanes > 0)
        {
            writer.WriteLine($"// h{k} = {MathName(layer.Activation)}(a{k}), {Int(layer.ActivationLanes)} neurons to a register");
            WriteInRegisters(writer, layer, $"{Activations}.{layer.Activation}", "a" + k, null, "h" + k);
        }
        else if (preactivations)
        {
            for (int j = 0; j < layer.Outputs; j++)
            {
                writer.WriteLine($"float {Register("h" + k, j)} = {Activate(layer, Register("a" + k, j))};");
            }
        }
    }

    /// <summary>
    /// <c>result_j = function(source_j − shift)</c> for every neuron, <see cref="LayerPlan.ActivationLanes"/> of them in each
    /// vector register; lanes past the last neuron hold a copy of the first and are not read.
    /// </summary>
    private static void WriteInRegisters(SourceWriter writer, LayerPlan layer, string function, string source, string? shift, string result)
    {
        int lanes = layer.ActivationLanes;
        string vector = VectorOf(lanes);
        int chunks = (layer.Outputs + lanes - 1) / lanes;
        for (int c = 0; c < chunks; c++)
        {
            int first = c * lanes, count = System.Math.Min(lanes, layer.Outputs - first);
            string name = chunks == 1 ? "v" + result : $"v{result}_{Int(c)}";
            string values = string.Join(", ", Enumerable.Range(0, lanes).Select(l => Register(source, first + (l < count ? l : 0))));
            string argument = shift is null ? $"{vector}.Create({values})" : $"{vector}.Create({values}) - {vector}.Create({shift})";
            writer.WriteLine($"{vector}<float> {name} = {function}({argument});");
            writer.WriteLine("float " + string.Join(", ", Enumerable.Range(0, count).Select(l => $"{Register(result, first + l)} = {name}[{Int(l)}]")) + ";");
        }
    }

    /// <summary><c>h_k = softmax(a_k)</c> on locals, shifted by the largest pre-activation so that every exponent is at most 0.</summary>
    private static void WriteSoftmaxInLocals(SourceWriter writer, LayerPlan layer)
    {
        string k = Int(layer.Index);
        string a = "a" + k, e = "e" + k;
        writer.WriteLine($"// h{k} = softmax(a{k}) = e^(a{k} − max a{k}) / Σ e^(a{k} − max a{k}): no exponent above 0, so nothing overflows");
        writer.WriteLine($"float max{k} = {Register(a, 0)};");
        for (int j = 1; j < layer.Outputs; j++)
        {
            writer.WriteLine($"max{k} = {MathF}.Max(max{k}, {Register(a, j)});");
        }

        if (layer.ActivationLanes > 0)
        {
            WriteInRegisters(writer, layer, $"{Activations}.Exp", a, $"max{k}", e);
        }
        else
        {
            writer.WriteLine($"float {Register(e, 0)} = {Activations}.Exp({Register(a, 0)} - max{k});");
        }

        WriteWrapped(writer, $"float sum{k} = ", string.Join(" + ", Enumerable.Range(0, layer.Outputs).Select(j => Register(e, j))), ";");
        writer.WriteLine($"float inverse{k} = 1f / sum{k};");
        for (int j = 0; j < layer.Outputs; j++)
        {
            writer.WriteLine($"float {Register("h" + k, j)} = {Register(e, j)} * inverse{k};");
        }
    }

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
            : $"// ∇a{previous} = (W{k}ᵀ ∇a{k}) ⊙ {MathName(below.Activation)}'(a{previous}), with the derivative from the outputs h{previous}");
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
            LayerPlan below = plan.Below(layer)!;
            writer.WriteLine($"{ReadOnlySpan} h{Int(below.Index)} = {Slice(ReadOnlySpan, GeneratedNames.ActivationsField, below.ActivationOffset, below.Outputs)};");
        }
    }

    /// <summary>The slope argument a leaky ReLU's kernel takes after its spans; nothing for the other activations.</summary>
    private static string SlopeArgument(LayerPlan layer) => layer.Activation == ActivationKind.LeakyReLU ? ", " + Float(layer.Slope) : string.Empty;

    private static string InputName(LayerPlan layer) => layer.Index == 1 ? "x" : "h" + Int(layer.Index - 1);

    private static string Register(string vector, int index) => vector + "_" + Int(index);

    /// <summary>
    /// Loads a vector into locals once, so every unrolled term reads a register. The highest index is read
    /// first: that one bounds check proves the rest in range.
    /// </summary>
    private static void WriteRegisterLoads(SourceWriter writer, string vector, int count, string? source = null)
    {
        var loads = new List<string>();
        for (int i = count - 1; i >= 0; i--)
        {
            loads.Add($"{Register(vector, i)} = {source ?? vector}[{Int(i)}]");
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
}
