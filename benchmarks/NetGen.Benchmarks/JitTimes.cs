using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime;
using System.Text;

namespace NetGen.Benchmarks;

/// <summary>
/// JIT time of the generated methods, per network and strategy. Every measurement runs in a fresh process,
/// so nothing of the measured network is compiled yet and no tiering has happened. In it, warm-up networks
/// of both strategies are compiled and run first (the JIT, the runtime types, the kernels' IL and the
/// interface dispatch get loaded); then the first calls of <c>Forward</c>, <c>Backward</c>, <c>ForwardBatch</c>
/// and <c>BackwardBatch</c> (on 32 samples) of the measured network are timed, in that order, by the runtime's own JIT clock
/// (<see cref="JitInfo.GetCompilationTime(bool)"/>, the time spent in the JIT on that thread).
/// <list type="bullet">
/// <item><c>FullOpts</c>: <c>DOTNET_TieredCompilation=0</c>, so every method is compiled once, fully
/// optimised: what the steady-state code costs to compile (tier 1 costs about as much, in the background).</item>
/// <item><c>Tier0</c>: tiered compilation on, <c>DOTNET_TieredPGO=0</c>: the quick first compile that a
/// default application pays on the first call.</item>
/// </list>
/// Forward = <c>Forward</c> + <c>ForwardAll</c> + every <c>ForwardLayerK</c>; Backward = <c>Backward</c> +
/// every <c>BackwardLayerK</c> (Backward also calls ForwardAll, compiled and counted under Forward);
/// ForwardBatch = <c>ForwardBatch</c> + <c>RunBatch</c> + <c>OutputBlock</c> + every <c>ForwardBlockLayerK</c>;
/// BackwardBatch = <c>BackwardBatch</c> + <c>LossBlock</c> + every <c>BackwardBlockLayerK</c>.
/// The peer suite's 784-256-128-10 network is measured beside the test networks.
/// One more FullOpts process per network runs with <c>DOTNET_JitDisasmSummary=1</c> to read the native
/// code size of the generated methods and to check that none of them fell back to MinOpts.
/// </summary>
internal static class JitTimes
{
    private const string ChildSwitch = "--jit-one";

    private static readonly (string Name, string TieredCompilation, string TieredPgo)[] Modes =
    {
        ("FullOpts", "0", "0"),
        ("Tier0", "1", "0"),
    };

    private static readonly string[] Groups = { "Forward", "Backward", "ForwardBatch", "BackwardBatch" };

    private const int BatchSamples = 32;

    public static bool TryRun(string[] args)
    {
        if (args.Length >= 3 && args[0] == ChildSwitch)
        {
            MeasureOne(args[1], args[2]);
            return true;
        }

        if (args.Length >= 1 && args[0] == "--jit")
        {
            int repeats = args.Length >= 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
            string filter = args.Length >= 3 ? args[2] : string.Empty;
            RunAll(repeats, filter);
            return true;
        }

        return false;
    }

