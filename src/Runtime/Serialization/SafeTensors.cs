using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace NetGen.Serialization;

/// <summary>
/// Reads and writes a network's parameters as a safetensors file with PyTorch <c>nn.Linear</c> names and
/// layout: <c>layers.{k}.weight</c> of shape <c>[out, in]</c> and <c>layers.{k}.bias</c> of shape <c>[out]</c>,
/// both F32, for k = 0 … L − 1 from the input. The mapping, and how to load such a file in PyTorch, is in
/// <c>docs/model-format.md</c>.
/// </summary>
/// <remarks>
/// A safetensors file is an unsigned 64-bit little-endian header length <c>N</c>, <c>N</c> bytes of UTF-8 JSON
/// (padded with spaces) describing every tensor's dtype, shape and byte range, then the tensors' bytes.
/// Activations and the loss are not part of the tensors; <see cref="Save(string, IInferenceNetwork, IReadOnlyDictionary{string, string}?)"/>
/// records the topology in the <c>__metadata__</c> entry <c>netgen.topology</c>, and loading checks it when present.
/// Saving to a path is atomic (see <see cref="AtomicFile"/>).
/// </remarks>
public static class SafeTensors
{
    /// <summary>The metadata key under which the topology is recorded, as <see cref="NetworkTopology.ToString"/> writes it.</summary>
    public const string TopologyKey = "netgen.topology";

    /// <summary>The largest header accepted, 100 MB, as in the reference implementation.</summary>
    public const int MaxHeaderLength = 100_000_000;

    private const string MetadataKey = "__metadata__";

    /// <summary>The tensor name of layer <paramref name="layer"/>'s weight matrix, <c>layers.{layer}.weight</c>.</summary>
    /// <param name="layer">The layer, from 0 at the input.</param>
    /// <returns>The name.</returns>
    public static string WeightName(int layer) => string.Create(CultureInfo.InvariantCulture, $"layers.{layer}.weight");

    /// <summary>The tensor name of layer <paramref name="layer"/>'s bias, <c>layers.{layer}.bias</c>.</summary>
    /// <param name="layer">The layer, from 0 at the input.</param>
    /// <returns>The name.</returns>
    public static string BiasName(int layer) => string.Create(CultureInfo.InvariantCulture, $"layers.{layer}.bias");

    /// <summary>Saves <paramref name="network"/>'s parameters to <paramref name="path"/> as safetensors, atomically.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="network">The network.</param>
    /// <param name="metadata">Extra <c>__metadata__</c> entries, or null; they override the defaults of the same key.</param>
    /// <exception cref="IOException">The file cannot be written; an existing file is left as it was.</exception>
    public static void Save(string path, IInferenceNetwork network, IReadOnlyDictionary<string, string>? metadata = null)
    {
        byte[] content = Serialize(network, metadata);
        AtomicFile.WriteAllBytes(path, content);
    }

    /// <summary>Writes <paramref name="network"/>'s parameters to <paramref name="stream"/> as safetensors.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="network">The network.</param>
    /// <param name="metadata">Extra <c>__metadata__</c> entries, or null.</param>
    public static void Save(Stream stream, IInferenceNetwork network, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(Serialize(network, metadata));
    }

    /// <summary>The bytes of <paramref name="network"/>'s safetensors file.</summary>
    /// <param name="network">The network.</param>
    /// <param name="metadata">Extra <c>__metadata__</c> entries, or null; they override the defaults (<c>format</c>: <c>pt</c>, and <see cref="TopologyKey"/>) of the same key.</param>
    /// <returns>The whole file.</returns>
    public static byte[] Serialize(IInferenceNetwork network, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ReadOnlySpan<LayerInfo> layers = network.Layers;
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["format"] = "pt",
            [TopologyKey] = NetworkTopology.Of(network).ToString(),
        };
        if (metadata is not null)
        {
            foreach (KeyValuePair<string, string> entry in metadata)
            {
                entries[entry.Key] = entry.Value ?? throw new ArgumentException($"The metadata value of '{entry.Key}' is null.", nameof(metadata));
            }
        }

