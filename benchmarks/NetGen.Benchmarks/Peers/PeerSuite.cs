using System;
using System.Globalization;
using System.Linq;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Running;

namespace NetGen.Benchmarks.Peers;

/// <summary>
/// <c>-- --peers [BenchmarkDotNet arguments]</c>: NetGen against a textbook C# network, ONNX Runtime and (when an
/// RTNeural checkout is given, <see cref="RTNeuralPeer"/>) RTNeural on four networks, with the FMA and L2 read probes, in one joined summary (all of it unless a <c>--filter</c> is given). Before
/// measuring, it checks the FLOP counts and that every contender computes what NetGen computes.
/// </summary>
internal static class PeerSuite
{
    public const string Switch = "--peers";

    public static readonly Type[] NetworkTypes = { typeof(Peers4x8x3), typeof(Peers16x64x64x1), typeof(Peers784x128x10), typeof(Peers784x256x128x10) };

    public static bool TryRun(string[] args)
    {
        if (!args.Contains(Switch))
        {
            return false;
        }

        FlopCount.Check();
        Console.WriteLine($"Vector512 accelerated: {Vector512.IsHardwareAccelerated}, Vector256: {Vector256.IsHardwareAccelerated}; FMA probe lanes: {(FmaPeak.Vector512Accelerated ? 16 : 8)}");
        Console.WriteLine(RTNeuralPeer.Build());
        Console.WriteLine("Largest difference from NetGen's Forward (same parameters): outputs of 1 and 256 samples; parameters after one SGD step on 32");
        foreach (Type type in NetworkTypes)
        {
            var benchmarks = (PeerBenchmarks)Activator.CreateInstance(type)!;
            (double batch, double textbook, double onnxRuntime, double training, double? rtNeural) = benchmarks.Compare();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {type.Name}: NetGen ForwardBatch {batch:E1}, textbook {textbook:E1}, ONNX Runtime {onnxRuntime:E1}, textbook training {training:E1}, RTNeural {(rtNeural is null ? "not built" : rtNeural.Value.ToString("E1", CultureInfo.InvariantCulture))}"));
            if (new[] { batch, textbook, onnxRuntime, training, rtNeural ?? 0 }.Any(difference => !(difference <= PeerBenchmarks.Tolerance)))
            {
                throw new InvalidOperationException($"{type.Name}: a contender does not compute what NetGen computes.");
            }
        }

        Console.WriteLine(TorchSharpProbe.Describe());
        string[] rest = args.Where(a => a != Switch).ToArray();
        if (!rest.Any(a => a.StartsWith("--filter", StringComparison.Ordinal) || a == "-f"))
        {
            rest = rest.Append("--filter").Append("*").ToArray();
        }

        BenchmarkSwitcher.FromTypes(NetworkTypes.Append(typeof(FmaPeak)).Append(typeof(ReadBandwidth)).ToArray()).Run(rest, new PeerConfig(RTNeuralPeer.Available));
        return true;
    }
}
