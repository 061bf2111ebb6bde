using Microsoft.CodeAnalysis;

namespace NetGen.Generator;

/// <summary>Every diagnostic NetGen reports, described once. Ids are tracked in AnalyzerReleases.*.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "NetGen";

    public static readonly DiagnosticDescriptor NotPartial = Error(
        "NG0001",
        "Network type must be partial",
        "'{0}' must be declared partial so NetGen can add the generated network to it; add the 'partial' modifier");

    public static readonly DiagnosticDescriptor NoLayers = Error(
        "NG0002",
        "Network has no layers",
        "Network '{0}' declares no layers; add at least one [Dense(size, activation)] attribute after [Network]");

    public static readonly DiagnosticDescriptor InputSizeNotPositive = Error(
        "NG0003",
        "Input size must be positive",
        "Network '{0}' has input size {1}; the number of inputs must be at least 1");

    public static readonly DiagnosticDescriptor LayerSizeNotPositive = Error(
        "NG0004",
        "Layer size must be positive",
        "Layer {0} of network '{1}' has size {2}; a layer must have at least 1 neuron");

    public static readonly DiagnosticDescriptor NetworkTooLarge = Error(
        "NG0005",
        "Network is too large",
        "Network '{0}' has {1} parameters; NetGen generates networks of at most {2} parameters (64 MiB per buffer); use fewer or smaller layers");

    public static readonly DiagnosticDescriptor SoftmaxOnHiddenLayer = Error(
        "NG0006",
        "Softmax is only valid on the output layer",
        "Layer {0} of network '{1}' is a hidden layer and cannot use Softmax; use Softmax on the last layer only and another activation (such as ReLU or Tanh) here");

    public static readonly DiagnosticDescriptor CrossEntropyNeedsSoftmax = Error(
        "NG0007",
        "CrossEntropy needs a Softmax output layer",
        "Network '{0}' uses Loss.CrossEntropy but its output layer uses {1}; give the last layer Activation.Softmax, or use Loss.BinaryCrossEntropy with a Sigmoid output or Loss.MeanSquaredError");

    public static readonly DiagnosticDescriptor BinaryCrossEntropyNeedsSigmoid = Error(
        "NG0008",
        "BinaryCrossEntropy needs a Sigmoid output layer",
        "Network '{0}' uses Loss.BinaryCrossEntropy but its output layer uses {1}; give the last layer Activation.Sigmoid, or use Loss.CrossEntropy with a Softmax output or Loss.MeanSquaredError");

    public static readonly DiagnosticDescriptor LayersSpreadOverDeclarations = Error(
        "NG0009",
        "Layers are spread over several partial declarations",
        "The [Dense] layers of network '{0}' are spread over several partial declarations, so their order is ambiguous; put every [Dense] attribute on one declaration");

    public static readonly DiagnosticDescriptor MemberNameClash = Error(
        "NG0010",
        "Member clashes with a generated member",
        "'{0}' declares '{1}', which NetGen generates for the network; rename or remove it");

    public static readonly DiagnosticDescriptor UndefinedEnumValue = Error(
        "NG0011",
        "Undefined enum value",
        "{0} is not a defined {1} value; use one of {2}");

    public static readonly DiagnosticDescriptor SlopeOutOfRange = Error(
        "NG0012",
        "LeakyReLU slope out of range",
        "Layer {0} of network '{1}' has slope {2}; a LeakyReLU slope must be a finite number from 0 to 1");

    public static readonly DiagnosticDescriptor CannotUnroll = Warning(
        "NG0013",
        "Layer too large to unroll",
        "Layer {0} of network '{1}' has {2} weights, more than the {3} that can be unrolled within the JIT's optimisation limits; it is generated as SIMD code instead");

    public static readonly DiagnosticDescriptor StaticType = Error(
        "NG0014",
        "Network type cannot be static",
        "'{0}' is static, but a network holds its parameters in an instance; remove the 'static' modifier");

    public static readonly DiagnosticDescriptor SlopeIgnored = Warning(
        "NG0015",
        "Slope is ignored",
        "Layer {0} of network '{1}' sets Slope but uses {2}; Slope only applies to Activation.LeakyReLU, so remove it or change the activation");

    public static readonly DiagnosticDescriptor TypeNameClash = Error(
        "NG0016",
        "Network type is named like a generated member",
        "A network cannot be named '{0}', because NetGen generates a member of that name and a member cannot share its type's name; rename the class");

    public static readonly DiagnosticDescriptor PrimaryConstructor = Error(
        "NG0017",
        "Network type cannot have a primary constructor",
        "'{0}' has a primary constructor, but NetGen generates the constructor that initialises the weights; remove the parameter list and declare an ordinary constructor that calls this(seed)");

    public static readonly DiagnosticDescriptor RecordType = Error(
        "NG0018",
        "Network type cannot be a record",
        "'{0}' is a record, whose copies ('with', the copy constructor) would share the network's buffers and whose equality would compare them by reference; declare it as a partial class");

    public static readonly DiagnosticDescriptor ConstructorSkipsInitialization = Warning(
        "NG0019",
        "Constructor leaves the weights at zero",
        "This constructor of '{0}' does not call another with this(...), so it never reaches the generated constructor and every weight stays zero; add ': this(seed: 0)' or another seed");

    public static readonly DiagnosticDescriptor DenseWithoutNetwork = Warning(
        "NG0020",
        "Layers without a network",
        "'{0}' has [Dense] layers but no [Network] attribute, so nothing is generated; add [Network(inputs)] to the declaration");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);
}
