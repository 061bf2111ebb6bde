using System.Linq;
using NetGen.Generator.Helpers;
using NetGen.Generator.Model;
using static NetGen.Generator.Code;
using static NetGen.Generator.TypeNames;

namespace NetGen.Generator;

/// <summary>
/// Writes the batched methods: <c>ForwardBatch</c>, <c>EvaluateBatch</c>, <c>BackwardBatch</c> and the per-block
/// layer methods they share. A minibatch goes through in blocks of up to <c>BatchKernels.BlockSize</c> samples
/// held feature-major (<c>[features, columns]</c>, column <c>s</c> is sample <c>s</c>), so each layer is one
/// matrix product per block: <c>A_k = W_k H_(k-1) + b_k 1ᵀ</c> forward, and
/// <c>∇W_k += ∇A_k H_(k-1)ᵀ</c>, <c>∇b_k += ∇A_k 1</c>, <c>∇H_(k-1) = W_kᵀ ∇A_k</c> backward. A softmax output and
/// the cross-entropy work on the whole block; the other output activations and losses sample by sample, with the
/// same kernels as the one-sample methods.
/// </summary>
internal static class BatchEmitter
{
    /// <summary>The feature-major and sample-major regions of the block buffer, in units of one block row (<c>BlockSize</c> floats).</summary>
    private sealed class Layout
    {
        public Layout(NetworkPlan plan)
        {
            // An inference-only network keeps only the output layer's error terms (the loss kernels write them) and no
            // rows for weight gradients.
            Activations = plan.Inputs;
            Deltas = Activations + plan.ActivationCount;
            OutputDeltas = Deltas + (plan.InferenceOnly ? 0 : plan.Output.ActivationOffset);
            Rows = Deltas + (plan.InferenceOnly ? plan.Outputs : plan.ActivationCount);
            OutputRows = Rows + (plan.InferenceOnly ? 0 : plan.LargestHiddenLayer);
            DeltaRows = OutputRows + plan.Outputs;
            Length = DeltaRows + plan.Outputs;
        }

        /// <summary><c>H_k</c> of layer k at <c>Activations + ActivationOffset</c>; the input block <c>X</c> at 0.</summary>
        public int Activations { get; }

        /// <summary><c>∇A_k</c> of layer k at <c>Deltas + ActivationOffset</c>.</summary>
        public int Deltas { get; }

        /// <summary><c>∇A_L</c>, the output layer's error terms.</summary>
        public int OutputDeltas { get; }

        /// <summary>A hidden layer's outputs one sample per row, for its weight gradient.</summary>
        public int Rows { get; }

        /// <summary>The output layer's pre-activations one sample per row (the logits of the binary cross-entropy), or its softmax outputs <c>Ŷ</c> as a block (cross-entropy).</summary>
        public int OutputRows { get; }

        /// <summary>The output layer's error terms one sample per row, or the targets <c>T</c> as a block (cross-entropy).</summary>
        public int DeltaRows { get; }

        public int Length { get; }
    }

    public static void WriteFields(SourceWriter writer)
    {
        writer.WriteLine("// The working buffer of the batched methods, allocated on their first call: blocks of samples held");
        writer.WriteLine("// feature-major, [features, columns] with column s holding sample s (BatchKernels); each block row starts on a cache line.");
        writer.WriteLine($"private {AlignedBuffer} {GeneratedNames.BlockField};");
    }

    public static void WriteMethods(SourceWriter writer, NetworkPlan plan)
    {
        var layout = new Layout(plan);
        WritePublicMethods(writer, plan);
        WriteRun(writer, plan, layout);
        foreach (LayerPlan layer in plan.Layers)
        {
            writer.WriteLine();
            WriteForwardBlock(writer, plan, layout, layer);
        }

        writer.WriteLine();
        WriteOutputBlock(writer, plan, layout);
        writer.WriteLine();
        WriteLossBlock(writer, plan, layout);
        foreach (LayerPlan layer in plan.InferenceOnly ? Enumerable.Empty<LayerPlan>() : plan.Layers.Reverse())
        {
            writer.WriteLine();
            WriteBackwardBlock(writer, plan, layout, layer);
        }
    }

