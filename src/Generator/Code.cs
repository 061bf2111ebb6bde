using System.Globalization;
using NetGen.Generator.Model;
using static NetGen.Generator.TypeNames;

namespace NetGen.Generator;

/// <summary>
/// The pieces of generated code every emitter prints the same way: literals, buffer slices, and the calls into
/// the runtime's activations built from a layer's plan (the names themselves are in <see cref="TypeNames"/>).
/// </summary>
internal static class Code
{
    /// <summary>The activation of one pre-activation, as an expression: <c>Activations.Tanh(sum)</c>, or the sum itself for the identity.</summary>
    public static string Activate(LayerPlan layer, string sum) => layer.Activation switch
    {
        ActivationKind.Identity => sum,
        ActivationKind.LeakyReLU => $"{Activations}.LeakyReLU({sum}, {Float(layer.Slope)})",
        _ => $"{Activations}.{layer.Activation}({sum})",
    };

    /// <summary>The call that applies the layer's activation in place over a span of pre-activations.</summary>
    public static string ApplyInPlace(LayerPlan layer, string span) => layer.Activation switch
    {
        ActivationKind.LeakyReLU => $"{Activations}.LeakyReLU({span}, {Float(layer.Slope)})",
        _ => $"{Activations}.{layer.Activation}({span})",
    };

    /// <summary>The derivative <c>g'(a)</c> of one neuron, as an expression of its output <paramref name="output"/>.</summary>
    public static string Derivative(LayerPlan layer, string output) => layer.Activation switch
    {
        ActivationKind.LeakyReLU => $"{Activations}.LeakyReLUDerivative({output}, {Float(layer.Slope)})",
        _ => $"{Activations}.{layer.Activation}Derivative({output})",
    };

    /// <summary>The call that multiplies a gradient span by the activation's derivative, read from the layer's outputs.</summary>
    public static string MultiplyByDerivative(LayerPlan layer, string gradient, string outputs) => layer.Activation switch
    {
        ActivationKind.LeakyReLU => $"{Activations}.MultiplyByLeakyReLUDerivative({gradient}, {outputs}, {Float(layer.Slope)})",
        _ => $"{Activations}.MultiplyBy{layer.Activation}Derivative({gradient}, {outputs})",
    };

    /// <summary>An integer literal.</summary>
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A float literal that round-trips.</summary>
    public static string Float(float value) => value.ToString("R", CultureInfo.InvariantCulture) + "f";

    /// <summary>
    /// Any float, bit for bit, as an expression: the shortest literal that reads back as the same bits ("R", or "G9" where
    /// the framework's "R" does not round-trip), <c>float.PositiveInfinity</c> and its negative, and a NaN by its bits.
    /// </summary>
    public static string ExactFloat(float value)
    {
        if (float.IsNaN(value))
        {
            return $"{TypeNames.BitConverter}.Int32BitsToSingle(unchecked((int)0x{SingleBits(value):X8}))";
        }

        if (float.IsInfinity(value))
        {
            return value > 0 ? "float.PositiveInfinity" : "float.NegativeInfinity";
        }

        string text = value.ToString("R", CultureInfo.InvariantCulture);
        if (SingleBits(float.Parse(text, CultureInfo.InvariantCulture)) != SingleBits(value))
        {
            text = value.ToString("G9", CultureInfo.InvariantCulture);
        }

        return text + "f";
    }

    private static uint SingleBits(float value) => System.BitConverter.ToUInt32(System.BitConverter.GetBytes(value), 0);

    /// <summary>A span over <paramref name="count"/> elements of a buffer field, from <paramref name="offset"/>.</summary>
    public static string Slice(string spanType, string field, int offset, int count) =>
        $"new {spanType}({field}, {Int(offset)}, {Int(count)})";

    /// <summary>
    /// <paramref name="count"/> floats of an <c>AlignedBuffer</c> (the parameters, the gradients, the batch block), from
    /// <paramref name="offset"/>: <c>_parameters.Slice(12, 4)</c>, a <c>Span&lt;float&gt;</c> (assignable to a read-only span).
    /// </summary>
    public static string BufferSlice(string buffer, int offset, int count) =>
        $"{buffer}.Slice({Int(offset)}, {Int(count)})";

    /// <summary>How a layer's activation reads in a comment: <c>tanh</c>, <c>σ</c>, <c>relu</c>.</summary>
    public static string MathName(ActivationKind activation) => activation switch
    {
        ActivationKind.Sigmoid => "σ",
        ActivationKind.Tanh => "tanh",
        ActivationKind.ReLU => "relu",
        ActivationKind.LeakyReLU => "leaky_relu",
        ActivationKind.Softmax => "softmax",
        _ => "identity",
    };

    /// <summary>
    /// A parameter's name as a string literal for an exception, rather than <c>nameof</c>, which binds to a user
    /// member or namespace called <c>nameof</c>.
    /// </summary>
    public static string ParameterName(string name) => "\"" + name + "\"";
}
