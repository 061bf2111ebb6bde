using System;

namespace NetGen.Training;

/// <summary>One epoch of training, as reported to progress callbacks and kept in the <see cref="TrainingHistory"/>.</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="Epochs">The number of epochs planned.</param>
/// <param name="TrainLoss">The mean per-sample loss over the epoch's minibatches (measured while the parameters changed).</param>
/// <param name="TrainAccuracy">The accuracy on the training minibatches, for classifiers; otherwise null.</param>
/// <param name="ValidationLoss">The mean per-sample loss on the validation set after the epoch, when there is one.</param>
/// <param name="ValidationAccuracy">The accuracy on the validation set after the epoch, for classifiers with a validation set.</param>
/// <param name="LearningRate">The learning rate of the epoch's last update.</param>
/// <param name="Elapsed">The time the epoch took, evaluation included.</param>
public readonly record struct EpochResult(
    int Epoch,
    int Epochs,
    double TrainLoss,
    double? TrainAccuracy,
    double? ValidationLoss,
    double? ValidationAccuracy,
    float LearningRate,
    TimeSpan Elapsed);
