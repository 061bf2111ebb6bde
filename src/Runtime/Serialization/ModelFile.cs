using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using NetGen.Data;

namespace NetGen.Serialization;

/// <summary>
/// NetGen's model file: a network's topology, its parameters and optionally the <see cref="FeatureScaler"/>
/// its inputs went through, in a versioned little-endian binary format closed by a CRC-32. The format is
/// described byte by byte in <c>docs/model-format.md</c>.
/// </summary>
/// <remarks>
/// Saving to a path is atomic (see <see cref="AtomicFile"/>). Loading checks, in this order, the magic number,
/// the format version, the declared length (a truncated file), the checksum (a damaged file), the content's
/// structure, and that the topology is the network's; it changes the network's parameters only when every
/// check has passed.
/// </remarks>
public static class ModelFile
{
    /// <summary>The format version this library writes and the only one it reads.</summary>
    public const uint FormatVersion = 1;

    /// <summary>The size of the fixed header: magic, version, flags and file length.</summary>
    internal const int PreambleSize = 24;

    internal const int VersionOffset = 8;
    internal const int FlagsOffset = 12;
    internal const int LengthOffset = 16;
    internal const int TopologyOffset = 24;
    internal const uint ScalerFlag = 1;

    /// <summary>The bytes of one layer's record: size, activation and slope.</summary>
    private const int LayerRecordSize = 12;