        using var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteStartObject(MetadataKey);
            foreach (KeyValuePair<string, string> entry in entries)
            {
                writer.WriteString(entry.Key, entry.Value);
            }

            writer.WriteEndObject();
            long offset = 0;
            for (int k = 0; k < layers.Length; k++)
            {
                WriteTensor(writer, WeightName(k), [layers[k].Outputs, layers[k].Inputs], ref offset);
                WriteTensor(writer, BiasName(k), [layers[k].Outputs], ref offset);
            }

            writer.WriteEndObject();
        }

        // Pad the header with spaces so that the data starts 8-byte aligned, as the reference implementation does.
        int headerLength = (int)json.Length;
        int padded = ((8 + headerLength + 7) & ~7) - 8;
        long dataLength = 4L * network.ParameterCount;
        byte[] bytes = new byte[8 + padded + dataLength];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)padded);
        json.GetBuffer().AsSpan(0, headerLength).CopyTo(bytes.AsSpan(8));
        bytes.AsSpan(8 + headerLength, padded - headerLength).Fill((byte)' ');
        Span<byte> data = bytes.AsSpan(8 + padded);
        ReadOnlySpan<float> parameters = network.Parameters;
        int position = 0;
        foreach (LayerInfo layer in layers)
        {
            LittleEndianFloats.Write(parameters.Slice(layer.WeightOffset, layer.WeightCount), data[position..]);
            position += 4 * layer.WeightCount;
            LittleEndianFloats.Write(parameters.Slice(layer.BiasOffset, layer.Outputs), data[position..]);
            position += 4 * layer.Outputs;
        }

        return bytes;
    }

    /// <summary>Loads the safetensors file at <paramref name="path"/> into <paramref name="network"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="network">The network; its parameters are replaced only if the whole file is valid for it.</param>
    /// <returns>The file's <c>__metadata__</c> entries (empty when it has none).</returns>
    /// <exception cref="ModelFileTruncatedException">The file ends before its header or its tensors.</exception>
    /// <exception cref="ModelFileFormatException">
    /// The header is not valid safetensors JSON (including invalid UTF-8, an escape that spells an unpaired surrogate,
    /// or a name given twice at any level), a tensor is missing, unexpected or not F32, or the byte ranges are
    /// inconsistent (offsets up to <see cref="long.MaxValue"/> are compared without overflow).
    /// </exception>
    /// <exception cref="ModelTopologyMismatchException">A tensor's shape, or the recorded topology, is not the network's.</exception>
    /// <exception cref="IOException">
    /// The file cannot be read (it does not exist, access is denied, and so on). The exceptions above derive from
    /// <see cref="ModelFileException"/>, name the file and the byte offset, and are the only ones a file's content causes.
    /// </exception>
    public static IReadOnlyDictionary<string, string> Load(string path, INetwork network) => Deserialize(File.ReadAllBytes(path), network, path);

    /// <summary>Loads safetensors from <paramref name="stream"/> into <paramref name="network"/>.</summary>
    /// <param name="stream">The stream, read to its end.</param>
    /// <param name="network">The network; its parameters are replaced only if the whole file is valid for it.</param>
    /// <param name="sourceName">How error messages name the stream.</param>
    /// <returns>The file's <c>__metadata__</c> entries (empty when it has none).</returns>
    /// <exception cref="ModelFileException">The content is not valid for <paramref name="network"/>; see <see cref="Load(string, INetwork)"/>.</exception>
    public static IReadOnlyDictionary<string, string> Load(Stream stream, INetwork network, string sourceName = "stream")
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), network, sourceName);
    }

    /// <summary>Loads safetensors from its bytes into <paramref name="network"/>.</summary>
    /// <param name="content">The whole file.</param>
    /// <param name="network">The network; its parameters are replaced only if the whole file is valid for it.</param>
    /// <param name="sourceName">How error messages name the file.</param>
    /// <returns>The file's <c>__metadata__</c> entries (empty when it has none).</returns>
    /// <exception cref="ModelFileException">The content is not valid for <paramref name="network"/>; see <see cref="Load(string, INetwork)"/>.</exception>
    public static IReadOnlyDictionary<string, string> Deserialize(ReadOnlySpan<byte> content, INetwork network, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(sourceName);
        if (content.Length < 8)
        {
            throw new ModelFileTruncatedException(
                Invariant($"'{sourceName}' is truncated: it ends at byte offset {content.Length}, before the 8-byte header length."), sourceName, content.Length);
        }

        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(content);
        if (headerLength > MaxHeaderLength)
        {
            throw new ModelFileFormatException(
                Invariant($"'{sourceName}' is not a safetensors file: the header length at byte offset 0 is {headerLength}, over the limit of {MaxHeaderLength}."), sourceName, 0);
        }

        if ((ulong)content.Length < 8 + headerLength)
        {
            throw new ModelFileTruncatedException(
                Invariant($"'{sourceName}' is truncated: it ends at byte offset {content.Length}, inside the {headerLength}-byte JSON header that starts at byte offset 8."), sourceName, content.Length);
        }

        ReadOnlySpan<byte> header = content.Slice(8, (int)headerLength);
        ReadOnlySpan<byte> data = content[(8 + (int)headerLength)..];
        long dataStart = 8 + (long)headerLength;
        Dictionary<string, TensorEntry> tensors;
        Dictionary<string, string> metadata;
        (tensors, metadata) = ParseHeader(header, sourceName);

        ReadOnlySpan<LayerInfo> layers = network.Layers;
        var expected = new List<(string Name, long[] Shape, int Layer, bool IsWeight)>(2 * layers.Length);
        for (int k = 0; k < layers.Length; k++)
        {
            expected.Add((WeightName(k), [layers[k].Outputs, layers[k].Inputs], k, true));
            expected.Add((BiasName(k), [layers[k].Outputs], k, false));
        }

        string[] missing = [.. expected.Select(e => e.Name).Where(name => !tensors.ContainsKey(name))];
        string[] unexpected = [.. tensors.Keys.Where(name => !expected.Exists(e => e.Name == name)).Order(StringComparer.Ordinal)];
        if (missing.Length > 0 || unexpected.Length > 0)
        {
            string problem = (missing.Length > 0 ? $"it lacks {string.Join(", ", missing)}" : string.Empty)
                + (missing.Length > 0 && unexpected.Length > 0 ? "; " : string.Empty)
                + (unexpected.Length > 0 ? $"it has unexpected tensors {string.Join(", ", unexpected)}" : string.Empty);
            throw new ModelFileFormatException(
                Invariant($"'{sourceName}' does not hold the tensors of a {layers.Length}-layer network (layers.0.weight, layers.0.bias … layers.{layers.Length - 1}.bias): {problem}."),
                sourceName,
                8);
        }

        if (metadata.TryGetValue(TopologyKey, out string? recorded))
        {
            string actual = NetworkTopology.Of(network).ToString();
            if (!string.Equals(recorded, actual, StringComparison.Ordinal))
            {
                throw new ModelTopologyMismatchException(
                    Invariant($"'{sourceName}' holds a model for another network (its {TopologyKey} metadata in the header at byte offset 8): the file holds {recorded}, the network is {actual}."),
                    sourceName,
                    8,
                    recorded,
                    actual);
            }
        }

        foreach ((string name, long[] shape, int layer, bool _) in expected)
        {
            TensorEntry tensor = tensors[name];
            if (tensor.DType != "F32")
            {
                throw new ModelFileFormatException(
                    Invariant($"'{sourceName}': tensor {name} has dtype {tensor.DType}; NetGen reads F32 only (convert with .float() before saving)."), sourceName, 8);
            }

            if (!tensor.Shape.AsSpan().SequenceEqual(shape))
            {
                string held = Shapes(tensors, expected.Select(e => e.Name)), wanted = Shapes(expected);
                throw new ModelTopologyMismatchException(
                    Invariant($"'{sourceName}': tensor {name} has shape {Shape(tensor.Shape)}, but layer {layer} of the network needs {Shape(shape)}: the file holds {held}, the network is {wanted}."),
                    sourceName,
                    8,
                    held,
                    wanted);
            }
        }

        CheckOffsets(tensors, data.Length, dataStart, sourceName);

        Span<float> parameters = network.Parameters;
        for (int k = 0; k < layers.Length; k++)
        {
            TensorEntry weight = tensors[WeightName(k)], bias = tensors[BiasName(k)];
            LittleEndianFloats.Read(data[(int)weight.Begin..(int)weight.End], parameters.Slice(layers[k].WeightOffset, layers[k].WeightCount));
            LittleEndianFloats.Read(data[(int)bias.Begin..(int)bias.End], parameters.Slice(layers[k].BiasOffset, layers[k].Outputs));
        }

        return metadata;
    }

    private static void WriteTensor(Utf8JsonWriter writer, string name, ReadOnlySpan<long> shape, ref long offset)
    {
        long elements = 1;
        writer.WriteStartObject(name);
        writer.WriteString("dtype", "F32");
        writer.WriteStartArray("shape");
        foreach (long dimension in shape)
        {
            writer.WriteNumberValue(dimension);
            elements *= dimension;
        }

        writer.WriteEndArray();
        writer.WriteStartArray("data_offsets");
        writer.WriteNumberValue(offset);
        offset += 4 * elements;
        writer.WriteNumberValue(offset);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static (Dictionary<string, TensorEntry> Tensors, Dictionary<string, string> Metadata) ParseHeader(ReadOnlySpan<byte> header, string sourceName)
    {
        var tensors = new Dictionary<string, TensorEntry>(StringComparer.Ordinal);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (header.IsEmpty || header[0] != (byte)'{')
        {
            throw new ModelFileFormatException(
                Invariant($"'{sourceName}' is not a safetensors file: the header at byte offset 8 does not start with '{{'."), sourceName, 8);
        }

        if (!Utf8.IsValid(header))
        {
            int at = FirstInvalidUtf8(header);
            throw new ModelFileFormatException(
                Invariant($"'{sourceName}' has an invalid safetensors header: byte offset {8 + at} (0x{header[at]:X2}) is not valid UTF-8."), sourceName, 8 + at);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header.ToArray());
        }
        catch (JsonException error)
        {
            long offset = 8 + (error.BytePositionInLine ?? 0);
            throw new ModelFileFormatException(
                Invariant($"'{sourceName}' has a malformed JSON header (line {error.LineNumber + 1}, byte {error.BytePositionInLine} of the line, from byte offset 8): {error.Message}"),
                sourceName,
                offset,
                error);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Header(sourceName, "the header is not a JSON object");
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                string name = NameOf(property, sourceName);
                if (!names.Add(name))
                {
                    throw Header(sourceName, Invariant($"'{name}' appears twice"));
                }

                if (name == MetadataKey)
                {
                    if (property.Value.ValueKind != JsonValueKind.Object)
                    {
                        throw Header(sourceName, "__metadata__ is not an object");
                    }

                    foreach (JsonProperty entry in property.Value.EnumerateObject())
                    {
                        string key = NameOf(entry, sourceName);
                        if (entry.Value.ValueKind != JsonValueKind.String)
                        {
                            throw Header(sourceName, Invariant($"the metadata value of '{key}' is not a string"));
                        }

                        if (!metadata.TryAdd(key, StringOf(entry.Value, sourceName)))
                        {
                            throw Header(sourceName, Invariant($"the metadata key '{key}' appears twice"));
                        }
                    }

                    continue;
                }

                tensors.Add(name, ReadTensor(property, name, sourceName));
            }
        }

        return (tensors, metadata);
    }

    private static TensorEntry ReadTensor(JsonProperty property, string name, string sourceName)
    {
        // The fields are found by walking the entry (not TryGetProperty, which unescapes every name it compares and
        // throws on an unpaired surrogate), and each may appear once.
        JsonElement value = property.Value;
        JsonElement dtype = default, shape = default, offsets = default;
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty field in value.EnumerateObject())
            {
                string fieldName = NameOf(field, sourceName);
                bool repeated = fieldName switch
                {
                    "dtype" => Take(ref dtype, field.Value),
                    "shape" => Take(ref shape, field.Value),
                    "data_offsets" => Take(ref offsets, field.Value),
                    _ => false,
                };
                if (repeated)
                {
                    throw Header(sourceName, Invariant($"tensor {name} names \"{fieldName}\" twice"));
                }
            }
        }

        if (dtype.ValueKind != JsonValueKind.String || shape.ValueKind != JsonValueKind.Array
            || offsets.ValueKind != JsonValueKind.Array || offsets.GetArrayLength() != 2)
        {
            throw Header(sourceName, Invariant($"tensor {name} needs a string \"dtype\", an array \"shape\" and a two-element array \"data_offsets\""));
        }

        long[] dimensions = new long[shape.GetArrayLength()];
        int d = 0;
        foreach (JsonElement dimension in shape.EnumerateArray())
        {
            if (dimension.ValueKind != JsonValueKind.Number || !dimension.TryGetInt64(out dimensions[d]) || dimensions[d] < 0)
            {
                throw Header(sourceName, Invariant($"tensor {name} has a shape entry that is not a non-negative integer"));
            }

            d++;
        }

        long[] range = new long[2];
        int r = 0;
        foreach (JsonElement bound in offsets.EnumerateArray())
        {
            if (bound.ValueKind != JsonValueKind.Number || !bound.TryGetInt64(out range[r]) || range[r] < 0)
            {
                throw Header(sourceName, Invariant($"tensor {name} has a data offset that is not a non-negative integer"));
            }

            r++;
        }

        return new TensorEntry(StringOf(dtype, sourceName), dimensions, range[0], range[1]);
    }

    /// <summary>Sets <paramref name="slot"/> to <paramref name="value"/> unless it was set before; returns whether it was.</summary>
    private static bool Take(ref JsonElement slot, JsonElement value)
    {
        if (slot.ValueKind != JsonValueKind.Undefined)
        {
            return true;
        }

        slot = value;
        return false;
    }

    /// <summary>A property's name; JSON escapes can spell an unpaired surrogate, which no .NET string can hold faithfully.</summary>
    private static string NameOf(JsonProperty property, string sourceName)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException error)
        {
            throw new ModelFileFormatException(Header(sourceName, "a name is not valid Unicode (an escape spells an unpaired surrogate)").Message, sourceName, 8, error);
        }
    }

    /// <summary>A string value, with the same check as <see cref="NameOf"/>.</summary>
    private static string StringOf(JsonElement value, string sourceName)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException error)
        {
            throw new ModelFileFormatException(Header(sourceName, "a string is not valid Unicode (an escape spells an unpaired surrogate)").Message, sourceName, 8, error);
        }
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> text)
    {
        int at = 0;
        while (at < text.Length && Rune.DecodeFromUtf8(text[at..], out _, out int consumed) == System.Buffers.OperationStatus.Done)
        {
            at += consumed;
        }

        return at;
    }

    /// <summary>
    /// The byte ranges must be well ordered, of the size the shape needs, and tile the data section exactly, without
    /// gaps or overlaps. Data offsets reach <see cref="long.MaxValue"/>, so sizes are computed with checked arithmetic
    /// and byte offsets (data offset + <paramref name="dataStart"/>) as unsigned sums, which cannot overflow.
    /// </summary>
    private static void CheckOffsets(Dictionary<string, TensorEntry> tensors, int dataLength, long dataStart, string sourceName)
    {
        long expectedBegin = 0;
        foreach ((string name, TensorEntry tensor) in tensors.OrderBy(t => t.Value.Begin).ThenBy(t => t.Value.End))
        {
            long size = 4;
            try
            {
                foreach (long dimension in tensor.Shape)
                {
                    size = checked(size * dimension);
                }
            }
            catch (OverflowException)
            {
                throw Header(sourceName, Invariant($"tensor {name} of shape {Shape(tensor.Shape)} needs more than {long.MaxValue} bytes"));
            }

            // Where a problem with this tensor's range lies: its first byte, or the end of the file when it starts beyond.
            long place = dataStart + Math.Min(tensor.Begin, dataLength);
            if (tensor.End < tensor.Begin || tensor.End - tensor.Begin != size)
            {
                throw new ModelFileFormatException(
                    Invariant($"'{sourceName}': tensor {name}'s data_offsets [{tensor.Begin}, {tensor.End}] span {tensor.End - tensor.Begin} bytes, but {tensor.DType} {Shape(tensor.Shape)} needs {size}."),
                    sourceName,
                    place);
            }

            if (tensor.Begin != expectedBegin)
            {
                string problem = tensor.Begin < expectedBegin ? "overlaps the tensor before it" : "leaves a gap after the tensor before it";
                throw new ModelFileFormatException(
                    Invariant($"'{sourceName}': tensor {name} starts at data offset {tensor.Begin} (byte offset {ByteOffset(dataStart, tensor.Begin)}) and {problem}, which ends at data offset {expectedBegin}."),
                    sourceName,
                    place);
            }

            if (tensor.End > dataLength)
            {
                throw new ModelFileTruncatedException(
                    Invariant($"'{sourceName}' is truncated: it ends at byte offset {dataStart + dataLength}, inside tensor {name}, which runs to byte offset {ByteOffset(dataStart, tensor.End)}."),
                    sourceName,
                    dataStart + dataLength);
            }

            expectedBegin = tensor.End;
        }

        if (expectedBegin != dataLength)
        {
            throw new ModelFileFormatException(
                Invariant($"'{sourceName}' has {dataLength - expectedBegin} bytes after its last tensor, from byte offset {dataStart + expectedBegin}."),
                sourceName,
                dataStart + expectedBegin);
        }
    }

    /// <summary>The byte offset in the file of a data offset: exact even for data offsets near <see cref="long.MaxValue"/>.</summary>
    private static ulong ByteOffset(long dataStart, long dataOffset) => (ulong)dataStart + (ulong)dataOffset;

    private static string Shape(ReadOnlySpan<long> shape)
    {
        var text = new StringBuilder("[");
        for (int i = 0; i < shape.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(shape[i].ToString(CultureInfo.InvariantCulture));
        }

        return text.Append(']').ToString();
    }

    private static string Shapes(Dictionary<string, TensorEntry> tensors, IEnumerable<string> names) =>
        string.Join(", ", names.Select(name => $"{name} {Shape(tensors[name].Shape)}"));

    private static string Shapes(List<(string Name, long[] Shape, int Layer, bool IsWeight)> expected) =>
        string.Join(", ", expected.Select(e => $"{e.Name} {Shape(e.Shape)}"));

    private static ModelFileFormatException Header(string sourceName, string problem) =>
        new(Invariant($"'{sourceName}' has an invalid safetensors header (byte offset 8): {problem}."), sourceName, 8);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record TensorEntry(string DType, long[] Shape, long Begin, long End);
}
