using System;
using NetGen.Data;
using NetGen.Optimizers;
using NetGen.Training;
using Xunit;

namespace NetGen.Runtime.Tests;

public class TrainerTests
{
    [Fact]
    public void Fit_rejects_a_dataset_of_another_shape()
    {
        var data = new Dataset(new float[6], new float[2], inputSize: 3, outputSize: 1);

        ArgumentException error = Assert.Throws<ArgumentException>(() =>
            Trainer.Fit(new SmallRegressor(), data, null, new TrainingOptions { Optimizer = new FixedStep() }));

        Assert.Contains("The train set has 3 features and 1 targets per sample, but the network takes 2 inputs and gives 1 outputs", error.Message);
    }

    [Fact]
    public void Fit_stops_with_a_clear_error_when_the_loss_becomes_infinite()
    {
        var data = new Dataset([1f, 1f, -1f, 1f], [1e30f, -1e30f], inputSize: 2, outputSize: 1);

        TrainingDivergedException error = Assert.Throws<TrainingDivergedException>(() =>
            Trainer.Fit(new SmallRegressor(), data, null, new TrainingOptions { Optimizer = new FixedStep(), BatchSize = 2 }));

        Assert.Contains("The loss became Infinity in epoch 1, minibatch 1 of 1", error.Message);
    }

    /// <summary>Plain gradient descent, θ ← θ − η∇θ, kept here so the trainer is tested on its own.</summary>
    private sealed class FixedStep : IOptimizer
    {
        public float LearningRate { get; set; } = 0.1f;

        public void Update(Span<float> parameters, ReadOnlySpan<float> gradients)
        {
            for (int i = 0; i < parameters.Length; i++)
            {
                parameters[i] -= LearningRate * gradients[i];
            }
        }
    }
}
