using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;
using NetGen.Generator.WeightFiles;
using NetGen.Serialization;
using Xunit;

namespace NetGen.Generator.Tests.ModelFiles;

/// <summary>
/// An <c>[OnnxNetwork]</c> compiled and run, exported by NetGen's own <see cref="OnnxExport"/>, and declared again
/// from the export: the second declaration must be the first (same layers, same weights bit for bit, same code).
/// </summary>
public sealed class OnnxRoundTripTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    public static TheoryData<string> Models => new() { "relu_identity", "tanh_sigmoid", "leaky_tanh", "sigmoid_softmax", "identity_relu", "linear", "matmul_add", "identity_node" };

    [Theory]
    [MemberData(nameof(Models))]
    public void NetGens_onnx_export_of_a_network_declared_from_onnx_declares_the_same_network(string model)
    {
        string source = """
            namespace RoundTrip;

            [NetGen.OnnxNetwork("MODEL")]
            public partial class Net;
            """;
        GeneratorRun first = ModelFileHarness.Run(source.Replace("MODEL", model + ".onnx", StringComparison.Ordinal), new BinaryAdditionalFile(ModelFileHarness.Fixture(model + ".onnx")));
        GeneratorAssert.DidNotFail(first);
        GeneratorAssert.ReportedNothing(first);

        INetwork network = Instantiate(first.OutputCompilation, "RoundTrip.Net");
        string exported = _scratch.Write("exported.onnx", OnnxExport.Serialize(network));
        GeneratorRun second = ModelFileHarness.Run(source.Replace("MODEL", "exported.onnx", StringComparison.Ordinal), new BinaryAdditionalFile(exported));
        GeneratorAssert.DidNotFail(second);
        GeneratorAssert.ReportedNothing(second);

        ModelContent original = ModelFileLoader.Read(model + ".onnx", ModelFileHarness.FixtureBytes(model + ".onnx")).Content!;
        ModelContent roundTripped = ModelFileLoader.Read("exported.onnx", File.ReadAllBytes(exported)).Content!;
        Assert.Equal(original.Topology, roundTripped.Topology);
        Assert.Equal(original.Parameters, roundTripped.Parameters);
        Assert.Equal(
            first.SourceOf("RoundTrip.Net.g.cs").Replace(model + ".onnx", "exported.onnx", StringComparison.Ordinal),
            second.SourceOf("RoundTrip.Net.g.cs"));
    }

    /// <summary>Emits the compilation, loads it, and creates <paramref name="typeName"/> with its parameterless constructor (the compiled-in weights).</summary>
    private static INetwork Instantiate(Compilation compilation, string typeName)
    {
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assembly assembly = Assembly.Load(image.ToArray());
        return (INetwork)Activator.CreateInstance(assembly.GetType(typeName, throwOnError: true)!)!;
    }
}
