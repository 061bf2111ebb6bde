using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using NetGen.Generator.Helpers;
using NetGen.Generator.Model;

namespace NetGen.Generator.WeightFiles;

/// <summary>A declaration with the model file it names found and read. Immutable and structurally equal.</summary>
/// <param name="Declaration">The declaration, with the layers and input size filled in from an ONNX file; null when there is nothing to generate.</param>
/// <param name="Model">The content of the file it names, or null.</param>
/// <param name="Diagnostics">Why the file cannot be used, if it cannot.</param>
internal sealed record ResolvedDeclaration(NetworkDeclaration? Declaration, ModelContent? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// Resolve stage: finds the model file a declaration names among the project's AdditionalFiles and, for an
/// <c>[OnnxNetwork]</c>, turns the file's layers into the declaration's, so that the validator judges
/// them as it judges written ones.
/// </summary>
internal static class ModelFileResolver
{
    public static ResolvedDeclaration Resolve((NetworkDeclaration? Declaration, ImmutableArray<ModelFileRead> Files) input, CancellationToken cancellationToken)
    {
        NetworkDeclaration? declaration = input.Declaration;
        if (declaration?.ModelFile is not { } file)
        {
            return new ResolvedDeclaration(declaration, null, EquatableArray<DiagnosticInfo>.Empty);
        }

        cancellationToken.ThrowIfCancellationRequested();
        string name = declaration.Hierarchy.Type.DisplayName;
        if (file.AlsoNetworkAttribute is not null)
        {
            return Refuse(DiagnosticInfo.Create(DiagnosticDescriptors.NetworkAndOnnxNetwork, file.AlsoNetworkAttribute, name));
        }

        if (file.DenseOnOnnxNetwork is not null)
        {
            return Refuse(DiagnosticInfo.Create(DiagnosticDescriptors.DenseOnOnnxNetwork, file.DenseOnOnnxNetwork, name, file.Path));
        }

        ModelFileKind? kind = ModelFileLoader.KindOf(file.Path);
        if (kind is null || (file.DeclaresTopology && kind != ModelFileKind.Onnx))
        {
            return Refuse(DiagnosticInfo.Create(DiagnosticDescriptors.ModelFileKindUnknown, file.Location, name, file.Path, file.DeclaresTopology ? "an .onnx" : "a .safetensors, .ngm or .onnx"));
        }

        List<ModelFileRead> matches = Find(file, input.Files);
        if (matches.Count == 0)
        {
            return Refuse(DiagnosticInfo.Create(DiagnosticDescriptors.ModelFileNotFound, file.Location, name, file.Path));
        }

        if (matches.Count > 1)
        {
            return Refuse(DiagnosticInfo.Create(DiagnosticDescriptors.ModelFileAmbiguous, file.Location, name, file.Path, string.Join(", ", matches.Select(m => m.Path))));
        }

        ModelFileRead read = matches[0];
        if (read.Error is { } error)
        {
            return Refuse(ToDiagnostic(error, file, name));
        }

        ModelContent content = read.Content!;
        if (!file.DeclaresTopology)
        {
            return new ResolvedDeclaration(declaration, content, EquatableArray<DiagnosticInfo>.Empty);
        }

        // The file's layers stand in for [Dense] attributes; their diagnostics point at the file's path argument.
        ModelTopology topology = content.Topology!;
        NetworkDeclaration fromFile = declaration with
        {
            Inputs = new IntArgument(topology.Inputs, file.Location),
            Layers = topology.Layers.Select(l => new LayerDeclaration(
                new IntArgument(l.Outputs, file.Location),
                new IntArgument((int)l.Activation, file.Location),
                l.Slope,
                null,
                file.Location)).ToEquatableArray(),
        };
        return new ResolvedDeclaration(fromFile, content, EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>
    /// The AdditionalFiles <paramref name="file"/> names: the one at its path taken from the declaring file's
    /// directory (or at its absolute path), else every one whose path ends with it.
    /// </summary>
    private static List<ModelFileRead> Find(ModelFileArgument file, ImmutableArray<ModelFileRead> files)
    {
        string written = Normalize(file.Path);
        string directory = Normalize(file.DeclaringFilePath);
        int slash = directory.LastIndexOf('/');
        string exact = IsRooted(written) || slash < 0 ? written : Normalize(directory.Substring(0, slash) + "/" + file.Path);
        List<ModelFileRead> found = files.Where(f => string.Equals(Normalize(f.Path), exact, StringComparison.Ordinal)).ToList();
        if (found.Count > 0)
        {
            return found;
        }

        string suffix = "/" + written.TrimStart('/');
        return files.Where(f => Normalize(f.Path) is var candidate && (candidate == written || candidate.EndsWith(suffix, StringComparison.Ordinal))).ToList();
    }

    private static bool IsRooted(string path) => path.StartsWith("/", StringComparison.Ordinal) || (path.Length > 1 && path[1] == ':');

    /// <summary>The path with forward slashes and its <c>.</c> and <c>..</c> segments resolved, without touching the disk.</summary>
    private static string Normalize(string path)
    {
        string[] parts = path.Replace('\\', '/').Split('/');
        var kept = new List<string>();
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            if (part == "." || (part.Length == 0 && i > 0))
            {
                continue;
            }

            if (part == ".." && kept.Count > 0 && kept[kept.Count - 1] != ".." && kept[kept.Count - 1].Length > 0)
            {
                kept.RemoveAt(kept.Count - 1);
                continue;
            }

            kept.Add(part);
        }

        return string.Join("/", kept);
    }

    private static DiagnosticInfo ToDiagnostic(ModelReadError error, ModelFileArgument file, string name)
    {
        string[] a = error.Arguments.ToArray();
        string Argument(int i) => i < a.Length ? a[i] : string.Empty;
        return error.Kind switch
        {
            ModelReadErrorKind.UnsupportedOperator => DiagnosticInfo.Create(DiagnosticDescriptors.OnnxUnsupportedOperator, file.Location, file.Path, Argument(0), Argument(1), Argument(2)),
            ModelReadErrorKind.NotAChain => DiagnosticInfo.Create(DiagnosticDescriptors.OnnxNotAChain, file.Location, file.Path, Argument(0), Argument(1), Argument(2)),
            ModelReadErrorKind.NotFloat32 => DiagnosticInfo.Create(DiagnosticDescriptors.OnnxNotFloat32, file.Location, file.Path, Argument(0), Argument(1)),
            ModelReadErrorKind.DynamicDimension => DiagnosticInfo.Create(DiagnosticDescriptors.OnnxDynamicDimension, file.Location, file.Path, Argument(0), Argument(1), Argument(2)),
            _ => DiagnosticInfo.Create(DiagnosticDescriptors.ModelFileUnreadable, file.Location, file.Path, name, Argument(0)),
        };
    }

    private static ResolvedDeclaration Refuse(DiagnosticInfo diagnostic) =>
        new(null, null, new EquatableArray<DiagnosticInfo>(new[] { diagnostic }));
}
