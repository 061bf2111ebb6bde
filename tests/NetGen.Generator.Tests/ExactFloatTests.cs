using System;
using System.Globalization;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary><c>Code.ExactFloat</c>, which writes compiled-in weights into generated code: every float reads back as the same bits.</summary>
public sealed class ExactFloatTests
{
    [Theory]
    [InlineData(0x00000000, "0f")]
    [InlineData(unchecked((int)0x80000000), "-0f")]
    [InlineData(0x3F800000, "1f")]
    [InlineData(0x3DCCCCCD, "0.1f")]
    [InlineData(0x00000001, "1E-45f")]
    [InlineData(0x7F7FFFFF, "3.4028235E+38f")]
    [InlineData(0x7F800000, "float.PositiveInfinity")]
    [InlineData(unchecked((int)0xFF800000), "float.NegativeInfinity")]
    [InlineData(0x7FC00000, "global::System.BitConverter.Int32BitsToSingle(unchecked((int)0x7FC00000))")]
    [InlineData(unchecked((int)0xFFC00123), "global::System.BitConverter.Int32BitsToSingle(unchecked((int)0xFFC00123))")]
    public void Writes_special_values_and_short_literals(int bits, string expected) =>
        Assert.Equal(expected, Code.ExactFloat(BitConverter.Int32BitsToSingle(bits)));

    [Fact]
    public void Every_finite_float_of_a_random_sample_reads_back_as_the_same_bits()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 200_000; trial++)
        {
            int bits = random.Next(int.MinValue, int.MaxValue);
            float value = BitConverter.Int32BitsToSingle(bits);
            if (!float.IsFinite(value))
            {
                continue;
            }

            string literal = Code.ExactFloat(value);
            Assert.EndsWith("f", literal);
            float back = float.Parse(literal.AsSpan(0, literal.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.Equal(bits, BitConverter.SingleToInt32Bits(back));
        }
    }
}
