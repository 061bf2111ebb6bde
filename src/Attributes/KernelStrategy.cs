namespace NetGen
{
    /// <summary>How the generator emits the arithmetic of each dense layer.</summary>
    public enum KernelStrategy
    {
        /// <summary>Let the generator choose per layer, from measured crossovers: small layers unrolled, larger ones SIMD.</summary>
        Auto = 0,

        /// <summary>Every layer fully unrolled (constant indices, no loops), as far as the JIT's optimisation limits allow; larger layers stay SIMD and the build warns (NG0013).</summary>
        Unrolled = 1,

        /// <summary>Every layer as constant-bound SIMD loops.</summary>
        Simd = 2,
    }
}