    private static void WritePublicMethods(SourceWriter writer, NetworkPlan plan)
    {
        string forwardOnly = plan.InferenceOnly ? string.Empty : ", backward: false, scale: 1f, replace: false";
        writer.WriteLine("/// <inheritdoc/>");
        writer.OpenBlock($"public void {GeneratedNames.ForwardBatch}({ReadOnlySpan} inputs, {Span} outputs)");
        writer.WriteLine($"int count = {ShapeGuard}.RequireBatch(inputs.Length, {GeneratedNames.InputSize}, outputs.Length, {GeneratedNames.OutputSize}, {ParameterName("outputs")});");
        writer.WriteLine($"{GeneratedNames.RunBatch}(inputs, default, outputs, count{forwardOnly});");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.OpenBlock($"public float {GeneratedNames.EvaluateBatch}({ReadOnlySpan} inputs, {ReadOnlySpan} targets, {Span} outputs)");
        WriteBatchChecks(writer);
        writer.WriteLine($"return {GeneratedNames.RunBatch}(inputs, targets, outputs, count{forwardOnly});");
        writer.CloseBlock();
        writer.WriteLine();
        if (plan.InferenceOnly)
        {
            return;
        }

        writer.WriteLine("/// <inheritdoc/>");
        writer.OpenBlock($"public float {GeneratedNames.BackwardBatch}({ReadOnlySpan} inputs, {ReadOnlySpan} targets, {Span} outputs)");
        WriteBatchChecks(writer);
        writer.WriteLine($"return {GeneratedNames.RunBatch}(inputs, targets, outputs, count, backward: true, scale: 1f, replace: false);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.OpenBlock($"public float {GeneratedNames.ComputeGradientBatch}({ReadOnlySpan} inputs, {ReadOnlySpan} targets, {Span} outputs, float scale)");
        WriteBatchChecks(writer);
        writer.OpenBlock("if (count == 0)");
        writer.WriteLine($"{GeneratedNames.ZeroGradients}();");
        writer.WriteLine("return 0f;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"return {GeneratedNames.RunBatch}(inputs, targets, outputs, count, backward: true, scale, replace: true);");
        writer.CloseBlock();
        writer.WriteLine();
    }

    private static void WriteBatchChecks(SourceWriter writer)
    {
        writer.WriteLine($"int count = {ShapeGuard}.RequireBatch(inputs.Length, {GeneratedNames.InputSize}, targets.Length, {GeneratedNames.OutputSize}, {ParameterName("targets")});");
        writer.WriteLine($"{ShapeGuard}.RequireLength(outputs.Length, targets.Length, {ParameterName("outputs")});");
    }

    private static void WriteRun(SourceWriter writer, NetworkPlan plan, Layout layout)
    {
        if (plan.InferenceOnly)
        {
            writer.WriteLine("// The minibatch block by block: the forward pass and, with targets, the loss.");
            writer.OpenBlock($"private float {GeneratedNames.RunBatch}({ReadOnlySpan} inputs, {ReadOnlySpan} targets, {Span} outputs, int count)");
        }
        else
        {
            writer.WriteLine("// The minibatch block by block: the forward pass; with targets, the loss; with backward, every layer's gradient");
            writer.WriteLine("// times scale (applied to the output error terms), added to Gradients, or with replace written over them by the first block.");
            writer.OpenBlock($"private float {GeneratedNames.RunBatch}({ReadOnlySpan} inputs, {ReadOnlySpan} targets, {Span} outputs, int count, bool backward, float scale, bool replace)");
        }

        writer.WriteLine($"{AlignedBuffer} block = {GeneratedNames.BlockField}.IsAllocated ? {GeneratedNames.BlockField} : ({GeneratedNames.BlockField} = new({Int(layout.Length)} * {BlockSize}));");
        writer.WriteLine("double loss = 0;");
        writer.OpenBlock($"for (int start = 0; start < count; start += {BlockSize})");
        writer.WriteLine($"int n = {Math}.Min({BlockSize}, count - start);");
        writer.WriteLine($"int columns = {BatchKernels}.Columns(n);");
        writer.WriteLine($"{ReadOnlySpan} x = inputs.Slice(start * {GeneratedNames.InputSize}, n * {GeneratedNames.InputSize});");
        writer.WriteLine($"{Span} y = outputs.Slice(start * {GeneratedNames.OutputSize}, n * {GeneratedNames.OutputSize});");
        foreach (LayerPlan layer in plan.Layers)
        {
            writer.WriteLine(layer.Index == 1
                ? $"{GeneratedNames.ForwardBlockLayer(1)}(block, x, n, columns);"
                : $"{GeneratedNames.ForwardBlockLayer(layer.Index)}(block, columns);");
        }

        writer.WriteLine($"{GeneratedNames.OutputBlock}(block, y, n, columns);");
        writer.OpenBlock("if (!targets.IsEmpty)");
        writer.WriteLine($"loss += {GeneratedNames.LossBlock}(block, y, targets.Slice(start * {GeneratedNames.OutputSize}, n * {GeneratedNames.OutputSize}), n, columns, {(plan.InferenceOnly ? "scale: 1f" : "scale")});");
        writer.CloseBlock();
        if (plan.InferenceOnly)
        {
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine("return (float)loss;");
            writer.CloseBlock();
            return;
        }

        writer.WriteLine();
        writer.OpenBlock("if (backward)");
        writer.WriteLine("bool add = !replace || start > 0;");
        foreach (LayerPlan layer in plan.Layers.Reverse())
        {
            writer.WriteLine(layer.Index == 1
                ? $"{GeneratedNames.BackwardBlockLayer(1)}(block, x, n, columns, add);"
                : $"{GeneratedNames.BackwardBlockLayer(layer.Index)}(block, n, columns, add);");
        }

        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("return (float)loss;");
        writer.CloseBlock();
    }

    private static void WriteForwardBlock(SourceWriter writer, NetworkPlan plan, Layout layout, LayerPlan layer)
    {
        string k = Int(layer.Index);
        bool output = layer.Index == plan.Layers.Count;
        string input = layer.Index == 1 ? "X" : "H" + Int(layer.Index - 1);
        string target = output && plan.OutputActivationPerSample ? "A" + k : "H" + k;
        writer.WriteLine($"// Layer {k} on a block: {target} = W{k} {input} + b{k} 1ᵀ, [{Int(layer.Outputs)}, columns]" + (target == "H" + k && layer.Activation != ActivationKind.Identity ? $", then H{k} = {MathName(layer.Activation)}(A{k}) in place." : "."));
        LayerPlan? below = plan.Below(layer);
        if (below is null)
        {
            // The first layer reads the samples x as the caller holds them; the block's X rows are the kernel's scratch.
            writer.WriteLine("// x holds the n samples one per row; X, their block, is written only where the kernel transposes them first.");
            writer.OpenBlock($"private void {GeneratedNames.ForwardBlockLayer(1)}({AlignedBuffer} block, {ReadOnlySpan} x, int n, int columns)");
            WriteParameters(writer, layer);
            writer.WriteLine($"{Span} {input} = {BlockSlice(0, layer.Inputs)};");
            writer.WriteLine($"{Span} {target} = {BlockSlice(layout.Activations + layer.ActivationOffset, layer.Outputs)};");
            writer.WriteLine($"{BatchKernels}.MultiplyAddSamples(W1, x, n, b1, {input}, {target}, columns);");
        }
        else
        {
            writer.OpenBlock($"private void {GeneratedNames.ForwardBlockLayer(layer.Index)}({AlignedBuffer} block, int columns)");
            WriteParameters(writer, layer);
            writer.WriteLine($"{ReadOnlySpan} {input} = {BlockSlice(layout.Activations + below.ActivationOffset, layer.Inputs)};");
            writer.WriteLine($"{Span} {target} = {BlockSlice(layout.Activations + layer.ActivationOffset, layer.Outputs)};");
            writer.WriteLine($"{BatchKernels}.MultiplyAdd(W{k}, {input}, b{k}, {target}, columns);");
        }

        if (target == "H" + k && layer.Activation != ActivationKind.Identity)
        {
            writer.WriteLine(ApplyInPlace(layer, target) + ";");
        }

        writer.CloseBlock();
    }

    private static void WriteOutputBlock(SourceWriter writer, NetworkPlan plan, Layout layout)
    {
        LayerPlan output = plan.Output;
        string k = Int(output.Index);
        if (output.Activation == ActivationKind.Softmax)
        {
            WriteSoftmaxOutputBlock(writer, plan, layout);
            return;
        }

        writer.WriteLine($"// ŷ = h{k} of each sample, one per row of y" + (plan.OutputActivationPerSample ? $": the pre-activations a{k} come out of the block and the {output.Activation} is applied sample by sample." : "."));
        writer.OpenBlock($"private static void {GeneratedNames.OutputBlock}({AlignedBuffer} block, {Span} y, int n, int columns)");
        string source = (plan.OutputActivationPerSample ? "A" : "H") + k;
        writer.WriteLine($"{ReadOnlySpan} {source} = {BlockSlice(layout.Activations + output.ActivationOffset, output.Outputs)};");
        if (plan.KeepsLogits)
        {
            writer.WriteLine($"{Span} a{k}Rows = block.Slice({Int(layout.OutputRows)} * {BlockSize}, n * {GeneratedNames.OutputSize});");
            writer.WriteLine($"{BatchKernels}.FromBlock({source}, columns, n, a{k}Rows);");
            writer.WriteLine($"a{k}Rows.CopyTo(y);");
        }
        else
        {
            writer.WriteLine($"{BatchKernels}.FromBlock({source}, columns, n, y);");
        }

        if (plan.OutputActivationPerSample && output.Activation != ActivationKind.Identity)
        {
            writer.WriteLine(ApplyInPlace(output, "y") + ";");
        }

        writer.CloseBlock();
    }

    /// <summary>
    /// The softmax output for the whole block, feature-major: in place over the logits, or (when the loss reads the
    /// logits) into the output region of the block, where <c>LossBlock</c> finds the probabilities.
    /// </summary>
    private static void WriteSoftmaxOutputBlock(SourceWriter writer, NetworkPlan plan, Layout layout)
    {
        LayerPlan output = plan.Output;
        string k = Int(output.Index);
        writer.WriteLine($"// Ŷ = softmax of each column of A{k}, for the whole block; then ŷ of each sample, one per row of y.");
        writer.OpenBlock($"private static void {GeneratedNames.OutputBlock}({AlignedBuffer} block, {Span} y, int n, int columns)");
        if (plan.KeepsLogits)
        {
            writer.WriteLine($"{ReadOnlySpan} A{k} = {BlockSlice(layout.Activations + output.ActivationOffset, output.Outputs)};");
            writer.WriteLine($"{Span} Y = {BlockSlice(layout.OutputRows, output.Outputs)};");
            writer.WriteLine($"{BatchKernels}.Softmax(A{k}, Y, columns);");
        }
        else
        {
            writer.WriteLine($"{Span} Y = {BlockSlice(layout.Activations + output.ActivationOffset, output.Outputs)};");
            writer.WriteLine($"{BatchKernels}.Softmax(Y, Y, columns);");
        }

        writer.WriteLine($"{BatchKernels}.FromBlock(Y, columns, n, y);");
        writer.CloseBlock();
    }

    private static void WriteLossBlock(SourceWriter writer, NetworkPlan plan, Layout layout)
    {
        LayerPlan output = plan.Output;
        string k = Int(output.Index);
        string size = GeneratedNames.OutputSize;
        if (plan.Loss == LossKind.CrossEntropy)
        {
            WriteCrossEntropyBlock(writer, plan, layout);
            return;
        }

        writer.WriteLine($"// The loss of each sample and its gradient ∇a{k}, written one sample per row and then into the block as ∇A{k}.");
        writer.OpenBlock($"private static float {GeneratedNames.LossBlock}({AlignedBuffer} block, {ReadOnlySpan} y, {ReadOnlySpan} targets, int n, int columns, float scale)");
        writer.WriteLine($"{Span} dA{k}Rows = block.Slice({Int(layout.DeltaRows)} * {BlockSize}, n * {size});");
        if (plan.KeepsLogits)
        {
            writer.WriteLine($"{ReadOnlySpan} a{k}Rows = block.Slice({Int(layout.OutputRows)} * {BlockSize}, n * {size});");
        }

        writer.WriteLine("float loss = 0f;");
        writer.OpenBlock("for (int s = 0; s < n; s++)");
        writer.WriteLine($"int row = s * {size};");
        string sample = $"(row, {size})";
        string call = plan.Loss switch
        {
            LossKind.BinaryCrossEntropy => $"{LossFunctions}.SigmoidBinaryCrossEntropy(a{k}Rows.Slice{sample}, y.Slice{sample}, targets.Slice{sample}, dA{k}Rows.Slice{sample})",
            _ => $"{LossFunctions}.MeanSquaredError(y.Slice{sample}, targets.Slice{sample}, dA{k}Rows.Slice{sample})",
        };
        writer.WriteLine($"loss += {call};");
        if (plan.OutputGradient == OutputGradientKind.SoftmaxJacobian)
        {
            writer.WriteLine($"// ∇a{k} = J_softmaxᵀ ∂L/∂ŷ");
            writer.WriteLine($"{Activations}.MultiplyBySoftmaxJacobian(dA{k}Rows.Slice{sample}, y.Slice{sample});");
        }

        writer.CloseBlock();
        writer.WriteLine();
        if (plan.OutputGradient == OutputGradientKind.Derivative)
        {
            writer.WriteLine($"// ∇a{k} = ∂L/∂ŷ ⊙ {MathName(output.Activation)}'(a{k}), from the outputs");
            writer.WriteLine(MultiplyByDerivative(output, $"dA{k}Rows", "y") + ";");
        }

        writer.OpenBlock("if (scale != 1f)");
        writer.WriteLine($"// Every gradient below is linear in ∇a{k}: scaling it here scales them all.");
        writer.WriteLine($"{VectorOps}.Scale(dA{k}Rows, scale);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"{BatchKernels}.ToBlock(dA{k}Rows, n, {BlockSlice(layout.OutputDeltas, output.Outputs)}, columns);");
        writer.WriteLine("return loss;");
        writer.CloseBlock();
    }

    /// <summary>The cross-entropy of the softmax outputs and its gradient for the whole block, feature-major.</summary>
    private static void WriteCrossEntropyBlock(SourceWriter writer, NetworkPlan plan, Layout layout)
    {
        LayerPlan output = plan.Output;
        string k = Int(output.Index);
        writer.WriteLine($"// The cross-entropy of the block's samples from the logits A{k} and the outputs Ŷ that OutputBlock left, and its");
        writer.WriteLine($"// gradient ∇A{k} = (Ŷ − T) · scale, for the whole block: the targets T go into the block as columns first.");
        writer.OpenBlock($"private static float {GeneratedNames.LossBlock}({AlignedBuffer} block, {ReadOnlySpan} y, {ReadOnlySpan} targets, int n, int columns, float scale)");
        writer.WriteLine($"{ReadOnlySpan} A{k} = {BlockSlice(layout.Activations + output.ActivationOffset, output.Outputs)};");
        writer.WriteLine($"{ReadOnlySpan} Y = {BlockSlice(layout.OutputRows, output.Outputs)};");
        writer.WriteLine($"{Span} T = {BlockSlice(layout.DeltaRows, output.Outputs)};");
        writer.WriteLine($"{BatchKernels}.ToBlock(targets, n, T, columns);");
        writer.WriteLine($"return {BatchKernels}.SoftmaxCrossEntropy(A{k}, Y, T, n, {BlockSlice(layout.OutputDeltas, output.Outputs)}, columns, scale);");
        writer.CloseBlock();
    }

    private static void WriteBackwardBlock(SourceWriter writer, NetworkPlan plan, Layout layout, LayerPlan layer)
    {
        string k = Int(layer.Index);
        string previous = Int(layer.Index - 1);
        LayerPlan? below = plan.Below(layer);
        string rows = below is null ? "x" : $"h{previous}Rows";
        writer.WriteLine($"// Layer {k} on a block, backward: ∇W{k} += ∇A{k} {(below is null ? "X" : "H" + previous)}ᵀ, ∇b{k} += ∇A{k} 1" + (below is null ? "." : $", then ∇A{previous} = (W{k}ᵀ ∇A{k}) ⊙ {MathName(below.Activation)}'(A{previous})."));
        writer.OpenBlock(below is null
            ? $"private void {GeneratedNames.BackwardBlockLayer(1)}({AlignedBuffer} block, {ReadOnlySpan} x, int n, int columns, bool add)"
            : $"private void {GeneratedNames.BackwardBlockLayer(layer.Index)}({AlignedBuffer} block, int n, int columns, bool add)");
        writer.WriteLine($"{ReadOnlySpan} dA{k} = {BlockSlice(layout.Deltas + layer.ActivationOffset, layer.Outputs)};");
        if (below is not null)
        {
            writer.WriteLine($"{ReadOnlySpan} H{previous} = {BlockSlice(layout.Activations + below.ActivationOffset, below.Outputs)};");
            writer.WriteLine($"// the samples' h{previous} one per row, as the weight gradient reads them");
            writer.WriteLine($"{Span} {rows} = block.Slice({Int(layout.Rows)} * {BlockSize}, n * {Int(below.Outputs)});");
            writer.WriteLine($"{BatchKernels}.FromBlock(H{previous}, columns, n, {rows});");
        }

        writer.WriteLine($"{Span} dW{k} = {BufferSlice(GeneratedNames.GradientsField, layer.WeightOffset, layer.WeightCount)};");
        writer.WriteLine($"{Span} db{k} = {BufferSlice(GeneratedNames.GradientsField, layer.BiasOffset, layer.Outputs)};");
        writer.WriteLine($"{BatchKernels}.WeightGradient(dA{k}, columns, {rows}, n, dW{k}, add);");
        writer.WriteLine($"{BatchKernels}.BiasGradient(dA{k}, columns, n, db{k}, add);");
        if (below is not null)
        {
            writer.WriteLine($"// ∇H{previous} = W{k}ᵀ ∇A{k}, written into dA{previous}");
            writer.WriteLine($"{Span} dA{previous} = {BlockSlice(layout.Deltas + below.ActivationOffset, below.Outputs)};");
            writer.WriteLine($"{ReadOnlySpan} W{k} = {BufferSlice(GeneratedNames.ParametersField, layer.WeightOffset, layer.WeightCount)};");
            writer.WriteLine($"{BatchKernels}.MultiplyTransposed(W{k}, dA{k}, dA{previous}, columns);");
            if (below.Activation != ActivationKind.Identity)
            {
                writer.WriteLine($"// ∇A{previous} = ∇H{previous} ⊙ {MathName(below.Activation)}'(A{previous}), from the outputs H{previous}");
                writer.WriteLine(MultiplyByDerivative(below, $"dA{previous}", $"H{previous}") + ";");
            }
        }

        writer.CloseBlock();
    }

    /// <summary>The layer's weights <c>W_k</c> and biases <c>b_k</c> as named spans over the parameters.</summary>
    private static void WriteParameters(SourceWriter writer, LayerPlan layer)
    {
        string k = Int(layer.Index);
        writer.WriteLine($"{ReadOnlySpan} W{k} = {BufferSlice(GeneratedNames.ParametersField, layer.WeightOffset, layer.WeightCount)};");
        writer.WriteLine($"{ReadOnlySpan} b{k} = {BufferSlice(GeneratedNames.ParametersField, layer.BiasOffset, layer.Outputs)};");
    }

    /// <summary>A span over <paramref name="rows"/> block rows of <c>columns</c> floats each, from block row <paramref name="offset"/>.</summary>
    private static string BlockSlice(int offset, int rows) =>
        $"block.Slice({(offset == 0 ? "0" : $"{Int(offset)} * {BlockSize}")}, {Int(rows)} * columns)";
}
