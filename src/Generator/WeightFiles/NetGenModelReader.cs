using System;
using System.Globalization;
using NetGen.Generator.Helpers;
using NetGen.Generator.Model;

namespace NetGen.Generator.WeightFiles;

/// <summary>
/// Reads a NetGen model file (<c>.ngm</c>, format version 1, docs/model-format.md): the generator cannot
/// reference the runtime, so this is its own reader of the same format, with the same checks in the same
/// order (magic, version, declared length, CRC-32, fields). A pure function from bytes to the topology and
/// parameters or to the reason the file is unusable; it never throws. The feature scaler is skipped: it is
/// data for the program's inputs, not part of the network.
/// </summary>
internal static class NetGenModelReader
{
    private static readonly byte[] Magic = { 0x89, 0x4E, 0x47, 0x4D, 0x0D, 0x0A, 0x1A, 0x0A };
    private static readonly uint[] CrcTable = CreateCrcTable();

    public static ModelFileRead Read(string path, byte[] bytes)
    {
        try
        {
            (ModelTopology topology, ByteBlob parameters) = ReadModel(bytes);
            return new ModelFileRead(path, new ModelContent(ModelFileKind.NetGenModel, EquatableArray<NamedTensor>.Empty, topology, parameters), null);
        }
        catch (ModelFormatException e)
        {
            return new ModelFileRead(path, null, e.Error);
        }
    }

    private static (ModelTopology Topology, ByteBlob Parameters) ReadModel(byte[] bytes)
    {
        for (int i = 0; i < Magic.Length; i++)
        {
            if (i >= bytes.Length)
            {
                throw ModelFormatException.At(bytes.Length, "the file ends inside the 8-byte magic number of a NetGen model file");
            }

            if (bytes[i] != Magic[i])
            {
                throw ModelFormatException.At(i, "the file is not a NetGen model file: its magic number is not 89 4E 47 4D 0D 0A 1A 0A");
            }
        }

        var reader = new Reader(bytes, bytes.Length);
        reader.Position = 8;
        uint version = reader.UInt32("the format version");
        if (version != 1)
        {
            throw ModelFormatException.At(8, Invariant($"the model file is of format version {version}; this NetGen reads version 1"));
        }

        uint flags = reader.UInt32("the flags");
        ulong declared = reader.UInt64("the file length");
        if ((ulong)bytes.Length < declared)
        {
            throw ModelFormatException.At(bytes.Length, Invariant($"the file is truncated: it ends before the {declared} bytes its header declares"));
        }

        if ((ulong)bytes.Length > declared)
        {
            throw ModelFormatException.At((long)declared, Invariant($"the file has {bytes.Length} bytes, but its header declares {declared}"));
        }

        int checksumOffset = bytes.Length - 4;
        if (checksumOffset < 24)
        {
            throw ModelFormatException.At(16, "the declared length is too short for a model file");
        }

        uint stored = BitConverter.ToUInt32(SafeTensorsReader.LittleEndian(bytes, checksumOffset, 4), 0);
        uint computed = Crc32(bytes, checksumOffset);
        if (stored != computed)
        {
            throw ModelFormatException.At(checksumOffset, Invariant($"the file is damaged: its CRC-32 is 0x{stored:X8}, but its bytes give 0x{computed:X8}"));
        }

        if ((flags & ~1u) != 0)
        {
            throw ModelFormatException.At(12, Invariant($"the flags 0x{flags:X8} set reserved bits"));
        }

        reader = new Reader(bytes, checksumOffset) { Position = 24 };
        int lossOffset = reader.Position;
        uint loss = reader.UInt32("the loss");
        if (loss > (uint)LossKind.BinaryCrossEntropy)
        {
            throw ModelFormatException.At(lossOffset, Invariant($"the loss {loss} is unknown"));
        }

        int inputs = reader.Count("the input size");
        int layerCount = reader.Count("the layer count");
        var layers = new LayerSpec[Math.Min(layerCount, (checksumOffset - reader.Position) / 12)];
        if (layers.Length < layerCount)
        {
            throw ModelFormatException.At(reader.Position, Invariant($"the {layerCount} layers declared do not fit in the file"));
        }

        long parameterCount = 0, width = inputs;
        for (int k = 0; k < layerCount; k++)
        {
            int outputs = reader.Count("a layer size");
            int activationOffset = reader.Position;
            uint activation = reader.UInt32("an activation");
            if (activation > (uint)ActivationKind.Softmax)
            {
                throw ModelFormatException.At(activationOffset, Invariant($"layer {k + 1}'s activation {activation} is unknown"));
            }

            int slopeOffset = reader.Position;
            float slope = reader.Single("a slope");
            if (float.IsNaN(slope) || float.IsInfinity(slope))
            {
                throw ModelFormatException.At(slopeOffset, Invariant($"layer {k + 1}'s slope is not finite"));
            }

            layers[k] = new LayerSpec(outputs, (ActivationKind)activation, slope);
            parameterCount += (width + 1) * outputs;
            width = outputs;
            if (parameterCount > checksumOffset / 4)
            {
                throw ModelFormatException.At(activationOffset - 4, Invariant($"the layers up to layer {k + 1} have {parameterCount} parameters, more than the file can hold"));
            }
        }

        if ((flags & 1u) != 0)
        {
            reader.UInt32("the scaler kind");
            int countOffset = reader.Position;
            int features = reader.Count("the scaler feature count");
            if (features != inputs)
            {
                throw ModelFormatException.At(countOffset, Invariant($"the scaler scales {features} features but the input size is {inputs}"));
            }

            reader.Skip(8L * features, "the scaler");
        }

        int countAt = reader.Position;
        uint stated = reader.UInt32("the parameter count");
        if (stated != parameterCount)
        {
            throw ModelFormatException.At(countAt, Invariant($"the parameter count {stated} does not fit the topology, which has {parameterCount}"));
        }

        int parametersAt = reader.Position;
        reader.Skip(4L * parameterCount, "the parameters");
        if (reader.Position != checksumOffset)
        {
            throw ModelFormatException.At(reader.Position, Invariant($"{checksumOffset - reader.Position} bytes lie between the parameters and the checksum"));
        }

        byte[] parameters = new byte[4 * parameterCount];
        Array.Copy(bytes, parametersAt, parameters, 0, parameters.Length);
        return (new ModelTopology(inputs, (LossKind)loss, new EquatableArray<LayerSpec>(layers)), new ByteBlob(parameters));
    }

