using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NetGen.Generator.Helpers;

namespace NetGen.Generator.WeightFiles;

/// <summary>
/// Reads a safetensors file: an unsigned 64-bit little-endian header length, that many bytes of UTF-8 JSON
/// naming each tensor's dtype, shape and byte range, then the data. A pure function from bytes to the
/// tensors or to the reason the file is unusable; it never throws and its work is linear in the file.
/// </summary>
internal static class SafeTensorsReader
{
    /// <summary>The largest header read, as in the safetensors library itself.</summary>
    public const long MaxHeaderLength = 100_000_000;

    public static ModelFileRead Read(string path, byte[] bytes)
    {
        try
        {
            return new ModelFileRead(path, new ModelContent(ModelFileKind.SafeTensors, ReadTensors(bytes), null, null), null);
        }
        catch (ModelFormatException e)
        {
            return new ModelFileRead(path, null, e.Error);
        }
    }

    private static EquatableArray<NamedTensor> ReadTensors(byte[] bytes)
    {
        if (bytes.Length < 8)
        {
            throw ModelFormatException.At(bytes.Length, Invariant($"the file is {bytes.Length} bytes long, too short for the 8-byte header length"));
        }

        ulong headerLength = BitConverter.ToUInt64(LittleEndian(bytes, 0, 8), 0);
        if (headerLength > MaxHeaderLength)
        {
            throw ModelFormatException.At(0, Invariant($"the header length {headerLength} is more than the {MaxHeaderLength} bytes a safetensors header may have"));
        }

        if ((ulong)bytes.Length - 8 < headerLength)
        {
            throw ModelFormatException.At(bytes.Length, Invariant($"the file ends before the end of its {headerLength}-byte header"));
        }

        string header;
        try
        {
            header = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 8, (int)headerLength);
        }
        catch (ArgumentException)
        {
            throw ModelFormatException.At(8, "the header is not valid UTF-8");
        }

        if (JsonReader.Parse(header, 8) is not List<KeyValuePair<string, object?>> entries)
        {
            throw ModelFormatException.At(8, "the header is not a JSON object");
        }

        long dataStart = 8 + (long)headerLength;
        long dataLength = bytes.Length - dataStart;
        var tensors = new List<NamedTensor>();
        foreach (KeyValuePair<string, object?> entry in entries)
        {
            if (entry.Key == "__metadata__")
            {
                continue;
            }

            tensors.Add(ReadTensor(entry.Key, entry.Value, bytes, dataStart, dataLength));
        }

        return tensors.ToEquatableArray();
    }

    private static NamedTensor ReadTensor(string name, object? value, byte[] bytes, long dataStart, long dataLength)
    {
        if (value is not List<KeyValuePair<string, object?>> members)
        {
            throw ModelFormatException.At(8, $"the header entry of tensor '{name}' is not a JSON object");
        }

        string? dtype = null;
        List<object?>? shape = null, offsets = null;
        foreach (KeyValuePair<string, object?> member in members)
        {
            switch (member.Key)
            {
                case "dtype":
                    dtype = member.Value as string;
                    break;
                case "shape":
                    shape = member.Value as List<object?>;
                    break;
                case "data_offsets":
                    offsets = member.Value as List<object?>;
                    break;
            }
        }

        if (dtype is null || shape is null || offsets is null)
        {
            throw ModelFormatException.At(8, $"the header entry of tensor '{name}' needs a string 'dtype', an array 'shape' and an array 'data_offsets'");
        }

        int elementSize = ElementSize(dtype);
        if (elementSize == 0)
        {
            throw ModelFormatException.At(8, $"tensor '{name}' has the unknown dtype '{dtype}'");
        }

        var dims = new long[shape.Count];
        long elements = 1;
        for (int i = 0; i < dims.Length; i++)
        {
            if (shape[i] is not long dim || dim < 0 || dim > int.MaxValue)
            {
                throw ModelFormatException.At(8, $"tensor '{name}' has a shape that is not a list of non-negative integers");
            }

            dims[i] = dim;
            elements = dim == 0 || elements <= int.MaxValue / dim ? elements * dim : long.MaxValue;
        }

        if (offsets.Count != 2 || offsets[0] is not long begin || offsets[1] is not long end || begin < 0 || end < begin)
        {
            throw ModelFormatException.At(8, $"tensor '{name}' has data_offsets that are not two integers [begin, end] with begin ≤ end");
        }

        if (end > dataLength)
        {
            throw ModelFormatException.At(dataStart + Math.Min(end, dataLength), Invariant($"the file ends before the end of tensor '{name}', whose bytes run from {dataStart + begin} to {dataStart + end}"));
        }

        if (elements == long.MaxValue || end - begin != elements * elementSize)
        {
            throw ModelFormatException.At(dataStart + begin, Invariant($"tensor '{name}' has {end - begin} bytes, but its shape [{string.Join(", ", dims)}] of {dtype} needs {(elements == long.MaxValue ? "more than 2^31 elements" : (elements * elementSize).ToString(CultureInfo.InvariantCulture))}"));
        }

        // The tensor's range of the file's bytes, not a copy: the file is read once and its bytes kept as they are.
        ByteBlob? data = dtype == "F32" ? new ByteBlob(bytes, (int)(dataStart + begin), (int)(end - begin)) : null;

        return new NamedTensor(name, dtype, new EquatableArray<long>(dims), data);
    }

    /// <summary>The bytes per element of a safetensors dtype, or 0 for an unknown one.</summary>
    private static int ElementSize(string dtype) => dtype switch
    {
        "F64" or "I64" or "U64" => 8,
        "F32" or "I32" or "U32" => 4,
        "F16" or "BF16" or "I16" or "U16" => 2,
        "I8" or "U8" or "BOOL" or "F8_E4M3" or "F8_E5M2" => 1,
        _ => 0,
    };

    /// <summary>A copy of <paramref name="count"/> bytes, reversed on a big-endian machine, for <see cref="BitConverter"/>.</summary>
    internal static byte[] LittleEndian(byte[] bytes, int offset, int count)
    {
        byte[] copy = new byte[count];
        Array.Copy(bytes, offset, copy, 0, count);
        if (!BitConverter.IsLittleEndian)
        {
            Array.Reverse(copy);
        }

        return copy;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
