using System;
using NetGen.Optimizers;
using NetGen.Training;
using Xunit;

namespace NetGen.Runtime.Tests.Training;

/// <summary>The worker setting: Auto by default, a fixed count from an int, checked where it is used.</summary>
public class WorkerCountTests
{
    [Fact]
    public void The_default_is_Auto_and_the_training_options_default_to_it()
    {
        var options = new TrainingOptions { Optimizer = new Sgd(1) };

        Assert.True(default(WorkerCount).IsAuto);
        Assert.Equal(WorkerCount.Auto, options.Workers);
        Assert.Null(WorkerCount.Auto.Count);
        Assert.Equal("Auto", WorkerCount.Auto.ToString());
    }

    [Fact]
    public void An_int_is_a_fixed_count()
    {
        WorkerCount two = 2;

        Assert.False(two.IsAuto);
        Assert.Equal(2, two.Count);
        Assert.Equal(WorkerCount.Fixed(2), two);
        Assert.NotEqual(WorkerCount.Auto, two);
        Assert.Equal("2", two.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(int.MinValue)]
    public void A_count_that_is_not_positive_is_rejected_where_it_is_used(int count)
    {
        WorkerCount workers = count;

        Assert.False(workers.IsAuto);
        Assert.Equal(count, workers.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkerCount.Fixed(count));
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingStep(new ParallelClassifier(), new Sgd(ParallelClassifier.ParameterCount), workers));
        Assert.Equal("workers", exception.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParallelInference(new ParallelClassifier(), workers));
    }
}
