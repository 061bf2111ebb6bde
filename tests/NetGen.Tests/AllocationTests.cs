using System;
using Xunit;

namespace NetGen.Tests;

/// <summary>Forward, Evaluate and Backward allocate nothing.</summary>
public class AllocationTests
{
    private const int Calls = 1000;

    [Fact]
    public void Forward_Evaluate_and_Backward_of_a_tiny_net_allocate_nothing() => AssertNoAllocation(new TinyNet(seed: 1));

    [Fact]
    public void Forward_Evaluate_and_Backward_of_a_784_128_10_net_allocate_nothing() => AssertNoAllocation(new MnistNet(seed: 1));

    private static void AssertNoAllocation(INetwork network)
    {
        float[] input = new float[network.InputSize], target = new float[network.OutputSize], output = new float[network.OutputSize];
        input.AsSpan().Fill(0.5f);
        target[0] = 1f;

        // Warm up, so that first-call work (type loading, JIT) is not counted.
        RunCalls(network, input, target, output, 50);
        long before = GC.GetAllocatedBytesForCurrentThread();
        RunCalls(network, input, target, output, Calls);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    private static void RunCalls(INetwork network, float[] input, float[] target, float[] output, int count)
    {
        for (int i = 0; i < count; i++)
        {
            network.Forward(input, output);
            network.Evaluate(input, target, output);
            network.Backward(input, target);
        }

        network.ZeroGradients();
    }
}
