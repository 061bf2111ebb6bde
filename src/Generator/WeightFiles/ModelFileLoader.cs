using System;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Onnx;

namespace NetGen.Generator.WeightFiles;

/// <summary>
/// Reads the model files among the project's AdditionalFiles (<c>.safetensors</c>, <c>.ngm</c>, <c>.onnx</c>).
/// </summary>
/// <remarks>
/// The compiler hands additional files to generators as decoded text only: a weight file's bytes come back
/// altered (an invalid UTF-8 sequence becomes U+FFFD) and asking for the text of one with NUL bytes is the
/// error CS2015. So the bytes are read from the file's path, and only for files the project lists; the
/// pipeline re-reads a file whenever the compiler gives a new <see cref="AdditionalText"/> for it, which it
/// does when the file changes.
/// </remarks>
internal static class ModelFileLoader
{
    public static bool IsModelFile(AdditionalText text) => KindOf(text.Path) is not null;

    public static ModelFileKind? KindOf(string path)
    {
        // Not Path.GetExtension, which throws on characters .NET Framework disallows in paths.
        int dot = path.LastIndexOf('.');
        string extension = dot > Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) ? path.Substring(dot) : string.Empty;
        return extension.Equals(".safetensors", StringComparison.OrdinalIgnoreCase) ? ModelFileKind.SafeTensors
            : extension.Equals(".ngm", StringComparison.OrdinalIgnoreCase) ? ModelFileKind.NetGenModel
            : extension.Equals(".onnx", StringComparison.OrdinalIgnoreCase) ? ModelFileKind.Onnx
            : null;
    }

    public static ModelFileRead Load(AdditionalText text, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        byte[] bytes;
        try
        {
#pragma warning disable RS1035 // The compiler offers additional files as text only; see the remarks.
            bytes = File.ReadAllBytes(text.Path);
#pragma warning restore RS1035
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new ModelFileRead(text.Path, null, ModelReadError.Unreadable(e.Message));
        }

        return Read(text.Path, bytes);
    }

    /// <summary>Reads <paramref name="bytes"/> as the format <paramref name="path"/>'s extension names.</summary>
    public static ModelFileRead Read(string path, byte[] bytes) => KindOf(path) switch
    {
        ModelFileKind.SafeTensors => SafeTensorsReader.Read(path, bytes),
        ModelFileKind.NetGenModel => NetGenModelReader.Read(path, bytes),
        ModelFileKind.Onnx => OnnxReader.Read(path, bytes),
        _ => new ModelFileRead(path, null, ModelReadError.Unreadable("it is not a .safetensors, .ngm or .onnx file")),
    };
}
