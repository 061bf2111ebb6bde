using System;
using System.Collections.Generic;

namespace NetGen.Data;

/// <summary>A CSV file loaded by <see cref="CsvLoader"/>: the samples, and how their columns were encoded.</summary>
public sealed class CsvData
{
    internal CsvData(
        Dataset dataset,
        IReadOnlyList<string> featureNames,
        IReadOnlyList<string> targetNames,
        IReadOnlyList<string>? classNames,
        IReadOnlyList<CategoricalFeature> categoricalFeatures)
    {
        Dataset = dataset;
        FeatureNames = featureNames;
        TargetNames = targetNames;
        ClassNames = classNames;
        CategoricalFeatures = categoricalFeatures;
    }

    /// <summary>The samples, one per data row, in file order.</summary>
    public Dataset Dataset { get; }

    /// <summary>
    /// The name of each input, <see cref="Dataset.InputSize"/> of them: the column's header name (or
    /// <c>column[i]</c> with its 0-based index when there is no header), and <c>name=category</c> for each
    /// one-hot input of a categorical column.
    /// </summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The name of each output, <see cref="Dataset.OutputSize"/> of them: the target columns' names, or the class names.</summary>
    public IReadOnlyList<string> TargetNames { get; }

    /// <summary>For class-label targets, the classes in one-hot order; otherwise null.</summary>
    public IReadOnlyList<string>? ClassNames { get; }

    /// <summary>Each categorical feature column with its categories in one-hot order, as given or as collected from the file.</summary>
    public IReadOnlyList<CategoricalFeature> CategoricalFeatures { get; }

    /// <summary>
    /// <paramref name="options"/> with this file's categories and classes fixed, so that loading another file
    /// (a test set) with them encodes it exactly as this one; a category or class this file did not have is then an error.
    /// </summary>
    /// <param name="options">The options this file was loaded with.</param>
    /// <returns>The options for the other file.</returns>
    public CsvOptions SameEncoding(CsvOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with
        {
            CategoricalFeatures = CategoricalFeatures.Count > 0 ? CategoricalFeatures : options.CategoricalFeatures,
            ClassNames = ClassNames ?? options.ClassNames,
        };
    }
}
