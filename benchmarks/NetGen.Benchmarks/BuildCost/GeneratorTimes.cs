using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator;

namespace NetGen.Benchmarks.BuildCost;

/// <summary>
/// <c>-- --generator [processes]</c>: the time <see cref="NetworkGenerator"/> takes for one 784-256-128-10
/// declaration, driven in-process by <see cref="CSharpGeneratorDriver"/> as the compiler drives it.
/// </summary>
/// <remarks>
/// Each measurement process parses the declaration, builds its compilation against the framework's assemblies
/// and NetGen's, and then times <c>RunGeneratorsAndUpdateCompilation</c> (wall clock, and the driver's own
/// generator clock, <see cref="GeneratorDriver.GetTimingInfo"/>):
/// <list type="bullet">
/// <item><c>first, cold process</c>: the first run of the process, on a fresh driver: what a build in a new
/// compiler process pays once, the JIT of the generator and of Roslyn's incremental pipeline and the binding of
/// the framework's metadata included (the median over the processes);</item>
/// <item><c>first, warm compiler</c>: the same in processes where Roslyn has already bound a compilation and run
/// another incremental generator (<see cref="WarmupGenerator"/>), as in a long-lived compiler server: the cost
/// of loading and compiling NetGen's generator and running it once;</item>
/// <item><c>fresh</c>: further runs on fresh drivers in the warm process (a new compilation each time);</item>
/// <item><c>re-run</c>: the driver that ran once, run again on a clone of the compilation, as an IDE does
/// after an edit elsewhere: every step cached;</item>
/// <item><c>edit</c>: the same driver run on the compilation with a layer size changed: the network is
/// parsed, planned and emitted again.</item>
/// </list>
/// The generated source is compiled once afterwards; the measurement fails if it has an error.
/// <para>
/// <c>-- --generator [processes] --weights</c> measures the same declaration with <c>Weights = "digits.safetensors"</c>:
/// a safetensors file of its 235,146 parameters (940,584 bytes of weights, seeded random values) among the
/// AdditionalFiles, read, checked and compiled in as a byte array; its <c>edit</c> rewrites one byte of the
/// file. It also reports <c>bind output</c>, the compiler's binding of the generated source with the array.
/// </para>
/// <para>
/// <c>--steps</c> adds, for the cold first run, what it allocated (MB, with the number of collections in the second
/// column) and the elapsed time of each step the driver tracks (<c>cold step Validate</c>, <c>cold step SourceOutput</c>
/// for the emitter, …): where a cold run's time goes, NetGen's steps apart from Roslyn's.
/// </para>
/// </remarks>
internal static class GeneratorTimes
{
    private const string ChildSwitch = "--generator-one";
    private const string WeightsSwitch = "--weights";
    private const string StepsSwitch = "--steps";
    private const int WarmRuns = 21;

    private const string WeightsSource = """
        using NetGen;

        namespace Sample;

        [Network(784, Loss = Loss.CrossEntropy, Weights = "digits.safetensors")]
        [Dense(256, Activation.ReLU)]
        [Dense(128, Activation.ReLU)]
        [Dense(10, Activation.Softmax)]
        public partial class DigitClassifier;
        """;

    private static bool s_weights;
    private static bool s_steps;

    private const string Source = """
        using NetGen;

        namespace Sample;

        [Network(784, Loss = Loss.CrossEntropy)]
        [Dense(256, Activation.ReLU)]
        [Dense(128, Activation.ReLU)]
        [Dense(10, Activation.Softmax)]
        public partial class DigitClassifier;
        """;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    public static bool TryRun(string[] args)
    {
        s_weights = args.Contains(WeightsSwitch);
        s_steps = args.Contains(StepsSwitch);
        args = args.Where(a => a != WeightsSwitch && a != StepsSwitch).ToArray();
        if (args.Length >= 2 && args[0] == ChildSwitch)
        {
            MeasureOne(warmCompiler: args[1] == "warm");
            return true;
        }

        if (args.Length >= 1 && args[0] == "--generator")
        {
            int processes = args.Length >= 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 9;
            RunAll(processes);
            return true;
        }

        return false;
    }

