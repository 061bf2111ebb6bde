using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Tests.Fuzzing;
using NetGen.Generator.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Generator.Tests;

/// <summary>
/// Seeded fuzzing of declarations, valid and malformed, through the real driver. The generator must never fail,
/// and whatever it generates must compile without errors or warnings in the generated files; each unit's
/// expectation (accepted, rejected, silent) is checked too. <c>NETGEN_FUZZ_LONG=1</c> runs ten times as many.
/// </summary>
public sealed class DeclarationFuzzTests
{
    private const int Seed = 20_261_128;
    private const int Units = 1_200;

    // Units compiled together: enough to keep the run short, few enough that a failure is traced quickly.
    private const int BatchSize = 60;

    private static readonly string[] FailureIds = { "CS8784", "CS8785", "AD0001" };

    // Every batch is added to this empty compilation, which binds the framework references once for all.
    private static readonly CSharpCompilation Empty = GeneratorHarness.Compile();

    private readonly ITestOutputHelper _output;

    public DeclarationFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Survives_every_fuzzed_declaration_and_what_it_generates_compiles_cleanly()
    {
        bool longRun = Environment.GetEnvironmentVariable("NETGEN_FUZZ_LONG") == "1";
        int count = longRun ? Units * 10 : Units;
        var fuzzer = new DeclarationFuzzer(Seed);
        var failures = new List<string>();
        var families = new Dictionary<string, int>(StringComparer.Ordinal);
        int generated = 0;
        for (int done = 0; done < count; done += BatchSize)
        {
            FuzzUnit[] batch = Enumerable.Range(0, Math.Min(BatchSize, count - done)).Select(_ => fuzzer.Next()).ToArray();
            foreach (FuzzUnit unit in batch)
            {
                families[unit.Family] = families.GetValueOrDefault(unit.Family) + 1;
            }

            generated += Check(batch, failures);
            if (failures.Count >= 10)
            {
                break;
            }
        }

        _output.WriteLine($"{count} units (seed {Seed}), {generated} generated files; by family:");
        foreach (KeyValuePair<string, int> family in families.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            _output.WriteLine($"  {family.Key}: {family.Value}");
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.True(count >= 1_000, "The fuzzer runs at least 1,000 declarations.");
        Assert.True(generated > count / 3, $"Only {generated} files were generated for {count} units; the fuzzer produces too few valid declarations.");
    }

    /// <summary>Runs one batch, appends a description of each failure, and returns how many files were generated.</summary>
    private static int Check(FuzzUnit[] batch, List<string> failures)
    {
        CSharpCompilation compilation = Empty.AddSyntaxTrees(batch.Select(u => GeneratorHarness.Parse(u.Source, u.Path)));
        GeneratorRun run = GeneratorHarness.Run(compilation);
        if (Failed(run) is { } failure)
        {
            // Trace the failure to the units that cause it on their own.
            foreach (FuzzUnit unit in batch)
            {
                if (Failed(GeneratorHarness.Run(GeneratorHarness.Compile((unit.Path, unit.Source)))) is { } own)
                {
                    failures.Add(Describe(unit, "the generator failed: " + own));
                }
            }

            if (failures.Count == 0)
            {
                failures.Add("The generator failed on a batch but on none of its units alone: " + failure);
            }

            return 0;
        }

        Dictionary<string, FuzzUnit> byPath = batch.ToDictionary(u => u.Path, StringComparer.Ordinal);
        var files = batch.ToDictionary(u => u.Path, _ => new List<SyntaxTree>(), StringComparer.Ordinal);
        var generatedTrees = run.OutputCompilation.SyntaxTrees.Except(compilation.SyntaxTrees).ToArray();
        foreach (SyntaxTree tree in generatedTrees)
        {
            string? owner = Owner(run.OutputCompilation, tree);
            if (owner is not null && files.TryGetValue(owner, out List<SyntaxTree>? list))
            {
                list.Add(tree);
            }
            else
            {
                failures.Add($"A generated file could not be traced to its unit: {tree.FilePath}\n{tree}");
            }
        }

        ImmutableArray<Diagnostic> output = run.OutputCompilation.GetDiagnostics();
        var userErrors = new HashSet<string>(
            output.Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } t && byPath.ContainsKey(t.FilePath)).Select(d => d.Location.SourceTree!.FilePath),
            StringComparer.Ordinal);

