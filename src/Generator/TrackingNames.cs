namespace NetGen.Generator;

/// <summary>Names of the pipeline steps, so tests can check what each incremental run cached.</summary>
internal static class TrackingNames
{
    public const string Parse = nameof(Parse);
    public const string ParseOnnx = nameof(ParseOnnx);
    public const string ModelFile = nameof(ModelFile);
    public const string Resolve = nameof(Resolve);
    public const string Validate = nameof(Validate);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Spec = nameof(Spec);
    public const string Plan = nameof(Plan);
    public const string LayersWithoutNetwork = nameof(LayersWithoutNetwork);
    public const string ProjectSupport = nameof(ProjectSupport);
    public const string NetworksDeclared = nameof(NetworksDeclared);
    public const string NetworkNames = nameof(NetworkNames);
    public const string File = nameof(File);

    /// <summary>The steps every run has; <see cref="ParseOnnx"/> and <see cref="ModelFile"/> run only for ONNX declarations and model files.</summary>
    public static readonly string[] All = { Parse, Resolve, Validate, Diagnostics, Spec, Plan, LayersWithoutNetwork, ProjectSupport, NetworksDeclared, NetworkNames, File };
}
