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
    /// <remarks>
    /// Plain loops over arrays, and the messages' lists of tensors written only when a diagnostic needs them: this
    /// runs once per build on a file of up to megabytes, in a compiler process where it is often compiled cold.
    /// </remarks>
    private static ByteBlob? FromTensors(NetworkSpec spec, ModelFileArgument file, EquatableArray<NamedTensor> tensors, List<DiagnosticInfo> diagnostics)
    {
        string name = spec.Hierarchy.Type.DisplayName;
        var byName = new Dictionary<string, NamedTensor>(tensors.Count, StringComparer.Ordinal);
        foreach (NamedTensor tensor in tensors)
        {
            byName[tensor.Name] = tensor;
        }

        string[] prefixes = Prefixes(spec.Layers.Count, tensors);
        var expected = new ExpectedTensor[2 * spec.Layers.Count];
        int inputs = spec.Inputs;
        for (int k = 0; k < spec.Layers.Count; k++)
        {
            int outputs = spec.Layers[k].Outputs;
            expected[2 * k] = new ExpectedTensor(prefixes[k] + "weight", new long[] { outputs, inputs }, k + 1);
            expected[(2 * k) + 1] = new ExpectedTensor(prefixes[k] + "bias", new long[] { outputs }, k + 1);
            inputs = outputs;
        }

        var parts = new ByteBlob[expected.Length];
        int length = 0;
        bool valid = true;
        for (int i = 0; i < expected.Length; i++)
        {
            ExpectedTensor want = expected[i];
            if (!byName.TryGetValue(want.Name, out NamedTensor? tensor))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WeightTensorMissing, file.Location, file.Path, want.Name, Int(want.Layer), name, Shape(want.Shape), Held(tensors)));
                valid = false;
            }
            else if (!SameShape(tensor.Shape, want.Shape))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WeightShapeMismatch, file.Location, file.Path, want.Name, Shape(tensor.Shape), Int(want.Layer), name, Shape(want.Shape)));
                valid = false;
            }
            else if (tensor.Data is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WeightDTypeMismatch, file.Location, file.Path, want.Name, Shape(tensor.Shape), tensor.DType));
                valid = false;
            }
            else
            {
                parts[i] = tensor.Data;
                length += tensor.Data.Length;
            }
        }

        if (tensors.Count != expected.Length || !valid)
        {
            var expectedNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (ExpectedTensor want in expected)
            {
                expectedNames.Add(want.Name);
            }

            foreach (NamedTensor tensor in tensors)
            {
                if (!expectedNames.Contains(tensor.Name))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WeightTensorUnexpected, file.Location, file.Path, tensor.Name, Shape(tensor.Shape), name, Int(spec.Layers.Count), Takes(expected)));
                    valid = false;
                }
            }
        }

        if (!valid)
        {
            return null;
        }

        // The one copy of the weights: each tensor's range of the file, in the layout of Parameters.
        byte[] all = new byte[length];
        int at = 0;
        foreach (ByteBlob part in parts)
        {
            part.Span.CopyTo(new Span<byte>(all, at, part.Length));
            at += part.Length;
        }

        return new ByteBlob(all);
    }

    /// <summary>A tensor a layer takes: its name, shape and layer number.</summary>
    private readonly struct ExpectedTensor
    {
        public ExpectedTensor(string name, long[] shape, int layer)
        {
            Name = name;
            Shape = shape;
            Layer = layer;
        }

        public string Name { get; }

        public long[] Shape { get; }

        public int Layer { get; }
    }

    private static bool SameShape(EquatableArray<long> shape, long[] expected)
    {
        if (shape.Count != expected.Length)
        {
            return false;
        }

        for (int i = 0; i < expected.Length; i++)
        {
            if (shape[i] != expected[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The file's tensors with their shapes, as the messages list them.</summary>
    private static string Held(EquatableArray<NamedTensor> tensors) =>
        tensors.Count == 0 ? "no tensors" : string.Join(", ", tensors.Select(t => t.Name + " [" + Shape(t.Shape) + "]"));

    /// <summary>The tensors the layers take, with their shapes, as the messages list them.</summary>
    private static string Takes(ExpectedTensor[] expected) => string.Join(", ", expected.Select(e => e.Name + " [" + Shape(e.Shape) + "]"));

    /// <summary>Each layer's tensor-name prefix, by the naming the file's names follow.</summary>
    private static string[] Prefixes(int layers, EquatableArray<NamedTensor> tensors)
    {
        var prefixes = new string[layers];
        bool linear = false, netgen = false;
        // The module numbers of names "{n}.weight" / "{n}.bias", sorted and distinct.
        var sequential = new List<int>();
        foreach (NamedTensor tensor in tensors)
        {
            string tensorName = tensor.Name;
            linear |= layers == 1 && tensorName is "weight" or "bias";
            netgen |= tensorName.StartsWith("layers.", StringComparison.Ordinal);
            if (ModuleNumber(tensorName) is int module && sequential.BinarySearch(module) is int place && place < 0)
            {
                sequential.Insert(~place, module);
            }
        }

        netgen |= sequential.Count == 0;
        for (int k = 0; k < layers; k++)
        {
            prefixes[k] = linear ? string.Empty
                : netgen ? "layers." + Int(k) + "."
                // Past the file's last module, guess the numbering of a Sequential with an activation between layers.
                : Int(k < sequential.Count ? sequential[k] : sequential[sequential.Count - 1] + (2 * (k - sequential.Count + 1))) + ".";
        }

        return prefixes;
    }

    /// <summary>The module number <c>n</c> of a tensor named <c>{n}.weight</c> or <c>{n}.bias</c> (at most 8 digits), or null.</summary>
    private static int? ModuleNumber(string tensorName)
    {
        int dot = tensorName.IndexOf('.');
        if (dot <= 0 || dot >= 9 || tensorName.IndexOf('.', dot + 1) >= 0)
        {
            return null;
        }

        string suffix = tensorName.Substring(dot + 1);
        if (suffix is not ("weight" or "bias"))
        {
            return null;
        }

        int number = 0;
        for (int i = 0; i < dot; i++)
        {
            char c = tensorName[i];
            if (c < '0' || c > '9')
            {
                return null;
            }

            number = (number * 10) + (c - '0');
        }

        return number;
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