        foreach (FuzzUnit unit in batch)
        {
            List<SyntaxTree> own = files[unit.Path];
            Diagnostic[] netgen = run.Result.Diagnostics.Where(d => d.Location.SourceTree?.FilePath == unit.Path).ToArray();
            bool rejected = netgen.Any(d => d.Severity == DiagnosticSeverity.Error);
            Diagnostic[] inGenerated = output
                .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree is { } t && own.Contains(t))
                .ToArray();

            // Mutated text may break the user's own code so that the generated code cannot compile either.
            bool excused = unit.Expectation == Expectation.Any && userErrors.Contains(unit.Path);
            if (inGenerated.Length > 0 && !excused)
            {
                failures.Add(Describe(unit, "the generated code does not compile cleanly:\n" + string.Join("\n", inGenerated.Select(d => d.ToString())), own));
            }

            string? problem = unit.Expectation switch
            {
                Expectation.Accepted when rejected => "rejected a valid declaration: " + string.Join("; ", netgen.Select(d => d.ToString())),
                Expectation.Accepted when own.Count != unit.Files => $"generated {own.Count} files for {unit.Files} networks",
                Expectation.Rejected when !rejected => "accepted a declaration that must be rejected" + (netgen.Length > 0 ? ": " + string.Join("; ", netgen.Select(d => d.ToString())) : string.Empty),
                Expectation.Rejected when own.Count != unit.Files => $"generated {own.Count} files, expected {unit.Files}",
                Expectation.Silent when netgen.Length > 0 => "reported diagnostics where the compiler reports the attribute's error: " + string.Join("; ", netgen.Select(d => d.ToString())),
                Expectation.Silent when own.Count > 0 => "generated code where the compiler reports the attribute's error",
                _ => null,
            };
            if (problem is not null)
            {
                failures.Add(Describe(unit, problem, own));
            }
        }

        return generatedTrees.Length;
    }

    private static string? Failed(GeneratorRun run)
    {
        if (run.Generator.Exception is { } exception)
        {
            return exception.ToString();
        }

        Diagnostic[] failures = run.DriverDiagnostics.Concat(run.Result.Diagnostics).Where(d => FailureIds.Contains(d.Id)).ToArray();
        return failures.Length == 0 ? null : string.Join("; ", failures.Select(d => d.ToString()));
    }

    /// <summary>The path of the user file that declares the type a generated file extends.</summary>
    private static string? Owner(Compilation compilation, SyntaxTree generated)
    {
        SemanticModel model = compilation.GetSemanticModel(generated);
        TypeDeclarationSyntax? network = generated.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>()
            .FirstOrDefault(t => t.BaseList?.Types.Any(b => b.ToString() == "global::NetGen.INetwork") == true);
        return network is null
            ? null
            : model.GetDeclaredSymbol(network)?.DeclaringSyntaxReferences.Select(r => r.SyntaxTree).FirstOrDefault(t => t != generated)?.FilePath;
    }

    private static string Describe(FuzzUnit unit, string problem, IEnumerable<SyntaxTree>? generated = null)
    {
        string text = $"Unit {unit.Index.ToString(CultureInfo.InvariantCulture)} ({unit.Family}, seed {Seed}): {problem}\n--- {unit.Path}\n{unit.Source}";
        foreach (SyntaxTree tree in generated ?? Enumerable.Empty<SyntaxTree>())
        {
            text += $"\n--- {tree.FilePath} (first 40 lines)\n" + string.Join("\n", tree.ToString().Split('\n').Take(40));
        }

        return text;
    }
}
