using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetGen.Data;

/// <summary>One pass over a delimited text: splits lines into fields, resolves the chosen columns and collects the values.</summary>
internal sealed class CsvParser
{
    private const int MaxShownLength = 40;

    private readonly CsvOptions _options;
    private readonly string? _source;
    private readonly bool _classLabels;

    // The fields of the current line: content spans [start, start + length) of _fieldText.
    private int[] _fieldStart = new int[16];
    private int[] _fieldLength = new int[16];
    private char[] _unquoted = new char[256];

    private int _lineNumber;
    private string[]? _header;
    private int _columnCount;

    // Resolved layout: per feature input slot its column and its categorical table (−1 for a number).
    private int[] _featureColumn = [];
    private int[] _featureCategory = [];
    private int[] _targetColumn = [];
    private CategoryTable[] _categories = [];
    private bool[] _categoriesGiven = [];
    private CsvColumn[] _categoricalColumns = [];
    private readonly CategoryTable _classes = new();

    private readonly GrowableBuffer<float> _numbers = new();
    private readonly GrowableBuffer<int> _codes = new();
    private readonly GrowableBuffer<float> _targets = new();
    private int _rows;

    public CsvParser(CsvOptions options, string? source)
    {
        Validate(options);
        _options = options;
        _source = source;
        _classLabels = options.TargetKind == CsvTargetKind.ClassLabel;
        if (options.ClassNames is { } classes)
        {
            foreach (string name in classes)
            {
                _classes.Add(name);
            }
        }
    }

    public CsvData Read(TextLineReader lines)
    {
        while (lines.TryReadLine(out ReadOnlySpan<char> line))
        {
            _lineNumber = lines.LineNumber;
            if (_lineNumber <= _options.SkipLines || line.IsWhiteSpace())
            {
                continue;
            }

            int count = Split(line, out ReadOnlySpan<char> text);
            if (_options.HasHeader && _header is null)
            {
                ReadHeader(text, count);
                continue;
            }

            if (_columnCount == 0)
            {
                _columnCount = count;
                Resolve();
            }

            if (count != _columnCount)
            {
                throw Error(
                    Math.Min(count, _columnCount) + 1,
                    $"the line has {count} {Plural(count, "field", "fields")}, but {(_header is null ? "the first row" : "the header")} has {_columnCount}");
            }

            ReadRow(text);
        }

        _lineNumber = lines.LineNumber + 1;
        if (_columnCount == 0)
        {
            throw Error(null, lines.LineNumber == 0 ? "the file is empty"
                : lines.LineNumber <= _options.SkipLines ? $"the file ends within the {_options.SkipLines} {Plural(_options.SkipLines, "line", "lines")} to skip"
                : _options.HasHeader ? "the file has no header line" : "the file has no data rows");
        }

        if (_rows == 0)
        {
            throw Error(null, "the file has no data rows after its header");
        }

        return Assemble();
    }

    private static void Validate(CsvOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.SkipLines, nameof(options));
        if (options.TargetColumns is not { Count: > 0 })
        {
            throw new ArgumentException("At least one target column is needed.", nameof(options));
        }

        if (options.TargetKind == CsvTargetKind.ClassLabel && options.TargetColumns.Count != 1)
        {
            throw new ArgumentException($"Class-label targets come from one column, but {options.TargetColumns.Count} are given.", nameof(options));
        }

        if (options.TargetKind is not (CsvTargetKind.Numeric or CsvTargetKind.ClassLabel))
        {
            throw new ArgumentException($"Unknown target kind {options.TargetKind}.", nameof(options));
        }

        if (options.FeatureColumns is { Count: 0 })
        {
            throw new ArgumentException("At least one feature column is needed.", nameof(options));
        }

        if (!options.WhitespaceSeparated && options.Delimiter is '"' or '\r' or '\n')
        {
            throw new ArgumentException($"A quote or a line break cannot be the delimiter.", nameof(options));
        }

        if (options.ClassNames is { } classes)
        {
            if (options.TargetKind != CsvTargetKind.ClassLabel)
            {
                throw new ArgumentException("Class names are given, but the targets are not class labels.", nameof(options));
            }

            RequireDistinctNames(classes, "class names");
        }

