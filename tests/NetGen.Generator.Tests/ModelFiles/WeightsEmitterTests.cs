using System;
using System.Linq;
using System.Text.RegularExpressions;
using NetGen.Generator.Helpers;
using NetGen.Generator.Model;
using NetGen.Generator.WeightFiles;
using Xunit;

namespace NetGen.Generator.Tests.ModelFiles;

/// <summary>The emitter's two encodings of compiled-in weights, read back from the text it writes.</summary>
public sealed class WeightsEmitterTests
{
    [Fact]
    public void Small_networks_get_string_constants_that_hold_every_float_bit_for_bit()
    {
        byte[] bytes = Bytes(4 * ((3 * 2) + 2), seed: 1);
        string source = Emitter.Emit(Planner.Plan(Spec(3, 2, bytes)));

        Assert.True(WeightsEmitter.UsesStrings(Planner.Plan(Spec(3, 2, bytes))));
        string w = Unescape(Regex.Match(source, "private const string BakedW1 = \"(.*)\";").Groups[1].Value);
        string b = Unescape(Regex.Match(source, "private const string Bakedb1 = \"(.*)\";").Groups[1].Value);
        byte[] decoded = (w + b).SelectMany(c => new[] { (byte)(c & 0xFF), (byte)(c >> 8) }).ToArray();
        Assert.Equal(bytes, decoded);
    }

    [Fact]
    public void Networks_above_the_string_limit_get_a_byte_array_with_every_byte()
    {
        // 1,024 × 2,049 + 1,024 parameters: just above 2^21.
        byte[] bytes = Bytes(4 * ((2049 * 1024) + 1024), seed: 2);
        NetworkPlan plan = Planner.Plan(Spec(2049, 1024, bytes));
        Assert.True(plan.ParameterCount > WeightsEmitter.MaxStringParameters);

        string source = Emitter.Emit(plan);

        Assert.DoesNotContain("private const string BakedW1", source, StringComparison.Ordinal);
        int start = source.IndexOf("BakedParameters => new byte[]", StringComparison.Ordinal);
        int end = source.IndexOf("};", start, StringComparison.Ordinal);
        byte[] decoded = Regex.Matches(source[start..end], @"(?m)^\s+(\d+(, \d+)*,)$")
            .SelectMany(m => m.Groups[1].Value.TrimEnd(',').Split(", ").Select(byte.Parse))
            .ToArray();
        Assert.Equal(bytes, decoded);
        Assert.Contains("public Net() => global::NetGen.CompiledParameters.Load(BakedParameters, _parameters.Span);", source, StringComparison.Ordinal);
    }

    private static NetworkSpec Spec(int inputs, int outputs, byte[] weights) =>
        new(
            new HierarchyInfo("Samples", EquatableArray<TypeHeader>.Empty, new TypeHeader("class", "Net", "Net", "Net"), "Samples.Net", false),
            inputs,
            LossKind.MeanSquaredError,
            KernelStrategyKind.Auto,
            new EquatableArray<LayerSpec>(new[] { new LayerSpec(outputs, ActivationKind.Identity, 0f) }),
            new CompiledWeights("net.safetensors", new ByteBlob(weights)));

    private static byte[] Bytes(int count, int seed)
    {
        byte[] bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static string Unescape(string literal) =>
        Regex.Replace(literal, @"\\u([0-9A-F]{4})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
}
