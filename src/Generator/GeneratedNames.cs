using System.Collections.Generic;
using System.Globalization;

namespace NetGen.Generator;

/// <summary>
/// The names of the members NetGen generates, shared by the emitter (which declares them) and the
/// validator (which reports a user member of the same name instead of emitting code that cannot compile).
/// </summary>
internal static class GeneratedNames
{
    public const string InputSize = nameof(InputSize);
    public const string OutputSize = nameof(OutputSize);
    public const string ParameterCount = nameof(ParameterCount);
    public const string Loss = nameof(Loss);
    public const string Layers = nameof(Layers);
    public const string Parameters = nameof(Parameters);
    public const string Gradients = nameof(Gradients);
    public const string Forward = nameof(Forward);
    public const string Backward = nameof(Backward);
    public const string Evaluate = nameof(Evaluate);
    public const string Output = nameof(Output);
    public const string ZeroGradients = nameof(ZeroGradients);
    public const string ForwardAll = nameof(ForwardAll);
    public const string ForwardBatch = nameof(ForwardBatch);
    public const string EvaluateBatch = nameof(EvaluateBatch);
    public const string BackwardBatch = nameof(BackwardBatch);
    public const string ComputeGradientBatch = nameof(ComputeGradientBatch);
    public const string CreateWorker = nameof(CreateWorker);
    public const string RunBatch = nameof(RunBatch);
    public const string OutputBlock = nameof(OutputBlock);
    public const string LossBlock = nameof(LossBlock);

    public const string ParametersField = "_parameters";
    public const string GradientsField = "_gradients";
    public const string ActivationsField = "_activations";
    public const string DeltasField = "_deltas";
    public const string LogitsField = "_logits";
    public const string LayersField = "s_layers";
    public const string BlockField = "_block";

    /// <summary>An inference-only network's parameters, decoded once and shared, read-only, by every instance.</summary>
    public const string SharedParametersField = "s_parameters";

    /// <summary>An inference-only network's static method that decodes the compiled-in weights into <see cref="SharedParametersField"/>.</summary>
    public const string LoadParameters = nameof(LoadParameters);

    /// <summary>Stands for the generated constructor taking the seed, in <see cref="For"/>.</summary>
    public const string SeedConstructor = ".ctor(int)";

    /// <summary>Stands for the generated private constructor of a worker, taking the shared parameters, in <see cref="For"/>.</summary>
    public const string WorkerConstructor = ".ctor(SharedParameters)";

    /// <summary>Stands for the generated parameterless constructor of a network with weights compiled in, in <see cref="For"/>.</summary>
    public const string ParameterlessConstructor = ".ctor()";

    /// <summary>The compiled-in weights of a network declared with a model file.</summary>
    public const string BakedParameters = nameof(BakedParameters);

    public static string ForwardLayer(int index) => "ForwardLayer" + index.ToString(CultureInfo.InvariantCulture);

    public static string BackwardLayer(int index) => "BackwardLayer" + index.ToString(CultureInfo.InvariantCulture);

    public static string ForwardBlockLayer(int index) => "ForwardBlockLayer" + index.ToString(CultureInfo.InvariantCulture);

    public static string BackwardBlockLayer(int index) => "BackwardBlockLayer" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Every member generated for a network of <paramref name="layerCount"/> layers; for an inference-only one
    /// (<paramref name="inferenceOnly"/>) only the forward members, without gradients, backward pass or seeded constructor.
    /// </summary>
    public static HashSet<string> For(int layerCount, bool weightsCompiledIn = false, bool inferenceOnly = false)
    {
        var names = new HashSet<string>
        {
            InputSize, OutputSize, ParameterCount, Loss, Layers, Parameters, Forward, Evaluate, Output, ForwardAll,
            ForwardBatch, EvaluateBatch, CreateWorker, RunBatch, OutputBlock, LossBlock,
            ParametersField, ActivationsField, DeltasField, LogitsField, LayersField, BlockField,
        };
        if (!inferenceOnly)
        {
            names.UnionWith(new[] { Gradients, Backward, ZeroGradients, BackwardBatch, ComputeGradientBatch, GradientsField, SeedConstructor, WorkerConstructor });
        }

        if (weightsCompiledIn)
        {
            names.Add(ParameterlessConstructor);
            names.Add(BakedParameters);
            for (int k = 1; k <= layerCount; k++)
            {
                names.Add(WeightsEmitter.WeightConstant(k));
                names.Add(WeightsEmitter.BiasConstant(k));
            }
        }

        if (inferenceOnly)
        {
            names.Add(SharedParametersField);
            names.Add(LoadParameters);
        }

        for (int k = 1; k <= layerCount; k++)
        {
            names.Add(ForwardLayer(k));
            names.Add(ForwardBlockLayer(k));
            if (!inferenceOnly)
            {
                names.Add(BackwardLayer(k));
                names.Add(BackwardBlockLayer(k));
            }
        }

        return names;
    }
}