    /// <summary>The first 8 bytes of every model file: <c>89 4E 47 4D 0D 0A 1A 0A</c> ("\x89NGM\r\n\x1A\n").</summary>
    public static ReadOnlySpan<byte> Magic => [0x89, 0x4E, 0x47, 0x4D, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Saves <paramref name="network"/>'s topology and parameters, and <paramref name="scaler"/> if given, to <paramref name="path"/>, atomically.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="network">The network.</param>
    /// <param name="scaler">The scaler fitted on the training inputs, or null.</param>
    /// <exception cref="ArgumentException"><paramref name="scaler"/> scales another number of features than the network takes.</exception>
    /// <exception cref="IOException">The file cannot be written; an existing file is left as it was.</exception>
    public static void Save(string path, IInferenceNetwork network, FeatureScaler? scaler = null)
    {
        byte[] content = Serialize(network, scaler);
        AtomicFile.WriteAllBytes(path, content);
    }

    /// <summary>Writes <paramref name="network"/>'s model file to <paramref name="stream"/>.</summary>
    /// <param name="stream">The stream, at the position the file should start.</param>
    /// <param name="network">The network.</param>
    /// <param name="scaler">The scaler fitted on the training inputs, or null.</param>
    /// <exception cref="ArgumentException"><paramref name="scaler"/> scales another number of features than the network takes.</exception>
    public static void Save(Stream stream, IInferenceNetwork network, FeatureScaler? scaler = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(Serialize(network, scaler));
    }

    /// <summary>The bytes of <paramref name="network"/>'s model file.</summary>
    /// <param name="network">The network.</param>
    /// <param name="scaler">The scaler fitted on the training inputs, or null.</param>
    /// <returns>The whole file, checksum included.</returns>
    /// <exception cref="ArgumentException"><paramref name="scaler"/> scales another number of features than the network takes.</exception>
    public static byte[] Serialize(IInferenceNetwork network, FeatureScaler? scaler = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ReadOnlySpan<LayerInfo> layers = network.Layers;
        if (scaler is not null && scaler.FeatureCount != network.InputSize)
        {
            throw new ArgumentException(
                Invariant($"The scaler scales {scaler.FeatureCount} features, but the network takes {network.InputSize} inputs."), nameof(scaler));
        }

        ShapeGuard.RequireLength(network.Parameters.Length, network.ParameterCount, nameof(network));
        long length = PreambleSize + 12 + (12L * layers.Length) + (scaler is null ? 0 : 8 + (8L * scaler.FeatureCount)) + 4 + (4L * network.ParameterCount) + 4;
        if (length > Array.MaxLength)
        {
            throw new ArgumentException(Invariant($"A model file of {length} bytes is too large to write."), nameof(network));
        }

        byte[] bytes = new byte[length];
        var writer = new Writer(bytes);
        writer.Bytes(Magic);
        writer.UInt32(FormatVersion);
        writer.UInt32(scaler is null ? 0 : ScalerFlag);
        writer.UInt64((ulong)length);
        writer.UInt32((uint)network.Loss);
        writer.UInt32((uint)network.InputSize);
        writer.UInt32((uint)layers.Length);
        foreach (LayerInfo layer in layers)
        {
            writer.UInt32((uint)layer.Outputs);
            writer.UInt32((uint)layer.Activation);
            writer.Single(layer.Slope);
        }

        if (scaler is not null)
        {
            writer.UInt32((uint)scaler.Kind);
            writer.UInt32((uint)scaler.FeatureCount);
            writer.Singles(scaler.Offset);
            writer.Singles(scaler.Scale);
        }

        writer.UInt32((uint)network.ParameterCount);
        ReadOnlySpan<float> parameters = network.Parameters;
        foreach (LayerInfo layer in layers)
        {
            writer.Singles(parameters.Slice(layer.WeightOffset, layer.WeightCount));
            writer.Singles(parameters.Slice(layer.BiasOffset, layer.Outputs));
        }

        writer.UInt32(Crc32.Compute(bytes.AsSpan(0, writer.Position)));
        return bytes;
    }

    /// <summary>Loads the model file at <paramref name="path"/> into <paramref name="network"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="network">The network; it must have the file's topology. Its parameters are replaced only if the whole file is valid.</param>
    /// <returns>The scaler saved with the model, or null when there is none.</returns>
    /// <exception cref="ModelFileTruncatedException">The file ends before the length it declares.</exception>
    /// <exception cref="ModelFileMagicException">The file is not a model file.</exception>
    /// <exception cref="ModelFileVersionException">The file is written in a format version this library does not read.</exception>
    /// <exception cref="ModelFileChecksumException">The file was damaged after it was written.</exception>
    /// <exception cref="ModelFileFormatException">
    /// The content breaks the format's rules, including a count or size that the bytes left cannot hold (checked
    /// before it sizes an allocation, so a hostile file with a valid checksum costs no more than its length).
    /// </exception>
    /// <exception cref="ModelTopologyMismatchException">The file was saved from a network of another topology.</exception>
    /// <exception cref="IOException">
    /// The file cannot be read (it does not exist, access is denied, and so on). Every exception above derives from
    /// <see cref="ModelFileException"/>, an <see cref="IOException"/> that names the file and the byte offset; they
    /// are the only exceptions a file's content causes.
    /// </exception>
    public static FeatureScaler? Load(string path, INetwork network)
    {
        SavedModel model = Read(path);
        model.CopyTo(network);
        return model.Scaler;
    }

    /// <summary>Loads a model file from <paramref name="stream"/> into <paramref name="network"/>.</summary>
    /// <param name="stream">The stream, read to its end.</param>
    /// <param name="network">The network; it must have the file's topology. Its parameters are replaced only if the whole file is valid.</param>
    /// <param name="sourceName">How error messages name the stream.</param>
    /// <returns>The scaler saved with the model, or null when there is none.</returns>
    /// <exception cref="ModelFileException">The content is not a valid model file for <paramref name="network"/>; see <see cref="Load(string, INetwork)"/>.</exception>
    public static FeatureScaler? Load(Stream stream, INetwork network, string sourceName = "stream")
    {
        SavedModel model = Read(stream, sourceName);
        model.CopyTo(network);
        return model.Scaler;
    }

    /// <summary>Reads the model file at <paramref name="path"/> without a network.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The topology, parameters and scaler it holds.</returns>
    /// <exception cref="ModelFileException">The file is not a valid model file; see <see cref="Load(string, INetwork)"/>.</exception>
    public static SavedModel Read(string path) => Deserialize(File.ReadAllBytes(path), path);

    /// <summary>Reads a model file from <paramref name="stream"/> without a network.</summary>
    /// <param name="stream">The stream, read to its end.</param>
    /// <param name="sourceName">How error messages name the stream.</param>
    /// <returns>The topology, parameters and scaler it holds.</returns>
    /// <exception cref="ModelFileException">The content is not a valid model file; see <see cref="Load(string, INetwork)"/>.</exception>
    public static SavedModel Read(Stream stream, string sourceName = "stream")
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), sourceName);
    }

    /// <summary>Reads a model file from its bytes.</summary>
    /// <param name="content">The whole file.</param>
    /// <param name="sourceName">How error messages name the file.</param>
    /// <returns>The topology, parameters and scaler it holds.</returns>
    /// <exception cref="ModelFileException">The content is not a valid model file; see <see cref="Load(string, INetwork)"/>.</exception>
    public static SavedModel Deserialize(ReadOnlySpan<byte> content, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        CheckMagic(content, sourceName);
        if (content.Length < VersionOffset + 4)
        {
            throw Truncated(sourceName, content.Length, "the format version", VersionOffset + 4);
        }

        uint version = BinaryPrimitives.ReadUInt32LittleEndian(content[VersionOffset..]);
        if (version != FormatVersion)
        {
            throw new ModelFileVersionException(
                Invariant($"'{sourceName}' is a model file of format version {version} (the field at byte offset {VersionOffset}); this library reads version {FormatVersion} only{(version > FormatVersion ? ": update NetGen to load it" : string.Empty)}."),
                sourceName,
                VersionOffset,
                version);
        }

        if (content.Length < PreambleSize)
        {
            throw Truncated(sourceName, content.Length, "the 24-byte header", PreambleSize);
        }

        ulong declared = BinaryPrimitives.ReadUInt64LittleEndian(content[LengthOffset..]);
        if ((ulong)content.Length < declared)
        {
            throw Truncated(sourceName, content.Length, Invariant($"the {declared} bytes its header declares at byte offset {LengthOffset}"), (long)Math.Min(declared, long.MaxValue));
        }

        if ((ulong)content.Length > declared)
        {
            throw new ModelFileFormatException(
                Invariant($"'{sourceName}' has {content.Length} bytes, but its header declares {declared} at byte offset {LengthOffset}: there are {(ulong)content.Length - declared} unexpected bytes from byte offset {declared} on."),
                sourceName,
                (long)declared);
        }

        int checksumOffset = content.Length - 4;
        if (checksumOffset < TopologyOffset)
        {
            throw new ModelFileFormatException(
                Invariant($"'{sourceName}' declares a length of {declared} bytes at byte offset {LengthOffset}, too short for a model file."), sourceName, LengthOffset);
        }

        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(content[checksumOffset..]);
        uint computed = Crc32.Compute(content[..checksumOffset]);
        if (stored != computed)
        {
            throw new ModelFileChecksumException(
                Invariant($"'{sourceName}' is damaged: the CRC-32 stored at byte offset {checksumOffset} is 0x{stored:X8}, but bytes 0 to {checksumOffset - 1} give 0x{computed:X8}."),
                sourceName,
                checksumOffset,
                stored,
                computed);
        }

        return ReadContent(content[..checksumOffset], sourceName);
    }

    private static SavedModel ReadContent(ReadOnlySpan<byte> content, string sourceName)
    {
        var reader = new Reader(content, sourceName);
        reader.Position = FlagsOffset;
        uint flags = reader.UInt32("flags");
        if ((flags & ~ScalerFlag) != 0)
        {
            throw reader.Invalid(FlagsOffset, Invariant($"the flags 0x{flags:X8} set reserved bits"));
        }

        reader.Position = TopologyOffset;
        int lossOffset = reader.Position;
        uint loss = reader.UInt32("loss");
        if (!Enum.IsDefined((Loss)loss))
        {
            throw reader.Invalid(lossOffset, Invariant($"the loss {loss} is unknown"));
        }

        int inputSize = reader.Count("input size", minimum: 1);
        int layerCountOffset = reader.Position;
        int layerCount = reader.Count("layer count", minimum: 1);

        // Sizes come from the file, so each is checked against the bytes left before it sizes an allocation.
        if (layerCount > reader.Remaining / LayerRecordSize)
        {
            throw reader.Invalid(
                layerCountOffset,
                Invariant($"the layer count {layerCount} needs {(long)layerCount * LayerRecordSize} bytes of layer records, but {reader.Remaining} bytes remain before the checksum"));
        }

        var layers = new LayerShape[layerCount];
        long parametersNeeded = 0;
        long inputs = inputSize;
        for (int k = 0; k < layerCount; k++)
        {
            int sizeOffset = reader.Position;
            int outputs = reader.Count("layer size", minimum: 1);

            // Both factors are below 2³¹ and the sum stays below the file's length, so nothing here overflows.
            parametersNeeded += (inputs + 1) * outputs;
            inputs = outputs;
            if (parametersNeeded > reader.Remaining / 4)
            {
                throw reader.Invalid(
                    sizeOffset,
                    Invariant($"layer {k + 1}'s size {outputs} brings the parameters to at least {parametersNeeded}, more than the {reader.Remaining} bytes before the checksum hold"));
            }

            int activationOffset = reader.Position;
            uint activation = reader.UInt32("activation");
            if (!Enum.IsDefined((Activation)activation))
            {
                throw reader.Invalid(activationOffset, Invariant($"layer {k + 1}'s activation {activation} is unknown"));
            }

            int slopeOffset = reader.Position;
            float slope = reader.Single("slope");
            if (!float.IsFinite(slope))
            {
                throw reader.Invalid(slopeOffset, Invariant($"layer {k + 1}'s slope {slope} is not finite"));
            }

            layers[k] = new LayerShape(outputs, (Activation)activation, slope);
        }

        var topology = new NetworkTopology(inputSize, (Loss)loss, layers);
        FeatureScaler? scaler = null;
        if ((flags & ScalerFlag) != 0)
        {
            int kindOffset = reader.Position;
            uint kind = reader.UInt32("scaler kind");
            if (!Enum.IsDefined((ScalingKind)kind))
            {
                throw reader.Invalid(kindOffset, Invariant($"the scaler kind {kind} is unknown"));
            }

            int countOffset = reader.Position;
            int features = reader.Count("scaler feature count", minimum: 1);
            if (features != inputSize)
            {
                throw reader.Invalid(countOffset, Invariant($"the scaler scales {features} features but the input size is {inputSize}"));
            }

            int valuesOffset = reader.Position;
            float[] offset = reader.Singles(features, "scaler offsets");
            float[] scale = reader.Singles(features, "scaler scales");
            if (!Array.TrueForAll(offset, float.IsFinite) || !Array.TrueForAll(scale, float.IsFinite))
            {
                throw reader.Invalid(valuesOffset, "the scaler holds a value that is not finite");
            }

            scaler = new FeatureScaler((ScalingKind)kind, offset, scale);
        }

        int parameterCountOffset = reader.Position;
        uint parameterCount = reader.UInt32("parameter count");
        if (parameterCount != topology.ParameterCount)
        {
            throw reader.Invalid(parameterCountOffset, Invariant($"the parameter count {parameterCount} does not fit the topology {topology}, which has {topology.ParameterCount}"));
        }

        float[] parameters = reader.Singles((int)parameterCount, "parameters");
        if (reader.Position != content.Length)
        {
            throw reader.Invalid(reader.Position, Invariant($"{content.Length - reader.Position} bytes lie between the parameters and the checksum"));
        }

        return new SavedModel(topology, parameters, scaler, sourceName);
    }

    private static void CheckMagic(ReadOnlySpan<byte> content, string sourceName)
    {
        ReadOnlySpan<byte> magic = Magic;
        int present = Math.Min(content.Length, magic.Length);
        for (int i = 0; i < present; i++)
        {
            if (content[i] != magic[i])
            {
                throw new ModelFileMagicException(
                    Invariant($"'{sourceName}' is not a NetGen model file: byte offset {i} holds 0x{content[i]:X2} where the magic number 89 4E 47 4D 0D 0A 1A 0A has 0x{magic[i]:X2}."),
                    sourceName,
                    i);
            }
        }

        if (present < magic.Length)
        {
            throw Truncated(sourceName, content.Length, "the 8-byte magic number", magic.Length);
        }
    }

    private static ModelFileTruncatedException Truncated(string sourceName, int length, string what, long needed) =>
        new(Invariant($"'{sourceName}' is truncated: it ends at byte offset {length}, before {what} (byte offset {needed})."), sourceName, length);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private ref struct Writer
    {
        private readonly Span<byte> _bytes;

        public Writer(Span<byte> bytes) => _bytes = bytes;

        public int Position { get; private set; }

        public void Bytes(ReadOnlySpan<byte> value)
        {
            value.CopyTo(_bytes[Position..]);
            Position += value.Length;
        }

        public void UInt32(uint value)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(_bytes[Position..], value);
            Position += 4;
        }

        public void UInt64(ulong value)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(_bytes[Position..], value);
            Position += 8;
        }

        public void Single(float value)
        {
            BinaryPrimitives.WriteSingleLittleEndian(_bytes[Position..], value);
            Position += 4;
        }

        public void Singles(ReadOnlySpan<float> values)
        {
            LittleEndianFloats.Write(values, _bytes[Position..]);
            Position += 4 * values.Length;
        }
    }

    /// <summary>Reads the checksummed content; running past its end means the content is inconsistent, not truncated (the length was checked).</summary>
    private ref struct Reader
    {
        private readonly ReadOnlySpan<byte> _content;
        private readonly string _sourceName;

        public Reader(ReadOnlySpan<byte> content, string sourceName)
        {
            _content = content;
            _sourceName = sourceName;
        }

        public int Position { get; set; }

        /// <summary>The bytes between <see cref="Position"/> and the checksum.</summary>
        public readonly int Remaining => _content.Length - Position;

        public uint UInt32(string field)
        {
            Require(4, field);
            uint value = BinaryPrimitives.ReadUInt32LittleEndian(_content[Position..]);
            Position += 4;
            return value;
        }

        public float Single(string field)
        {
            Require(4, field);
            float value = BinaryPrimitives.ReadSingleLittleEndian(_content[Position..]);
            Position += 4;
            return value;
        }

        public int Count(string field, int minimum)
        {
            int offset = Position;
            uint value = UInt32(field);
            if (value < minimum || value > int.MaxValue)
            {
                throw Invalid(offset, Invariant($"the {field} {value} is out of range"));
            }

            return (int)value;
        }

        public float[] Singles(int count, string field)
        {
            Require(4L * count, field);
            float[] values = new float[count];
            LittleEndianFloats.Read(_content.Slice(Position, 4 * count), values);
            Position += 4 * count;
            return values;
        }

        public readonly ModelFileFormatException Invalid(long offset, string problem) =>
            new(Invariant($"'{_sourceName}' is not a valid model file: at byte offset {offset}, {problem}."), _sourceName, offset);

        private readonly void Require(long bytes, string field)
        {
            if (Position + bytes > _content.Length)
            {
                throw Invalid(Position, Invariant($"the {field} ({bytes} bytes) would run past the checksum at byte offset {_content.Length}"));
            }
        }
    }
}

