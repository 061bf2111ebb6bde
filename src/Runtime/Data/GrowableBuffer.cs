using System;
using System.Collections.Generic;

namespace NetGen.Data;

/// <summary>
/// An append-only buffer of values kept in chunks, so that growing never copies what is stored and
/// <see cref="ToArray"/> costs one exact allocation.
/// </summary>
internal sealed class GrowableBuffer<T>
{
    private const int MaxChunkLength = 1 << 16;

    private readonly List<T[]> _full = [];
    private T[] _current = new T[256];
    private int _used;

    public int Count { get; private set; }

    public void Add(T item)
    {
        if (_used == _current.Length)
        {
            _full.Add(_current);
            _current = new T[Math.Min(_current.Length * 2, MaxChunkLength)];
            _used = 0;
        }

        _current[_used++] = item;
        Count++;
    }

    /// <summary>The values, in the order added, in a new array of exactly <see cref="Count"/> elements.</summary>
    public T[] ToArray()
    {
        var values = new T[Count];
        int at = 0;
        foreach (T[] chunk in _full)
        {
            chunk.CopyTo(values, at);
            at += chunk.Length;
        }

        _current.AsSpan(0, _used).CopyTo(values.AsSpan(at));
        return values;
    }
}
