using System;
using NetGen.Optimizers;

namespace NetGen.Runtime.Tests.Optimizers;

/// <summary>The optimizer configurations the tests run, by name: every optimizer, and the variants of each.</summary>
internal static class OptimizerConfigurations
{
    public static readonly string[] Names =
        ["sgd", "sgd-momentum", "sgd-nesterov", "adam", "adam-l2", "adamw", "rmsprop", "rmsprop-centered-momentum", "adagrad", "adagrad-initial"];

    public static IOptimizer Create(string configuration, int count) => configuration switch
    {
        "sgd" => new Sgd(count, learningRate: 0.1f),
        "sgd-momentum" => new Sgd(count, learningRate: 0.1f, momentum: 0.9f, dampening: 0.1f),
        "sgd-nesterov" => new Sgd(count, learningRate: 0.1f, momentum: 0.9f, nesterov: true, weightDecay: 0.05f),
        "adam" => new Adam(count, learningRate: 0.1f),
        "adam-l2" => new Adam(count, learningRate: 0.1f, weightDecay: 0.1f),
        "adamw" => new AdamW(count, learningRate: 0.1f, weightDecay: 0.1f),
        "rmsprop" => new RmsProp(count, learningRate: 0.01f),
        "rmsprop-centered-momentum" => new RmsProp(count, learningRate: 0.01f, alpha: 0.9f, weightDecay: 0.1f, momentum: 0.5f, centered: true),
        "adagrad" => new AdaGrad(count, learningRate: 0.1f),
        "adagrad-initial" => new AdaGrad(count, learningRate: 0.1f, weightDecay: 0.1f, initialAccumulatorValue: 0.1f),
        _ => throw new ArgumentOutOfRangeException(nameof(configuration), configuration, null),
    };
}
