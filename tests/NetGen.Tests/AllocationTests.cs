using System;
using Xunit;
using NetGen.Testing;

namespace NetGen.Tests;

/// <summary>Forward, Evaluate and Backward, and their batched forms, allocate nothing once warm.</summary>
public class AllocationTests
{
    private const int Calls = 1000;

    [Fact]
    public void Forward_Evaluate_and_Backward_of_a_tiny_net_allocate_nothing() => AssertNoAllocation(new TinyNet(seed: 1));

    [Fact]
    public void Forward_Evaluate_and_Backward_of_a_784_128_10_net_allocate_nothing() => AssertNoAllocation(new MnistNet(seed: 1));

    [Fact]
    public void The_batched_methods_of_a_784_128_10_net_allocate_nothing_after_their_first_call()
    {
        var network = new MnistNet(seed: 2);
        const int count = 70;
        float[] inputs = new float[count * MnistNet.InputSize], targets = new float[count * MnistNet.OutputSize], outputs = new float[targets.Length];
        inputs.AsSpan().Fill(0.25f);
        for (int s = 0; s < count; s++)
        {
            targets[(s * MnistNet.OutputSize) + (s % MnistNet.OutputSize)] = 1f;
        }

        long allocated = Allocations.SteadyState(() =>
        {
            for (int i = 0; i < 20; i++)
            {
                network.ForwardBatch(inputs, outputs);
                network.EvaluateBatch(inputs, targets, outputs);
                network.BackwardBatch(inputs, targets, outputs);
                network.ComputeGradientBatch(inputs, targets, outputs, 1f / count);
            }
        });

        Assert.Equal(0, allocated);
    }

    private static void AssertNoAllocation(INetwork network)
    {
        float[] input = new float[network.InputSize], target = new float[network.OutputSize], output = new float[network.OutputSize];
        input.AsSpan().Fill(0.5f);
        target[0] = 1f;

        Assert.Equal(0, Allocations.SteadyState(() => RunCalls(network, input, target, output, Calls)));
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
