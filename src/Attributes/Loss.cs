namespace NetGen
{
    /// <summary>The per-sample loss a network is trained on.</summary>
    public enum Loss
    {
        /// <summary>Half the squared error: <c>L = ½ Σ_j (ŷ_j − y_j)²</c>. Valid with any output activation.</summary>
        MeanSquaredError = 0,

        /// <summary>Categorical cross-entropy: <c>L = −Σ_c y_c log ŷ_c</c>. Requires a <see cref="Activation.Softmax"/> output layer.</summary>
        CrossEntropy = 1,

        /// <summary>Binary cross-entropy: <c>L = −Σ_j [y_j log ŷ_j + (1 − y_j) log(1 − ŷ_j)]</c>. Requires a <see cref="Activation.Sigmoid"/> output layer.</summary>
        BinaryCrossEntropy = 2,
    }
}
