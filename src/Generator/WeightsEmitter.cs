using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using NetGen.Generator.Helpers;
using NetGen.Generator.Model;

namespace NetGen.Generator;

/// <summary>
/// Writes the weights compiled in from a model file, and the parameterless constructor that copies them into
/// <c>Parameters</c>. Up to <see cref="MaxStringParameters"/> parameters they are string constants, one per
/// tensor, holding each float's 32 bits as two UTF-16 code units (low half first); above that, one constant
/// byte array. Either way the data sits in the assembly as it is, with nothing to deploy or read at run time.
/// </summary>
/// <remarks>
/// Why strings: the compiler binds a byte array initializer element by element, and 940,584 elements (a
/// 784-256-128-10 network) added about 19 s to a build in a measurement, where a string literal of the same
/// data added nothing measurable (docs/performance.md). But all of an assembly's string literals share one
/// 16 MB heap in its metadata, so the largest networks fall back to the byte array.
/// </remarks>
internal static class WeightsEmitter
{
    /// <summary>The most parameters written as strings: 8 MB, half of the metadata's 16 MB heap of string literals.</summary>
    public const int MaxStringParameters = 1 << 21;

    private const int BytesPerLine = 32;

    /// <summary>The characters of a string constant encoded at a time before they go into the writer.</summary>
    private const int EncodeBufferLength = 4096;

    private const string Hex = "0123456789ABCDEF";

    /// <summary>
    /// <c>MethodImplOptions.AggressiveOptimization</c>, which netstandard2.0 does not name: the encoding loop runs once
    /// per build over every code unit, so it is compiled optimized at once rather than first without optimization.
    /// </summary>
    private const MethodImplOptions AggressiveOptimization = (MethodImplOptions)512;

    private static readonly string[] ByteText = CreateByteText();

    /// <summary>Whether the weights are written as string constants (else as a byte array).</summary>
    public static bool UsesStrings(NetworkPlan plan) => plan.ParameterCount <= MaxStringParameters;

    public static string WeightConstant(int layer) => "BakedW" + layer.ToString(CultureInfo.InvariantCulture);

    public static string BiasConstant(int layer) => "Bakedb" + layer.ToString(CultureInfo.InvariantCulture);

    public static void WriteConstructor(SourceWriter writer, NetworkPlan plan, string constructor)
    {
        writer.WriteLine($"/// <summary>Creates the network with the trained weights compiled in from '{DocumentationText(plan.Weights!.FileName)}'.</summary>");
        if (!UsesStrings(plan))
        {
            writer.WriteLine($"public {constructor}() => {TypeNames.CompiledParameters}.Load({GeneratedNames.BakedParameters}, {GeneratedNames.ParametersField}.Span);");
            writer.WriteLine();
            return;
        }

        writer.OpenBlock($"public {constructor}()");
        WriteLoads(writer, plan, GeneratedNames.ParametersField);
        writer.CloseBlock();
        writer.WriteLine();
    }

    /// <summary>An inference-only network's static method that decodes the compiled-in weights once, for every instance to share.</summary>
    public static void WriteLoader(SourceWriter writer, NetworkPlan plan)
    {
        writer.WriteLine($"// Decodes the {Code.Int(plan.ParameterCount)} parameters compiled in from '{OneLine(plan.Weights!.FileName)}'.");
        writer.OpenBlock($"private static {TypeNames.AlignedBuffer} {GeneratedNames.LoadParameters}()");
        writer.WriteLine($"{TypeNames.AlignedBuffer} parameters = new({GeneratedNames.ParameterCount});");
        if (UsesStrings(plan))
        {
            WriteLoads(writer, plan, "parameters");
        }
        else
        {
            writer.WriteLine($"{TypeNames.CompiledParameters}.Load({GeneratedNames.BakedParameters}, parameters.Span);");
        }

        writer.WriteLine("return parameters;");
        writer.CloseBlock();
        writer.WriteLine();
    }

    /// <summary>One load per string constant, each into its tensor's place in <paramref name="buffer"/>.</summary>
    private static void WriteLoads(SourceWriter writer, NetworkPlan plan, string buffer)
    {
        foreach (LayerPlan layer in plan.Layers)
        {
            writer.WriteLine($"{TypeNames.CompiledParameters}.Load({WeightConstant(layer.Index)}, {Code.BufferSlice(buffer, layer.WeightOffset, layer.WeightCount)});");
            writer.WriteLine($"{TypeNames.CompiledParameters}.Load({BiasConstant(layer.Index)}, {Code.BufferSlice(buffer, layer.BiasOffset, layer.Outputs)});");
        }
    }

