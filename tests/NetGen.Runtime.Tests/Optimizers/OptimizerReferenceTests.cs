using System;
using System.Numerics;
using NetGen.Optimizers;
using Xunit;

namespace NetGen.Runtime.Tests.Optimizers;

/// <summary>
/// The first three updates of every optimizer against the published update rules (PyTorch's <c>torch.optim</c>
/// formulations), starting from θ₀ = [0.5, −1.25, 2] with the gradients g₁ = [0.1, −0.2, 0.3],
/// g₂ = [−0.4, 0.5, 0.05] and g₃ = [0.25, 0, −0.6].
/// </summary>
/// <remarks>
/// The expected values were computed independently in double precision with python3, by a direct transcription of
/// each rule as written in the optimizer's documentation (Adam in the textbook form θ ← θ − η m̂ / (√v̂ + ε) with
/// m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ); everything else term by term), and pasted here as literals. The optimizers
/// work in single precision, so the comparison allows 2·10⁻⁶.
/// </remarks>
public class OptimizerReferenceTests
{
    private const double Tolerance = 2e-6;

    private static readonly float[] InitialParameters = [0.5f, -1.25f, 2f];

    private static readonly float[][] GradientSequence =
    [
        [0.1f, -0.2f, 0.3f],
        [-0.4f, 0.5f, 0.05f],
        [0.25f, 0f, -0.6f],
    ];

    [Fact]
    public void Sgd_matches_plain_gradient_descent_for_three_updates()
    {
        AssertFirstThreeUpdates(
            new Sgd(3, learningRate: 0.1f),
            [
                [0.49, -1.23, 1.97],
                [0.53, -1.28, 1.965],
                [0.505, -1.28, 2.025],
            ]);
    }

    [Fact]
    public void Sgd_with_momentum_and_dampening_takes_the_first_gradient_undamped_then_follows_the_velocity()
    {
        AssertFirstThreeUpdates(
            new Sgd(3, learningRate: 0.1f, momentum: 0.9f, dampening: 0.1f),
            [
                [0.49, -1.23, 1.97],
                [0.517, -1.257, 1.9385],
                [0.5188, -1.2812999999999999, 1.9641499999999998],
            ]);
    }

    [Fact]
    public void Sgd_with_Nesterov_momentum_and_weight_decay_matches_the_PyTorch_rule_for_three_updates()
    {
        AssertFirstThreeUpdates(
            new Sgd(3, learningRate: 0.1f, momentum: 0.9f, nesterov: true, weightDecay: 0.05f),
            [
                [0.47625, -1.2001249999999999, 1.924],
                [0.537600625, -1.2624613125, 1.8638219999999999],
                [0.5063521065625001, -1.26697117378125, 1.9191134909999998],
            ]);
    }

    [Fact]
    public void Adam_matches_the_bias_corrected_rule_for_three_updates()
    {
        AssertFirstThreeUpdates(
            new Adam(3, learningRate: 0.1f),
            [
                [0.40000000999999896, -1.1500000049999997, 1.9000000033333333],
                [0.45595035748512835, -1.1942215302172328, 1.821667272150606],
                [0.45979387466379884, -1.22840489717593, 1.8513024131101938],
            ]);
    }

    [Fact]
    public void Adam_with_L2_weight_decay_matches_the_rule_for_three_updates()
    {
        AssertFirstThreeUpdates(
            new Adam(3, learningRate: 0.1f, weightDecay: 0.1f),
            [
                [0.40000000666666624, -1.150000003076923, 1.900000002],
                [0.4429341513610014, -1.163664583581301, 1.8073841626213918],
                [0.43092781544571523, -1.1595706899994547, 1.7888373703392126],
            ]);
    }

    [Fact]
    public void AdamW_matches_the_decoupled_rule_for_three_updates()
    {
        AssertFirstThreeUpdates(
            new AdamW(3, learningRate: 0.1f, weightDecay: 0.1f),
            [
                [0.39500000999999896, -1.1375000049999997, 1.8800000033333333],
                [0.44700035738512833, -1.170346530167233, 1.7828672721172727],
                [0.4463738709899475, -1.1928264318242578, 1.7946737403556878],
            ]);
    }

    [Fact]
    public void RmsProp_with_the_default_alpha_matches_the_rule_for_three_updates()
    {
        AssertFirstThreeUpdates(
            new RmsProp(3, learningRate: 0.01f),
            [
                [0.40000009999990005, -1.150000049999975, 1.9000000333333222],
                [0.49704287266865177, -1.2429118010156806, 1.8834795737804584],
                [0.44499353832149185, -1.2429118010156806, 1.9728543804959826],
            ]);
    }

