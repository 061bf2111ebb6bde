using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NetGen.Generator.Tests.Fuzzing;

/// <summary>What the generator must do with a fuzzed unit.</summary>
internal enum Expectation
{
    /// <summary>A valid declaration: no NetGen error, a generated file, and that file compiles cleanly.</summary>
    Accepted,

    /// <summary>A declaration NetGen must reject: at least one NetGen error in the unit's file, and no generated file.</summary>
    Rejected,

    /// <summary>The compiler reports an error in an attribute: no NetGen diagnostic and no generated file.</summary>
    Silent,

    /// <summary>Mutated text: anything but a generator failure, and what is generated compiles cleanly.</summary>
    Any,
}

/// <summary>
/// One fuzzed source file: one or more declarations under a namespace of its own (<c>F{index}</c>), so that
/// units compiled together in one compilation cannot affect each other, and every diagnostic and generated file
/// can be traced back to its unit.
/// </summary>
/// <param name="Files">How many generated files the unit must have, where the expectation says (not for <see cref="Expectation.Any"/>).</param>
internal sealed record FuzzUnit(int Index, string Family, string Source, Expectation Expectation, int Files)
{
    public string Path => $"Unit{Index.ToString(CultureInfo.InvariantCulture)}.cs";

    public string Root => "F" + Index.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Writes random network declarations from a seed, valid and malformed, covering every family of defect the
/// generator must survive: names that collide as hint names or need escaping, names of generated members in
/// every position, type shapes the generated code cannot extend, attributes the compiler rejects, and text
/// mutations of valid declarations.
/// </summary>
internal sealed class DeclarationFuzzer
{
    private static readonly string[] Activations = { "Identity", "Sigmoid", "Tanh", "ReLU", "LeakyReLU" };

    private static readonly string[] NetworkNames = { "Net", "Model", "@record", "@event", "@params", "@class", "@var", "@value", "_net", "Ψnet", "N3t", "nameof", "@async", "Classifier" };

    private static readonly string[] TypeParameterNames = { "T", "TValue", "@class", "@int", "@record", "x", "input", "seed", "loss", "shared", "h1", "Kernels", "NetGen", "System", "global", "nameof" };

    private static readonly string[] NamespaceParts = { "Shop", "@string", "nameof", "a", "A", "@class", "record", "Models", "System", "NetGen", "global" };

    // Members the user may declare without clashing with a generated one; several share names with what the
    // generated code uses (nameof, kernels, loss and buffer locals, namespaces it qualifies with global::).
    private static readonly string[] HarmlessMembers =
    {
        "public int nameof(object o) => 0;",
        "public static string nameof = \"\";",
        "private int Kernels;",
        "private string ShapeGuard = \"\";",
        "private float loss;",
        "private float[] h1 = new float[1];",
        "private int x;",
        "private int input;",
        "private int NetGen;",
        "private int System;",
        "private int Array;",
        "private int seed;",
        "private int shared;",
        "private int block;",
        "private int count;",
        "public static int Math() => 0;",
        "public Ctor() : this(seed: 3) { }",
        "public Ctor(string name) : this(1) { }",
        "public override string ToString() => \"net\";",
        "public class LayerInfo { }",
        "public struct Span { }",
    };

    // Generated member names, for the families that must be rejected.
    private static readonly string[] GeneratedMembers =
    {
        "InputSize", "OutputSize", "ParameterCount", "Loss", "Layers", "Parameters", "Gradients", "Forward", "Backward", "Evaluate", "Output",
        "ZeroGradients", "ForwardAll", "ForwardBatch", "EvaluateBatch", "BackwardBatch", "ComputeGradientBatch", "CreateWorker", "RunBatch",
        "OutputBlock", "LossBlock", "_parameters", "_gradients", "_activations", "_deltas", "_logits", "s_layers", "_block", "ForwardLayer1", "BackwardLayer1",
    };

    private readonly Random _random;
    private int _index;

    public DeclarationFuzzer(int seed) => _random = new Random(seed);

    public FuzzUnit Next()
    {
        int index = _index++;
        int family = _random.Next(100);
        return family switch
        {
            < 40 => Valid(index),
            < 50 => Colliding(index),
            < 72 => Rejected(index),
            < 86 => Silent(index),
            _ => Mutated(index),
        };
    }