        foreach (CategoricalFeature categorical in options.CategoricalFeatures ?? [])
        {
            ArgumentNullException.ThrowIfNull(categorical, nameof(options));
            if (categorical.Categories is { } categories)
            {
                RequireDistinctNames(categories, $"categories of column {categorical.Column}");
            }
        }

        if (!options.HasHeader)
        {
            foreach (CsvColumn column in options.TargetColumns.Concat(options.FeatureColumns ?? []).Concat(options.CategoricalFeatures?.Select(c => c.Column) ?? []))
            {
                if (column.Name is not null)
                {
                    throw new ArgumentException($"Column {column} is chosen by name, but the options say the file has no header.", nameof(options));
                }
            }
        }
    }

    private static void RequireDistinctNames(IReadOnlyList<string> names, string what)
    {
        if (names.Count == 0)
        {
            throw new ArgumentException($"The {what} are empty.", nameof(names));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException($"The {what} include an empty name.", nameof(names));
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"The {what} include '{name}' twice.", nameof(names));
            }
        }
    }

    private void ReadHeader(ReadOnlySpan<char> text, int count)
    {
        _header = new string[count];
        for (int c = 0; c < count; c++)
        {
            _header[c] = Field(text, c).ToString();
        }

        _columnCount = count;
        Resolve();
    }

    /// <summary>Turns the chosen columns into indices, once the number of columns (and the header) is known.</summary>
    private void Resolve()
    {
        _targetColumn = _options.TargetColumns.Select(ColumnIndex).ToArray();
        var targets = new HashSet<int>();
        foreach (int t in _targetColumn)
        {
            if (!targets.Add(t))
            {
                throw new ArgumentException($"Column {ColumnName(t)} is chosen as a target twice.", "options");
            }
        }

        _featureColumn = _options.FeatureColumns is { } chosen
            ? chosen.Select(ColumnIndex).ToArray()
            : Enumerable.Range(0, _columnCount).Where(c => !targets.Contains(c)).ToArray();
        if (_featureColumn.Length == 0)
        {
            throw Error(null, $"every column is a target, so no features remain");
        }

        var features = new HashSet<int>();
        foreach (int f in _featureColumn)
        {
            if (targets.Contains(f))
            {
                throw new ArgumentException($"Column {ColumnName(f)} is chosen both as a feature and as a target.", "options");
            }

            if (!features.Add(f))
            {
                throw new ArgumentException($"Column {ColumnName(f)} is chosen as a feature twice.", "options");
            }
        }

        IReadOnlyList<CategoricalFeature> categorical = _options.CategoricalFeatures ?? [];
        _featureCategory = new int[_featureColumn.Length];
        Array.Fill(_featureCategory, -1);
        _categories = new CategoryTable[categorical.Count];
        _categoriesGiven = new bool[categorical.Count];
        _categoricalColumns = new CsvColumn[categorical.Count];
        for (int k = 0; k < categorical.Count; k++)
        {
            int column = ColumnIndex(categorical[k].Column);
            int slot = Array.IndexOf(_featureColumn, column);
            if (slot < 0)
            {
                throw new ArgumentException($"Column {ColumnName(column)} is declared categorical but is not a feature column.", "options");
            }

            if (_featureCategory[slot] >= 0)
            {
                throw new ArgumentException($"Column {ColumnName(column)} is declared categorical twice.", "options");
            }

            _featureCategory[slot] = k;
            _categoricalColumns[k] = categorical[k].Column;
            _categories[k] = new CategoryTable();
            if (categorical[k].Categories is { } given)
            {
                _categoriesGiven[k] = true;
                foreach (string category in given)
                {
                    _categories[k].Add(category);
                }
            }
        }
    }

    private int ColumnIndex(CsvColumn column)
    {
        if (column.Name is not { } name)
        {
            if (column.Index >= _columnCount)
            {
                throw Error(null, $"column #{column.Index} is chosen, but the {(_header is null ? "first row" : "header")} has only {_columnCount} {Plural(_columnCount, "column", "columns")} (#0 to #{_columnCount - 1})");
            }

            return column.Index;
        }

        int found = Array.IndexOf(_header!, name);
        if (found < 0)
        {
            throw Error(null, $"no column is named '{name}'; the header names {string.Join(", ", _header!.Select(h => "'" + h + "'"))}");
        }

        int again = Array.IndexOf(_header!, name, found + 1);
        if (again >= 0)
        {
            throw Error(null, $"the name '{name}' is shared by columns {found + 1} and {again + 1}, so it does not choose one");
        }

        return found;
    }

    private string ColumnName(int column) =>
        _header is null ? "#" + column.ToString(CultureInfo.InvariantCulture) : "'" + _header[column] + "'";

    private void ReadRow(ReadOnlySpan<char> text)
    {
        if ((long)(_rows + 1) * (_featureColumn.Length + _targetColumn.Length) > Array.MaxLength)
        {
            throw Error(null, $"the file goes on past {_rows} rows, whose cells are more than an array holds");
        }

        for (int s = 0; s < _featureColumn.Length; s++)
        {
            int column = _featureColumn[s];
            int k = _featureCategory[s];
            if (k < 0)
            {
                _numbers.Add(ParseNumber(Field(text, column), column));
            }
            else
            {
                _codes.Add(Code(_categories[k], _categoriesGiven[k], Field(text, column), column, "category"));
            }
        }

        if (_classLabels)
        {
            int column = _targetColumn[0];
            _codes.Add(Code(_classes, _options.ClassNames is not null, Field(text, column), column, "class label"));
        }
        else
        {
            foreach (int column in _targetColumn)
            {
                _targets.Add(ParseNumber(Field(text, column), column));
            }
        }

        _rows++;
    }

    private float ParseNumber(ReadOnlySpan<char> cell, int column)
    {
        if (cell.IsEmpty)
        {
            throw Error(column + 1, $"the cell of column {ColumnName(column)} is empty, where a number is expected");
        }

        if (!float.TryParse(cell, System.Globalization.NumberStyles.Float, CultureInfo.InvariantCulture, out float value))
        {
            throw Error(column + 1, $"'{Shown(cell)}' in column {ColumnName(column)} is not a number");
        }

        if (!float.IsFinite(value))
        {
            throw Error(column + 1, $"'{Shown(cell)}' in column {ColumnName(column)} is not a finite number");
        }

        return value;
    }

    private int Code(CategoryTable table, bool given, ReadOnlySpan<char> cell, int column, string what)
    {
        if (cell.IsEmpty)
        {
            throw Error(column + 1, $"the cell of column {ColumnName(column)} is empty, where a {what} is expected");
        }

        int code = table.IndexOf(cell);
        if (code >= 0)
        {
            return code;
        }

        if (given)
        {
            throw Error(column + 1, $"{what} '{Shown(cell)}' in column {ColumnName(column)} is not one of the given {(what == "category" ? "categories" : "classes")}: {List(table.Names)}");
        }

        return table.Add(cell);
    }

    /// <summary>Splits <paramref name="line"/> into trimmed, unquoted fields.</summary>
    /// <returns>The number of fields; their content is <see cref="Field"/> of <paramref name="text"/>.</returns>
    private int Split(ReadOnlySpan<char> line, out ReadOnlySpan<char> text)
    {
        int count = 0;
        if (_options.WhitespaceSeparated)
        {
            text = line;
            int position = 0;
            while (true)
            {
                int start = SkipBlanks(line, position);
                if (start == line.Length)
                {
                    return count;
                }

                int length = line[start..].IndexOfAny(' ', '\t');
                length = length < 0 ? line.Length - start : length;
                AddField(ref count, start, length);
                position = start + length;
            }
        }

        char delimiter = _options.Delimiter;
        if (!line.Contains('"'))
        {
            text = line;
            int start = 0;
            while (true)
            {
                int length = line[start..].IndexOf(delimiter);
                int end = length < 0 ? line.Length : start + length;
                (int trimmedStart, int trimmedLength) = Trim(line, start, end);
                AddField(ref count, trimmedStart, trimmedLength);
                if (length < 0)
                {
                    return count;
                }

                start = end + 1;
            }
        }

        // Quoted fields: copy every field's content, unquoted, into _unquoted.
        if (_unquoted.Length < line.Length)
        {
            _unquoted = new char[Math.Max(line.Length, _unquoted.Length * 2)];
        }

        Span<char> output = _unquoted;
        int written = 0, position2 = 0;
        while (true)
        {
            int fieldStart = written;
            int cursor = SkipBlanks(line, position2, delimiter);
            if (cursor < line.Length && line[cursor] == '"')
            {
                cursor++;
                while (true)
                {
                    int quote = line[cursor..].IndexOf('"');
                    if (quote < 0)
                    {
                        throw Error(count + 1, "a quoted field is not closed on its line");
                    }

                    line.Slice(cursor, quote).CopyTo(output[written..]);
                    written += quote;
                    cursor += quote + 1;
                    if (cursor < line.Length && line[cursor] == '"')
                    {
                        output[written++] = '"';
                        cursor++;
                        continue;
                    }

                    break;
                }

                cursor = SkipBlanks(line, cursor, delimiter);
                if (cursor < line.Length && line[cursor] != delimiter)
                {
                    throw Error(count + 1, $"'{Shown(line[cursor..])}' follows the closing quote of a field, where the delimiter or the end of the line is expected");
                }

                AddField(ref count, fieldStart, written - fieldStart);
            }
            else
            {
                int length = line[position2..].IndexOf(delimiter);
                cursor = length < 0 ? line.Length : position2 + length;
                (int trimmedStart, int trimmedLength) = Trim(line, position2, cursor);
                line.Slice(trimmedStart, trimmedLength).CopyTo(output[written..]);
                written += trimmedLength;
                AddField(ref count, fieldStart, trimmedLength);
            }

            if (cursor >= line.Length)
            {
                text = output[..written];
                return count;
            }

            position2 = cursor + 1;
        }
    }

    /// <summary>The first position from <paramref name="position"/> on that is not a space or a tab, or that is <paramref name="delimiter"/>: a tab or a space that separates fields is never a blank to skip.</summary>
    private static int SkipBlanks(ReadOnlySpan<char> line, int position, char delimiter = '\0')
    {
        while (position < line.Length && line[position] is ' ' or '\t' && line[position] != delimiter)
        {
            position++;
        }

        return position;
    }

    private static (int Start, int Length) Trim(ReadOnlySpan<char> line, int start, int end)
    {
        start = SkipBlanks(line[..end], start);
        while (end > start && line[end - 1] is ' ' or '\t')
        {
            end--;
        }

        return (start, end - start);
    }

    private void AddField(ref int count, int start, int length)
    {
        if (count == _fieldStart.Length)
        {
            Array.Resize(ref _fieldStart, count * 2);
            Array.Resize(ref _fieldLength, count * 2);
        }

        _fieldStart[count] = start;
        _fieldLength[count] = length;
        count++;
    }

    private ReadOnlySpan<char> Field(ReadOnlySpan<char> text, int column) => text.Slice(_fieldStart[column], _fieldLength[column]);

    private CsvData Assemble()
    {
        // Collected categories and classes are numbered in the order first seen; renumber them in sorted order.
        int[][] renumber = new int[_categories.Length][];
        var categoricalFeatures = new CategoricalFeature[_categories.Length];
        for (int k = 0; k < _categories.Length; k++)
        {
            (IReadOnlyList<string> names, renumber[k]) = _categoriesGiven[k]
                ? (_categories[k].Names, Identity(_categories[k].Count))
                : Sorted(_categories[k].Names, numeric: false);
            categoricalFeatures[k] = new CategoricalFeature(_categoricalColumns[k], names.ToArray());
        }

        (IReadOnlyList<string> classNames, int[] classNumber) = !_classLabels ? ([], [])
            : _options.ClassNames is not null ? (_classes.Names, Identity(_classes.Count))
            : Sorted(_classes.Names, numeric: _classes.Names.All(IsInteger));

        var featureNames = new List<string>();
        int[] offset = new int[_featureColumn.Length];
        for (int s = 0; s < _featureColumn.Length; s++)
        {
            offset[s] = featureNames.Count;
            string name = _header?[_featureColumn[s]] ?? "column[" + _featureColumn[s].ToString(CultureInfo.InvariantCulture) + "]";
            if (_featureCategory[s] is int k and >= 0)
            {
                featureNames.AddRange(categoricalFeatures[k].Categories!.Select(category => name + "=" + category));
            }
            else
            {
                featureNames.Add(name);
            }
        }

        int inputSize = featureNames.Count;
        int outputSize = _classLabels ? classNames.Count : _targetColumn.Length;
        bool numericOnly = _categories.Length == 0;
        RequireArrayLength((long)_rows * inputSize, inputSize, "features");
        RequireArrayLength((long)_rows * outputSize, outputSize, "targets");
        float[] features = numericOnly ? _numbers.ToArray() : new float[_rows * inputSize];
        float[] targets = _classLabels ? new float[_rows * outputSize] : _targets.ToArray();
        ReadOnlySpan<float> numbers = numericOnly ? default : _numbers.ToArray();
        ReadOnlySpan<int> codes = _codes.Count > 0 ? _codes.ToArray() : default;
        int n = 0, c = 0;
        for (int r = 0; r < _rows; r++)
        {
            if (!numericOnly)
            {
                Span<float> row = features.AsSpan(r * inputSize, inputSize);
                for (int s = 0; s < _featureColumn.Length; s++)
                {
                    int k = _featureCategory[s];
                    if (k < 0)
                    {
                        row[offset[s]] = numbers[n++];
                    }
                    else
                    {
                        row[offset[s] + renumber[k][codes[c++]]] = 1f;
                    }
                }
            }

            if (_classLabels)
            {
                targets[(r * outputSize) + classNumber[codes[c++]]] = 1f;
            }
        }

        string[] targetNames = _classLabels ? classNames.ToArray() : _targetColumn.Select(t => _header?[t] ?? "column[" + t.ToString(CultureInfo.InvariantCulture) + "]").ToArray();
        return new CsvData(
            new Dataset(features, targets, inputSize, outputSize),
            featureNames.ToArray(),
            targetNames,
            _classLabels ? classNames.ToArray() : null,
            categoricalFeatures);
    }

    /// <summary>One-hot encoding multiplies the values per row, so the totals are checked before they size an array.</summary>
    private void RequireArrayLength(long values, int perRow, string what)
    {
        if (values > Array.MaxLength)
        {
            throw Error(null, $"{_rows} rows of {perRow} {what} make {values} values, more than an array holds");
        }
    }

    private static int[] Identity(int count) => Enumerable.Range(0, count).ToArray();

    /// <summary>The names sorted (integers by value, else ordinally), and for each name's first-seen number its sorted position.</summary>
    private static (IReadOnlyList<string> Names, int[] Renumber) Sorted(IReadOnlyList<string> names, bool numeric)
    {
        int[] order = Identity(names.Count);
        Comparison<int> compare = numeric
            ? (a, b) => ParseInteger(names[a]).CompareTo(ParseInteger(names[b])) is var byValue and not 0 ? byValue : string.CompareOrdinal(names[a], names[b])
            : (a, b) => string.CompareOrdinal(names[a], names[b]);
        Array.Sort(order, compare);
        int[] renumber = new int[names.Count];
        for (int i = 0; i < order.Length; i++)
        {
            renumber[order[i]] = i;
        }

        return (order.Select(i => names[i]).ToArray(), renumber);
    }

    private static bool IsInteger(string text) => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    private static long ParseInteger(string text) => long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static string Plural(int count, string one, string many) => count == 1 ? one : many;

    private static string Shown(ReadOnlySpan<char> text) =>
        text.Length <= MaxShownLength ? text.ToString() : string.Concat(text[..MaxShownLength], "…");

    private static string List(IReadOnlyList<string> names) =>
        names.Count <= 20 ? string.Join(", ", names) : string.Join(", ", names.Take(20)) + $", … ({names.Count} in all)";

    private DataFormatException Error(int? column, string problem) => new(_source, _lineNumber, column, null, problem);
}
