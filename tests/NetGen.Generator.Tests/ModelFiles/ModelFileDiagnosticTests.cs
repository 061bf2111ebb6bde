using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;
using Xunit;

namespace NetGen.Generator.Tests.ModelFiles;

/// <summary>
/// Each diagnostic about model files: id, location (the argument naming the file) and message, which names the
/// file, the tensor or node, and both shapes; and no source generated.
/// </summary>
public sealed class ModelFileDiagnosticTests : System.IDisposable
{
    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Reports_NG0040_when_the_file_is_not_among_the_additional_files() =>
        ReportsSingle(
            """
            using NetGen;

            [Network(3, [|Weights = "models/missing.safetensors"|])]
            [Dense(2, Activation.Identity)]
            public partial class Net;
            """,
            "NG0040",
            "'Net' names the model file 'models/missing.safetensors', which is not among the project's AdditionalFiles; add <AdditionalFiles Include=\"models/missing.safetensors\" /> to the project file (a relative path is taken from the directory of the file that declares the network)");

    [Fact]
    public void Reports_NG0041_when_the_path_matches_several_additional_files()
    {
        System.IO.Directory.CreateDirectory(System.IO.Path.Combine(_scratch.Root, "a"));
        System.IO.Directory.CreateDirectory(System.IO.Path.Combine(_scratch.Root, "b"));
        string first = _scratch.Write("a/linear.safetensors", ModelFileHarness.FixtureBytes("linear.safetensors"));
        string second = _scratch.Write("b/linear.safetensors", ModelFileHarness.FixtureBytes("linear.safetensors"));
        ReportsSingle(
            """
            using NetGen;

            [Network(3, [|Weights = "linear.safetensors"|])]
            [Dense(2, Activation.Identity)]
            public partial class Net;
            """,
            "NG0041",
            $"'Net' names the model file 'linear.safetensors', which matches several AdditionalFiles ({first}, {second}); give a path that tells them apart",
            first,
            second);
    }

    [Fact]
    public void Takes_a_relative_path_from_the_declaring_file_to_tell_files_apart()
    {
        System.IO.Directory.CreateDirectory(System.IO.Path.Combine(_scratch.Root, "a"));
        System.IO.Directory.CreateDirectory(System.IO.Path.Combine(_scratch.Root, "b"));
        string first = _scratch.Write("a/linear.safetensors", ModelFileHarness.FixtureBytes("linear.safetensors"));
        string second = _scratch.Write("b/linear.safetensors", ModelFileHarness.FixtureBytes("linear.safetensors"));
        string declaring = System.IO.Path.Combine(_scratch.Root, "b", "Net.cs");
        var compilation = GeneratorHarness.Compile((declaring, """
            using NetGen;

            [Network(3, Weights = "linear.safetensors")]
            [Dense(2, Activation.Identity)]
            public partial class Net;
            """));

        GeneratorRun run = GeneratorHarness.Run(ModelFileHarness.CreateDriver(new BinaryAdditionalFile(first), new BinaryAdditionalFile(second)), compilation);

        GeneratorAssert.DidNotFail(run);
        GeneratorAssert.ReportedNothing(run);
        GeneratorAssert.OutputCompilesCleanly(run);
        Assert.Single(run.GeneratedSources);
    }

    [Fact]
    public void Reports_NG0042_naming_the_offset_when_the_file_is_truncated()
    {
        byte[] bytes = ModelFileHarness.FixtureBytes("linear.safetensors");
        string path = _scratch.Write("linear.safetensors", bytes[..^5]);
        ReportsSingle(
            """
            using NetGen;

            [Network(3, [|Weights = "linear.safetensors"|])]
            [Dense(2, Activation.Identity)]
            public partial class Net;
            """,
            "NG0042",
            $"The model file 'linear.safetensors' named by 'Net' cannot be read: the file ends before the end of tensor 'bias', whose bytes run from {bytes.Length - 8} to {bytes.Length} (at byte offset {bytes.Length - 5})",
            path);
    }