    private FuzzUnit Valid(int index)
    {
        var network = RandomValidNetwork();
        string root = Root(index);
        string ns = Pick(0.6) ? root + "." + string.Join(".", Enumerable.Range(0, _random.Next(1, 3)).Select(_ => Pick(NamespaceParts))) : root;
        string name = Pick(NetworkNames);
        string typeParameters = Pick(0.3) ? "<" + string.Join(", ", Distinct(TypeParameterNames, _random.Next(1, 3), exclude: Unescaped(name))) + ">" : string.Empty;
        var members = new List<string>();
        for (int i = _random.Next(0, 3); i > 0; i--)
        {
            members.Add(Pick(HarmlessMembers).Replace("Ctor", name, StringComparison.Ordinal));
        }

        string attributes = network;
        if (Pick(0.15))
        {
            attributes += "\n[System.CodeDom.Compiler.GeneratedCode(\"user\", \"1.0\")]";
        }

        string baseClause = string.Empty;
        string baseDeclaration = string.Empty;
        if (Pick(0.15))
        {
            baseDeclaration = "public abstract class BaseOf" + index.ToString(CultureInfo.InvariantCulture) + " { protected BaseOf" + index.ToString(CultureInfo.InvariantCulture) + "(int unused = 0) { } public int Extra; }\n";
            baseClause = " : BaseOf" + index.ToString(CultureInfo.InvariantCulture);
        }

        string type = $"{attributes}\npublic partial class {name}{typeParameters}{baseClause}\n{{\n{string.Join("\n", members.Distinct())}\n}}";
        type = WrapInContainers(type, exclude: Unescaped(name));
        return new FuzzUnit(index, "valid", $"using NetGen;\n\nnamespace {ns}\n{{\n{baseDeclaration}{type}\n}}\n", Expectation.Accepted, 1);
    }

    private FuzzUnit Colliding(int index)
    {
        string root = Root(index);
        string a = RandomValidNetwork(), b = RandomValidNetwork();
        string source = _random.Next(5) switch
        {
            0 => $"namespace {root}\n{{\n{a}\npublic partial class Net<T> {{ }}\n{b}\npublic partial class Net_1 {{ }}\n}}",
            1 => $"namespace {root}\n{{\n{a}\npublic partial class Net {{ }}\n{b}\npublic partial class NET {{ }}\n}}",
            2 => $"namespace {root}.a\n{{\n{a}\npublic partial class B {{ }}\n}}\nnamespace {root}.A\n{{\n{b}\npublic partial class B {{ }}\n}}",
            3 => $"namespace {root}\n{{\npublic partial class A<T>\n{{\n{a}\npublic partial class Net {{ }}\n}}\npublic partial class A_1\n{{\n{b}\npublic partial class Net {{ }}\n}}\n}}",
            _ => $"namespace {root}\n{{\npublic partial class A\n{{\n{a}\npublic partial class B {{ }}\n}}\n}}\nnamespace {root}.A\n{{\n{b}\npublic partial class B {{ }}\n}}",
        };

        return new FuzzUnit(index, "colliding hint names", "using NetGen;\n\n" + source + "\n", Expectation.Accepted, 2);
    }