    private static IEnumerable<Type> MeasuredTypes(string filter) => typeof(JitTimes).Assembly.GetTypes()
        .Where(t => typeof(INetwork).IsAssignableFrom(t) && (t.Namespace == "NetGen.Benchmarks.Networks" || t == typeof(Peers.Peer784x256x128x10)))
        .Where(t => t.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))
        .OrderBy(t => t.Name.StartsWith("Dense", StringComparison.Ordinal) ? 0 : t.Name.StartsWith("Mlp", StringComparison.Ordinal) ? 1 : 2)
        .ThenBy(t => (int)t.GetField("ParameterCount")!.GetRawConstantValue()!)
        .ThenBy(t => t.Name, StringComparer.Ordinal);

    private static void RunAll(int repeats, string filter)
    {
        string directory = Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts", "results");
        Directory.CreateDirectory(directory);
        string csvPath = Path.Combine(directory, "JitTimes.csv");
        var csv = new StringBuilder("Type,Group,ILBytes,CodeBytes,Tiers,FullOptsMedianMs,FullOptsMinMs,FullOptsMaxMs,Tier0MedianMs,Tier0MinMs,Tier0MaxMs,Methods,Repeats\n");
        Console.WriteLine($"JIT time of the generated methods (ms, the runtime's JIT clock), median of {repeats} fresh processes per cell");
        Console.WriteLine();
        Console.WriteLine("| Network | IL bytes F / B / FB / BB | code bytes F / B / FB / BB | FullOpts F / B / FB / BB | Tier0 F / B / FB / BB |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (Type type in MeasuredTypes(filter))
        {
            var clocks = new Dictionary<(string Mode, string Group), double[]>();
            Dictionary<string, Sample> first = null!;
            foreach (var mode in Modes)
            {
                var runs = new List<Dictionary<string, Sample>>();
                for (int r = 0; r < repeats; r++)
                {
                    runs.Add(RunChild(type.FullName!, mode.Name, mode.TieredCompilation, mode.TieredPgo, summaryFile: null));
                }

                first ??= runs[0];
                foreach (string group in Groups)
                {
                    clocks[(mode.Name, group)] = runs.Select(run => run[group].ClockMs).Order().ToArray();
                }
            }

            string summary = Path.Combine(Path.GetTempPath(), $"netgen-jit-{Environment.ProcessId}.txt");
            RunChild(type.FullName!, "FullOpts", "0", "0", summary);
            var code = CodeSizes(File.ReadAllLines(summary), type.FullName!);
            File.Delete(summary);
            foreach (string group in Groups)
            {
                double[] full = clocks[("FullOpts", group)], tier0 = clocks[("Tier0", group)];
                csv.Append(CultureInfo.InvariantCulture,
                    $"{type.Name},{group},{first[group].IL},{code[group].Bytes},{code[group].Tiers},{Median(full):F3},{full[0]:F3},{full[^1]:F3},{Median(tier0):F3},{tier0[0]:F3},{tier0[^1]:F3},{first[group].Methods},{repeats}\n");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {type.Name} | {string.Join(" / ", Groups.Select(g => first[g].IL))} | {string.Join(" / ", Groups.Select(g => code[g].Bytes))} | {string.Join(" / ", Groups.Select(g => Median(clocks[("FullOpts", g)]).ToString("F2", CultureInfo.InvariantCulture)))} | {string.Join(" / ", Groups.Select(g => Median(clocks[("Tier0", g)]).ToString("F2", CultureInfo.InvariantCulture)))} |"));
        }

        File.WriteAllText(csvPath, csv.ToString());
        Console.WriteLine();
        Console.WriteLine($"Written {csvPath}");
    }

    /// <summary>Native code bytes of each group's generated methods, and the tiers they were compiled at.</summary>
    private static Dictionary<string, (int Bytes, string Tiers)> CodeSizes(string[] summary, string typeName)
    {
        var result = new Dictionary<string, (int Bytes, string Tiers)>();
        foreach (string group in Groups)
        {
            int bytes = 0;
            var tiers = new SortedSet<string>(StringComparer.Ordinal);
            foreach (string line in summary)
            {
                int at = line.IndexOf(typeName + ":", StringComparison.Ordinal);
                if (at < 0)
                {
                    continue;
                }

                string method = line[(at + typeName.Length + 1)..];
                int paren = method.IndexOf('(', StringComparison.Ordinal);
                if (paren < 0 || !InGroup(method[..paren], group))
                {
                    continue;
                }

                int open = line.LastIndexOf('[');
                string[] details = line[(open + 1)..].TrimEnd(']').Split(", ");
                tiers.Add(details[0]);
                string size = details.Single(d => d.StartsWith("code size=", StringComparison.Ordinal));
                bytes += int.Parse(size["code size=".Length..], CultureInfo.InvariantCulture);
            }

            result[group] = (bytes, string.Join("+", tiers));
        }

        return result;
    }

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

    private sealed record Sample(int IL, double StopwatchMs, double ClockMs, int Methods);

    private static Dictionary<string, Sample> RunChild(string typeName, string mode, string tieredCompilation, string tieredPgo, string? summaryFile)
    {
        string self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(JitTimes).Assembly.Location);
        }

        start.ArgumentList.Add(ChildSwitch);
        start.ArgumentList.Add(typeName);
        start.ArgumentList.Add(mode);
        start.Environment["DOTNET_TieredCompilation"] = tieredCompilation;
        start.Environment["DOTNET_TieredPGO"] = tieredPgo;
        if (summaryFile is not null)
        {
            start.Environment["DOTNET_JitDisasmSummary"] = "1";
            start.Environment["DOTNET_JitStdOutFile"] = summaryFile;
        }

        using Process process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The JIT measurement of {typeName} failed:\n{output}\n{error.Result}");
        }

        var result = new Dictionary<string, Sample>();
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] parts = line.Split('\t');
            if (parts.Length == 5 && Groups.Contains(parts[0]))
            {
                result[parts[0]] = new Sample(
                    int.Parse(parts[1], CultureInfo.InvariantCulture),
                    double.Parse(parts[2], CultureInfo.InvariantCulture),
                    double.Parse(parts[3], CultureInfo.InvariantCulture),
                    int.Parse(parts[4], CultureInfo.InvariantCulture));
            }
        }

        return result;
    }

    private static void MeasureOne(string typeName, string mode)
    {
        // Warm-up: compile and run networks of both strategies, every vector width and both losses, so the
        // JIT, the runtime types, the kernels' IL and the interface dispatch are all loaded.
        foreach (Type warmup in typeof(JitTimes).Assembly.GetTypes().Where(t => t.Namespace == "NetGen.Benchmarks.JitWarmup"))
        {
            Run((INetwork)Activator.CreateInstance(warmup, 1)!);
        }

        Type type = typeof(JitTimes).Assembly.GetType(typeName, throwOnError: true)!;
        Dictionary<string, int> il = Groups.ToDictionary(g => g, g => Generated(type, g).Sum(m => m.GetMethodBody()!.GetILAsByteArray()!.Length));
        var network = (INetwork)Activator.CreateInstance(type, 1)!;
        Span<float> input = stackalloc float[network.InputSize];
        Span<float> output = stackalloc float[network.OutputSize];
        input.Fill(0.5f);
        float[] inputs = new float[BatchSamples * network.InputSize], targets = new float[BatchSamples * network.OutputSize], outputs = new float[targets.Length];
        inputs.AsSpan().Fill(0.5f);
        for (int s = 0; s < BatchSamples; s++)
        {
            targets[s * network.OutputSize] = 1f;
        }

        // The first call compiles Forward, ForwardAll and every ForwardLayerK; the first Backward then
        // compiles Backward and every BackwardLayerK (ForwardAll is compiled by then).
        TimeSpan clock0 = JitInfo.GetCompilationTime(currentThread: true);
        long methods0 = JitInfo.GetCompiledMethodCount(currentThread: true);
        long t0 = Stopwatch.GetTimestamp();
        network.Forward(input, output);
        long t1 = Stopwatch.GetTimestamp();
        TimeSpan clock1 = JitInfo.GetCompilationTime(currentThread: true);
        long methods1 = JitInfo.GetCompiledMethodCount(currentThread: true);
        output.Clear();
        output[0] = 1f;
        float loss = network.Backward(input, output);
        long t2 = Stopwatch.GetTimestamp();
        TimeSpan clock2 = JitInfo.GetCompilationTime(currentThread: true);
        long methods2 = JitInfo.GetCompiledMethodCount(currentThread: true);

        // The first ForwardBatch compiles ForwardBatch, RunBatch, OutputBlock and every ForwardBlockLayerK; the
        // first BackwardBatch then compiles BackwardBatch, LossBlock and every BackwardBlockLayerK.
        network.ForwardBatch(inputs, outputs);
        long t3 = Stopwatch.GetTimestamp();
        TimeSpan clock3 = JitInfo.GetCompilationTime(currentThread: true);
        long methods3 = JitInfo.GetCompiledMethodCount(currentThread: true);
        loss += network.BackwardBatch(inputs, targets, outputs);
        long t4 = Stopwatch.GetTimestamp();
        TimeSpan clock4 = JitInfo.GetCompilationTime(currentThread: true);
        long methods4 = JitInfo.GetCompiledMethodCount(currentThread: true);
        if (!float.IsFinite(loss))
        {
            throw new InvalidOperationException($"{type.Name}: loss {loss}");
        }

        WriteSample("Forward", il, t0, t1, clock1 - clock0, methods1 - methods0);
        WriteSample("Backward", il, t1, t2, clock2 - clock1, methods2 - methods1);
        WriteSample("ForwardBatch", il, t2, t3, clock3 - clock2, methods3 - methods2);
        WriteSample("BackwardBatch", il, t3, t4, clock4 - clock3, methods4 - methods3);
        Console.Error.WriteLine($"{mode}: {typeName} ok");
    }

    private static void WriteSample(string group, Dictionary<string, int> il, long start, long end, TimeSpan clock, long methods) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{group}\t{il[group]}\t{Stopwatch.GetElapsedTime(start, end).TotalMilliseconds:F4}\t{clock.TotalMilliseconds:F4}\t{methods}"));

    private static IEnumerable<MethodInfo> Generated(Type type, string group)
    {
        const BindingFlags Flags = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        return type.GetMethods(Flags)
            .Where(m => InGroup(m.Name, group))
            .OrderBy(m => m.Name, StringComparer.Ordinal);
    }

    /// <summary>Whether the generated method <paramref name="name"/> belongs to <paramref name="group"/> (see the class remarks).</summary>
    private static bool InGroup(string name, string group)
    {
        (string[] names, string layerPrefix) = group switch
        {
            "Forward" => (new[] { "Forward", "ForwardAll" }, "ForwardLayer"),
            "Backward" => (new[] { "Backward" }, "BackwardLayer"),
            "ForwardBatch" => (new[] { "ForwardBatch", "RunBatch", "OutputBlock" }, "ForwardBlockLayer"),
            _ => (new[] { "BackwardBatch", "LossBlock" }, "BackwardBlockLayer"),
        };
        return names.Contains(name)
            || (name.StartsWith(layerPrefix, StringComparison.Ordinal) && name.Length > layerPrefix.Length && char.IsDigit(name[layerPrefix.Length]));
    }

    private static void Run(INetwork network)
    {
        Span<float> input = stackalloc float[network.InputSize];
        Span<float> output = stackalloc float[network.OutputSize];
        input.Fill(0.5f);
        network.Forward(input, output);
        output.Clear();
        output[0] = 1f;
        float loss = network.Backward(input, output);
        float[] inputs = new float[BatchSamples * network.InputSize], targets = new float[BatchSamples * network.OutputSize], outputs = new float[targets.Length];
        network.ForwardBatch(inputs, outputs);
        loss += network.BackwardBatch(inputs, targets, outputs);
        if (!float.IsFinite(loss))
        {
            throw new InvalidOperationException($"{network.GetType().Name}: loss {loss}");
        }
    }
}
