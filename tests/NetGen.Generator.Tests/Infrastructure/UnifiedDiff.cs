using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>A short line-based unified diff, enough to see in a test failure what changed in a snapshot.</summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>Failure messages stay readable: longer diffs are cut, the received file has the rest.</summary>
    private const int MaxLines = 60;

    public static string Create(string oldText, string newText, string oldPath, string newPath)
    {
        string[] oldLines = oldText.Split('\n');
        string[] newLines = newText.Split('\n');
        List<(char Kind, string Line)> edits = Edits(oldLines, newLines);

        var output = new StringBuilder();
        output.Append("--- ").Append(oldPath).Append('\n');
        output.Append("+++ ").Append(newPath).Append('\n');
        int written = 0;
        foreach ((int start, int end) in Hunks(edits))
        {
            int oldStart = 1 + edits.Take(start).Count(e => e.Kind != '+');
            int newStart = 1 + edits.Take(start).Count(e => e.Kind != '-');
            var hunk = edits.Skip(start).Take(end - start).ToList();
            output.Append($"@@ -{oldStart},{hunk.Count(e => e.Kind != '+')} +{newStart},{hunk.Count(e => e.Kind != '-')} @@\n");
            foreach ((char kind, string line) in hunk)
            {
                if (++written > MaxLines)
                {
                    output.Append("… (diff cut; compare the files for the rest)\n");
                    return output.ToString();
                }

                output.Append(kind).Append(line).Append('\n');
            }
        }

        return output.ToString();
    }

    /// <summary>The edit script from a longest common subsequence, after trimming the common ends so large equal files stay cheap.</summary>
    private static List<(char Kind, string Line)> Edits(string[] a, string[] b)
    {
        int prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        int suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        int n = a.Length - prefix - suffix, m = b.Length - prefix - suffix;
        int[,] lcs = new int[n + 1, m + 1];
        for (int i = n - 1; i >= 0; i--)
        {
            for (int j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var edits = new List<(char, string)>(a.Length + b.Length);
        edits.AddRange(a.Take(prefix).Select(line => (' ', line)));
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[prefix + x] == b[prefix + y])
            {
                edits.Add((' ', a[prefix + x++]));
                y++;
            }
            else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                edits.Add(('-', a[prefix + x++]));
            }
            else
            {
                edits.Add(('+', b[prefix + y++]));
            }
        }

        edits.AddRange(a.Skip(a.Length - suffix).Select(line => (' ', line)));
        return edits;
    }

    /// <summary>Ranges [start, end) of the edit script around each change, with <see cref="Context"/> lines either side, merged where they touch.</summary>
    private static IEnumerable<(int Start, int End)> Hunks(List<(char Kind, string Line)> edits)
    {
        int? start = null;
        int end = 0;
        for (int i = 0; i < edits.Count; i++)
        {
            if (edits[i].Kind == ' ')
            {
                continue;
            }

            int from = Math.Max(0, i - Context), to = Math.Min(edits.Count, i + Context + 1);
            if (start is not null && from > end)
            {
                yield return (start.Value, end);
                start = null;
            }

            start ??= from;
            end = to;
        }

        if (start is not null)
        {
            yield return (start.Value, end);
        }
    }
}
