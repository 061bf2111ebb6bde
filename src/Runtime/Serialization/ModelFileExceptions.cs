using System;
using System.IO;

namespace NetGen.Serialization;

/// <summary>
/// A model file (NetGen's own format or safetensors) could not be loaded. The derived types say why; every
/// one names the file and, where the problem has a place, the byte offset.
/// </summary>
public class ModelFileException : IOException
{
    /// <summary>Creates the exception with no message.</summary>
    public ModelFileException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public ModelFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ModelFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a problem at <paramref name="offset"/> in <paramref name="fileName"/>.</summary>
    /// <param name="message">What is wrong; it should name the file and the offset.</param>
    /// <param name="fileName">The file, or a description of the stream.</param>
    /// <param name="offset">The byte offset of the problem from the start of the file, or −1 when it has none.</param>
    /// <param name="innerException">The cause, or null.</param>
    public ModelFileException(string message, string fileName, long offset, Exception? innerException = null)
        : base(message, innerException)
    {
        FileName = fileName;
        Offset = offset;
    }

    /// <summary>The file (or a description of the stream) that could not be loaded; null when not given.</summary>
    public string? FileName { get; }

    /// <summary>The byte offset of the problem from the start of the file, or −1 when it has none.</summary>
    public long Offset { get; } = -1;
}

/// <summary>The file ends before the data it declares: it was cut short, for instance by an interrupted copy.</summary>
public sealed class ModelFileTruncatedException : ModelFileException
{
    /// <summary>Creates the exception with no message.</summary>
    public ModelFileTruncatedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public ModelFileTruncatedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ModelFileTruncatedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a file that ends at <paramref name="offset"/>.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="fileName">The file.</param>
    /// <param name="offset">Where the file ends, its length in bytes.</param>
    public ModelFileTruncatedException(string message, string fileName, long offset)
        : base(message, fileName, offset)
    {
    }
}

/// <summary>The file does not start with the model file's magic number: it is not a NetGen model file.</summary>
public sealed class ModelFileMagicException : ModelFileException
{
    /// <summary>Creates the exception with no message.</summary>
    public ModelFileMagicException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public ModelFileMagicException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ModelFileMagicException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a magic number that differs at <paramref name="offset"/>.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="fileName">The file.</param>
    /// <param name="offset">The first byte that differs from the magic number.</param>
    public ModelFileMagicException(string message, string fileName, long offset)
        : base(message, fileName, offset)
    {
    }
}

/// <summary>The file is written in a format version this library cannot read (usually a newer one).</summary>
public sealed class ModelFileVersionException : ModelFileException
{
    /// <summary>Creates the exception with no message.</summary>
    public ModelFileVersionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public ModelFileVersionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ModelFileVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for the version field at <paramref name="offset"/>.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="fileName">The file.</param>
    /// <param name="offset">The offset of the version field.</param>
    /// <param name="version">The version the file declares.</param>
    public ModelFileVersionException(string message, string fileName, long offset, uint version)
        : base(message, fileName, offset) => Version = version;

    /// <summary>The format version the file declares.</summary>
    public uint Version { get; }
}

/// <summary>The checksum stored in the file does not match its content: some byte was changed after it was written.</summary>
public sealed class ModelFileChecksumException : ModelFileException
{
    /// <summary>Creates the exception with no message.</summary>
    public ModelFileChecksumException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public ModelFileChecksumException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ModelFileChecksumException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for the checksum field at <paramref name="offset"/>.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="fileName">The file.</param>
    /// <param name="offset">The offset of the stored checksum.</param>
    /// <param name="stored">The checksum the file holds.</param>
    /// <param name="computed">The checksum of the bytes before it.</param>
    public ModelFileChecksumException(string message, string fileName, long offset, uint stored, uint computed)
        : base(message, fileName, offset)
    {
        Stored = stored;
        Computed = computed;
    }

    /// <summary>The CRC-32 the file holds.</summary>
    public uint Stored { get; }

    /// <summary>The CRC-32 of the bytes the checksum covers.</summary>
    public uint Computed { get; }
}

/// <summary>The file is intact but its content breaks the format's rules (an unknown activation, overlapping tensors, malformed JSON and so on).</summary>
public sealed class ModelFileFormatException : ModelFileException
{
    /// <summary>Creates the exception with no message.</summary>
    public ModelFileFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public ModelFileFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ModelFileFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for the field at <paramref name="offset"/>.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="fileName">The file.</param>
    /// <param name="offset">The offset of the offending field, or −1.</param>
    /// <param name="innerException">The cause, or null.</param>
    public ModelFileFormatException(string message, string fileName, long offset, Exception? innerException = null)
        : base(message, fileName, offset, innerException)
    {
    }
}

/// <summary>The file holds parameters for another topology than the network's; the message names both.</summary>
public sealed class ModelTopologyMismatchException : ModelFileException
{
    /// <summary>Creates the exception with no message.</summary>
    public ModelTopologyMismatchException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public ModelTopologyMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ModelTopologyMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a file whose topology, described at <paramref name="offset"/>, is not the network's.</summary>
    /// <param name="message">What is wrong; it names both topologies.</param>
    /// <param name="fileName">The file.</param>
    /// <param name="offset">Where the file describes its topology.</param>
    /// <param name="fileTopology">What the file holds.</param>
    /// <param name="networkTopology">What the network is.</param>
    public ModelTopologyMismatchException(string message, string fileName, long offset, string fileTopology, string networkTopology)
        : base(message, fileName, offset)
    {
        FileTopology = fileTopology;
        NetworkTopology = networkTopology;
    }

    /// <summary>The topology the file holds, as <see cref="Serialization.NetworkTopology.ToString"/> writes it (or the tensor shapes, for safetensors).</summary>
    public string? FileTopology { get; }

    /// <summary>The network's topology, described the same way.</summary>
    public string? NetworkTopology { get; }
}
