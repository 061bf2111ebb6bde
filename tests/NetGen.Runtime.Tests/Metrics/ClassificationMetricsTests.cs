using System;
using NetGen.Data;
using NetGen.Metrics;
using NetGen.Training;
using Xunit;

namespace NetGen.Runtime.Tests.Metrics;

public class ClassificationMetricsTests
{
    // Ten samples over three classes (a fourth never occurs):
    //   actual     0 0 0 0 1 1 2 2 2 2
    //   predicted  0 0 1 2 1 1 2 2 0 1
    private static readonly int[] s_actual = [0, 0, 0, 0, 1, 1, 2, 2, 2, 2];
    private static readonly int[] s_predicted = [0, 0, 1, 2, 1, 1, 2, 2, 0, 1];

    [Fact]
    public void The_matrix_and_scores_of_a_constructed_example_match_the_hand_computed_values()
    {
        var matrix = new ConfusionMatrix(4);
        for (int i = 0; i < s_actual.Length; i++)
        {
            matrix.Add(s_actual[i], s_predicted[i]);
        }

        long[,] expected = { { 2, 1, 1, 0 }, { 0, 2, 0, 0 }, { 1, 1, 2, 0 }, { 0, 0, 0, 0 } };
        for (int a = 0; a < 4; a++)
        {
            for (int p = 0; p < 4; p++)
            {
                Assert.Equal(expected[a, p], matrix[a, p]);
            }
        }

        Assert.Equal(10, matrix.Total);
        Assert.Equal(6, matrix.Correct);
        Assert.Equal(0.6, matrix.Accuracy, 15);

        // Precision = TP / column sum, recall = TP / row sum, F1 = 2 TP / (row + column).
        Assert.Equal([2.0 / 3, 2.0 / 4, 2.0 / 3, 0], [matrix.Precision(0), matrix.Precision(1), matrix.Precision(2), matrix.Precision(3)]);
        Assert.Equal([2.0 / 4, 2.0 / 2, 2.0 / 4, 0], [matrix.Recall(0), matrix.Recall(1), matrix.Recall(2), matrix.Recall(3)]);
        Assert.Equal([4.0 / 7, 4.0 / 6, 4.0 / 7, 0], [matrix.F1(0), matrix.F1(1), matrix.F1(2), matrix.F1(3)]);
        Assert.Equal([4L, 2, 4, 0], [matrix.Support(0), matrix.Support(1), matrix.Support(2), matrix.Support(3)]);
        Assert.Equal([3L, 4, 3, 0], [matrix.PredictedCount(0), matrix.PredictedCount(1), matrix.PredictedCount(2), matrix.PredictedCount(3)]);

        // Macro averages over the three classes that occur: class 3 neither occurs nor is predicted.
        Assert.Equal(11.0 / 18, matrix.MacroPrecision, 15);
        Assert.Equal(2.0 / 3, matrix.MacroRecall, 15);
        Assert.Equal(38.0 / 63, matrix.MacroF1, 15);
    }

    [Fact]
    public void A_softmax_network_is_scored_by_the_arg_max_of_its_output()
    {
        ArgMaxNet network = IdentityWeights(new ArgMaxNet());
        Dataset data = Scores(s_actual, s_predicted);

        ConfusionMatrix matrix = ConfusionMatrix.Compute(network, data);

        Assert.Equal(3, matrix.ClassCount);
        Assert.Equal([2L, 1, 1, 0, 2, 0, 1, 1, 2], [matrix[0, 0], matrix[0, 1], matrix[0, 2], matrix[1, 0], matrix[1, 1], matrix[1, 2], matrix[2, 0], matrix[2, 1], matrix[2, 2]]);
        Assert.Equal(38.0 / 63, matrix.MacroF1, 15);
        Assert.Equal(0.6, ClassificationMetrics.Accuracy(network, data), 15);
        Assert.Equal(Evaluation.MeanLossAndAccuracy(network, data).Accuracy, matrix.Accuracy);
    }

    [Fact]
    public void Ties_go_to_the_first_class_as_in_ArgMax()
    {
        ArgMaxNet network = IdentityWeights(new ArgMaxNet());
        var data = new Dataset([1f, 1f, 0f, 0f, 2f, 2f], [0f, 1f, 0f, 0f, 1f, 0f], inputSize: 3, outputSize: 3);

        ConfusionMatrix matrix = ConfusionMatrix.Compute(network, data);

        Assert.Equal(1, matrix[1, 0]);
        Assert.Equal(1, matrix[1, 1]);
        Assert.Equal(0.5, ClassificationMetrics.Accuracy(network, data));
    }

    [Fact]
    public void A_one_output_sigmoid_network_has_two_classes_split_at_one_half()
    {
        var network = new ThresholdNet();
        network.Parameters[0] = 1f;
        network.Parameters[1] = 0f;

        // Inputs −2, −0.5, 0, 0.3, 1.5, −1 give outputs σ(x), at least 0.5 exactly for x ≥ 0: predicted 0 0 1 1 1 0.
        var data = new Dataset([-2f, -0.5f, 0f, 0.3f, 1.5f, -1f], [0f, 1f, 0f, 1f, 1f, 0f], inputSize: 1, outputSize: 1);
        ConfusionMatrix matrix = ConfusionMatrix.Compute(network, data);

        Assert.Equal([2L, 1, 1, 2], [matrix[0, 0], matrix[0, 1], matrix[1, 0], matrix[1, 1]]);
        Assert.Equal(4.0 / 6, matrix.Accuracy, 15);
        Assert.Equal(2.0 / 3, matrix.Precision(1), 15);
        Assert.Equal(Evaluation.MeanLossAndAccuracy(network, data).Accuracy, matrix.Accuracy);
    }

