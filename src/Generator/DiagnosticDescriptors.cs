using Microsoft.CodeAnalysis;

namespace NetGen.Generator;

/// <summary>Every diagnostic NetGen reports, described once. Ids are tracked in AnalyzerReleases.*.md.</summary>
internal static partial class DiagnosticDescriptors
{
    private const string Category = "NetGen";

    /// <summary>The README's diagnostics section; each id's row is the anchor <c>#ng00NN</c>.</summary>
    public const string HelpLinkBase = "https://github.com/netgen/netgen/blob/main/README.md#";

    public static readonly DiagnosticDescriptor NotPartial = Error(
        DiagnosticIds.NotPartial,
        "Network type must be partial",
        "'{0}' must be declared partial so NetGen can add the generated network to it; add the 'partial' modifier",
        "NetGen adds the generated members to the network class through a partial declaration, re-opening every type that contains it, so the class and each containing type must be declared partial.");

    public static readonly DiagnosticDescriptor NoLayers = Error(
        DiagnosticIds.NoLayers,
        "Network has no layers",
        "Network '{0}' declares no layers; add at least one [Dense(size, activation)] attribute after [Network]",
        "A network is a stack of dense layers listed by [Dense(size, activation)] attributes in order from the input; without one there is nothing to generate.");

    public static readonly DiagnosticDescriptor InputSizeNotPositive = Error(
        DiagnosticIds.InputSizeNotPositive,
        "Input size must be positive",
        "Network '{0}' has input size {1}; the number of inputs must be at least 1",
        "The first argument of [Network] is the number of inputs of the first layer, which must be at least 1.");

    public static readonly DiagnosticDescriptor LayerSizeNotPositive = Error(
        DiagnosticIds.LayerSizeNotPositive,
        "Layer size must be positive",
        "Layer {0} of network '{1}' has size {2}; a layer must have at least 1 neuron",
        "The first argument of [Dense] is the number of neurons of the layer, which must be at least 1.");

    public static readonly DiagnosticDescriptor NetworkTooLarge = Error(
        DiagnosticIds.NetworkTooLarge,
        "Network is too large",
        "Network '{0}' has {1} parameters; NetGen generates networks of at most {2} parameters (64 MiB per buffer); use fewer or smaller layers",
        "The parameters and every buffer of a network are single arrays indexed by int; NetGen caps them so that no buffer exceeds 64 MiB.");

    public static readonly DiagnosticDescriptor SoftmaxOnHiddenLayer = Error(
        DiagnosticIds.SoftmaxOnHiddenLayer,
        "Softmax is only valid on the output layer",
        "Layer {0} of network '{1}' is a hidden layer and cannot use Softmax; use Softmax on the last layer only and another activation (such as ReLU or Tanh) here",
        "Softmax normalises a layer's outputs into probabilities for the cross-entropy loss; on a hidden layer it would squash the features passed on, so it is allowed on the output layer only.");

    public static readonly DiagnosticDescriptor CrossEntropyNeedsSoftmax = Error(
        DiagnosticIds.CrossEntropyNeedsSoftmax,
        "CrossEntropy needs a Softmax output layer",
        "Network '{0}' uses Loss.CrossEntropy but its output layer uses {1}; give the last layer Activation.Softmax, or use Loss.BinaryCrossEntropy with a Sigmoid output or Loss.MeanSquaredError",
        "Cross-entropy compares a probability distribution with the target, so the output layer must produce one with Softmax; the generated backward pass uses the combined softmax and cross-entropy gradient.");

    public static readonly DiagnosticDescriptor BinaryCrossEntropyNeedsSigmoid = Error(
        DiagnosticIds.BinaryCrossEntropyNeedsSigmoid,
        "BinaryCrossEntropy needs a Sigmoid output layer",
        "Network '{0}' uses Loss.BinaryCrossEntropy but its output layer uses {1}; give the last layer Activation.Sigmoid, or use Loss.CrossEntropy with a Softmax output or Loss.MeanSquaredError",
        "Binary cross-entropy compares independent probabilities with the targets, so the output layer must produce them with Sigmoid.");

