using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using NetGen.Generator.Helpers;
using NetGen.Generator.Model;

namespace NetGen.Generator.WeightFiles;

/// <summary>
/// Validate stage for declarations with a model file: the validator's checks, then the file's weights checked
/// against the declared topology and attached to the spec. A missing, unexpected, misshapen or non-float32
/// tensor, or a file holding another topology, is a diagnostic naming the file, the tensor and both shapes,
/// and no code is generated.
/// </summary>
internal static class WeightBinder
{
    public static ValidationResult Validate(ResolvedDeclaration resolved, CancellationToken cancellationToken)
    {
        if (resolved.Declaration is null)
        {
            return new ValidationResult(null, resolved.Diagnostics);
        }

        ValidationResult result = Validator.Validate(resolved.Declaration, cancellationToken);
        if (result.Spec is null || resolved.Model is null || resolved.Declaration.ModelFile is not { } file)
        {
            return result;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var diagnostics = new List<DiagnosticInfo>(result.Diagnostics);
        ByteBlob? parameters = resolved.Model.Kind == ModelFileKind.SafeTensors
            ? FromTensors(result.Spec, file, resolved.Model.Tensors, diagnostics)
            : FromTopology(result.Spec, file, resolved.Model, diagnostics);
        return parameters is null
            ? new ValidationResult(null, diagnostics.ToEquatableArray())
            : new ValidationResult(result.Spec with { Weights = new CompiledWeights(file.Path, parameters) }, diagnostics.ToEquatableArray());
    }

    /// <summary>The NetGen model file's or ONNX graph's topology must be the declared one; its parameters are then in the right layout already.</summary>
    private static ByteBlob? FromTopology(NetworkSpec spec, ModelFileArgument file, ModelContent model, List<DiagnosticInfo> diagnostics)
    {
        ModelTopology topology = model.Topology!;
        bool same = topology.Inputs == spec.Inputs
            && (topology.Loss is null || topology.Loss == spec.Loss)
            && topology.Layers.Count == spec.Layers.Count
            && topology.Layers.Zip(spec.Layers, (a, b) => a.Outputs == b.Outputs && a.Activation == b.Activation
                && (a.Activation != ActivationKind.LeakyReLU || a.Slope.Equals(b.Slope))).All(x => x);
        if (!same)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.ModelTopologyMismatch,
                file.Location,
                file.Path,
                Describe(topology.Inputs, topology.Layers, topology.Loss),
                spec.Hierarchy.Type.DisplayName,
                Describe(spec.Inputs, spec.Layers, topology.Loss is null ? null : spec.Loss)));
            return null;
        }

        return model.Parameters;
    }

    /// <summary>
    /// Matches the safetensors file's tensors to the layers by name, in NetGen's naming (<c>layers.{k}.weight</c>),
    /// a PyTorch <c>nn.Sequential</c>'s (<c>0.weight</c>, <c>2.weight</c>, … numbered by module, so the k-th
    /// number is the k-th layer) or a lone <c>nn.Linear</c>'s (<c>weight</c>, <c>bias</c>).
    /// </summary>
    private static ByteBlob? FromTensors(NetworkSpec spec, ModelFileArgument file, EquatableArray<NamedTensor> tensors, List<DiagnosticInfo> diagnostics)
    {
        string name = spec.Hierarchy.Type.DisplayName;
        var byName = tensors.ToDictionary(t => t.Name, StringComparer.Ordinal);
        string[] prefixes = Prefixes(spec.Layers.Count, tensors);
        var expected = new List<(string Name, long[] Shape, int Layer)>();
        int inputs = spec.Inputs;
        for (int k = 0; k < spec.Layers.Count; k++)
        {
            int outputs = spec.Layers[k].Outputs;
            expected.Add((prefixes[k] + "weight", new long[] { outputs, inputs }, k + 1));
            expected.Add((prefixes[k] + "bias", new long[] { outputs }, k + 1));
            inputs = outputs;
        }

        string held = tensors.Count == 0 ? "no tensors" : string.Join(", ", tensors.Select(t => t.Name + " [" + Shape(t.Shape) + "]"));
        var parts = new List<ByteBlob>();
        bool valid = true;
        foreach ((string tensorName, long[] shape, int layer) in expected)
        {
            if (!byName.TryGetValue(tensorName, out NamedTensor? tensor))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WeightTensorMissing, file.Location, file.Path, tensorName, Int(layer), name, Shape(shape), held));
                valid = false;
                continue;
            }

            if (!tensor.Shape.SequenceEqual(shape))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WeightShapeMismatch, file.Location, file.Path, tensorName, Shape(tensor.Shape), Int(layer), name, Shape(shape)));
                valid = false;
            }
            else if (tensor.Data is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WeightDTypeMismatch, file.Location, file.Path, tensorName, Shape(tensor.Shape), tensor.DType));
                valid = false;
            }
            else
            {
                parts.Add(tensor.Data);
            }
        }

        var expectedNames = new HashSet<string>(expected.Select(e => e.Name), StringComparer.Ordinal);
        string takes = string.Join(", ", expected.Select(e => e.Name + " [" + Shape(e.Shape) + "]"));
        foreach (NamedTensor tensor in tensors.Where(t => !expectedNames.Contains(t.Name)))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WeightTensorUnexpected, file.Location, file.Path, tensor.Name, Shape(tensor.Shape), name, Int(spec.Layers.Count), takes));
            valid = false;
        }

        if (!valid)
        {
            return null;
        }

        byte[] all = new byte[parts.Sum(p => p.Length)];
        int at = 0;
        foreach (ByteBlob part in parts)
        {
            part.Span.CopyTo(all.AsSpan(at));
            at += part.Length;
        }

        return new ByteBlob(all);
    }

    /// <summary>Each layer's tensor-name prefix, by the naming the file's names follow.</summary>
    private static string[] Prefixes(int layers, EquatableArray<NamedTensor> tensors)
    {
        var prefixes = new string[layers];
        bool linear = layers == 1 && tensors.Any(t => t.Name is "weight" or "bias");
        var sequential = tensors
            .Select(t => t.Name.Split('.'))
            .Where(p => p.Length == 2 && p[1] is "weight" or "bias" && p[0].Length > 0 && p[0].All(char.IsDigit) && p[0].Length < 9)
            .Select(p => int.Parse(p[0], CultureInfo.InvariantCulture))
            .Distinct()
            .OrderBy(i => i)
            .ToList();
        bool netgen = tensors.Any(t => t.Name.StartsWith("layers.", StringComparison.Ordinal)) || sequential.Count == 0;
        for (int k = 0; k < layers; k++)
        {
            prefixes[k] = linear ? string.Empty
                : netgen ? "layers." + Int(k) + "."
                // Past the file's last module, guess the numbering of a Sequential with an activation between layers.
                : Int(k < sequential.Count ? sequential[k] : sequential[sequential.Count - 1] + (2 * (k - sequential.Count + 1))) + ".";
        }

        return prefixes;
    }

    /// <summary>The topology as the runtime's messages write it: <c>4 → 16 (Tanh) → 3 (Softmax) with CrossEntropy loss</c>.</summary>
    internal static string Describe(int inputs, EquatableArray<LayerSpec> layers, LossKind? loss)
    {
        var text = new StringBuilder(Int(inputs));
        foreach (LayerSpec layer in layers)
        {
            text.Append(" → ").Append(Int(layer.Outputs)).Append(" (").Append(layer.Activation.ToString());
            if (layer.Activation == ActivationKind.LeakyReLU)
            {
                text.Append(' ').Append(layer.Slope.ToString(CultureInfo.InvariantCulture));
            }

            text.Append(')');
        }

        return loss is null ? text.ToString() : text.Append(" with ").Append(loss.Value.ToString()).Append(" loss").ToString();
    }

    private static string Shape(IEnumerable<long> shape) => string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture)));

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
