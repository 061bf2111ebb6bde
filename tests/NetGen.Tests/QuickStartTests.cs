using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Xunit;

namespace NetGen.Tests;

public class QuickStartTests
{
    [Fact]
    public void The_quick_start_trains_XOR_below_a_loss_of_0_01()
    {
        float loss = QuickStart.Train();

        Assert.InRange(loss, 0f, 0.01f);
        var net = new Xor(seed: 1);
        Assert.Equal(33, Xor.ParameterCount);
        Assert.Equal(Xor.ParameterCount, net.Parameters.Length);
    }

    [Fact]
    public void The_README_shows_exactly_the_quick_start_code_that_is_compiled_here()
    {
        string readme = Normalize(File.ReadAllText(RepositoryFile("README.md")));
        string source = File.ReadAllText(RepositoryFile("tests/NetGen.Tests/QuickStart.cs"));
        foreach (string region in new[] { "declaration", "training" })
        {
            string marker = "#region quick-start: " + region;
            int start = source.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
            string code = Normalize(source[start..source.IndexOf("#endregion", start, StringComparison.Ordinal)]);

            Assert.True(code.Length > 100, $"region {region} is empty");
            Assert.Contains(code, readme);
        }
    }

    /// <summary>Lines trimmed and blank lines dropped, so indentation differences do not matter.</summary>
    private static string Normalize(string text) =>
        string.Join("\n", text.Replace("\r", "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    private static string RepositoryFile(string relative, [CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", relative));
}
