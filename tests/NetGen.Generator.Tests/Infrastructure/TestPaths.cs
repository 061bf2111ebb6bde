using System;
using System.IO;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>Files of the repository the tests read (the README, the release tracking files).</summary>
internal static class TestPaths
{
    /// <summary>The directory holding NetGen.sln, found upwards from the test assembly.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "NetGen.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("NetGen.sln not found above " + AppContext.BaseDirectory);
    }
}
