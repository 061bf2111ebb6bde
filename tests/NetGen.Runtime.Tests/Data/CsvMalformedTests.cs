using System;
using System.IO;
using NetGen.Data;
using Xunit;

namespace NetGen.Runtime.Tests.Data;

public sealed class CsvMalformedTests : IDisposable
{
    private static readonly CsvOptions LastColumnNumeric = new() { TargetColumns = [1] };

    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void A_short_row_names_its_first_missing_column()
    {
        (string path, DataFormatException error) = Fails("short.csv", "a,b,c\n1,2,3\n4,5\n", new CsvOptions { HasHeader = true, TargetColumns = ["c"] });

        AssertPlace(error, path, 3, 3);
        Assert.EndsWith("the line has 2 fields, but the header has 3", error.Message);
    }

    [Fact]
    public void A_long_row_names_its_first_extra_column()
    {
        (string path, DataFormatException error) = Fails("long.csv", "1,2\n\n3,4,5\n", LastColumnNumeric);

        AssertPlace(error, path, 3, 3);
        Assert.EndsWith("the line has 3 fields, but the first row has 2", error.Message);
    }

    [Fact]
    public void A_non_numeric_cell_is_named_with_its_column()
    {
        (string path, DataFormatException error) = Fails("text.csv", "x,y\n1,2\n3,abc\n", new CsvOptions { HasHeader = true, TargetColumns = ["x"] });

        AssertPlace(error, path, 3, 2);
        Assert.EndsWith("'abc' in column 'y' is not a number", error.Message);
    }

    [Fact]
    public void A_decimal_comma_is_not_a_number()
    {
        (string path, DataFormatException error) = Fails("comma.csv", "1;2,5\n", new CsvOptions { Delimiter = ';', TargetColumns = [0] });

        AssertPlace(error, path, 1, 2);
        Assert.EndsWith("'2,5' in column #1 is not a number", error.Message);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("nan")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("+Infinity")]
    [InlineData("1e39")]
    [InlineData("-4e38")]
    public void A_non_finite_cell_is_an_error(string cell)
    {
        (string path, DataFormatException error) = Fails("infinite.csv", $"1,2\n3,4\n5,{cell}\n", LastColumnNumeric);

        AssertPlace(error, path, 3, 2);
        Assert.EndsWith($"'{cell}' in column #1 is not a finite number", error.Message);
    }

    [Fact]
    public void An_empty_numeric_cell_is_an_error()
    {
        (string path, DataFormatException error) = Fails("hole.csv", "1, ,3\n", new CsvOptions { TargetColumns = [0] });

        AssertPlace(error, path, 1, 2);
        Assert.EndsWith("the cell of column #1 is empty, where a number is expected", error.Message);
    }

    [Fact]
    public void An_empty_class_label_is_an_error()
    {
        (string path, DataFormatException error) = Fails("nolabel.csv", "1,a\n2,\n", new CsvOptions { TargetColumns = [1], TargetKind = CsvTargetKind.ClassLabel });

        AssertPlace(error, path, 2, 2);
        Assert.EndsWith("the cell of column #1 is empty, where a class label is expected", error.Message);
    }

    [Fact]
    public void An_empty_file_is_an_error_at_line_1()
    {
        (string path, DataFormatException error) = Fails("empty.csv", string.Empty, LastColumnNumeric);

        AssertPlace(error, path, 1, null);
        Assert.EndsWith("the file is empty", error.Message);
    }

    [Fact]
    public void A_file_of_blank_lines_has_no_data_rows()
    {
        (string path, DataFormatException error) = Fails("blank.csv", "\n  \n\t\n", LastColumnNumeric);

        AssertPlace(error, path, 4, null);
        Assert.EndsWith("the file has no data rows", error.Message);
    }

    [Fact]
    public void A_file_that_ends_within_the_skipped_lines_is_an_error()
    {
        (string path, DataFormatException error) = Fails("counts.csv", "150,4,setosa\n", LastColumnNumeric with { SkipLines = 2 });

        AssertPlace(error, path, 2, null);
        Assert.EndsWith("the file ends within the 2 lines to skip", error.Message);
    }

    [Fact]
    public void A_header_without_rows_is_an_error_at_the_line_after_the_file()
    {
        (string path, DataFormatException error) = Fails("header.csv", "a,b\n\n   \n", new CsvOptions { HasHeader = true, TargetColumns = ["b"] });

        AssertPlace(error, path, 4, null);
        Assert.EndsWith("the file has no data rows after its header", error.Message);
    }

    [Fact]
    public void An_unknown_column_name_is_reported_at_the_header_with_the_names_it_has()
    {
        (string path, DataFormatException error) = Fails("names.csv", "3 rows\nlength,width\n1,2\n", new CsvOptions { SkipLines = 1, HasHeader = true, TargetColumns = ["height"] });

        AssertPlace(error, path, 2, null);
        Assert.EndsWith("no column is named 'height'; the header names 'length', 'width'", error.Message);
    }

    [Fact]
    public void A_column_index_beyond_the_row_is_reported_at_the_first_row()
    {
        (string path, DataFormatException error) = Fails("narrow.csv", "\n1,2\n", new CsvOptions { TargetColumns = [5] });

        AssertPlace(error, path, 2, null);
        Assert.EndsWith("column #5 is chosen, but the first row has only 2 columns (#0 to #1)", error.Message);
    }

