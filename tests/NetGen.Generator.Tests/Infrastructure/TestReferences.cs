using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>The assemblies a user's project compiles against: the running framework plus the NetGen runtime and attributes.</summary>
internal static class TestReferences
{
    public static ImmutableArray<MetadataReference> All { get; } = Create();

    private static ImmutableArray<MetadataReference> Create()
    {
        string trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string
            ?? throw new InvalidOperationException("The host did not provide TRUSTED_PLATFORM_ASSEMBLIES.");

        // The test host's list also holds the NetGen assemblies themselves; they are added once, by type, below.
        return trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => !Path.GetFileName(path).StartsWith("NetGen.", StringComparison.Ordinal))
            .Append(typeof(INetwork).Assembly.Location)
            .Append(typeof(NetworkAttribute).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