    private FuzzUnit Rejected(int index)
    {
        string root = Root(index);
        string network = RandomValidNetwork();
        string member = Pick(GeneratedMembers);

        // A member named Loss, the class's own or inherited, hides NetGen.Loss from an argument that names it
        // (Loss = Loss.CrossEntropy): the compiler reports that argument, and the generator leaves such a class alone.
        string visibleMember = member == "Loss" && network.Contains("Loss.", StringComparison.Ordinal) ? "Layers" : member;
        string i = index.ToString(CultureInfo.InvariantCulture);
        (string family, string source) = _random.Next(21) switch
        {
            // Not Loss: a type parameter of that name would hide NetGen.Loss from the attribute's arguments.
            0 => ("type parameter named like a generated member", $"{network}\npublic partial class Net<{(member == "Loss" ? "Layers" : member)}> {{ }}"),
            1 => ("abstract", $"{network}\npublic abstract partial class Net {{ }}"),
            2 => ("file-local", $"{network}\nfile partial class Net {{ }}"),
            3 => ("file-local container", $"file partial class Outer\n{{\n{network}\npublic partial class Net {{ }}\n}}"),
            4 => ("derives from a network", $"{network}\npublic partial class Base{i} {{ }}\n{RandomValidNetwork()}\npublic partial class Net : Base{i} {{ }}"),
            5 => ("inherits a generated member", $"public class Base{i} {{ public virtual void {(member.StartsWith('_') ? "Forward" : visibleMember)}() {{ }} }}\n{network}\npublic partial class Net : Base{i} {{ }}"),
            6 => ("base without a parameterless constructor", $"public class Base{i} {{ public Base{i}(string name) {{ }} }}\n{network}\npublic partial class Net : Base{i} {{ }}"),
            7 => ("constructor taking SharedParameters", $"{network}\npublic partial class Net {{ private Net(SharedParameters shared) : this(1) {{ }} }}"),
            8 => ("constructor taking int", $"{network}\npublic partial class Net {{ public Net(int size) {{ }} }}"),
            9 => ("member named like a generated one", $"{network}\npublic partial class Net {{ public int {visibleMember}; }}"),
            // Not Loss: a class of that name would hide NetGen.Loss from the attribute's arguments.
            10 => ("type named like a generated member", $"{network}\npublic partial class {(member.StartsWith('_') || member.StartsWith("s_", StringComparison.Ordinal) || member == "Loss" ? "Forward" : member)} {{ }}"),
            11 => ("static", $"{network}\npublic static partial class Net {{ }}"),
            12 => ("record", $"{network}\npublic partial record Net;"),
            13 => ("not partial", $"{network}\npublic class Net {{ }}"),
            14 => ("primary constructor", $"{network}\npublic partial class Net(int a) {{ }}"),
            15 => ("softmax on a hidden layer", "[Network(3)]\n[Dense(4, Activation.Softmax)]\n[Dense(2, Activation.Softmax)]\npublic partial class Net { }"),
            16 => ("loss needs another output", $"[Network(3, Loss = Loss.{(Pick(0.5) ? "CrossEntropy" : "BinaryCrossEntropy")})]\n[Dense(2, Activation.{(Pick(0.5) ? "Tanh" : "ReLU")})]\npublic partial class Net {{ }}"),
            17 => ("size not positive", $"[Network({_random.Next(-3, 1)})]\n[Dense({_random.Next(-3, 1)}, Activation.Tanh)]\npublic partial class Net {{ }}"),
            18 => ("undefined enum value or slope out of range", Pick(0.5)
                ? $"[Network(3, Kernels = (KernelStrategy){_random.Next(3, 99)})]\n[Dense(2, (Activation){_random.Next(6, 99)})]\npublic partial class Net {{ }}"
                : $"[Network(3)]\n[Dense(2, Activation.LeakyReLU, Slope = {(Pick(0.5) ? "-0.5f" : "float.NaN")})]\npublic partial class Net {{ }}"),
            19 => ("inference-only without a model file", $"{network.Insert(network.IndexOf(")]", StringComparison.Ordinal), ", InferenceOnly = true")}\npublic partial class Net {{ }}"),
            _ => ("no layers", "[Network(3)]\npublic partial class Net { }"),
        };

