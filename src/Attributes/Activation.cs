namespace NetGen
{
    /// <summary>The activation function <c>g</c> a dense layer applies to its pre-activation: <c>h = g(a)</c>.</summary>
    public enum Activation
    {
        /// <summary>The identity (a linear layer): <c>g(a) = a</c>.</summary>
        Identity = 0,

        /// <summary>The logistic sigmoid: <c>g(a) = 1 / (1 + e^-a)</c>.</summary>
        Sigmoid = 1,

        /// <summary>The hyperbolic tangent: <c>g(a) = tanh(a)</c>.</summary>
        Tanh = 2,

        /// <summary>The rectified linear unit: <c>g(a) = max(0, a)</c>.</summary>
        ReLU = 3,

        /// <summary>The leaky rectified linear unit: <c>g(a) = a</c> for <c>a &gt; 0</c>, else <c>slope · a</c> (see <see cref="DenseAttribute.Slope"/>).</summary>
        LeakyReLU = 4,

        /// <summary>The softmax over the whole layer: <c>g(a)_j = e^(a_j) / Σ_c e^(a_c)</c>. Output layer only.</summary>
        Softmax = 5,
    }
}