    public static readonly DiagnosticDescriptor LayersSpreadOverDeclarations = Error(
        DiagnosticIds.LayersSpreadOverDeclarations,
        "Layers are spread over several partial declarations",
        "The [Dense] layers of network '{0}' are spread over several partial declarations, so their order is ambiguous; put every [Dense] attribute on one declaration",
        "Attribute order across partial declarations depends on file order, so the layer order would be ambiguous; all [Dense] attributes must be on one declaration.");

    public static readonly DiagnosticDescriptor MemberNameClash = Error(
        DiagnosticIds.MemberNameClash,
        "Member clashes with a generated member",
        "'{0}' declares '{1}', which NetGen generates for the network; rename or remove it",
        "NetGen generates members such as Forward, Backward, Parameters and a constructor taking the seed; a user member with the same name or signature would make the generated code fail to compile.");

    public static readonly DiagnosticDescriptor UndefinedEnumValue = Error(
        DiagnosticIds.UndefinedEnumValue,
        "Undefined enum value",
        "{0} is not a defined {1} value; use one of {2}",
        "An enum argument cast from a number that is not one of the enum's members has no meaning for the generator.");

    public static readonly DiagnosticDescriptor SlopeOutOfRange = Error(
        DiagnosticIds.SlopeOutOfRange,
        "LeakyReLU slope out of range",
        "Layer {0} of network '{1}' has slope {2}; a LeakyReLU slope must be a finite number from 0 to 1",
        "A LeakyReLU slope outside [0, 1] (or NaN or infinite) would no longer give a leaky rectifier and would make training unstable.");

    public static readonly DiagnosticDescriptor CannotUnroll = Warning(
        DiagnosticIds.CannotUnroll,
        "Layer too large to unroll",
        "Layer {0} of network '{1}' has {2} weights, more than the {3} that can be unrolled within the JIT's optimisation limits; it is generated as SIMD code instead",
        "Unrolled code writes every multiply-add out; above the limit the method grows past what the JIT optimises, so the layer is generated with SIMD kernels instead.");

    public static readonly DiagnosticDescriptor StaticType = Error(
        DiagnosticIds.StaticType,
        "Network type cannot be static",
        "'{0}' is static, but a network holds its parameters in an instance; remove the 'static' modifier",
        "A network keeps its parameters, gradients and activations in instance fields, which a static class cannot have.");

    public static readonly DiagnosticDescriptor SlopeIgnored = Warning(
        DiagnosticIds.SlopeIgnored,
        "Slope is ignored",
        "Layer {0} of network '{1}' sets Slope but uses {2}; Slope only applies to Activation.LeakyReLU, so remove it or change the activation",
        "Slope is the negative-side slope of Activation.LeakyReLU; other activations do not read it.");

    public static readonly DiagnosticDescriptor TypeNameClash = Error(
        DiagnosticIds.TypeNameClash,
        "Network type is named like a generated member",
        "A network cannot be named '{0}', because NetGen generates a member of that name and a member cannot share its type's name; rename the class",
        "C# does not allow a member with the same name as its enclosing type, so a network cannot be named like one of the members NetGen generates.");

    public static readonly DiagnosticDescriptor PrimaryConstructor = Error(
        DiagnosticIds.PrimaryConstructor,
        "Network type cannot have a primary constructor",
        "'{0}' has a primary constructor, but NetGen generates the constructor that initialises the weights; remove the parameter list and declare an ordinary constructor that calls this(seed)",
        "NetGen generates the constructor that allocates the buffers and initialises the weights from a seed; a primary constructor would not reach it.");

    public static readonly DiagnosticDescriptor RecordType = Error(
        DiagnosticIds.RecordType,
        "Network type cannot be a record",
        "'{0}' is a record, whose copies ('with', the copy constructor) would share the network's buffers and whose equality would compare them by reference; declare it as a partial class",
        "A record's copy constructor and 'with' expressions would copy references to the network's buffers, and its value equality would compare them by reference.");

    public static readonly DiagnosticDescriptor ConstructorSkipsInitialization = Warning(
        DiagnosticIds.ConstructorSkipsInitialization,
        "Constructor leaves the weights at zero",
        "This constructor of '{0}' does not call another with this(...), so it never reaches the generated constructor and every weight stays zero; add ': this(seed: 0)' or another seed",
        "Only the generated constructor initialises the weights; a user constructor that does not chain to another with this(...) leaves every weight zero and the network cannot learn.");