    [Fact]
    public void Reports_NG0042_when_a_safetensors_header_names_a_tensor_twice()
    {
        // Tensor names are keys of the header's JSON object: a name given twice makes the file unreadable, never two tensors.
        string header = """{"weight":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},"bias":{"dtype":"F32","shape":[2],"data_offsets":[24,32]},"weight":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]}}""";
        byte[] json = System.Text.Encoding.UTF8.GetBytes(header);
        byte[] bytes = new byte[8 + json.Length + 32];
        System.BitConverter.GetBytes((ulong)json.Length).CopyTo(bytes, 0);
        json.CopyTo(bytes, 8);
        string path = _scratch.Write("twice.safetensors", bytes);
        Diagnostic diagnostic = ReportsSingle(
            """
            using NetGen;

            [Network(3, [|Weights = "twice.safetensors"|])]
            [Dense(2, Activation.Identity)]
            public partial class Net;
            """,
            "NG0042",
            null,
            path);
        Assert.StartsWith("The model file 'twice.safetensors' named by 'Net' cannot be read: the name \"weight\" appears twice in one JSON object", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Reports_NG0042_when_a_model_file_is_damaged()
    {
        byte[] bytes = ModelFileHarness.FixtureBytes("netgen_naming.ngm");
        bytes[100] ^= 0x10;
        string path = _scratch.Write("digits.ngm", bytes);
        Diagnostic diagnostic = ReportsSingle(
            """
            using NetGen;

            [Network(4, [|Weights = "digits.ngm"|])]
            [Dense(5, Activation.ReLU)]
            [Dense(3, Activation.Identity)]
            public partial class Net;
            """,
            "NG0042",
            null,
            path);
        Assert.StartsWith("The model file 'digits.ngm' named by 'Net' cannot be read: the file is damaged: its CRC-32 is 0x", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Reports_NG0043_when_the_file_is_of_no_model_format() =>
        ReportsSingle(
            """
            using NetGen;

            [Network(3, [|Weights = "weights.csv"|])]
            [Dense(2, Activation.Identity)]
            public partial class Net;
            """,
            "NG0043",
            "'Net' names 'weights.csv', which is not a .safetensors, .ngm or .onnx file; NetGen reads the format from the extension");

    [Fact]
    public void Reports_NG0043_when_an_onnx_network_names_another_kind_of_file() =>
        ReportsSingle(
            """
            using NetGen;

            [OnnxNetwork([|"linear.safetensors"|])]
            public partial class Net;
            """,
            "NG0043",
            "'Net' names 'linear.safetensors', which is not an .onnx file; NetGen reads the format from the extension",
            ModelFileHarness.Fixture("linear.safetensors"));

    [Fact]
    public void Reports_NG0044_naming_the_missing_tensor_its_layer_and_shape()
    {
        string path = _scratch.Write("net.safetensors", SafeTensorsWriter.Write(("layers.0.weight", "F32", new[] { 2, 3 })));
        ReportsSingle(
            """
            using NetGen;

            [Network(3, [|Weights = "net.safetensors"|])]
            [Dense(2, Activation.Identity)]
            public partial class Net;
            """,
            "NG0044",
            "The weight file 'net.safetensors' has no tensor 'layers.0.bias', which layer 1 of 'Net' needs with shape [2]; the file holds layers.0.weight [2, 3]",
            path);
    }

    [Fact]
    public void Reports_NG0045_naming_the_unexpected_tensor_and_what_the_network_takes()
    {
        string path = _scratch.Write("net.safetensors", SafeTensorsWriter.Write(
            ("layers.0.weight", "F32", new[] { 2, 3 }), ("layers.0.bias", "F32", new[] { 2 }), ("layers.1.weight", "F32", new[] { 1, 2 })));
        ReportsSingle(
            """
            using NetGen;

            [Network(3, [|Weights = "net.safetensors"|])]
            [Dense(2, Activation.Identity)]
            public partial class Net;
            """,
            "NG0045",
            "The weight file 'net.safetensors' holds the tensor 'layers.1.weight' of shape [1, 2], which no layer of 'Net' takes; its 1 layers take layers.0.weight [2, 3], layers.0.bias [2]",
            path);
    }

    [Fact]
    public void Reads_module_numbers_of_ascii_digits_only_and_reports_other_names_as_unmatched_tensors()
    {
        // "٣" is an Arabic-Indic digit: a digit to char.IsDigit, but no number to int.Parse.
        string path = _scratch.Write("net.safetensors", SafeTensorsWriter.Write(("\u0663.weight", "F32", new[] { 2, 3 }), ("\u0663.bias", "F32", new[] { 2 })));
        GeneratorRun run = ModelFileHarness.Run(
            """
            using NetGen;

            [Network(3, Weights = "net.safetensors")]
            [Dense(2, Activation.Identity)]
            public partial class Net;
            """,
            new BinaryAdditionalFile(path));

        GeneratorAssert.DidNotFail(run);
        GeneratorAssert.GeneratedNothing(run);
        Assert.Equal(new[] { "NG0044", "NG0044", "NG0045", "NG0045" }, run.Result.Diagnostics.Select(d => d.Id).Order(System.StringComparer.Ordinal));
        Assert.Contains(run.Result.Diagnostics, d => d.GetMessage(CultureInfo.InvariantCulture).StartsWith("The weight file 'net.safetensors' has no tensor 'layers.0.weight'", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Reports_NG0046_naming_the_tensor_and_both_shapes() =>
        ReportsSingle(
            """
            using NetGen;

            [Network(4, [|Weights = "linear.safetensors"|])]
            [Dense(2, Activation.Identity)]
            public partial class Net;
            """,
            "NG0046",
            "The tensor 'weight' in the weight file 'linear.safetensors' has shape [2, 3], but layer 1 of 'Net' needs [2, 4]; declare the layer sizes the file was trained with",
            ModelFileHarness.Fixture("linear.safetensors"));

    [Fact]
    public void Reports_NG0047_when_a_tensor_is_not_float32()
    {
        string path = _scratch.Write("net.safetensors", SafeTensorsWriter.Write(("0.weight", "F32", new[] { 2, 3 }), ("0.bias", "F64", new[] { 2 })));
        ReportsSingle(
            """
            using NetGen;

            [Network(3, [|Weights = "net.safetensors"|])]
            [Dense(2, Activation.Identity)]
            public partial class Net;
            """,
            "NG0047",
            "The tensor '0.bias' (shape [2]) in the weight file 'net.safetensors' is F64, but NetGen compiles in F32 weights only; save the tensors with .float()",
            path);
    }

    [Fact]
    public void Reports_NG0048_naming_both_topologies_when_a_model_file_holds_another_network() =>
        ReportsSingle(
            """
            using NetGen;

            [Network(4, [|Weights = "netgen_naming.ngm"|])]
            [Dense(5, Activation.Tanh)]
            [Dense(3, Activation.Identity)]
            public partial class Net;
            """,
            "NG0048",
            "The model file 'netgen_naming.ngm' holds the network 4 → 5 (ReLU) → 3 (Identity) with MeanSquaredError loss, but 'Net' declares 4 → 5 (Tanh) → 3 (Identity) with MeanSquaredError loss; declare the network the file holds, or name another file",
            ModelFileHarness.Fixture("netgen_naming.ngm"));

    [Fact]
    public void Reports_NG0048_when_an_onnx_weights_file_holds_another_network() =>
        ReportsSingle(
            """
            using NetGen;

            [Network(4, [|Weights = "leaky_tanh.onnx"|])]
            [Dense(6, Activation.LeakyReLU, Slope = 0.1f)]
            [Dense(6, Activation.Tanh)]
            [Dense(2, Activation.Identity)]
            public partial class Net;
            """,
            "NG0048",
            "The model file 'leaky_tanh.onnx' holds the network 4 → 6 (LeakyReLU 0.2) → 6 (Tanh) → 2 (Identity), but 'Net' declares 4 → 6 (LeakyReLU 0.1) → 6 (Tanh) → 2 (Identity); declare the network the file holds, or name another file",
            ModelFileHarness.Fixture("leaky_tanh.onnx"));

    [Fact]
    public void Reports_NG0049_naming_the_node_and_its_op_type() =>
        ReportsSingle(
            """
            using NetGen;

            [OnnxNetwork([|"invalid_elu.onnx"|])]
            public partial class Net;
            """,
            "NG0049",
            "Node '/1/Elu' of 'invalid_elu.onnx' has the operator Elu, which NetGen cannot turn into a layer: NetGen turns only Gemm, MatMul followed by Add, Relu, LeakyRelu, Tanh, Sigmoid, Softmax (last axis) and Identity into layers",
            ModelFileHarness.Fixture("invalid_elu.onnx"));

    [Fact]
    public void Reports_NG0050_naming_the_node_where_the_graph_stops_being_a_chain() =>
        ReportsSingle(
            """
            using NetGen;

            [OnnxNetwork([|"invalid_residual.onnx"|])]
            public partial class Net;
            """,
            "NG0050",
            "Node '/Add' (Add) of 'invalid_residual.onnx' does not fit a chain of dense layers: it takes the value 'input', which '/linear/Gemm' takes too",
            ModelFileHarness.Fixture("invalid_residual.onnx"));

    [Fact]
    public void Reports_NG0051_when_the_model_is_not_float32() =>
        ReportsSingle(
            """
            using NetGen;

            [OnnxNetwork([|"invalid_double.onnx"|])]
            public partial class Net;
            """,
            "NG0051",
            "'input' in 'invalid_double.onnx' is float64; NetGen reads float32 models only, so export the model in float32",
            ModelFileHarness.Fixture("invalid_double.onnx"));

    [Fact]
    public void Reports_NG0052_when_the_feature_dimension_is_dynamic() =>
        ReportsSingle(
            """
            using NetGen;

            [OnnxNetwork([|"invalid_dynamic.onnx"|])]
            public partial class Net;
            """,
            "NG0052",
            "Dimension 1 of the input 'input' of 'invalid_dynamic.onnx' is dynamic ('features'); only the batch dimension (0) may be, so export with a fixed number of features",
            ModelFileHarness.Fixture("invalid_dynamic.onnx"));

    [Fact]
    public void Reports_NG0053_when_a_class_has_both_network_attributes() =>
        ReportsSingle(
            """
            using NetGen;

            [OnnxNetwork("linear.onnx")]
            [[|Network(3)|]]
            [Dense(2, Activation.Identity)]
            public partial class Net;
            """,
            "NG0053",
            "'Net' has both [Network] and [OnnxNetwork]; keep [OnnxNetwork] to take the topology and weights from the ONNX file, or [Network] with Weights = \"…\" to check a declared topology against a file",
            ModelFileHarness.Fixture("linear.onnx"));

    [Fact]
    public void Reports_NG0054_when_an_onnx_network_has_dense_layers() =>
        ReportsSingle(
            """
            using NetGen;

            [OnnxNetwork("linear.onnx")]
            [[|Dense(2, Activation.Identity)|]]
            public partial class Net;
            """,
            "NG0054",
            "'Net' takes its layers from the ONNX file 'linear.onnx', so its [Dense] attributes would be ignored; remove them, or use [Network(inputs, Weights = \"linear.onnx\")] to check declared layers against the file",
            ModelFileHarness.Fixture("linear.onnx"));

    [Fact]
    public void Reports_NG0055_when_an_inference_only_network_names_no_weights() =>
        ReportsSingle(
            """
            using NetGen;

            [Network(3, Loss = Loss.MeanSquaredError, [|InferenceOnly = true|])]
            [Dense(2, Activation.Identity)]
            public partial class Net;
            """,
            "NG0055",
            "'Net' is declared InferenceOnly but names no model file, so its read-only weights could never be trained or loaded; name the trained weights with Weights = \"…\", or remove InferenceOnly to generate a trainable network");

    [Fact]
    public void Accepts_InferenceOnly_false_without_weights()
    {
        GeneratorRun run = GeneratorHarness.Run(
            """
            using NetGen;

            [Network(3, InferenceOnly = false)]
            [Dense(2, Activation.Identity)]
            public partial class Net;
            """);
        Assert.Empty(run.Diagnostics);
        Assert.Single(run.GeneratedSources);
    }

    [Fact]
    public void Reports_NG0010_for_a_parameterless_constructor_when_weights_are_compiled_in() =>
        ReportsSingle(
            """
            using NetGen;

            [OnnxNetwork("linear.onnx")]
            public partial class Net
            {
                public [|Net|]() : this(seed: 1) { }
            }
            """,
            "NG0010",
            "'Net' declares 'a constructor without parameters', which NetGen generates for the network; rename or remove it",
            ModelFileHarness.Fixture("linear.onnx"));

    [Fact]
    public void Reports_layer_diagnostics_of_an_onnx_network_at_its_path()
    {
        // The ONNX file's softmax output does not suit binary cross-entropy: the validator judges the file's layers as written ones.
        ReportsSingle(
            """
            using NetGen;

            [OnnxNetwork("sigmoid_softmax.onnx", [|Loss = Loss.BinaryCrossEntropy|])]
            public partial class Net;
            """,
            "NG0008",
            "Network 'Net' uses Loss.BinaryCrossEntropy but its output layer uses Softmax; give the last layer Activation.Sigmoid, or use Loss.CrossEntropy with a Softmax output or Loss.MeanSquaredError",
            ModelFileHarness.Fixture("sigmoid_softmax.onnx"));
    }

    /// <summary>As <see cref="DiagnosticAssert.ReportsSingle"/>, with <paramref name="files"/> among the AdditionalFiles; a null message is checked by the caller.</summary>
    private static Diagnostic ReportsSingle(string markup, string id, string? message, params string[] files)
    {
        MarkedSource marked = MarkedSource.Parse(markup);
        GeneratorRun run = ModelFileHarness.Run(marked.Source, files.Select(f => (AdditionalText)new BinaryAdditionalFile(f)).ToArray());
        GeneratorAssert.DidNotFail(run);

        Diagnostic diagnostic = Assert.Single(run.Result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        if (message is not null)
        {
            Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        }

        Assert.Equal(GeneratorHarness.SourcePath, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
        GeneratorAssert.GeneratedNothing(run);
        return diagnostic;
    }
}
