using System;
using NetGen.Optimizers;
using Xunit;

namespace NetGen.Runtime.Tests.Optimizers;

public class OptimizerValidationTests
{
    public static TheoryData<string> Configurations() => new(OptimizerConfigurations.Names);

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Update_rejects_a_parameter_span_of_another_length_than_the_optimizer_was_made_for(string configuration)
    {
        IOptimizer optimizer = OptimizerConfigurations.Create(configuration, 4);

        ArgumentException error = Assert.Throws<ArgumentException>(() => optimizer.Update(new float[5], new float[5]));

        Assert.Equal("parameters", error.ParamName);
        Assert.StartsWith("The optimizer was created for 4 parameters but got a parameter span of length 5.", error.Message);
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Update_rejects_a_gradient_span_of_another_length_and_leaves_the_parameters_untouched(string configuration)
    {
        IOptimizer optimizer = OptimizerConfigurations.Create(configuration, 4);
        float[] parameters = [1f, 2f, 3f, 4f];

        ArgumentException error = Assert.Throws<ArgumentException>(() => optimizer.Update(parameters, new float[3]));

        Assert.Equal("gradients", error.ParamName);
        Assert.StartsWith("The gradient span has length 3 but the parameter span has length 4; they must be equal.", error.Message);
        Assert.Equal([1f, 2f, 3f, 4f], parameters);
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void The_learning_rate_setter_accepts_zero_and_rejects_negative_or_non_finite_values(string configuration)
    {
        IOptimizer optimizer = OptimizerConfigurations.Create(configuration, 2);

        optimizer.LearningRate = 0f;
        Assert.Equal(0f, optimizer.LearningRate);
        optimizer.LearningRate = 0.25f;
        Assert.Equal(0.25f, optimizer.LearningRate);
        Assert.Throws<ArgumentOutOfRangeException>(() => optimizer.LearningRate = -0.1f);
        Assert.Throws<ArgumentOutOfRangeException>(() => optimizer.LearningRate = float.NaN);
        Assert.Throws<ArgumentOutOfRangeException>(() => optimizer.LearningRate = float.PositiveInfinity);
        Assert.Equal(0.25f, optimizer.LearningRate);
    }

    [Fact]
    public void Constructors_reject_a_parameter_count_that_is_not_positive()
    {
        Assert.Equal("parameterCount", Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(0)).ParamName);
        Assert.Equal("parameterCount", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(-1)).ParamName);
        Assert.Equal("parameterCount", Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW(0)).ParamName);
        Assert.Equal("parameterCount", Assert.Throws<ArgumentOutOfRangeException>(() => new RmsProp(0)).ParamName);
        Assert.Equal("parameterCount", Assert.Throws<ArgumentOutOfRangeException>(() => new AdaGrad(0)).ParamName);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-0.01f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Constructors_reject_a_learning_rate_that_is_not_positive_and_finite(float learningRate)
    {
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(3, learningRate)).ParamName);
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(3, learningRate)).ParamName);
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW(3, learningRate)).ParamName);
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new RmsProp(3, learningRate)).ParamName);
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new AdaGrad(3, learningRate)).ParamName);
    }

    [Theory]
    [InlineData(1f)]
    [InlineData(-0.1f)]
    [InlineData(1.5f)]
    [InlineData(float.NaN)]
    public void Adam_and_AdamW_reject_betas_outside_zero_to_one(float beta)
    {
        Assert.Equal("beta1", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(3, beta1: beta)).ParamName);
        Assert.Equal("beta2", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(3, beta2: beta)).ParamName);
        Assert.Equal("beta1", Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW(3, beta1: beta)).ParamName);
        Assert.Equal("beta2", Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW(3, beta2: beta)).ParamName);
    }

    [Fact]
    public void Adam_accepts_betas_of_zero()
    {
        var adam = new Adam(1, learningRate: 0.5f, beta1: 0f, beta2: 0f);
        float[] parameters = [1f];

        adam.Update(parameters, [4f]);

        // m = g, v = g², no bias correction left: θ ← θ − η g / (|g| + ε).
        Assert.Equal(0.5f, parameters[0], 1e-6f);
    }

    [Fact]
    public void Epsilons_must_be_positive_and_weight_decays_non_negative()
    {
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(3, epsilon: 0f)).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW(3, epsilon: -1e-8f)).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => new RmsProp(3, epsilon: 0f)).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => new AdaGrad(3, epsilon: float.NaN)).ParamName);
        Assert.Equal("weightDecay", Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(3, weightDecay: -0.1f)).ParamName);
        Assert.Equal("weightDecay", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(3, weightDecay: -0.1f)).ParamName);
        Assert.Equal("weightDecay", Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW(3, weightDecay: float.PositiveInfinity)).ParamName);
        Assert.Equal("weightDecay", Assert.Throws<ArgumentOutOfRangeException>(() => new RmsProp(3, weightDecay: -1f)).ParamName);
        Assert.Equal("weightDecay", Assert.Throws<ArgumentOutOfRangeException>(() => new AdaGrad(3, weightDecay: float.NaN)).ParamName);
    }

    [Fact]
    public void Sgd_rejects_bad_momentum_settings()
    {
        Assert.Equal("momentum", Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(3, momentum: 1f)).ParamName);
        Assert.Equal("momentum", Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(3, momentum: -0.5f)).ParamName);
        Assert.Equal("dampening", Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(3, momentum: 0.9f, dampening: 1.5f)).ParamName);

        ArgumentException noMomentum = Assert.Throws<ArgumentException>(() => new Sgd(3, nesterov: true));
        ArgumentException damped = Assert.Throws<ArgumentException>(() => new Sgd(3, momentum: 0.9f, dampening: 0.1f, nesterov: true));

        Assert.Equal("nesterov", noMomentum.ParamName);
        Assert.StartsWith("Nesterov momentum needs a positive momentum and zero dampening.", noMomentum.Message);
        Assert.Equal("nesterov", damped.ParamName);
    }

    [Fact]
    public void RmsProp_and_AdaGrad_reject_bad_settings()
    {
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new RmsProp(3, alpha: 1f)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new RmsProp(3, alpha: -0.1f)).ParamName);
        Assert.Equal("momentum", Assert.Throws<ArgumentOutOfRangeException>(() => new RmsProp(3, momentum: 1f)).ParamName);
        Assert.Equal("initialAccumulatorValue", Assert.Throws<ArgumentOutOfRangeException>(() => new AdaGrad(3, initialAccumulatorValue: -0.1f)).ParamName);
    }

    [Fact]
    public void Defaults_are_PyTorchs()
    {
        var sgd = new Sgd(1);
        var adam = new Adam(1);
        var adamW = new AdamW(1);
        var rmsProp = new RmsProp(1);
        var adaGrad = new AdaGrad(1);

        Assert.Equal((1e-3f, 0f, 0f, false, 0f), (sgd.LearningRate, sgd.Momentum, sgd.Dampening, sgd.Nesterov, sgd.WeightDecay));
        Assert.Equal((1e-3f, 0.9f, 0.999f, 1e-8f, 0f), (adam.LearningRate, adam.Beta1, adam.Beta2, adam.Epsilon, adam.WeightDecay));
        Assert.Equal((1e-3f, 0.9f, 0.999f, 1e-8f, 0.01f), (adamW.LearningRate, adamW.Beta1, adamW.Beta2, adamW.Epsilon, adamW.WeightDecay));
        Assert.Equal((1e-2f, 0.99f, 1e-8f, 0f, 0f, false), (rmsProp.LearningRate, rmsProp.Alpha, rmsProp.Epsilon, rmsProp.WeightDecay, rmsProp.Momentum, rmsProp.Centered));
        Assert.Equal((1e-2f, 1e-10f, 0f, 0f), (adaGrad.LearningRate, adaGrad.Epsilon, adaGrad.WeightDecay, adaGrad.InitialAccumulatorValue));
    }
}
