using System;
using System.Collections.Generic;
using System.Globalization;

namespace NetGen.Data;

/// <summary>A column of a CSV file, chosen by its 0-based index or by its name in the header.</summary>
public readonly record struct CsvColumn
{
    private CsvColumn(int index, string? name)
    {
        Index = index;
        Name = name;
    }

    /// <summary>The 0-based index of the column, or −1 when it is chosen by <see cref="Name"/>.</summary>
    public int Index { get; }

    /// <summary>The column's name in the header, or null when it is chosen by <see cref="Index"/>.</summary>
    public string? Name { get; }

    /// <summary>The column at a 0-based index.</summary>
    /// <param name="index">The index; 0 is the first column.</param>
    /// <returns>The column.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public static CsvColumn At(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new CsvColumn(index, null);
    }

    /// <summary>The column of the given header name (matched exactly, after trimming the header's spaces and quotes).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The column.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static CsvColumn Named(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new CsvColumn(-1, name);
    }

    /// <summary>The column at a 0-based index; the same as <see cref="At"/>.</summary>
    /// <param name="index">The index.</param>
    /// <returns>The column.</returns>
    public static CsvColumn FromInt32(int index) => At(index);

    /// <summary>The column of a header name; the same as <see cref="Named"/>.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The column.</returns>
    public static CsvColumn FromString(string name) => Named(name);

    /// <summary>Chooses the column at a 0-based index.</summary>
    /// <param name="index">The index.</param>
    public static implicit operator CsvColumn(int index) => At(index);

    /// <summary>Chooses the column of a header name.</summary>
    /// <param name="name">The name.</param>
    public static implicit operator CsvColumn(string name) => Named(name);

    /// <summary>The column as written in messages: <c>'name'</c> or <c>#index</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Name is null ? "#" + Index.ToString(CultureInfo.InvariantCulture) : "'" + Name + "'";
}

/// <summary>What the target columns of a CSV file hold.</summary>
public enum CsvTargetKind
{
    /// <summary>Numbers, taken as they are (regression); one output per target column.</summary>
    Numeric = 0,

    /// <summary>
    /// A class label (text or integer) in one column, one-hot encoded over the classes: those given in
    /// <see cref="CsvOptions.ClassNames"/>, or else those found in the file (integers sorted by value, other
    /// labels sorted ordinally).
    /// </summary>
    ClassLabel = 1,
}

/// <summary>A feature column holding categories, one-hot encoded: one input per category, in the order of <see cref="Categories"/>.</summary>
/// <param name="Column">The column.</param>
/// <param name="Categories">
/// The categories, in encoding order; null to collect them from the file and sort them ordinally. A loaded
/// <see cref="CsvData"/> reports them filled in, so that another file can be encoded the same way; a cell
/// outside a given list is an error.
/// </param>
public sealed record CategoricalFeature(CsvColumn Column, IReadOnlyList<string>? Categories = null);

/// <summary>How <see cref="CsvLoader"/> reads a file: its layout and which columns become features and targets.</summary>
public sealed record CsvOptions
{
    /// <summary>The character between fields; defaults to a comma. Ignored when <see cref="WhitespaceSeparated"/> is set.</summary>
    /// <remarks>A field may be enclosed in double quotes (with <c>""</c> for a quote inside); quoted fields cannot span lines.</remarks>
    public char Delimiter { get; init; } = ',';

    /// <summary>Whether fields are separated by runs of spaces and tabs (leading and trailing ones ignored) instead of <see cref="Delimiter"/>; quotes then have no meaning.</summary>
    public bool WhitespaceSeparated { get; init; }

    /// <summary>
    /// The number of lines to skip at the start of the file, before the header or the first row; for files
    /// that open with something other than column names, such as a line of counts. Defaults to 0.
    /// </summary>
    public int SkipLines { get; init; }

    /// <summary>Whether the first line (after <see cref="SkipLines"/>) names the columns. Columns can be chosen by name only then.</summary>
    public bool HasHeader { get; init; }

    /// <summary>The target columns: one for <see cref="CsvTargetKind.ClassLabel"/>, at least one for <see cref="CsvTargetKind.Numeric"/>.</summary>
    public required IReadOnlyList<CsvColumn> TargetColumns { get; init; }

    /// <summary>What the target columns hold. Defaults to <see cref="CsvTargetKind.Numeric"/>.</summary>
    public CsvTargetKind TargetKind { get; init; }

    /// <summary>
    /// The feature columns, in the order their inputs take in each sample; null for every column that is not a
    /// target, in file order. Columns not chosen are skipped (but every row must still have them all).
    /// </summary>
    public IReadOnlyList<CsvColumn>? FeatureColumns { get; init; }

    /// <summary>The feature columns holding categories, one-hot encoded; every other feature column holds numbers.</summary>
    public IReadOnlyList<CategoricalFeature>? CategoricalFeatures { get; init; }

    /// <summary>
    /// For <see cref="CsvTargetKind.ClassLabel"/>, the class labels in encoding order (a label outside the list is
    /// an error); null to collect them from the file.
    /// </summary>
    public IReadOnlyList<string>? ClassNames { get; init; }
}
