using System;

namespace NetGen.Generator.WeightFiles;

/// <summary>
/// Bytes compared by content, with the hash computed once, so that pipeline models holding a weight file's
/// data stay structurally equal and cheap to compare. A blob can be a range of a larger array (a tensor within
/// the bytes of its file), so that reading a file copies nothing. Immutable: the array is never handed out to be
/// written.
/// </summary>
internal sealed class ByteBlob : IEquatable<ByteBlob>
{
    private readonly byte[] _bytes;
    private readonly int _offset;
    private readonly int _hash;

    public ByteBlob(byte[] bytes)
        : this(bytes, 0, bytes.Length)
    {
    }

    /// <summary>The <paramref name="length"/> bytes of <paramref name="bytes"/> from <paramref name="offset"/>, not copied.</summary>
    public ByteBlob(byte[] bytes, int offset, int length)
    {
        _bytes = bytes;
        _offset = offset;
        Length = length;
        // FNV-1a over the length and at most 4,096 bytes spread over the range: equal blobs hash equal, and
        // equality always compares every byte, so the hash needs no more than to tell most blobs apart cheaply.
        uint hash = (2166136261 ^ (uint)length) * 16777619;
        int step = Math.Max(1, length / 4096);
        for (int i = 0; i < length; i += step)
        {
            hash = (hash ^ bytes[offset + i]) * 16777619;
        }

        _hash = (int)hash;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => new(_bytes, _offset, Length);

    public bool Equals(ByteBlob? other) =>
        other is not null && (ReferenceEquals(this, other) || (_hash == other._hash && Span.SequenceEqual(other.Span)));

    public override bool Equals(object? obj) => Equals(obj as ByteBlob);

    public override int GetHashCode() => _hash;
}