/// <summary>The content of a model file: the topology, the parameters and the scaler, read without a network.</summary>
public sealed class SavedModel
{
    private readonly float[] _parameters;

    /// <summary>Creates the content of a model file.</summary>
    /// <param name="topology">The topology the parameters fit.</param>
    /// <param name="parameters">The parameters, in the layout of <see cref="INetwork"/>: per layer <c>W_k</c> <c>[out, in]</c> row-major, then <c>b_k</c>.</param>
    /// <param name="scaler">The scaler, or null.</param>
    /// <param name="sourceName">The file it was read from, for error messages.</param>
    /// <exception cref="ArgumentException">The parameters do not fit the topology.</exception>
    public SavedModel(NetworkTopology topology, float[] parameters, FeatureScaler? scaler, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(sourceName);
        if (parameters.Length != topology.ParameterCount)
        {
            throw new ArgumentException($"{parameters.Length} parameters do not fit {topology}, which has {topology.ParameterCount}.", nameof(parameters));
        }

        Topology = topology;
        _parameters = parameters;
        Scaler = scaler;
        SourceName = sourceName;
    }

    /// <summary>The topology the parameters fit.</summary>
    public NetworkTopology Topology { get; }

    /// <summary>The parameters, in the layout of <see cref="INetwork"/>.</summary>
    public ReadOnlySpan<float> Parameters => _parameters;

