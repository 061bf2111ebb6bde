namespace NetGen.Generator;

/// <summary>
/// The id of every NetGen diagnostic, in one place: the generator reports them (DiagnosticDescriptors)
/// and the code-fix assembly, which compiles this file in too, fixes them.
/// </summary>
internal static class DiagnosticIds
{
    public const string NotPartial = "NG0001";
    public const string NoLayers = "NG0002";
    public const string InputSizeNotPositive = "NG0003";
    public const string LayerSizeNotPositive = "NG0004";
    public const string NetworkTooLarge = "NG0005";
    public const string SoftmaxOnHiddenLayer = "NG0006";
    public const string CrossEntropyNeedsSoftmax = "NG0007";
    public const string BinaryCrossEntropyNeedsSigmoid = "NG0008";
    public const string LayersSpreadOverDeclarations = "NG0009";
    public const string MemberNameClash = "NG0010";
    public const string UndefinedEnumValue = "NG0011";
    public const string SlopeOutOfRange = "NG0012";
    public const string CannotUnroll = "NG0013";
    public const string StaticType = "NG0014";
    public const string SlopeIgnored = "NG0015";
    public const string TypeNameClash = "NG0016";
    public const string PrimaryConstructor = "NG0017";
    public const string RecordType = "NG0018";
    public const string ConstructorSkipsInitialization = "NG0019";
    public const string DenseWithoutNetwork = "NG0020";
    public const string AbstractType = "NG0021";
    public const string DerivesFromNetwork = "NG0022";
    public const string FileLocalType = "NG0023";
    public const string InheritedMemberClash = "NG0024";
    public const string BaseWithoutParameterlessConstructor = "NG0025";
    public const string RuntimeNotReferenced = "NG0030";
    public const string LanguageVersionTooLow = "NG0031";
    public const string InferenceOnlyWithoutWeights = "NG0055";
}
