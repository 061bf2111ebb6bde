using System;
using System.Linq;
using System.Text;
using NetGen.Generator.Helpers;

namespace NetGen.Generator;

/// <summary>
/// Derives each network's hint name (the generated file's name) from its fully qualified metadata name, so
/// that it is a valid file name and differs from every other network's, as <c>AddSource</c> requires.
/// </summary>
/// <remarks>
/// The base is the metadata name with <c>+</c> (nesting) written as <c>.</c>, the generic arity's backtick as
/// <c>_</c>, ASCII letters, digits, <c>.</c> and <c>_</c> kept, and any other character written as <c>_</c> and
/// its code in hex (a file-local type's <c>&lt;</c>, a non-ASCII letter). Bases can still coincide: <c>Net`1</c> and
/// <c>Net_1</c>, namespace <c>a</c> and <c>A</c> (hint names compare ignoring case), a nested <c>A+B</c> and <c>A.B</c>.
/// Networks whose bases are equal ignoring case form a group; the first of the group in ordinal order of the
/// metadata names keeps the base, the others get <c>-2</c>, <c>-3</c>, …, and since no base contains <c>-</c>,
/// no suffixed name equals another base. A name shared by two networks (the compiler reports the duplicate
/// type) gets no hint name, and nothing is generated for it.
/// </remarks>
internal static class HintNames
{
    private const string Suffix = ".g.cs";

    /// <summary>The hint name of the network <paramref name="metadataName"/> among <paramref name="allMetadataNames"/>, or null for a duplicate.</summary>
    public static string? For(string metadataName, EquatableArray<string> allMetadataNames)
    {
        string name = Base(metadataName);
        int before = 0, same = 0;
        foreach (string other in allMetadataNames)
        {
            if (string.Equals(Base(other), name, StringComparison.OrdinalIgnoreCase))
            {
                int order = string.CompareOrdinal(other, metadataName);
                if (order < 0)
                {
                    before++;
                }
                else if (order == 0)
                {
                    same++;
                }
            }
        }

        if (same != 1)
        {
            return null;
        }

        return before == 0 ? name + Suffix : name + "-" + (before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + Suffix;
    }

    /// <summary>The readable, valid file name of a metadata name, before disambiguation.</summary>
    public static string Base(string metadataName)
    {
        var builder = new StringBuilder(metadataName.Length);
        foreach (char c in metadataName)
        {
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_')
            {
                builder.Append(c);
            }
            else if (c == '+')
            {
                builder.Append('.');
            }
            else if (c == '`')
            {
                builder.Append('_');
            }
            else
            {
                builder.Append('_').Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>The metadata names of all networks, sorted, as the input every hint name is derived from.</summary>
    public static EquatableArray<string> Sorted(System.Collections.Immutable.ImmutableArray<string> names) =>
        names.OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray();
}
