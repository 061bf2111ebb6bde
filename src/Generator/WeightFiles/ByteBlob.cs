using System;

namespace NetGen.Generator.WeightFiles;

/// <summary>
/// Bytes compared by content, with the hash computed once, so that pipeline models holding a weight file's
/// data stay structurally equal and cheap to compare. Immutable: the array is never handed out to be written.
/// </summary>
internal sealed class ByteBlob : IEquatable<ByteBlob>
{
    private readonly byte[] _bytes;
    private readonly int _hash;

    public ByteBlob(byte[] bytes)
    {
        _bytes = bytes;
        // FNV-1a over the length and at most 4,096 bytes spread over the array: equal blobs hash equal, and
        // equality always compares every byte, so the hash needs no more than to tell most blobs apart cheaply.
        uint hash = (2166136261 ^ (uint)bytes.Length) * 16777619;
        int step = Math.Max(1, bytes.Length / 4096);
        for (int i = 0; i < bytes.Length; i += step)
        {
            hash = (hash ^ bytes[i]) * 16777619;
        }

        _hash = (int)hash;
    }

    public int Length => _bytes.Length;

    public ReadOnlySpan<byte> Span => _bytes;

    public bool Equals(ByteBlob? other) =>
        other is not null && (ReferenceEquals(this, other) || (_hash == other._hash && _bytes.AsSpan().SequenceEqual(other._bytes)));

    public override bool Equals(object? obj) => Equals(obj as ByteBlob);

    public override int GetHashCode() => _hash;
}