        // The base network of "derives from a network" is valid and generated; the derived one is not.
        return new FuzzUnit(index, family, $"using NetGen;\n\nnamespace {root}\n{{\n{source}\n}}\n", Expectation.Rejected, family == "derives from a network" ? 1 : 0);
    }

    private FuzzUnit Silent(int index)
    {
        string root = Root(index);
        (string family, string attributes) = _random.Next(10) switch
        {
            0 => ("enum of the wrong type", "[Network(2, Loss = Activation.Sigmoid)]\n[Dense(1, Activation.Tanh)]"),
            1 => ("double for an enum", "[Network(2, Kernels = 1.5)]\n[Dense(1, Activation.Tanh)]"),
            2 => ("duplicate named argument", "[Network(2, Loss = Loss.MeanSquaredError, Loss = Loss.CrossEntropy)]\n[Dense(1, Activation.Softmax)]"),
            3 => ("slope out of float range", "[Network(2)]\n[Dense(1, Activation.Tanh, Slope = 1e40f)]"),
            4 => ("unknown named argument", "[Network(2, Unknown = 1)]\n[Dense(1, Activation.Tanh)]"),
            5 => ("missing arguments", "[Network]\n[Dense]"),
            6 => ("string for a size", "[Network(2)]\n[Dense(\"x\", Activation.Tanh)]"),
            7 => ("named argument before a positional one", "[Network(Loss = Loss.MeanSquaredError, inputs: -2)]\n[Dense(1, Activation.Sigmoid)]"),
            8 => ("duplicate slope", "[Network(2)]\n[Dense(1, Activation.LeakyReLU, Slope = 0.1f, Slope = 7f)]"),
            _ => ("size out of int range", "[Network(2)]\n[Dense(3000000000, Activation.Tanh)]"),
        };

        return new FuzzUnit(index, family, $"using NetGen;\n\nnamespace {root}\n{{\n{attributes}\npublic partial class Net {{ }}\n}}\n", Expectation.Silent, 0);
    }

    private FuzzUnit Mutated(int index)
    {
        FuzzUnit valid = Valid(index);
        var text = new StringBuilder(valid.Source);
        string[] tokens = { "[", "]", "(", ")", "{", "}", ",", ";", "=", "-", "0", "1e40f", "@", "<", ">", "partial", "abstract", "static", "file", "Slope = ", "Loss.", "Activation.", "\"", "nameof", "global::", "#pragma warning disable NG0015\n", "/*", "//" };

        // Mutations never touch the namespace line, so the unit keeps its own namespace.
        int start = valid.Source.IndexOf('{', StringComparison.Ordinal) + 1;
        for (int m = _random.Next(1, 4); m > 0; m--)
        {
            int at = _random.Next(start, text.Length);
            switch (_random.Next(3))
            {
                case 0:
                    text.Remove(at, Math.Min(_random.Next(1, 6), text.Length - at));
                    break;
                case 1:
                    text.Insert(at, Pick(tokens));
                    break;
                default:
                    text.Insert(at, text.ToString(_random.Next(start, Math.Max(start + 1, text.Length - 4)), 3));
                    break;
            }
        }

        return valid with { Family = "mutated", Source = text.ToString(), Expectation = Expectation.Any };
    }

    /// <summary>A valid [Network] with its [Dense] layers, its loss matching its output activation.</summary>
    private string RandomValidNetwork()
    {
        int inputs = Pick(0.2) ? _random.Next(9, 70) : _random.Next(1, 9);
        int layers = _random.Next(1, 5);
        var dense = new List<string>();
        int previous = inputs;
        string kernels = _random.Next(4) switch { 0 => ", Kernels = KernelStrategy.Simd", 1 => ", Kernels = KernelStrategy.Auto", _ => string.Empty };
        bool unrolled = false;
        if (Pick(0.15))
        {
            kernels = ", Kernels = KernelStrategy.Unrolled";
            unrolled = true;
        }

        string output = Pick(new[] { "Identity", "Sigmoid", "Tanh", "ReLU", "Softmax", "LeakyReLU" });
        string loss = output switch
        {
            "Softmax" when Pick(0.7) => "CrossEntropy",
            "Sigmoid" when Pick(0.6) => "BinaryCrossEntropy",
            _ => "MeanSquaredError",
        };

        for (int k = 1; k <= layers; k++)
        {
            bool last = k == layers;
            int size = Pick(0.2) ? _random.Next(9, 40) : _random.Next(1, 9);
            if (unrolled)
            {
                // Under the unroll limit, so the network is accepted without NG0013.
                size = Math.Max(1, Math.Min(size, 512 / previous));
            }

            string activation = last ? output : Pick(Activations);
            string slope = activation == "LeakyReLU" && Pick(0.5)
                ? ", Slope = " + (_random.Next(0, 101) / 100f).ToString("R", CultureInfo.InvariantCulture) + "f"
                : string.Empty;
            dense.Add($"[Dense({size.ToString(CultureInfo.InvariantCulture)}, Activation.{activation}{slope})]");
            previous = size;
        }

        string lossArgument = loss == "MeanSquaredError" && Pick(0.5) ? string.Empty : ", Loss = Loss." + loss;
        return $"[Network({inputs.ToString(CultureInfo.InvariantCulture)}{lossArgument}{kernels})]\n" + string.Join("\n", dense);
    }

    private string WrapInContainers(string type, string exclude)
    {
        var used = new HashSet<int>();
        for (int depth = _random.Next(0, 3); depth > 0; depth--)
        {
            int choice = _random.Next(7);
            if (!used.Add(choice))
            {
                continue;
            }

            string container = choice switch
            {
                0 => "public partial class Outer",
                1 => "public partial struct S",
                2 => "public partial record R",
                3 => "public partial record struct RS",
                4 => "public partial class @class",
                5 => "public partial class A<TOuter>",
                _ => "public partial class A_1",
            };

            // A nested type cannot share its container's name.
            if (container.EndsWith(" " + exclude, StringComparison.Ordinal) || container.EndsWith("@" + exclude, StringComparison.Ordinal))
            {
                continue;
            }

            type = $"{container}\n{{\n{type}\n}}";
        }

        return type;
    }

    private static string Root(int index) => "F" + index.ToString(CultureInfo.InvariantCulture);

    private static string Unescaped(string name) => name.TrimStart('@');

    private IEnumerable<string> Distinct(string[] pool, int count, string exclude) =>
        pool.Where(p => Unescaped(p) != exclude).OrderBy(_ => _random.Next()).Take(count);

    private bool Pick(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
