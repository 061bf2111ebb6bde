using System;
using NetGen.Optimizers;
using Xunit;
using NetGen.Testing;

namespace NetGen.Runtime.Tests.Optimizers;

/// <summary>An update allocates nothing: the optimizers' state is allocated by their constructors.</summary>
public class OptimizerAllocationTests
{
    public static TheoryData<string> Configurations() => new(OptimizerConfigurations.Names);

    [Theory]
    [MemberData(nameof(Configurations))]
    public void A_thousand_updates_allocate_zero_bytes(string configuration)
    {
        // 1,003 parameters: full SIMD registers and a scalar tail.
        const int count = 1003;
        IOptimizer optimizer = OptimizerConfigurations.Create(configuration, count);
        float[] parameters = new float[count], gradients = new float[count];
        for (int i = 0; i < count; i++)
        {
            parameters[i] = MathF.Sin(i);
            gradients[i] = 1e-3f * MathF.Cos(i);
        }

        // Warm up so that the measured loop runs optimised code.
        for (int i = 0; i < 50; i++)
        {
            optimizer.Update(parameters, gradients);
        }

        Assert.Equal(0, Allocations.SteadyState(() =>
        {
            for (int i = 0; i < 1000; i++)
            {
                optimizer.Update(parameters, gradients);
            }
        }));
        Assert.All(parameters, p => Assert.True(float.IsFinite(p)));
    }

    [Fact]
    public void A_thousand_learning_rates_from_every_schedule_allocate_zero_bytes()
    {
        ILearningRateSchedule[] schedules =
        [
            new ConstantLearningRate(0.1f),
            new StepDecay(0.1f, stepSize: 100, gamma: 0.5f),
            new ExponentialDecay(0.1f, gamma: 0.999f),
            new CosineAnnealing(0.1f, iterations: 800, minimumLearningRate: 0.001f),
            new LinearWarmup(new CosineAnnealing(0.1f, iterations: 800), warmupIterations: 100),
        ];
        float sum = 0;
        foreach (ILearningRateSchedule schedule in schedules)
        {
            sum += schedule.LearningRateAt(0);
        }

        Assert.Equal(0, Allocations.SteadyState(() =>
        {
            foreach (ILearningRateSchedule schedule in schedules)
            {
                for (int t = 0; t < 1000; t++)
                {
                    sum += schedule.LearningRateAt(t);
                }
            }
        }));
        Assert.True(sum > 0);
    }
}
