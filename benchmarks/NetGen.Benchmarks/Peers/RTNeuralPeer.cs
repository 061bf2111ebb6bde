using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Benchmarks.Peers;

/// <summary>
/// RTNeural's compile-time <c>ModelT</c> (Eigen backend) as a native contender: <c>Native/rtneural_peer.cpp</c>,
/// our own driver, compiled by <see cref="Build"/> into a shared library against the RTNeural checkout named by
/// <c>RTNEURAL_DIR</c> and the system's Eigen, with <c>-O3 -march=native</c> (<c>-march=x86-64-v3</c> when
/// .NET runs with AVX-512 disabled, so both sides use the same instruction set). Each network's parameters are
/// written to a weights file that the driver reads into the <c>ModelT</c> of the same topology.
/// </summary>
/// <remarks>
/// The library's path reaches the benchmark processes through <see cref="LibraryVariable"/>, which the suite
/// sets before BenchmarkDotNet starts them. Timing runs RTNeural's own loop of <see cref="ForwardsPerCall"/>
/// forward passes per call (each output copied out), so the managed-to-native transition is not part of the
/// figure.
/// </remarks>
internal sealed unsafe class RTNeuralPeer
{
    public const string CheckoutVariable = "RTNEURAL_DIR";
    public const string LibraryVariable = "NETGEN_RTNEURAL_LIBRARY";
    public const int ForwardsPerCall = 1000;

    private readonly delegate* unmanaged<int, float*, float*, void> _forward;
    private readonly delegate* unmanaged<int, float*, float*, long, void> _run;
    private readonly int _handle;

    private RTNeuralPeer(nint library, int handle)
    {
        _forward = (delegate* unmanaged<int, float*, float*, void>)NativeLibrary.GetExport(library, "netgen_rtneural_forward");
        _run = (delegate* unmanaged<int, float*, float*, long, void>)NativeLibrary.GetExport(library, "netgen_rtneural_run");
        _handle = handle;
    }

    /// <summary>Whether the suite built the library for this run.</summary>
    public static bool Available => Environment.GetEnvironmentVariable(LibraryVariable) is { Length: > 0 } path && File.Exists(path);

    /// <summary>
    /// Compiles the driver if the checkout, Eigen and a C++ compiler are there, and sets <see cref="LibraryVariable"/>;
    /// returns one line for the suite's output saying what was built, or why RTNeural is not measured.
    /// </summary>
    public static string Build()
    {
        string? checkout = Environment.GetEnvironmentVariable(CheckoutVariable);
        if (string.IsNullOrEmpty(checkout))
        {
            return $"RTNeural: not measured; set {CheckoutVariable} to an RTNeural checkout (github.com/jatinchowdhury18/RTNeural) to add it.";
        }

        if (!File.Exists(Path.Combine(checkout, "RTNeural", "RTNeural.h")))
        {
            return $"RTNeural: not measured; {CheckoutVariable}={checkout} has no RTNeural/RTNeural.h.";
        }

        string eigen = Environment.GetEnvironmentVariable("EIGEN_DIR") is { Length: > 0 } e ? e : "/usr/include/eigen3";
        if (!File.Exists(Path.Combine(eigen, "Eigen", "Dense")))
        {
            return $"RTNeural: not measured; no Eigen at {eigen} (install libeigen3-dev or set EIGEN_DIR).";
        }

        string compiler = Environment.GetEnvironmentVariable("CXX") is { Length: > 0 } cxx ? cxx : "g++";
        string? compilerPath = FindOnPath(compiler);
        if (compilerPath is null)
        {
            return $"RTNeural: not measured; no C++ compiler '{compiler}' on PATH (set CXX).";
        }

        string source = Path.Combine(AppContext.BaseDirectory, "Native", "rtneural_peer.cpp");
        string march = Vector512.IsHardwareAccelerated || !Vector256.IsHardwareAccelerated ? "native" : "x86-64-v3";
        string output = Path.GetFullPath(Path.Combine("BenchmarkDotNet.Artifacts", "rtneural", $"librtneural_peer-{march}.so"));
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        string[] arguments =
        {
            "-O3", $"-march={march}", "-std=c++17", "-shared", "-fPIC",
            "-DRTNEURAL_USE_EIGEN=1", "-DRTNEURAL_DEFAULT_ALIGNMENT=32", "-DEIGEN_STACK_ALLOCATION_LIMIT=0",
            "-I", checkout, "-I", eigen, source, "-o", output,
        };
        var start = new ProcessStartInfo(compilerPath) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        string errors = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            return $"RTNeural: not measured; {compiler} failed ({process.ExitCode}): {errors.Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.Ordinal)) ?? errors}";
        }

        Environment.SetEnvironmentVariable(LibraryVariable, output);
        string version = Run(compilerPath, "--version").Split('\n')[0];
        string commit = Run("git", "-C", checkout, "rev-parse", "--short", "HEAD").Trim();
        return $"RTNeural: ModelT (Eigen) at {checkout} ({(commit.Length > 0 ? commit : "no git")}), built with {version}: -O3 -march={march} into {output}";
    }

    /// <summary>Loads <paramref name="network"/>'s parameters into the driver's model of the same topology.</summary>
    public static RTNeuralPeer Create(INetwork network)
    {
        string library = Environment.GetEnvironmentVariable(LibraryVariable)
            ?? throw new InvalidOperationException($"{LibraryVariable} is not set: RTNeural was not built for this run.");
        nint handle = NativeLibrary.Load(library);
        string weights = Path.Combine(Path.GetTempPath(), $"netgen-rtneural-{Environment.ProcessId}-{network.ParameterCount}.bin");
        WriteWeights(network, weights);
        try
        {
            var load = (delegate* unmanaged<byte*, int>)NativeLibrary.GetExport(handle, "netgen_rtneural_load");
            byte[] path = System.Text.Encoding.UTF8.GetBytes(weights + "\0");
            int model;
            fixed (byte* p = path)
            {
                model = load(p);
            }

            return model < 0
                ? throw new InvalidOperationException($"The RTNeural driver has no model for {NetGen.Serialization.NetworkTopology.Of(network)}.")
                : new RTNeuralPeer(handle, model);
        }
        finally
        {
            File.Delete(weights);
        }
    }

    /// <summary>One forward pass of <paramref name="input"/> into <paramref name="output"/>.</summary>
    public void Forward(float[] input, float[] output)
    {
        fixed (float* i = input, o = output)
        {
            _forward(_handle, i, o);
        }
    }

    /// <summary><see cref="ForwardsPerCall"/> forward passes of <paramref name="input"/> in the driver's own loop.</summary>
    public void Run(float[] input, float[] output)
    {
        fixed (float* i = input, o = output)
        {
            _run(_handle, i, o, ForwardsPerCall);
        }
    }

    /// <summary>The weights file: int32 layer count L, the L + 1 sizes, then every parameter in NetGen's layout.</summary>
    private static void WriteWeights(INetwork network, string path)
    {
        using var writer = new BinaryWriter(File.Create(path));
        PeerBenchmarks.WriteSizes(writer, network);
        foreach (float parameter in network.Parameters)
        {
            writer.Write(parameter);
        }
    }

    private static string? FindOnPath(string program) =>
        Path.IsPathRooted(program)
            ? (File.Exists(program) ? program : null)
            : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
                .Select(directory => Path.Combine(directory, program))
                .FirstOrDefault(File.Exists);

    private static string Run(string program, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : string.Empty;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return string.Empty;
        }
    }
}