    [Fact]
    public void A_multi_label_network_gets_a_matrix_per_label_and_exact_match_accuracy()
    {
        var network = new TwoLabelNet();
        network.Parameters[0] = 1f;
        network.Parameters[3] = 1f;

        // Predicted labels: (1, 0), (1, 1), (0, 0), (0, 1); targets: (1, 0), (1, 0), (1, 0), (0, 1).
        var data = new Dataset([2f, -1f, 1f, 3f, -1f, -2f, -0.5f, 0.5f], [1f, 0f, 1f, 0f, 1f, 0f, 0f, 1f], inputSize: 2, outputSize: 2);
        ConfusionMatrix[] labels = ConfusionMatrix.ComputePerLabel(network, data);

        Assert.Equal(2, labels.Length);
        Assert.Equal([1L, 0, 1, 2], [labels[0][0, 0], labels[0][0, 1], labels[0][1, 0], labels[0][1, 1]]);
        Assert.Equal([2L, 1, 0, 1], [labels[1][0, 0], labels[1][0, 1], labels[1][1, 0], labels[1][1, 1]]);
        Assert.Equal(0.5, ClassificationMetrics.Accuracy(network, data));
        Assert.Equal(Evaluation.MeanLossAndAccuracy(network, data).Accuracy, ClassificationMetrics.Accuracy(network, data));
        ArgumentException error = Assert.Throws<ArgumentException>(() => ConfusionMatrix.Compute(network, data));
        Assert.Contains("use ComputePerLabel for multi-label outputs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_shows_the_matrix_and_the_per_class_report_in_aligned_columns()
    {
        var matrix = new ConfusionMatrix(3);
        for (int i = 0; i < s_actual.Length; i++)
        {
            matrix.Add(s_actual[i], s_predicted[i]);
        }

        string text = matrix.ToString(["setosa", "versicolor", "virginica"]);

        Assert.Equal(
            """
            10 samples, accuracy 0.6000

            actual \ predicted      setosa  versicolor   virginica
            setosa                       2           1           1
            versicolor                   0           2           0
            virginica                    1           1           2

            class               precision     recall         f1  support
            setosa                 0.6667     0.5000     0.5714        4
            versicolor             0.5000     1.0000     0.6667        2
            virginica              0.6667     0.5000     0.5714        4
            macro average          0.6111     0.6667     0.6032       10
            """.ReplaceLineEndings("\n"),
            text);
        Assert.StartsWith("10 samples, accuracy 0.6000\n\nactual \\ predicted      0      1      2\n", matrix.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Classes_never_predicted_score_zero_instead_of_dividing_by_zero()
    {
        var matrix = new ConfusionMatrix(2);
        matrix.Add(0, 0);
        matrix.Add(1, 0);

        Assert.Equal(0, matrix.Precision(1));
        Assert.Equal(0, matrix.Recall(1));
        Assert.Equal(0, matrix.F1(1));
        Assert.Equal(0.5, matrix.Precision(0));
        Assert.Equal((0.5 + 0) / 2, matrix.MacroPrecision);
        Assert.Equal(0, new ConfusionMatrix(2).Accuracy);
        Assert.Equal(0, new ConfusionMatrix(2).MacroF1);
    }

    [Fact]
    public void Misuse_is_rejected_with_clear_errors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConfusionMatrix(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConfusionMatrix(3).Add(3, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConfusionMatrix(3)[0, -1]);
        Assert.Throws<ArgumentException>(() => new ConfusionMatrix(3).ToString(["a", "b"]));

        var regressor = new PassThroughNet();
        var data = new Dataset(new float[4], new float[4], 2, 2);
        Assert.Contains("MeanSquaredError loss", Assert.Throws<ArgumentException>(() => ConfusionMatrix.Compute(regressor, data)).Message, StringComparison.Ordinal);
        Assert.Contains("MeanSquaredError loss", Assert.Throws<ArgumentException>(() => ClassificationMetrics.Accuracy(regressor, data)).Message, StringComparison.Ordinal);
        Assert.Contains("MeanSquaredError loss", Assert.Throws<ArgumentException>(() => ConfusionMatrix.ComputePerLabel(regressor, data)).Message, StringComparison.Ordinal);
        Assert.Contains(
            "The dataset has 2 features and 2 targets per sample, but the network takes 3 inputs and gives 3 outputs.",
            Assert.Throws<ArgumentException>(() => ConfusionMatrix.Compute(new ArgMaxNet(), data)).Message,
            StringComparison.Ordinal);
    }

    private static ArgMaxNet IdentityWeights(ArgMaxNet network)
    {
        network.Parameters.Clear();
        for (int j = 0; j < 3; j++)
        {
            network.Parameters[(j * 3) + j] = 1f;
        }

        return network;
    }

    /// <summary>Samples whose features are scores peaking at the predicted class and whose targets are one-hot at the actual one.</summary>
    private static Dataset Scores(int[] actual, int[] predicted)
    {
        float[] features = new float[3 * actual.Length], targets = new float[3 * actual.Length];
        for (int i = 0; i < actual.Length; i++)
        {
            for (int c = 0; c < 3; c++)
            {
                features[(3 * i) + c] = c == predicted[i] ? 0.8f : 0.1f * c;
            }

            targets[(3 * i) + actual[i]] = 1f;
        }

        return new Dataset(features, targets, 3, 3);
    }
}
