using System;
using System.Collections.Generic;

namespace NetGen.Data;

/// <summary>Distinct strings numbered in the order first seen, looked up by span so that a known cell allocates nothing.</summary>
internal sealed class CategoryTable
{
    private readonly Dictionary<int, int> _latestByHash = [];
    private readonly List<string> _names = [];
    private readonly List<int> _previousWithSameHash = [];

    public int Count => _names.Count;

    public IReadOnlyList<string> Names => _names;

    /// <summary>The number of <paramref name="text"/>, or −1.</summary>
    public int IndexOf(ReadOnlySpan<char> text)
    {
        if (_latestByHash.TryGetValue(string.GetHashCode(text), out int i))
        {
            for (; i >= 0; i = _previousWithSameHash[i])
            {
                if (text.SequenceEqual(_names[i]))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    /// <summary>Adds <paramref name="text"/>, which must not be present yet, and returns its number.</summary>
    public int Add(ReadOnlySpan<char> text)
    {
        int hash = string.GetHashCode(text);
        int index = _names.Count;
        _names.Add(text.ToString());
        _previousWithSameHash.Add(_latestByHash.TryGetValue(hash, out int previous) ? previous : -1);
        _latestByHash[hash] = index;
        return index;
    }

    public int IndexOfOrAdd(ReadOnlySpan<char> text)
    {
        int index = IndexOf(text);
        return index >= 0 ? index : Add(text);
    }
}