    /// <summary>The scaler saved with the model, or null.</summary>
    public FeatureScaler? Scaler { get; }

    /// <summary>The file it was read from.</summary>
    public string SourceName { get; }

    /// <summary>Copies the parameters into <paramref name="network"/>, layer by layer at its offsets.</summary>
    /// <param name="network">The network; it must have <see cref="Topology"/>.</param>
    /// <exception cref="ModelTopologyMismatchException">The network has another topology; nothing is copied.</exception>
    public void CopyTo(INetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var actual = NetworkTopology.Of(network);
        if (!actual.Equals(Topology))
        {
            string held = Topology.ToString(), wanted = actual.ToString();
            throw new ModelTopologyMismatchException(
                string.Create(CultureInfo.InvariantCulture, $"'{SourceName}' holds a model for another network (topology at byte offset {ModelFile.TopologyOffset}): the file holds {held}, the network is {wanted}."),
                SourceName,
                ModelFile.TopologyOffset,
                held,
                wanted);
        }

        Span<float> destination = network.Parameters;
        int source = 0;
        foreach (LayerInfo layer in network.Layers)
        {
            _parameters.AsSpan(source, layer.WeightCount).CopyTo(destination.Slice(layer.WeightOffset, layer.WeightCount));
            source += layer.WeightCount;
            _parameters.AsSpan(source, layer.Outputs).CopyTo(destination.Slice(layer.BiasOffset, layer.Outputs));
            source += layer.Outputs;
        }
    }
}
