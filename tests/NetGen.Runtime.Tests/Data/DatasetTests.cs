using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Data;
using Xunit;

namespace NetGen.Runtime.Tests.Data;

public class DatasetTests
{
    [Fact]
    public void Equal_seeds_give_equal_splits_and_other_seeds_other_ones()
    {
        Dataset data = Numbered(50);

        var first = data.Split(0.6, 0.2, seed: 7);
        var again = data.Split(0.6, 0.2, seed: 7);
        var other = data.Split(0.6, 0.2, seed: 8);

        Assert.Equal(Ids(first.Train), Ids(again.Train));
        Assert.Equal(Ids(first.Validation), Ids(again.Validation));
        Assert.Equal(Ids(first.Test), Ids(again.Test));
        Assert.NotEqual(Ids(first.Train), Ids(other.Train));
    }

    [Theory]
    [InlineData(50, 0.6, 0.2, 30, 10, 10)]
    [InlineData(150, 0.6, 0.2, 90, 30, 30)]
    [InlineData(7, 0.5, 0.25, 4, 2, 1)]
    [InlineData(10, 1.0, 0.0, 10, 0, 0)]
    public void A_split_is_disjoint_covers_every_sample_and_has_the_asked_sizes(int count, double train, double validation, int trainCount, int validationCount, int testCount)
    {
        var (trainSet, validationSet, testSet) = Numbered(count).Split(train, validation, seed: 3);

        Assert.Equal(trainCount, trainSet.Count);
        Assert.Equal(validationCount, validationSet.Count);
        Assert.Equal(testCount, testSet.Count);
        Assert.Equal(Enumerable.Range(0, count), Ids(trainSet).Concat(Ids(validationSet)).Concat(Ids(testSet)).Order());
        AssertRowsIntact(trainSet);
        AssertRowsIntact(testSet);
    }

    [Fact]
    public void K_folds_partition_the_samples_and_are_deterministic_per_seed()
    {
        Dataset data = Numbered(23);

        var folds = data.KFold(5, seed: 11).ToList();
        var again = data.KFold(5, seed: 11).ToList();
        var other = data.KFold(5, seed: 12).ToList();

        Assert.Equal(5, folds.Count);
        var validated = new List<int>();
        for (int f = 0; f < folds.Count; f++)
        {
            int[] train = Ids(folds[f].Train), validation = Ids(folds[f].Validation);
            Assert.InRange(validation.Length, 4, 5);
            Assert.Empty(train.Intersect(validation));
            Assert.Equal(Enumerable.Range(0, 23), train.Concat(validation).Order());
            Assert.Equal(train, Ids(again[f].Train));
            Assert.Equal(validation, Ids(again[f].Validation));
            AssertRowsIntact(folds[f].Train);
            validated.AddRange(validation);
        }

        Assert.Equal(Enumerable.Range(0, 23), validated.Order());
        Assert.NotEqual(Ids(folds[0].Validation), Ids(other[0].Validation));
    }

    [Fact]
    public void A_permutation_holds_every_index_once_and_depends_only_on_the_seed()
    {
        int[] permutation = Dataset.Permutation(100, seed: 5);

        Assert.Equal(Enumerable.Range(0, 100), permutation.Order());
        Assert.Equal(permutation, Dataset.Permutation(100, seed: 5));
        Assert.NotEqual(permutation, Dataset.Permutation(100, seed: 6));
        Assert.NotEqual(Enumerable.Range(0, 100), permutation);
    }

    [Fact]
    public void A_subset_copies_its_rows()
    {
        Dataset data = Numbered(4);

        Dataset subset = data.Subset([3, 1]);
        subset.Features[0] = -1;

        Assert.Equal([-1f, 30f, 1f, 10f], subset.Features.ToArray());
        Assert.Equal([3f, 1f], subset.Targets.ToArray());
        Assert.Equal(3f, data.FeaturesOf(3)[0]);
    }

    /// <summary>Sample i has features (i, 10 i) and target i, so rows can be traced through a split.</summary>
    internal static Dataset Numbered(int count)
    {
        float[] features = new float[count * 2], targets = new float[count];
        for (int i = 0; i < count; i++)
        {
            features[2 * i] = i;
            features[(2 * i) + 1] = 10 * i;
            targets[i] = i;
        }

        return new Dataset(features, targets, 2, 1);
    }

    private static int[] Ids(Dataset data) => data.Targets.ToArray().Select(t => (int)t).ToArray();

    private static void AssertRowsIntact(Dataset data)
    {
        for (int i = 0; i < data.Count; i++)
        {
            float id = data.TargetsOf(i)[0];
            Assert.Equal([id, 10 * id], data.FeaturesOf(i).ToArray());
        }
    }
}