    /// <summary>CRC-32 as in zlib: reflected polynomial 0xEDB88320, initial value and final XOR 0xFFFFFFFF.</summary>
    internal static uint Crc32(byte[] bytes, int length)
    {
        uint crc = 0xFFFFFFFF;
        for (int i = 0; i < length; i++)
        {
            crc = CrcTable[(crc ^ bytes[i]) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFF;
    }

    private static uint[] CreateCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads little-endian fields up to <c>end</c>; running past it is an error naming the field.</summary>
    private struct Reader
    {
        private readonly byte[] _bytes;
        private readonly int _end;

        public Reader(byte[] bytes, int end)
        {
            _bytes = bytes;
            _end = end;
            Position = 0;
        }

        public int Position { get; set; }

        public uint UInt32(string field)
        {
            Require(4, field);
            uint value = BitConverter.ToUInt32(SafeTensorsReader.LittleEndian(_bytes, Position, 4), 0);
            Position += 4;
            return value;
        }

        public ulong UInt64(string field)
        {
            Require(8, field);
            ulong value = BitConverter.ToUInt64(SafeTensorsReader.LittleEndian(_bytes, Position, 8), 0);
            Position += 8;
            return value;
        }

        public float Single(string field)
        {
            Require(4, field);
            float value = BitConverter.ToSingle(SafeTensorsReader.LittleEndian(_bytes, Position, 4), 0);
            Position += 4;
            return value;
        }

        /// <summary>A count that must be from 1 to 2^24 (the largest network NetGen generates).</summary>
        public int Count(string field)
        {
            int at = Position;
            uint value = UInt32(field);
            if (value < 1 || value > (1u << 24))
            {
                throw ModelFormatException.At(at, Invariant($"{field} {value} is not from 1 to 16,777,216"));
            }

            return (int)value;
        }

        public void Skip(long count, string field)
        {
            Require(count, field);
            Position += (int)count;
        }

        private readonly void Require(long count, string field)
        {
            if (count > _end - Position)
            {
                throw ModelFormatException.At(Position, "the content ends inside " + field);
            }
        }
    }
}
