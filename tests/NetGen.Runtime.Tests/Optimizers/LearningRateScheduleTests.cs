using System;
using NetGen.Optimizers;
using Xunit;

namespace NetGen.Runtime.Tests.Optimizers;

/// <summary>
/// Schedule values against hand-computed literals (worked out in double precision with python3 from each schedule's
/// documented closed form). Schedules return single precision, so comparisons allow a relative 10⁻⁶.
/// </summary>
public class LearningRateScheduleTests
{
    [Fact]
    public void Constant_gives_its_rate_at_every_iteration()
    {
        var schedule = new ConstantLearningRate(0.05f);

        Assert.Equal(0.05f, schedule.LearningRateAt(0));
        Assert.Equal(0.05f, schedule.LearningRateAt(1));
        Assert.Equal(0.05f, schedule.LearningRateAt(1_000_000));
    }

    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(2, 0.1)]
    [InlineData(3, 0.05)]
    [InlineData(5, 0.05)]
    [InlineData(6, 0.025)]
    [InlineData(10, 0.0125)]
    public void Step_decay_multiplies_by_gamma_every_step_size_iterations(int iteration, double expected)
    {
        // η₀ · γ^⌊t / 3⌋ with η₀ = 0.1, γ = 0.5.
        AssertClose(expected, new StepDecay(0.1f, stepSize: 3, gamma: 0.5f).LearningRateAt(iteration));
    }

    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(1, 0.09)]
    [InlineData(2, 0.081)]
    [InlineData(10, 0.03486784401)]
    public void Exponential_decay_multiplies_by_gamma_every_iteration(int iteration, double expected)
    {
        // η₀ · γ^t with η₀ = 0.1, γ = 0.9.
        AssertClose(expected, new ExponentialDecay(0.1f, gamma: 0.9f).LearningRateAt(iteration));
    }

    [Fact]
    public void Exponential_decay_raises_gamma_as_given_in_single_precision()
    {
        // γ is the float 0.9f = 0.89999997615814208984375, raised to the 50th power in double precision; with the
        // decimal 0.9 the value would be 0.000515377520732012, 1.3·10⁻⁶ higher in relative terms.
        AssertClose(0.10000000149011612 * Math.Pow(0.8999999761581421, 50), new ExponentialDecay(0.1f, gamma: 0.9f).LearningRateAt(50));
        AssertClose(0.0005153768457700778, new ExponentialDecay(0.1f, gamma: 0.9f).LearningRateAt(50));
    }

    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(1, 0.09757729755661011)]
    [InlineData(2, 0.0905463412215599)]
    [InlineData(5, 0.0505)]
    [InlineData(9, 0.0034227024433899004)]
    [InlineData(10, 0.001)]
    [InlineData(25, 0.001)]
    public void Cosine_annealing_falls_from_the_initial_to_the_minimum_rate_and_stays_there(int iteration, double expected)
    {
        // η_min + ½ (η₀ − η_min)(1 + cos(π t / 10)) with η₀ = 0.1, η_min = 0.001; η_min from t = 10 on.
        AssertClose(expected, new CosineAnnealing(0.1f, iterations: 10, minimumLearningRate: 0.001f).LearningRateAt(iteration));
    }

    [Fact]
    public void Cosine_annealing_to_zero_by_default_ends_at_zero()
    {
        var schedule = new CosineAnnealing(0.1f, iterations: 10);

        AssertClose(0.1, schedule.LearningRateAt(0));
        AssertClose(0.07938926261462366, schedule.LearningRateAt(3));
        Assert.Equal(0f, schedule.LearningRateAt(10));
    }

    [Theory]
    [InlineData(0, 0.02)]
    [InlineData(1, 0.04)]
    [InlineData(3, 0.08)]
    [InlineData(4, 0.1)]
    [InlineData(5, 0.09757729755661011)]
    [InlineData(9, 0.0505)]
    [InlineData(14, 0.001)]
    [InlineData(100, 0.001)]
    public void Linear_warmup_climbs_to_the_inner_schedules_start_then_runs_it_from_its_beginning(int iteration, double expected)
    {
        // inner(0) · (t + 1) / 5 for t < 4, then inner(t − 4), with inner the cosine schedule above.
        var schedule = new LinearWarmup(new CosineAnnealing(0.1f, iterations: 10, minimumLearningRate: 0.001f), warmupIterations: 4);

        AssertClose(expected, schedule.LearningRateAt(iteration));
    }

    [Fact]
    public void Linear_warmup_over_a_constant_rate_ramps_up_then_holds()
    {
        var schedule = new LinearWarmup(new ConstantLearningRate(0.3f), warmupIterations: 2);

        AssertClose(0.1, schedule.LearningRateAt(0));
        AssertClose(0.2, schedule.LearningRateAt(1));
        AssertClose(0.3, schedule.LearningRateAt(2));
        AssertClose(0.3, schedule.LearningRateAt(50));
    }

    [Fact]
    public void Every_schedule_rejects_a_negative_iteration()
    {
        ILearningRateSchedule[] schedules =
        [
            new ConstantLearningRate(0.1f),
            new StepDecay(0.1f, 3, 0.5f),
            new ExponentialDecay(0.1f, 0.9f),
            new CosineAnnealing(0.1f, 10),
            new LinearWarmup(new ConstantLearningRate(0.1f), 5),
        ];

        Assert.All(schedules, s => Assert.Equal("iteration", Assert.Throws<ArgumentOutOfRangeException>(() => s.LearningRateAt(-1)).ParamName));
    }

    [Fact]
    public void Constructors_reject_values_out_of_range()
    {
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new ConstantLearningRate(0f)).ParamName);
        Assert.Equal("initialLearningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new StepDecay(-0.1f, 3, 0.5f)).ParamName);
        Assert.Equal("stepSize", Assert.Throws<ArgumentOutOfRangeException>(() => new StepDecay(0.1f, 0, 0.5f)).ParamName);
        Assert.Equal("gamma", Assert.Throws<ArgumentOutOfRangeException>(() => new StepDecay(0.1f, 3, 0f)).ParamName);
        Assert.Equal("gamma", Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialDecay(0.1f, 1.1f)).ParamName);
        Assert.Equal("initialLearningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialDecay(float.NaN, 0.9f)).ParamName);
        Assert.Equal("iterations", Assert.Throws<ArgumentOutOfRangeException>(() => new CosineAnnealing(0.1f, 0)).ParamName);
        Assert.Equal("minimumLearningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new CosineAnnealing(0.1f, 10, 0.2f)).ParamName);
        Assert.Equal("minimumLearningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new CosineAnnealing(0.1f, 10, -0.01f)).ParamName);
        Assert.Equal("inner", Assert.Throws<ArgumentNullException>(() => new LinearWarmup(null!, 5)).ParamName);
        Assert.Equal("warmupIterations", Assert.Throws<ArgumentOutOfRangeException>(() => new LinearWarmup(new ConstantLearningRate(0.1f), 0)).ParamName);
    }

    private static void AssertClose(double expected, float actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-6 * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
}
