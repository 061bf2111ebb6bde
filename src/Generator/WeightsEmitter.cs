using System.Globalization;
using System.Text;
using NetGen.Generator.Helpers;
using NetGen.Generator.Model;

namespace NetGen.Generator;

/// <summary>
/// Writes the weights compiled in from a model file: a <c>ReadOnlySpan&lt;byte&gt;</c> over a constant byte
/// array, which the compiler stores as a data blob in the assembly (no allocation, nothing to deploy), and the
/// parameterless constructor that copies it into <c>Parameters</c>.
/// </summary>
internal static class WeightsEmitter
{
    private const int BytesPerLine = 32;

    private static readonly string[] ByteText = CreateByteText();

    public static void WriteConstructor(SourceWriter writer, NetworkPlan plan, string constructor)
    {
        writer.WriteLine($"/// <summary>Creates the network with the trained weights compiled in from '{Escape(plan.Weights!.FileName)}'.</summary>");
        writer.WriteLine($"public {constructor}() => {TypeNames.CompiledParameters}.Load({GeneratedNames.BakedParameters}, {GeneratedNames.ParametersField});");
        writer.WriteLine();
    }

    public static void WriteData(SourceWriter writer, NetworkPlan plan)
    {
        CompiledWeights weights = plan.Weights!;
        writer.WriteLine($"// The {Code.Int(plan.ParameterCount)} parameters from '{OneLine(weights.FileName)}', float32 little-endian in the layout of Parameters.");
        writer.OpenBlock($"private static {TypeNames.ReadOnlySpanOfByte} {GeneratedNames.BakedParameters} => new byte[]");
        var line = new StringBuilder(BytesPerLine * 5);
        System.ReadOnlySpan<byte> bytes = weights.Parameters.Span;
        foreach (LayerPlan layer in plan.Layers)
        {
            string k = Code.Int(layer.Index);
            writer.WriteLine($"// W{k} [{Code.Int(layer.Outputs)}, {Code.Int(layer.Inputs)}]");
            WriteBytes(writer, line, bytes.Slice(4 * layer.WeightOffset, 4 * layer.WeightCount));
            writer.WriteLine($"// b{k} [{Code.Int(layer.Outputs)}]");
            WriteBytes(writer, line, bytes.Slice(4 * layer.BiasOffset, 4 * layer.Outputs));
        }

        writer.CloseBlock(";");
        writer.WriteLine();
    }

    private static void WriteBytes(SourceWriter writer, StringBuilder line, System.ReadOnlySpan<byte> bytes)
    {
        for (int start = 0; start < bytes.Length; start += BytesPerLine)
        {
            line.Clear();
            int end = System.Math.Min(start + BytesPerLine, bytes.Length);
            for (int i = start; i < end; i++)
            {
                line.Append(ByteText[bytes[i]]);
            }

            writer.WriteLine(line.ToString(0, line.Length - 1));
        }
    }

    /// <summary>The file name as a documentation comment shows it.</summary>
    private static string Escape(string text) => OneLine(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string OneLine(string text) => text.Replace('\n', ' ').Replace('\r', ' ').Replace('\u2028', ' ').Replace('\u2029', ' ').Replace('\u0085', ' ');

    private static string[] CreateByteText()
    {
        var text = new string[256];
        for (int i = 0; i < 256; i++)
        {
            text[i] = i.ToString(CultureInfo.InvariantCulture) + ", ";
        }

        return text;
    }
}
