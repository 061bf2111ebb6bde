using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using NetGen.Data;
using Xunit;

namespace NetGen.Runtime.Tests.Data;

public sealed class CsvLoaderTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Header_and_named_columns_give_numeric_features_and_targets()
    {
        string path = _files.WriteText("houses.csv", "area,id,rooms,price\n50.5,7,2,100\n80,8,3,-1.5e2\n");

        CsvData data = CsvLoader.Load(path, new CsvOptions { HasHeader = true, FeatureColumns = ["rooms", "area"], TargetColumns = ["price"] });

        Assert.Equal(2, data.Dataset.Count);
        Assert.Equal(2, data.Dataset.InputSize);
        Assert.Equal(1, data.Dataset.OutputSize);
        Assert.Equal([2f, 50.5f, 3f, 80f], data.Dataset.Features.ToArray());
        Assert.Equal([100f, -150f], data.Dataset.Targets.ToArray());
        Assert.Equal(["rooms", "area"], data.FeatureNames);
        Assert.Equal(["price"], data.TargetNames);
        Assert.Null(data.ClassNames);
        Assert.Empty(data.CategoricalFeatures);
    }

    [Fact]
    public void Without_a_header_every_column_but_the_targets_is_a_feature_in_file_order()
    {
        string path = _files.WriteText("plain.csv", "1,2,3,4\n5,6,7,8\n");

        CsvData data = CsvLoader.Load(path, new CsvOptions { TargetColumns = [1, 3] });

        Assert.Equal([1f, 3f, 5f, 7f], data.Dataset.Features.ToArray());
        Assert.Equal([2f, 4f, 6f, 8f], data.Dataset.Targets.ToArray());
        Assert.Equal(["column[0]", "column[2]"], data.FeatureNames);
        Assert.Equal(["column[1]", "column[3]"], data.TargetNames);
    }

    [Fact]
    public void String_class_labels_are_one_hot_over_the_ordinally_sorted_classes()
    {
        string path = _files.WriteText("animals.csv", "w,kind\n1,dog\n2,cat\n3,Zebra\n4,dog\n");

        CsvData data = CsvLoader.Load(path, new CsvOptions { HasHeader = true, TargetColumns = ["kind"], TargetKind = CsvTargetKind.ClassLabel });

        // Ordinal: upper case sorts before lower case.
        Assert.Equal(["Zebra", "cat", "dog"], data.ClassNames);
        Assert.Equal(data.ClassNames, data.TargetNames);
        Assert.Equal(
            [0f, 0f, 1f,
             0f, 1f, 0f,
             1f, 0f, 0f,
             0f, 0f, 1f],
            data.Dataset.Targets.ToArray());
    }

    [Fact]
    public void Integer_class_labels_are_sorted_by_value()
    {
        string path = _files.WriteText("digits.csv", "0.5,10\n0.25,2\n0.125,-1\n1,2\n");

        CsvData data = CsvLoader.Load(path, new CsvOptions { TargetColumns = [1], TargetKind = CsvTargetKind.ClassLabel });

        Assert.Equal(["-1", "2", "10"], data.ClassNames);
        Assert.Equal([0f, 0f, 1f, 0f, 1f, 0f, 1f, 0f, 0f, 0f, 1f, 0f], data.Dataset.Targets.ToArray());
    }

    [Fact]
    public void Given_class_names_fix_the_one_hot_order_even_for_classes_the_file_lacks()
    {
        string path = _files.WriteText("given.csv", "1,b\n2,a\n");

        CsvData data = CsvLoader.Load(path, new CsvOptions { TargetColumns = [1], TargetKind = CsvTargetKind.ClassLabel, ClassNames = ["c", "b", "a"] });

        Assert.Equal(["c", "b", "a"], data.ClassNames);
        Assert.Equal([0f, 1f, 0f, 0f, 0f, 1f], data.Dataset.Targets.ToArray());
    }

    [Fact]
    public void Categorical_features_are_one_hot_in_place_with_ordinally_sorted_categories()
    {
        string path = _files.WriteText("cars.csv", "size,colour,doors,price\n1.5,red,3,10\n2,blue,5,20\n2.5,green,5,30\n3,blue,3,40\n");

        CsvData data = CsvLoader.Load(path, new CsvOptions
        {
            HasHeader = true,
            TargetColumns = ["price"],
            CategoricalFeatures = [new CategoricalFeature("colour"), new CategoricalFeature(2)],
        });

        Assert.Equal(["size", "colour=blue", "colour=green", "colour=red", "doors=3", "doors=5"], data.FeatureNames);
        Assert.Equal(6, data.Dataset.InputSize);
        Assert.Equal(
            [1.5f, 0f, 0f, 1f, 1f, 0f,
             2.0f, 1f, 0f, 0f, 0f, 1f,
             2.5f, 0f, 1f, 0f, 0f, 1f,
             3.0f, 1f, 0f, 0f, 1f, 0f],
            data.Dataset.Features.ToArray());
        Assert.Equal(2, data.CategoricalFeatures.Count);
        Assert.Equal(CsvColumn.Named("colour"), data.CategoricalFeatures[0].Column);
        Assert.Equal(["blue", "green", "red"], data.CategoricalFeatures[0].Categories);
        Assert.Equal(CsvColumn.At(2), data.CategoricalFeatures[1].Column);
        Assert.Equal(["3", "5"], data.CategoricalFeatures[1].Categories);
    }

    [Fact]
    public void The_same_encoding_applies_to_another_file_with_fewer_categories_and_classes()
    {
        string train = _files.WriteText("train.csv", "colour,label\nred,yes\nblue,no\ngreen,maybe\n");
        string test = _files.WriteText("test.csv", "colour,label\ngreen,no\ngreen,no\n");
        var options = new CsvOptions
        {
            HasHeader = true,
            TargetColumns = ["label"],
            TargetKind = CsvTargetKind.ClassLabel,
            CategoricalFeatures = [new CategoricalFeature("colour")],
        };

        CsvData trained = CsvLoader.Load(train, options);
        CsvData alone = CsvLoader.Load(test, options);
        CsvData encoded = CsvLoader.Load(test, trained.SameEncoding(options));

        Assert.Equal(["maybe", "no", "yes"], trained.ClassNames);
        Assert.Equal(1, alone.Dataset.InputSize);
        Assert.Equal(["colour=blue", "colour=green", "colour=red"], encoded.FeatureNames);
        Assert.Equal([0f, 1f, 0f, 0f, 1f, 0f], encoded.Dataset.Features.ToArray());
        Assert.Equal(["maybe", "no", "yes"], encoded.ClassNames);
        Assert.Equal([0f, 1f, 0f, 0f, 1f, 0f], encoded.Dataset.Targets.ToArray());
    }

    [Fact]
    public void Whitespace_separated_fields_split_on_runs_of_spaces_and_tabs()
    {
        string path = _files.WriteText("diabetes.txt", "  59 2\t 32.1   101.0\n48\t\t1 21.6 87\t\n");

        CsvData data = CsvLoader.Load(path, new CsvOptions { WhitespaceSeparated = true, TargetColumns = [3] });

        Assert.Equal([59f, 2f, 32.1f, 48f, 1f, 21.6f], data.Dataset.Features.ToArray());
        Assert.Equal([101f, 87f], data.Dataset.Targets.ToArray());
    }

    [Fact]
    public void Numbers_are_parsed_culture_invariantly_whatever_the_current_culture()
    {
        string path = _files.WriteText("semicolons.csv", "x;y;z\n1.5; -2.25e-1 ;1E3\n");
        CultureInfo before = Thread.CurrentThread.CurrentCulture;
        CsvData data;
        try
        {
            Thread.CurrentThread.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            data = CsvLoader.Load(path, new CsvOptions { Delimiter = ';', HasHeader = true, TargetColumns = ["z"] });
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = before;
        }

        Assert.Equal([1.5f, -0.225f], data.Dataset.Features.ToArray());
        Assert.Equal([1000f], data.Dataset.Targets.ToArray());
    }

    [Fact]
    public void Quoted_fields_may_hold_the_delimiter_and_doubled_quotes()
    {
        string path = _files.WriteText("quoted.csv", "\"size, cm\",\"name\",kind\n 1.5 ,\"Smith, \"\"Jr\"\"\" ,a\n2,plain,\"b\"\n");

        CsvData data = CsvLoader.Load(path, new CsvOptions
        {
            HasHeader = true,
            TargetColumns = ["kind"],
            TargetKind = CsvTargetKind.ClassLabel,
            CategoricalFeatures = [new CategoricalFeature("name")],
        });

        Assert.Equal(["size, cm", "name=Smith, \"Jr\"", "name=plain"], data.FeatureNames);
        Assert.Equal([1.5f, 1f, 0f, 2f, 0f, 1f], data.Dataset.Features.ToArray());
        Assert.Equal(["a", "b"], data.ClassNames);
    }

    [Fact]
    public void Skipped_lines_blank_lines_crlf_a_byte_order_mark_and_a_missing_final_line_break_are_handled()
    {
        string path = Path.Combine(_files.Folder, "messy.csv");
        File.WriteAllText(path, "2 rows, made up\r\n\r\na,b\r\n1,2\r\n   \r\n3,4", new UTF8Encoding(true));

        CsvData data = CsvLoader.Load(path, new CsvOptions { SkipLines = 1, HasHeader = true, TargetColumns = ["b"] });

        Assert.Equal([1f, 3f], data.Dataset.Features.ToArray());
        Assert.Equal([2f, 4f], data.Dataset.Targets.ToArray());
        Assert.Equal(["a"], data.FeatureNames);
    }

    [Fact]
    public void Gzip_files_load_like_their_plain_text_whatever_their_name()
    {
        const string text = "a,b,label\n1,2,x\n3,4,y\n";
        var options = new CsvOptions { HasHeader = true, TargetColumns = ["label"], TargetKind = CsvTargetKind.ClassLabel };

        CsvData plain = CsvLoader.Load(_files.WriteText("data.csv", text), options);
        CsvData zipped = CsvLoader.Load(_files.WriteText("data.csv.gz", text), options);
        string misnamed = _files.WriteBytes("zipped.csv", TestFiles.Gzip(Encoding.UTF8.GetBytes(text)));
        CsvData sniffed = CsvLoader.Load(misnamed, options);

        Assert.Equal(plain.Dataset.Features.ToArray(), zipped.Dataset.Features.ToArray());
        Assert.Equal(plain.Dataset.Targets.ToArray(), zipped.Dataset.Targets.ToArray());
        Assert.Equal(plain.Dataset.Features.ToArray(), sniffed.Dataset.Features.ToArray());
        Assert.Equal(["x", "y"], zipped.ClassNames);
        Assert.Equal([1f, 2f, 3f, 4f], zipped.Dataset.Features.ToArray());
    }

    [Fact]
    public void A_text_reader_can_be_loaded_under_a_given_name()
    {
        using var reader = new StringReader("1,2\n3,4\n");

        CsvData data = CsvLoader.Load(reader, new CsvOptions { TargetColumns = [0] }, "inline");

        Assert.Equal([2f, 4f], data.Dataset.Features.ToArray());
        Assert.Equal([1f, 3f], data.Dataset.Targets.ToArray());
    }

    [Fact]
    public void Lines_longer_than_the_read_buffer_are_read_whole_and_keep_their_line_numbers()
    {
        string longRow = string.Join(",", Enumerable.Repeat("1", 40_000));
        string wide = _files.WriteText("wide.csv", longRow + "\n" + longRow + "\n");
        string broken = _files.WriteText("broken.csv", longRow + "\r\n" + longRow + "\r\n" + longRow[..^1] + "x\r\n");

        CsvData data = CsvLoader.Load(wide, new CsvOptions { TargetColumns = [0] });
        DataFormatException error = Assert.Throws<DataFormatException>(() => CsvLoader.Load(broken, new CsvOptions { TargetColumns = [0] }));

        Assert.Equal(2, data.Dataset.Count);
        Assert.Equal(39_999, data.Dataset.InputSize);
        Assert.Equal(3, error.Line);
        Assert.Equal(40_000, error.Column);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void Line_breaks_split_across_reads_count_once(int charactersPerRead)
    {
        // A reader handing out a few characters at a time splits every "\r\n" across two reads somewhere.
        using var reader = new TrickleReader("a,b\r\n1,2\r\n\r\n3,4\n5,6\r7,x\r\n", charactersPerRead);

        DataFormatException error = Assert.Throws<DataFormatException>(() =>
            CsvLoader.Load(reader, new CsvOptions { HasHeader = true, TargetColumns = ["a"] }, "trickle"));

        Assert.Equal("trickle", error.FilePath);
        Assert.Equal(6, error.Line);
        Assert.Equal(2, error.Column);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Rows_read_a_few_characters_at_a_time_load_whole(int charactersPerRead)
    {
        using var reader = new TrickleReader("a,b\r\n1,2\r\n\r\n3,4\n5,6\r7,8", charactersPerRead);

        CsvData data = CsvLoader.Load(reader, new CsvOptions { HasHeader = true, TargetColumns = ["a"] });

        Assert.Equal([2f, 4f, 6f, 8f], data.Dataset.Features.ToArray());
        Assert.Equal([1f, 3f, 5f, 7f], data.Dataset.Targets.ToArray());
    }

    [Fact]
    public void Old_style_cr_line_ends_count_as_lines()
    {
        string path = _files.WriteText("mac.csv", "1,2\r3,4\r5,?\r");

        DataFormatException error = Assert.Throws<DataFormatException>(() => CsvLoader.Load(path, new CsvOptions { TargetColumns = [1] }));

        Assert.Equal(3, error.Line);
        Assert.Equal(2, error.Column);
    }

    [Fact]
    public void Loading_numeric_cells_allocates_no_string_per_cell()
    {
        const int rows = 20_000, columns = 8;
        var text = new StringBuilder();
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{(r * 0.5) + c}").Append(c + 1 < columns ? ',' : '\n');
            }
        }

        string content = text.ToString();
        var options = new CsvOptions { TargetColumns = [7] };
        CsvLoader.Load(new StringReader("1,2,3,4,5,6,7,8\n"), options);

        long before = GC.GetAllocatedBytesForCurrentThread();
        CsvData data = CsvLoader.Load(new StringReader(content), options);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The result is 640,000 bytes; the chunks the values are collected in, the line buffer and the bookkeeping
        // stay within three times that, while a string per cell alone would take over 160,000 × 28 bytes = 4.5 MB.
        long result = (long)rows * columns * sizeof(float);
        Assert.Equal(rows, data.Dataset.Count);
        Assert.Equal(9999.5f + 6, data.Dataset.FeaturesOf(rows - 1)[6]);
        Assert.InRange(allocated, result, 3 * result);
    }

    /// <summary>Hands out its text at most a few characters per read, as a network stream might.</summary>
    private sealed class TrickleReader(string text, int charactersPerRead) : TextReader
    {
        private int _position;

        public override int Read(char[] buffer, int index, int count)
        {
            int n = Math.Min(Math.Min(count, charactersPerRead), text.Length - _position);
            text.CopyTo(_position, buffer, index, n);
            _position += n;
            return n;
        }
    }
}
