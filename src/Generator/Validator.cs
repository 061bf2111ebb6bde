using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Helpers;
using NetGen.Generator.Model;

namespace NetGen.Generator;

/// <summary>
/// Validate stage: turns a parsed declaration into a <see cref="NetworkSpec"/>, or into one diagnostic per
/// problem, each pointing at the offending attribute or argument. Any error means no spec, so an invalid
/// network emits no source; warnings leave the spec in place.
/// </summary>
internal static class Validator
{
    public static ValidationResult Validate(NetworkDeclaration? declaration, CancellationToken cancellationToken)
    {
        if (declaration is null)
        {
            return new ValidationResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var diagnostics = new List<DiagnosticInfo>();
        string name = declaration.Hierarchy.Type.DisplayName;
        if (declaration.IsStatic)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StaticType, declaration.TypeLocation, name));
        }

        if (declaration.NonPartialType is { } nonPartial)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPartial, nonPartial.Location, nonPartial.Name));
        }

        if (declaration.IsAbstract)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AbstractType, declaration.TypeLocation, name));
        }

        if (declaration.FileLocalType is { } fileLocal)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FileLocalType, fileLocal.Location, fileLocal.Name));
        }

        if (declaration.BaseType is { } baseType)
        {
            ValidateBaseType(baseType, name, diagnostics);
        }

        if (declaration.IsRecord)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RecordType, declaration.TypeLocation, name));
        }
        else if (declaration.PrimaryConstructor is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PrimaryConstructor, declaration.PrimaryConstructor, name));
        }

        if (declaration.InferenceOnly is not null && declaration.ModelFile is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InferenceOnlyWithoutWeights, declaration.InferenceOnly, name));
        }

        // An inference-only network's instances take the shared weights in a field initializer, which every constructor runs.
        foreach (MemberInfo constructor in declaration.InferenceOnly is null ? declaration.ConstructorsNotChainingToSeed : EquatableArray<MemberInfo>.Empty)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConstructorSkipsInitialization, constructor.Location, name));
        }

        if (declaration.Inputs.Value <= 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InputSizeNotPositive, declaration.Inputs.Location, name, Format(declaration.Inputs.Value)));
        }

        bool lossDefined = RequireDefined<LossKind>(declaration.Loss, "NetGen.Loss", diagnostics);
        RequireDefined<KernelStrategyKind>(declaration.Kernels, "NetGen.KernelStrategy", diagnostics);
        if (declaration.Layers.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoLayers, declaration.NetworkAttributeLocation, name));
        }

        if (declaration.LayersOnSecondDeclaration is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LayersSpreadOverDeclarations, declaration.LayersOnSecondDeclaration, name));
        }

        ValidateLayers(declaration, name, diagnostics, out bool outputDefined);
        cancellationToken.ThrowIfCancellationRequested();
        if (lossDefined && outputDefined)
        {
            ValidateLoss(declaration, name, diagnostics);
        }

        ValidateMembers(declaration, name, diagnostics);
        if (diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error))
        {
            return new ValidationResult(null, diagnostics.ToEquatableArray());
        }

        var spec = new NetworkSpec(
            declaration.Hierarchy,
            declaration.Inputs.Value,
            (LossKind)declaration.Loss.Value,
            (KernelStrategyKind)declaration.Kernels.Value,
            declaration.Layers.Select(l => new LayerSpec(l.Size.Value, (ActivationKind)l.Activation.Value, l.Slope)).ToEquatableArray(),
            InferenceOnly: declaration.InferenceOnly is not null);
        return new ValidationResult(spec, diagnostics.ToEquatableArray());
    }

    private static void ValidateLayers(NetworkDeclaration declaration, string name, List<DiagnosticInfo> diagnostics, out bool outputDefined)
    {
        outputDefined = false;
        bool sizesValid = declaration.Inputs.Value > 0;
        // Decimal, because a few layers of int.MaxValue² weights overflow a long and would pass the size check.
        decimal parameters = 0;
        long inputs = declaration.Inputs.Value;
        for (int i = 0; i < declaration.Layers.Count; i++)
        {
            LayerDeclaration layer = declaration.Layers[i];
            string index = Format(i + 1);
            bool isOutput = i == declaration.Layers.Count - 1;
            if (layer.Size.Value <= 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LayerSizeNotPositive, layer.Size.Location, index, name, Format(layer.Size.Value)));
                sizesValid = false;
            }

            parameters += ((decimal)inputs * layer.Size.Value) + layer.Size.Value;
            inputs = layer.Size.Value;
            if (!RequireDefined<ActivationKind>(layer.Activation, "NetGen.Activation", diagnostics))
            {
                continue;
            }

            var activation = (ActivationKind)layer.Activation.Value;
            outputDefined = isOutput;
            if (activation == ActivationKind.Softmax && !isOutput)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SoftmaxOnHiddenLayer, layer.Activation.Location, index, name));
            }

            if (activation == ActivationKind.LeakyReLU && !(layer.Slope >= 0f && layer.Slope <= 1f))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SlopeOutOfRange, layer.SlopeLocation ?? layer.AttributeLocation, index, name, layer.Slope.ToString("R", CultureInfo.InvariantCulture)));
            }
            else if (activation != ActivationKind.LeakyReLU && layer.SlopeLocation is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SlopeIgnored, layer.SlopeLocation, index, name, activation.ToString()));
            }

            long weights = (long)(i == 0 ? declaration.Inputs.Value : declaration.Layers[i - 1].Size.Value) * layer.Size.Value;
            if (sizesValid && (KernelStrategyKind)declaration.Kernels.Value == KernelStrategyKind.Unrolled && weights > Planner.MaxUnrolledWeights)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CannotUnroll, declaration.Kernels.Location, index, name, Format(weights), Format(Planner.MaxUnrolledWeights)));
            }
        }

        if (sizesValid && parameters > Planner.MaxParameters)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NetworkTooLarge, declaration.NetworkAttributeLocation, name, Format(parameters), Format(Planner.MaxParameters)));
        }
    }

    private static void ValidateLoss(NetworkDeclaration declaration, string name, List<DiagnosticInfo> diagnostics)
    {
        var output = (ActivationKind)declaration.Layers[declaration.Layers.Count - 1].Activation.Value;
        Location? location = declaration.Loss.Location ?? declaration.NetworkAttributeLocation;
        switch ((LossKind)declaration.Loss.Value)
        {
            case LossKind.CrossEntropy when output != ActivationKind.Softmax:
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CrossEntropyNeedsSoftmax, location, name, output.ToString()));
                break;
            case LossKind.BinaryCrossEntropy when output != ActivationKind.Sigmoid:
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BinaryCrossEntropyNeedsSigmoid, location, name, output.ToString()));
                break;
        }
    }

    private static void ValidateBaseType(BaseTypeInfo baseType, string name, List<DiagnosticInfo> diagnostics)
    {
        if (baseType.IsNetwork)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DerivesFromNetwork, baseType.Location, name, baseType.Name));
            return;
        }

        foreach (string member in baseType.InheritedMemberNames)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InheritedMemberClash, baseType.Location, name, member, baseType.Name));
        }

        if (!baseType.HasParameterlessConstructor)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BaseWithoutParameterlessConstructor, baseType.Location, name, baseType.Name));
        }
    }

    private static void ValidateMembers(NetworkDeclaration declaration, string name, List<DiagnosticInfo> diagnostics)
    {
        HashSet<string> generated = GeneratedNames.For(declaration.Layers.Count, declaration.ModelFile is not null, declaration.InferenceOnly is not null);
        string typeName = declaration.Hierarchy.Type.DisplayName.Split('<')[0];
        if (generated.Contains(typeName))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TypeNameClash, declaration.TypeLocation, typeName));
        }

        foreach (MemberInfo member in declaration.Members)
        {
            if (generated.Contains(member.Name))
            {
                string shown = member.Name switch
                {
                    GeneratedNames.SeedConstructor => "a constructor taking one int",
                    GeneratedNames.WorkerConstructor => "a constructor taking one NetGen.SharedParameters",
                    GeneratedNames.ParameterlessConstructor => "a constructor without parameters",
                    _ => member.Name,
                };
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberNameClash, member.Location, name, shown));
            }
        }
    }

    private static bool RequireDefined<TEnum>(IntArgument argument, string enumName, List<DiagnosticInfo> diagnostics)
        where TEnum : struct, Enum
    {
        if (Enum.IsDefined(typeof(TEnum), argument.Value))
        {
            return true;
        }

        string choices = string.Join(", ", Enum.GetNames(typeof(TEnum)).Select(n => enumName + "." + n));
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UndefinedEnumValue, argument.Location, Format(argument.Value), enumName, choices));
        return false;
    }

    private static string Format(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Format(decimal value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
