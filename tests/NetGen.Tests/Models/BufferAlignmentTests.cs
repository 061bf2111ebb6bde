using System;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Xunit;

namespace NetGen.Tests.Models;

/// <summary>
/// Generated networks keep their parameters, gradients and batch block on cache-line boundaries (the SIMD kernels'
/// rows are then whole cache lines for every layer whose fan-in is a multiple of 16), in every kind of instance.
/// </summary>
public sealed class BufferAlignmentTests
{
    [Fact]
    public void A_seeded_network_and_its_worker_have_aligned_parameters_and_gradients()
    {
        var net = new MnistNet(seed: 3);
        MnistNet worker = net.CreateWorker();

        AssertAligned(net.Parameters);
        AssertAligned(net.Gradients);
        AssertAligned(worker.Gradients);

        // The worker reads the same parameters, and has gradients of its own.
        Assert.Equal(AddressOf(net.Parameters), AddressOf(worker.Parameters));
        Assert.NotEqual(AddressOf(net.Gradients), AddressOf(worker.Gradients));
        Assert.Equal(MnistNet.ParameterCount, net.Parameters.Length);
        Assert.Equal(MnistNet.ParameterCount, worker.Gradients.Length);
    }

    [Fact]
    public void Networks_with_compiled_in_weights_have_aligned_parameters()
    {
        var trainable = new LeakyTanhSimd();
        var inference = new LeakyTanhSimdInference();

        AssertAligned(trainable.Parameters);
        AssertAligned(trainable.Gradients);
        AssertAligned(inference.Parameters);
        Assert.Equal(AddressOf(inference.Parameters), AddressOf(new LeakyTanhSimdInference().Parameters));
    }

    [Fact]
    public void The_batch_block_is_aligned_from_the_first_batched_call()
    {
        var net = new MnistNet(seed: 3);
        FieldInfo field = typeof(MnistNet).GetField("_block", BindingFlags.Instance | BindingFlags.NonPublic)!;
        Assert.False(((AlignedBuffer)field.GetValue(net)!).IsAllocated);

        net.ForwardBatch(new float[3 * MnistNet.InputSize], new float[3 * MnistNet.OutputSize]);

        var block = (AlignedBuffer)field.GetValue(net)!;
        Assert.True(block.IsAllocated);
        AssertAligned(block.Span);
    }

    private static void AssertAligned(ReadOnlySpan<float> span) =>
        Assert.True(AddressOf(span) % AlignedBuffer.Alignment == 0, $"the span starts at 0x{AddressOf(span):X}, not on a {AlignedBuffer.Alignment}-byte boundary");

    private static unsafe long AddressOf(ReadOnlySpan<float> span) => (long)Unsafe.AsPointer(ref MemoryMarshal.GetReference(span));
}