    private static void RunAll(int processes)
    {
        var samples = new Dictionary<string, List<(double WallMs, double GeneratorMs)>>();
        for (int p = 0; p < 2 * processes; p++)
        {
            foreach (var (name, wall, generator) in RunChild(warmCompiler: p % 2 == 1))
            {
                if (!samples.TryGetValue(name, out var list))
                {
                    samples[name] = list = new List<(double, double)>();
                }

                list.Add((wall, generator));
            }
        }

        Console.WriteLine($"NetworkGenerator on a 784-256-128-10 declaration{(s_weights ? " with Weights = \"digits.safetensors\" (940,584 bytes of weights)" : string.Empty)} (ms): medians over {processes} processes of each kind; within a process, fresh/re-run/edit are medians of {WarmRuns} runs");
        Console.WriteLine();
        Console.WriteLine("| Run | wall median | wall min | wall max | generator median |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (string name in new[] { "first, cold process", "first, warm compiler", "fresh", "re-run", "edit", "bind output" }
            .Concat(samples.Keys.Where(k => k.StartsWith("cold ", StringComparison.Ordinal)).Order(StringComparer.Ordinal)))
        {
            if (!samples.ContainsKey(name))
            {
                continue;
            }

            double[] wall = samples[name].Select(s => s.WallMs).Order().ToArray();
            double[] generator = samples[name].Select(s => s.GeneratorMs).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Median(wall):F2} | {wall[0]:F2} | {wall[^1]:F2} | {Median(generator):F2} |"));
        }
    }

    private static IEnumerable<(string Name, double WallMs, double GeneratorMs)> RunChild(bool warmCompiler)
    {
        string self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(GeneratorTimes).Assembly.Location);
        }

        start.ArgumentList.Add(ChildSwitch);
        start.ArgumentList.Add(warmCompiler ? "warm" : "cold");
        if (s_weights)
        {
            start.ArgumentList.Add(WeightsSwitch);
        }

        if (s_steps)
        {
            start.ArgumentList.Add(StepsSwitch);
        }

        using Process process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The generator measurement failed:\n{output}\n{error.Result}");
        }

        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] parts = line.Split('\t');
            if (parts.Length == 3)
            {
                yield return (parts[0], double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture));
            }
        }
    }

    private static void MeasureOne(bool warmCompiler)
    {
        ImmutableArray<MetadataReference> references = References();
        if (warmCompiler)
        {
            Compilation other = Compile(WarmupGenerator.Source, references);
            other.GetDiagnostics();
            CSharpGeneratorDriver.Create(new[] { new WarmupGenerator().AsSourceGenerator() }, parseOptions: ParseOptions)
                .RunGeneratorsAndUpdateCompilation(other, out Compilation warmed, out _);
            RequireNoErrors(warmed);
        }

        string source = s_weights ? WeightsSource : Source;
        string? weights = s_weights ? WriteWeights() : null;
        Compilation compilation = Compile(source, references);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        int collectionsBefore = GC.CollectionCount(0);
        (GeneratorDriver driver, Compilation output, double wall, double generator) = Run(CreateDriver(weights, s_steps && !warmCompiler), compilation);
        Report(warmCompiler ? "first, warm compiler" : "first, cold process", wall, generator);
        if (s_steps && !warmCompiler)
        {
            // What the cold run allocated and collected, and each tracked step's own clock (its first, cold call).
            Report("cold allocated (MB), collections", (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1e6, GC.CollectionCount(0) - collectionsBefore);
            GeneratorRunResult result = driver.GetRunResult().Results.Single();
            foreach (var step in result.TrackedSteps.Concat(result.TrackedOutputSteps))
            {
                Report("cold step " + step.Key, step.Value.Sum(s => s.ElapsedTime.TotalMilliseconds), 0);
            }
        }

        long bindStart = Stopwatch.GetTimestamp();
        RequireNoErrors(output);
        double bind = Stopwatch.GetElapsedTime(bindStart).TotalMilliseconds;
        if (warmCompiler)
        {
            return;
        }

        if (s_weights)
        {
            Report("bind output", bind, 0);
        }

        var fresh = new List<(double, double)>();
        var rerun = new List<(double, double)>();
        var edit = new List<(double, double)>();
        string edited = Source.Replace("[Dense(128, Activation.ReLU)]", "[Dense(120, Activation.ReLU)]", StringComparison.Ordinal);
        for (int r = 0; r < WarmRuns; r++)
        {
            Compilation again = Compile(source, references);
            var (warmDriver, _, w, g) = Run(CreateDriver(weights), again);
            fresh.Add((w, g));

            var (_, _, w2, g2) = Run(warmDriver, again.Clone());
            rerun.Add((w2, g2));

            if (weights is not null)
            {
                // One byte of the weight file changed, as a save from a training run would change it.
                byte[] bytes = File.ReadAllBytes(weights);
                bytes[^1] ^= 1;
                File.WriteAllBytes(weights, bytes);
                GeneratorDriver replaced = warmDriver.ReplaceAdditionalText(s_texts[0], new FileText(weights));
                var (_, _, w3, g3) = Run(replaced, again.Clone());
                edit.Add((w3, g3));
                continue;
            }

            SyntaxTree tree = again.SyntaxTrees.Single();
            Compilation changed = again.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(r % 2 == 0 ? edited : Source, ParseOptions, tree.FilePath));
            var (_, _, w4, g4) = Run(warmDriver, changed);
            edit.Add((w4, g4));
        }

        Report("fresh", fresh);
        Report("re-run", rerun);
        Report("edit", edit);
    }

    /// <summary>A 784-256-128-10 safetensors file in NetGen's naming with seeded random weights, in a temporary directory.</summary>
    private static string WriteWeights()
    {
        int[] sizes = { 784, 256, 128, 10 };
        var header = new System.Text.StringBuilder("{");
        var data = new List<byte>();
        var random = new Random(1);
        for (int k = 0; k < 3; k++)
        {
            foreach ((string kind, int count, string shape) in new[] { ("weight", sizes[k + 1] * sizes[k], $"{sizes[k + 1]},{sizes[k]}"), ("bias", sizes[k + 1], $"{sizes[k + 1]}") })
            {
                int begin = data.Count;
                for (int i = 0; i < count; i++)
                {
                    data.AddRange(BitConverter.GetBytes((float)((random.NextDouble() * 0.2) - 0.1)));
                }

                header.Append(CultureInfo.InvariantCulture, $"{(header.Length > 1 ? "," : string.Empty)}\"layers.{k}.{kind}\":{{\"dtype\":\"F32\",\"shape\":[{shape}],\"data_offsets\":[{begin},{data.Count}]}}");
            }
        }

        byte[] json = System.Text.Encoding.UTF8.GetBytes(header.Append('}').ToString());
        string directory = Path.Combine(Path.GetTempPath(), "netgen-generator-times-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, "digits.safetensors");
        using (FileStream file = File.Create(path))
        {
            file.Write(BitConverter.GetBytes((ulong)json.Length));
            file.Write(json);
            file.Write(data.ToArray());
        }

        return path;
    }

    // The additional files of the driver CreateDriver made last.
    private static ImmutableArray<AdditionalText> s_texts = ImmutableArray<AdditionalText>.Empty;

    private static GeneratorDriver CreateDriver(string? weights, bool trackSteps = false)
    {
        s_texts = weights is null ? ImmutableArray<AdditionalText>.Empty : ImmutableArray.Create<AdditionalText>(new FileText(weights));
        return CSharpGeneratorDriver.Create(
            new[] { new NetworkGenerator().AsSourceGenerator() },
            s_texts,
            ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    /// <summary>An additional file known by its path; the generator reads model files' bytes itself.</summary>
    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override Microsoft.CodeAnalysis.Text.SourceText? GetText(System.Threading.CancellationToken cancellationToken = default) => null;
    }

    private static (GeneratorDriver Driver, Compilation Output, double WallMs, double GeneratorMs) Run(GeneratorDriver driver, Compilation compilation)
    {
        long start = Stopwatch.GetTimestamp();
        GeneratorDriver next = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        double wall = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        double generator = next.GetTimingInfo().ElapsedTime.TotalMilliseconds;
        return (next, output, wall, generator);
    }

    private static Compilation Compile(string source, ImmutableArray<MetadataReference> references) =>
        CSharpCompilation.Create(
            "Sample",
            new[] { CSharpSyntaxTree.ParseText(source, ParseOptions, "DigitClassifier.cs") },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    // The shared framework's assemblies, as a project targeting it compiles against, plus NetGen's runtime and attributes.
    private static ImmutableArray<MetadataReference> References()
    {
        string framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Directory.GetFiles(framework, "*.dll")
            .Where(IsManaged)
            .Append(typeof(INetwork).Assembly.Location)
            .Append(typeof(NetworkAttribute).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private static bool IsManaged(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private static void RequireNoErrors(Compilation output)
    {
        Diagnostic[] errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0 || output.SyntaxTrees.Count() != 2)
        {
            throw new InvalidOperationException($"The generated network does not compile ({output.SyntaxTrees.Count()} trees):\n{string.Join('\n', errors.Take(10))}");
        }
    }

    private static void Report(string name, double wall, double generator) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}\t{wall:F4}\t{generator:F4}"));

    private static void Report(string name, List<(double Wall, double Generator)> runs) =>
        Report(name, Median(runs.Select(r => r.Wall).Order().ToArray()), Median(runs.Select(r => r.Generator).Order().ToArray()));

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
