using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Model;
using NetGen.Generator.WeightFiles;

namespace NetGen.Generator;

/// <summary>
/// Generates, for every <c>[Network]</c> or <c>[OnnxNetwork]</c> class, its buffers and allocation-free Forward
/// and Backward. The pipeline: parse → resolve the model file, if any → validate → plan → emit, each over
/// value-equatable models, with diagnostics reported from their own output so that source is regenerated only
/// when the network changes.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class NetworkGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // The model files among the AdditionalFiles, each read once and re-read only when the compiler gives a new one.
        IncrementalValueProvider<ImmutableArray<ModelFileRead>> modelFiles = context.AdditionalTextsProvider
            .Where(ModelFileLoader.IsModelFile)
            .Select(ModelFileLoader.Load)
            .WithTrackingName(TrackingNames.ModelFile)
            .Collect();

        IncrementalValuesProvider<ValidationResult> declared = Validate(
            context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    TypeNames.NetworkAttribute,
                    // Classes and record classes only: [Network] is not valid on a struct (the compiler says so), and a
                    // record struct would otherwise slip through as a RecordDeclarationSyntax and get generated code.
                    predicate: static (node, _) => IsClass(node),
                    transform: Parser.Parse)
                .WithTrackingName(TrackingNames.Parse),
            modelFiles);
        IncrementalValuesProvider<ValidationResult> fromOnnx = Validate(
            context.SyntaxProvider
                .ForAttributeWithMetadataName(TypeNames.OnnxNetworkAttribute, predicate: static (node, _) => IsClass(node), transform: Parser.ParseOnnx)
                .WithTrackingName(TrackingNames.ParseOnnx),
            modelFiles);

        // [Dense] on a class without [Network] would otherwise be silently ignored.
        IncrementalValuesProvider<DiagnosticInfo?> layersWithoutNetwork = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TypeNames.DenseAttribute,
                predicate: static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                transform: Parser.ParseLayersWithoutNetwork)
            .WithTrackingName(TrackingNames.LayersWithoutNetwork);
        context.RegisterSourceOutput(layersWithoutNetwork, static (output, item) =>
        {
            if (item is not null)
            {
                output.ReportDiagnostic(item.ToDiagnostic());
            }
        });

        // Generated code calls the runtime and needs C# 9: where either is missing, one diagnostic says what to add
        // instead of the compiler's errors inside generated files. Both are read per compilation as equatable values.
        IncrementalValueProvider<ProjectSupport> support = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName(TypeNames.INetwork) is not null)
            .Combine(context.ParseOptionsProvider.Select(static (options, _) => ((CSharpParseOptions)options).LanguageVersion))
            .Select(static (pair, _) => new ProjectSupport(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ProjectSupport);
        IncrementalValueProvider<bool> networksDeclared = declared
            .Collect()
            .Combine(fromOnnx.Collect())
            .Select(static (results, _) => !results.Left.IsEmpty || !results.Right.IsEmpty)
            .WithTrackingName(TrackingNames.NetworksDeclared);
        context.RegisterSourceOutput(support.Combine(networksDeclared), static (output, pair) =>
        {
            (ProjectSupport project, bool declared) = pair;
            if (!declared)
            {
                return;
            }

            if (!project.RuntimeReferenced)
            {
                output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RuntimeNotReferenced, Location.None));
            }

            if (!project.LanguageVersionSupported)
            {
                output.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.LanguageVersionTooLow,
                    Location.None,
                    ProjectSupport.MinimumLanguageVersion.ToDisplayString(),
                    project.LanguageVersion.ToDisplayString()));
            }
        });

        RegisterOutputs(context, declared, support);
        RegisterOutputs(context, fromOnnx, support);
    }

    private static bool IsClass(SyntaxNode node) =>
        node is ClassDeclarationSyntax
        || (node is RecordDeclarationSyntax record && !record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword));

    /// <summary>Resolve the model file a declaration names, if any, then validate (and bind the file's weights).</summary>
    private static IncrementalValuesProvider<ValidationResult> Validate(
        IncrementalValuesProvider<NetworkDeclaration?> declarations,
        IncrementalValueProvider<ImmutableArray<ModelFileRead>> modelFiles) =>
        declarations
            .Combine(modelFiles)
            .Select(ModelFileResolver.Resolve)
            .WithTrackingName(TrackingNames.Resolve)
            .Select(WeightBinder.Validate)
            .WithTrackingName(TrackingNames.Validate);

    /// <summary>The diagnostics, and plan → emit, from their own outputs.</summary>
    private static void RegisterOutputs(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<ValidationResult> validated,
        IncrementalValueProvider<ProjectSupport> support)
    {
        IncrementalValuesProvider<Helpers.EquatableArray<DiagnosticInfo>> diagnostics = validated
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (output, items) =>
        {
            foreach (DiagnosticInfo item in items)
            {
                output.ReportDiagnostic(item.ToDiagnostic());
            }
        });

        IncrementalValuesProvider<NetworkPlan> plans = validated
            .Select(static (result, _) => result.Spec)
            .WithTrackingName(TrackingNames.Spec)
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => Planner.Plan(spec!))
            .WithTrackingName(TrackingNames.Plan);

        // A hint name depends on the other networks' names (HintNames says how): they are collected once, and each
        // plan's file is paired with its name. The pair is equal for an unchanged network whose name did not
        // become ambiguous, so its source stays cached while other networks change.
        IncrementalValueProvider<Helpers.EquatableArray<string>> networkNames = plans
            .Select(static (plan, _) => plan.Hierarchy.MetadataName)
            .Collect()
            .Select(static (names, _) => HintNames.Sorted(names))
            .WithTrackingName(TrackingNames.NetworkNames);
        IncrementalValuesProvider<GeneratedFile> files = plans
            .Combine(networkNames)
            .Select(static (pair, _) => HintNames.For(pair.Left.Hierarchy.MetadataName, pair.Right) is { } hintName ? new GeneratedFile(hintName, pair.Left) : null)
            .Where(static file => file is not null)
            .Select(static (file, _) => file!)
            .WithTrackingName(TrackingNames.File);
        context.RegisterSourceOutput(files.Combine(support), static (output, pair) =>
        {
            (GeneratedFile file, ProjectSupport project) = pair;
            if (project.CanGenerate)
            {
                output.AddSource(file.HintName, Emitter.Emit(file.Plan));
            }
        });
    }
}