    [Fact]
    public void A_class_label_outside_the_given_list_is_an_error()
    {
        (string path, DataFormatException error) = Fails(
            "labels.csv", "1,cat\n2,dog\n3,cow\n", new CsvOptions { TargetColumns = [1], TargetKind = CsvTargetKind.ClassLabel, ClassNames = ["cat", "dog"] });

        AssertPlace(error, path, 3, 2);
        Assert.EndsWith("class label 'cow' in column #1 is not one of the given classes: cat, dog", error.Message);
    }

    [Fact]
    public void A_category_the_training_file_did_not_have_is_an_error_in_the_test_file()
    {
        var options = new CsvOptions { HasHeader = true, TargetColumns = ["y"], CategoricalFeatures = [new CategoricalFeature("colour")] };
        CsvData train = CsvLoader.Load(_files.WriteText("train.csv", "colour,y\nred,1\nblue,2\n"), options);

        (string path, DataFormatException error) = Fails("test.csv", "colour,y\nred,1\npink,2\n", train.SameEncoding(options));

        AssertPlace(error, path, 3, 1);
        Assert.EndsWith("category 'pink' in column 'colour' is not one of the given categories: blue, red", error.Message);
    }

    [Fact]
    public void An_unclosed_quote_is_an_error()
    {
        (string path, DataFormatException error) = Fails("quote.csv", "1,2\n3,\"4\n", LastColumnNumeric);

        AssertPlace(error, path, 2, 2);
        Assert.EndsWith("a quoted field is not closed on its line", error.Message);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_an_error()
    {
        (string path, DataFormatException error) = Fails("after.csv", "\"1\"2,3\n", LastColumnNumeric);

        AssertPlace(error, path, 1, 1);
        Assert.EndsWith("'2,3' follows the closing quote of a field, where the delimiter or the end of the line is expected", error.Message);
    }

    [Fact]
    public void Errors_in_a_gzip_file_name_the_same_line_and_column()
    {
        (string path, DataFormatException error) = Fails("rows.csv.gz", "1,2\n3,4\n5\n", LastColumnNumeric);

        AssertPlace(error, path, 3, 2);
        Assert.EndsWith("the line has 1 field, but the first row has 2", error.Message);
    }

    [Fact]
    public void Corrupt_gzip_data_is_a_format_error_with_the_cause()
    {
        // A gzip header followed by a deflate block of the reserved type 3.
        string path = _files.WriteBytes("corrupt.csv", [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF]);

        DataFormatException error = Assert.Throws<DataFormatException>(() => CsvLoader.Load(path, LastColumnNumeric));

        AssertPlace(error, path, 1, null);
        Assert.IsType<InvalidDataException>(error.InnerException);
        Assert.Contains("the gzip data is corrupt", error.Message);
    }

    [Fact]
    public void Contradictory_options_are_argument_errors()
    {
        string path = _files.WriteText("ok.csv", "a,b,c\n1,2,3\n");

        ArgumentException byName = Assert.Throws<ArgumentException>(() => CsvLoader.Load(path, new CsvOptions { TargetColumns = ["c"] }));
        ArgumentException both = Assert.Throws<ArgumentException>(() => CsvLoader.Load(path, new CsvOptions { HasHeader = true, FeatureColumns = ["a", "c"], TargetColumns = [2] }));
        ArgumentException twoLabels = Assert.Throws<ArgumentException>(() => CsvLoader.Load(path, new CsvOptions { TargetColumns = [1, 2], TargetKind = CsvTargetKind.ClassLabel }));
        ArgumentException twice = Assert.Throws<ArgumentException>(() =>
            CsvLoader.Load(path, new CsvOptions { TargetColumns = [2], TargetKind = CsvTargetKind.ClassLabel, ClassNames = ["x", "x"] }));
        ArgumentException notFeature = Assert.Throws<ArgumentException>(() =>
            CsvLoader.Load(path, new CsvOptions { HasHeader = true, FeatureColumns = ["a"], TargetColumns = ["c"], CategoricalFeatures = [new CategoricalFeature("b")] }));

        Assert.Contains("Column 'c' is chosen by name, but the options say the file has no header", byName.Message);
        Assert.Contains("Column 'c' is chosen both as a feature and as a target", both.Message);
        Assert.Contains("Class-label targets come from one column, but 2 are given", twoLabels.Message);
        Assert.Contains("The class names include 'x' twice", twice.Message);
        Assert.Contains("Column 'b' is declared categorical but is not a feature column", notFeature.Message);
    }

    private (string Path, DataFormatException Error) Fails(string name, string text, CsvOptions options)
    {
        string path = _files.WriteText(name, text);
        return (path, Assert.Throws<DataFormatException>(() => CsvLoader.Load(path, options)));
    }

    private static void AssertPlace(DataFormatException error, string path, int? line, int? column)
    {
        Assert.Equal(path, error.FilePath);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Null(error.ByteOffset);
        Assert.StartsWith($"{path}, line {line}{(column is null ? string.Empty : $", column {column}")}: ", error.Message);
    }
}