    [Fact]
    public void RmsProp_centered_with_momentum_and_weight_decay_matches_the_rule_for_three_updates()
    {
        AssertFirstThreeUpdates(
            new RmsProp(3, learningRate: 0.01f, alpha: 0.9f, weightDecay: 0.1f, momentum: 0.5f, centered: true),
            [
                [0.4666666740740724, -1.2166666700854698, 1.9666666688888887],
                [0.4798272587321453, -1.2245514825819679, 1.9339877512933679],
                [0.4662417432144311, -1.2204048213733456, 1.9375423051969987],
            ]);
    }

    [Fact]
    public void AdaGrad_matches_the_rule_for_three_updates()
    {
        AssertFirstThreeUpdates(
            new AdaGrad(3, learningRate: 0.1f),
            [
                [0.4000000001, -1.15000000005, 1.9000000000333332],
                [0.49701425009100375, -1.2428476691212844, 1.8835601013082028],
                [0.4451666653652352, -1.2428476691212844, 1.9727553988446032],
            ]);
    }

    [Fact]
    public void AdaGrad_with_an_initial_accumulator_and_weight_decay_matches_the_rule_for_three_updates()
    {
        AssertFirstThreeUpdates(
            new AdaGrad(3, learningRate: 0.1f, weightDecay: 0.1f, initialAccumulatorValue: 0.1f),
            [
                [0.45714285715510206, -1.1783286799812092, 1.915484574541434],
                [0.5282825062383716, -1.2427725369331777, 1.8776847052851129],
                [0.47632674528881347, -1.2222615429692836, 1.9318937725785525],
            ]);
    }

    public static TheoryData<string> Configurations() => new(OptimizerConfigurations.Names);

    /// <summary>
    /// A vector long enough for several SIMD registers plus a scalar tail, holding the 3-value problem repeated, gets
    /// in every lane exactly the values the 3-value (scalar-only) run gets: the vector and scalar paths are the same
    /// arithmetic.
    /// </summary>
    [Theory]
    [MemberData(nameof(Configurations))]
    public void Every_simd_lane_and_the_scalar_tail_compute_the_same_update(string configuration)
    {
        int length = 3 * (Vector<float>.Count * 4 + 1) + 3;
        IOptimizer small = OptimizerConfigurations.Create(configuration, 3), large = OptimizerConfigurations.Create(configuration, length);
        float[] smallParameters = (float[])InitialParameters.Clone(), largeParameters = Tile(InitialParameters, length);
        foreach (float[] gradients in GradientSequence)
        {
            small.Update(smallParameters, gradients);
            large.Update(largeParameters, Tile(gradients, length));
        }

        for (int i = 0; i < length; i++)
        {
            Assert.Equal(smallParameters[i % 3], largeParameters[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Reset_makes_the_optimizer_repeat_its_first_updates(string configuration)
    {
        IOptimizer optimizer = OptimizerConfigurations.Create(configuration, 3);
        float[] first = Run(optimizer);

        Assert.Equal(3, StepCount(optimizer));

        Reset(optimizer);
        Assert.Equal(0, StepCount(optimizer));
        float[] again = Run(optimizer);

        Assert.Equal(first, again);
        Assert.Equal(3, StepCount(optimizer));
    }

    private static void Reset(IOptimizer optimizer)
    {
        switch (optimizer)
        {
            case Sgd sgd: sgd.Reset(); break;
            case Adam adam: adam.Reset(); break;
            case RmsProp rmsProp: rmsProp.Reset(); break;
            case AdaGrad adaGrad: adaGrad.Reset(); break;
            default: throw new ArgumentException(optimizer.GetType().Name, nameof(optimizer));
        }
    }

    private static int StepCount(IOptimizer optimizer) => optimizer switch
    {
        Sgd sgd => sgd.StepCount,
        Adam adam => adam.StepCount,
        RmsProp rmsProp => rmsProp.StepCount,
        AdaGrad adaGrad => adaGrad.StepCount,
        _ => throw new ArgumentException(optimizer.GetType().Name, nameof(optimizer)),
    };

    private static float[] Run(IOptimizer optimizer)
    {
        float[] parameters = (float[])InitialParameters.Clone();
        foreach (float[] gradients in GradientSequence)
        {
            optimizer.Update(parameters, gradients);
        }

        return parameters;
    }

    private static float[] Tile(float[] pattern, int length)
    {
        float[] result = new float[length];
        for (int i = 0; i < length; i++)
        {
            result[i] = pattern[i % pattern.Length];
        }

        return result;
    }

    private static void AssertFirstThreeUpdates(IOptimizer optimizer, double[][] expected)
    {
        float[] parameters = (float[])InitialParameters.Clone();
        for (int step = 0; step < 3; step++)
        {
            optimizer.Update(parameters, GradientSequence[step]);
            for (int i = 0; i < 3; i++)
            {
                Assert.True(
                    Math.Abs(parameters[i] - expected[step][i]) <= Tolerance,
                    $"update {step + 1}, θ[{i}]: expected {expected[step][i]:R}, got {parameters[i]:R}");
            }
        }
    }
}