    public static void WriteData(SourceWriter writer, NetworkPlan plan)
    {
        CompiledWeights weights = plan.Weights!;
        System.ReadOnlySpan<byte> bytes = weights.Parameters.Span;
        if (UsesStrings(plan))
        {
            writer.WriteLine($"// The {Code.Int(plan.ParameterCount)} parameters from '{OneLine(weights.FileName)}', per tensor: each float's bits as two UTF-16 code units, low half first.");
            char[] buffer = new char[EncodeBufferLength];
            foreach (LayerPlan layer in plan.Layers)
            {
                string k = Code.Int(layer.Index);
                writer.WriteLine($"// W{k} [{Code.Int(layer.Outputs)}, {Code.Int(layer.Inputs)}], b{k} [{Code.Int(layer.Outputs)}]");
                WriteStringConstant(writer, WeightConstant(layer.Index), bytes.Slice(4 * layer.WeightOffset, 4 * layer.WeightCount), buffer);
                WriteStringConstant(writer, BiasConstant(layer.Index), bytes.Slice(4 * layer.BiasOffset, 4 * layer.Outputs), buffer);
            }

            writer.WriteLine();
            return;
        }

        writer.WriteLine($"// The {Code.Int(plan.ParameterCount)} parameters from '{OneLine(weights.FileName)}', float32 little-endian in the layout of Parameters.");
        writer.OpenBlock($"private static {TypeNames.ReadOnlySpanOfByte} {GeneratedNames.BakedParameters} => new byte[]");
        var line = new StringBuilder(BytesPerLine * 5);
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

    /// <summary>
    /// <c>private const string {name} = "…";</c> with the little-endian bytes as the contents of the string literal, two
    /// bytes per UTF-16 code unit: a code unit as itself where a string literal can hold it and UTF-8 can store it,
    /// which keeps the source short and quick to read for the compiler; as a <c>\uXXXX</c> escape the quote, the
    /// backslash, control characters, line separators, invisible formatting characters, surrogates (which UTF-8
    /// cannot hold alone), the byte order mark and the noncharacters.
    /// </summary>
    /// <remarks>
    /// The characters go through <paramref name="buffer"/> straight into the writer: no string per tensor and no
    /// call per character, for the hundreds of thousands of code units of a megabyte of weights.
    /// </remarks>
    [MethodImpl(AggressiveOptimization)]
    private static void WriteStringConstant(SourceWriter writer, string name, System.ReadOnlySpan<byte> bytes, char[] buffer)
    {
        writer.StartLine();
        writer.Append("private const string ");
        writer.Append(name);
        writer.Append(" = \"");
        int used = 0;
        for (int i = 0; i + 1 < bytes.Length; i += 2)
        {
            if (used > buffer.Length - 6)
            {
                writer.Append(buffer, used);
                used = 0;
            }

            int unit = bytes[i] | (bytes[i + 1] << 8);
            if (IsLiteral(unit))
            {
                buffer[used++] = (char)unit;
            }
            else
            {
                buffer[used] = '\\';
                buffer[used + 1] = 'u';
                buffer[used + 2] = Hex[unit >> 12];
                buffer[used + 3] = Hex[(unit >> 8) & 0xF];
                buffer[used + 4] = Hex[(unit >> 4) & 0xF];
                buffer[used + 5] = Hex[unit & 0xF];
                used += 6;
            }
        }

        writer.Append(buffer, used);
        writer.Append("\";");
        writer.WriteLine();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLiteral(int unit) =>
        unit >= 0x20 && unit != '"' && unit != '\\'
        && !(unit >= 0x7F && unit <= 0x9F)
        && unit != 0x2028 && unit != 0x2029
        && !(unit >= 0xD800 && unit <= 0xDFFF)
        && unit != 0xFEFF && unit != 0xFFFE && unit != 0xFFFF
        // Invisible formatting characters, the bidirectional controls among them, which editors and reviews flag.
        && unit != 0x00AD && unit != 0x061C && unit != 0x180E
        && !(unit >= 0x200B && unit <= 0x200F) && !(unit >= 0x202A && unit <= 0x202E)
        && !(unit >= 0x2060 && unit <= 0x206F) && !(unit >= 0xFFF9 && unit <= 0xFFFB);

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
    public static string DocumentationText(string text) => OneLine(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

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
