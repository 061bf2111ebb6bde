using System;
using System.Runtime.CompilerServices;
using NetGen.Data;
using NetGen.Optimizers;
using NetGen.Training;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Runtime.Tests.Optimizers;

/// <summary>
/// Every optimizer trains <see cref="SmallRegressor"/> (2 → 8 tanh → 1, loss ½(ŷ − y)²) to fit the smooth function
/// y = 0.5·sin(2x₁) + 0.3·x₁x₂ on a 16 × 16 grid over [−1, 1]², with minibatches of 16 through
/// <see cref="Trainer.Fit"/>. Everything is seeded, so each run is the same.
/// </summary>
/// <remarks>
/// Predicting the mean of y leaves a mean loss of ½·Var(y) ≈ 0.0823 (the seeded initial network starts at 0.0806);
/// each test's name states the mean loss over the grid its optimizer must get below after 150 epochs, 0.5% of that
/// or less. Measured: SGD 3.7·10⁻⁴, SGD with momentum 1.07·10⁻⁴, Nesterov 9.9·10⁻⁵, Adam 9.1·10⁻⁵,
/// AdamW 9.1·10⁻⁵, RMSProp 1.49·10⁻⁴, AdaGrad 1.29·10⁻⁴, momentum under warm-up and cosine annealing 1.02·10⁻⁴.
/// </remarks>
public class OptimizerTrainingTests(ITestOutputHelper output)
{
    private const int Epochs = 150;

    [Fact]
    public void Sgd_fits_the_smooth_function_to_a_mean_loss_below_0_001() =>
        AssertFits(count => new Sgd(count, learningRate: 0.2f), maxLoss: 0.001);

    [Fact]
    public void Sgd_with_momentum_fits_the_smooth_function_to_a_mean_loss_below_0_0003() =>
        AssertFits(count => new Sgd(count, learningRate: 0.05f, momentum: 0.9f), maxLoss: 0.0003);

    [Fact]
    public void Sgd_with_Nesterov_momentum_fits_the_smooth_function_to_a_mean_loss_below_0_0003() =>
        AssertFits(count => new Sgd(count, learningRate: 0.05f, momentum: 0.9f, nesterov: true), maxLoss: 0.0003);

    [Fact]
    public void Adam_fits_the_smooth_function_to_a_mean_loss_below_0_0003() =>
        AssertFits(count => new Adam(count, learningRate: 0.01f), maxLoss: 0.0003);

    [Fact]
    public void AdamW_fits_the_smooth_function_to_a_mean_loss_below_0_0003() =>
        AssertFits(count => new AdamW(count, learningRate: 0.01f, weightDecay: 1e-4f), maxLoss: 0.0003);

    [Fact]
    public void RmsProp_fits_the_smooth_function_to_a_mean_loss_below_0_0004() =>
        AssertFits(count => new RmsProp(count, learningRate: 0.003f), maxLoss: 0.0004);

    [Fact]
    public void AdaGrad_fits_the_smooth_function_to_a_mean_loss_below_0_0004() =>
        AssertFits(count => new AdaGrad(count, learningRate: 0.1f), maxLoss: 0.0004);

    [Fact]
    public void Sgd_with_momentum_under_warmup_and_cosine_annealing_fits_below_0_0003_and_ends_at_the_minimum_rate()
    {
        // 256 samples in batches of 16 give 16 updates per epoch: 100 warm-up updates, then cosine over the rest.
        int updates = Epochs * 16;
        var schedule = new LinearWarmup(new CosineAnnealing(0.1f, updates - 100, minimumLearningRate: 0.001f), 100);

        TrainingHistory history = AssertFits(count => new Sgd(count, learningRate: 0.1f, momentum: 0.9f), maxLoss: 0.0003, schedule);

        Assert.Equal(schedule.LearningRateAt(updates - 1), history.Epochs[^1].LearningRate);
        Assert.Equal(0.001f, history.Epochs[^1].LearningRate, 1e-6f);
    }

    private TrainingHistory AssertFits(Func<int, IOptimizer> create, double maxLoss, ILearningRateSchedule? schedule = null, [CallerMemberName] string test = "")
    {
        INetwork network = new SmallRegressor(seed: 3);
        Dataset data = SmoothFunction();
        double baseline = Evaluation.MeanLossAndAccuracy(network, data).Loss;
        IOptimizer optimizer = create(network.ParameterCount);

        TrainingHistory history = Trainer.Fit(network, data, null, new TrainingOptions
        {
            Optimizer = optimizer,
            Epochs = Epochs,
            BatchSize = 16,
            Seed = 5,
            Schedule = schedule,
        });

        double loss = Evaluation.MeanLossAndAccuracy(network, data).Loss;
        output.WriteLine($"{test}: mean loss {baseline:G4} before, {loss:G4} after {Epochs} epochs");
        Assert.True(loss < maxLoss, $"{test}: reached a mean loss of {loss:G4}, above {maxLoss}");
        return history;
    }

    private static Dataset SmoothFunction()
    {
        const int side = 16;
        float[] features = new float[side * side * 2], targets = new float[side * side];
        for (int i = 0; i < side; i++)
        {
            for (int j = 0; j < side; j++)
            {
                int k = i * side + j;
                float x1 = -1f + 2f * i / (side - 1), x2 = -1f + 2f * j / (side - 1);
                features[2 * k] = x1;
                features[2 * k + 1] = x2;
                targets[k] = 0.5f * MathF.Sin(2f * x1) + 0.3f * x1 * x2;
            }
        }

        return new Dataset(features, targets, inputSize: 2, outputSize: 1);
    }
}