    public static readonly DiagnosticDescriptor DenseWithoutNetwork = Warning(
        DiagnosticIds.DenseWithoutNetwork,
        "Layers without a network",
        "'{0}' has [Dense] layers but no [Network] attribute, so nothing is generated; add [Network(inputs)] to the declaration",
        "[Dense] attributes only take effect together with [Network(inputs)] on the same class.");

    public static readonly DiagnosticDescriptor AbstractType = Error(
        DiagnosticIds.AbstractType,
        "Network type cannot be abstract",
        "'{0}' is abstract, but a network creates instances of itself (CreateWorker); remove the 'abstract' modifier",
        "The generated CreateWorker makes a new instance of the network that shares its parameters, which an abstract class cannot do.");

    public static readonly DiagnosticDescriptor DerivesFromNetwork = Error(
        DiagnosticIds.DerivesFromNetwork,
        "Network type derives from another network",
        "'{0}' derives from the network '{1}'; a network cannot derive from another network, since every generated member would hide the base's; derive both from a common base without [Network], or use the base network as a field",
        "Each network has its own generated members, buffers and INetwork implementation; a network deriving from another would hide all of them.");

    public static readonly DiagnosticDescriptor FileLocalType = Error(
        DiagnosticIds.FileLocalType,
        "Network type cannot be file-local",
        "'{0}' is file-local, but the generated code is in a file of its own, from which a file-local type cannot be extended; remove the 'file' modifier",
        "A 'file' type can only be declared, and its partial declarations combined, within one source file; the generated partial declaration is another file.");

    public static readonly DiagnosticDescriptor InheritedMemberClash = Error(
        DiagnosticIds.InheritedMemberClash,
        "Inherited member clashes with a generated member",
        "'{0}' inherits '{1}' from '{2}', which NetGen generates for the network and would hide; rename it in the base type or derive from another type",
        "NetGen generates members such as Forward, Backward and Parameters; an inherited member of the same name would be hidden by them (CS0108, CS0114) and calls through the base would reach another member.");

    public static readonly DiagnosticDescriptor BaseWithoutParameterlessConstructor = Error(
        DiagnosticIds.BaseWithoutParameterlessConstructor,
        "Base type has no parameterless constructor",
        "'{0}' derives from '{1}', which has no accessible constructor that takes no arguments, but the generated constructors call the base constructor without arguments; add one to '{1}' or derive from another type",
        "The generated constructor (taking the seed) and the worker constructor chain to the base class's constructor implicitly, which needs a non-private constructor whose parameters are all optional.");

    public static readonly DiagnosticDescriptor RuntimeNotReferenced = Error(
        DiagnosticIds.RuntimeNotReferenced,
        "The NetGen runtime is not referenced",
        "This project declares networks but does not reference the NetGen runtime (no type NetGen.INetwork), which the generated code calls, so no network is generated; add the NetGen package, which carries the runtime, to a project targeting net8.0 or later: dotnet add package NetGen",
        "The generated code implements NetGen.INetwork and calls the runtime's kernels; without the runtime it could not compile, so nothing is generated and this one diagnostic says what to add.");

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Error(
        DiagnosticIds.LanguageVersionTooLow,
        "C# version too low for NetGen",
        "The code NetGen generates needs C# {0} or later, but this project compiles as C# {1}, so no network is generated; set <LangVersion>{0}</LangVersion> or later in the project file, or remove LangVersion to use the SDK's default",
        "The generated code uses C# 9 (target-typed new); below it nothing is generated and this one diagnostic names the version needed.");

    private static DiagnosticDescriptor Error(string id, string title, string message, string description) =>
        Create(id, title, message, description, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string title, string message, string description) =>
        Create(id, title, message, description, DiagnosticSeverity.Warning);

    // The help link opens the README's diagnostics table at the row of the id (each row carries an anchor).
    private static DiagnosticDescriptor Create(string id, string title, string message, string description, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, description, HelpLinkBase + id.ToLowerInvariant());
}
