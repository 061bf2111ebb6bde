using System.Collections.Generic;

namespace NetGen.Training;

/// <summary>What a training run did, epoch by epoch.</summary>
public sealed class TrainingHistory
{
    internal TrainingHistory(IReadOnlyList<EpochResult> epochs, int bestEpoch, bool stoppedEarly)
    {
        Epochs = epochs;
        BestEpoch = bestEpoch;
        StoppedEarly = stoppedEarly;
    }

    /// <summary>Every epoch run, in order.</summary>
    public IReadOnlyList<EpochResult> Epochs { get; }

    /// <summary>The epoch (from 1) whose parameters the network holds at the end: the lowest validation loss when early stopping was on, else the last.</summary>
    public int BestEpoch { get; }

    /// <summary>Whether early stopping ended the run before the planned number of epochs.</summary>
    public bool StoppedEarly { get; }
}
