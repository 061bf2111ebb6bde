using System;

namespace NetGen.Training;

/// <summary>Training produced a loss or gradient that is NaN or infinite, so it stopped rather than go on with garbage.</summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What diverged, and where.</param>
    public TrainingDivergedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public TrainingDivergedException()
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What diverged, and where.</param>
    /// <param name="innerException">The cause.</param>
    public TrainingDivergedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
