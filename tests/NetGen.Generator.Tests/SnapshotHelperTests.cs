using System;
using System.IO;
using NetGen.Generator.Tests.Infrastructure;
using Xunit;
using Xunit.Sdk;

namespace NetGen.Generator.Tests;

/// <summary>The snapshot helper itself, on a scratch directory: it must fail on every kind of difference, and accept only when asked.</summary>
public sealed class SnapshotHelperTests : IDisposable
{
    private const string Name = "SomeTests.Some_test";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "netgen-snapshots-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Passes_and_removes_a_stale_received_file_when_the_snapshot_matches()
    {
        Write("#Net.g.cs.verified.cs", "line 1\nline 2\n");
        Write("#Net.g.cs.received.cs", "old attempt\n");

        Store(accept: false).Verify(Name, new[] { new SnapshotFile("#Net.g.cs.verified.cs", "line 1\nline 2\n") });

        Assert.False(File.Exists(PathOf("#Net.g.cs.received.cs")));
    }

    [Fact]
    public void Fails_with_a_diff_naming_both_files_and_writes_the_received_file_when_the_snapshot_differs()
    {
        Write("#Net.g.cs.verified.cs", "a\nb\nc\nd\ne\nf\ng\nh\n");

        var failure = Assert.Throws<FailException>(() =>
            Store(accept: false).Verify(Name, new[] { new SnapshotFile("#Net.g.cs.verified.cs", "a\nb\nc\nd\nE\nf\ng\nh\n") }));

        Assert.Contains("--- " + PathOf("#Net.g.cs.verified.cs") + "\n+++ " + PathOf("#Net.g.cs.received.cs") + "\n", failure.Message);
        Assert.Contains("@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n", failure.Message);
        Assert.Equal("a\nb\nc\nd\nE\nf\ng\nh\n", File.ReadAllText(PathOf("#Net.g.cs.received.cs")));
        Assert.Equal("a\nb\nc\nd\ne\nf\ng\nh\n", File.ReadAllText(PathOf("#Net.g.cs.verified.cs")));
    }

    [Fact]
    public void Fails_and_writes_the_received_file_when_the_verified_file_is_missing()
    {
        var failure = Assert.Throws<FailException>(() =>
            Store(accept: false).Verify(Name, new[] { new SnapshotFile(".verified.txt", "NG0001 Error message\n") }));

        Assert.Contains(PathOf(".verified.txt") + "\n  does not exist", failure.Message);
        Assert.True(File.Exists(PathOf(".received.txt")));
    }

    [Fact]
    public void Fails_on_a_verified_file_the_test_no_longer_produces()
    {
        Write("#Net.g.cs.verified.cs", "x\n");
        Write("#Gone.g.cs.verified.cs", "y\n");
        Write(".verified.txt", "z\n");

        var failure = Assert.Throws<FailException>(() =>
            Store(accept: false).Verify(Name, new[] { new SnapshotFile("#Net.g.cs.verified.cs", "x\n") }));

        Assert.Contains(PathOf("#Gone.g.cs.verified.cs") + "\n  is verified but the test no longer produces it", failure.Message);
        Assert.Contains(PathOf(".verified.txt") + "\n  is verified but the test no longer produces it", failure.Message);
        Assert.True(File.Exists(PathOf("#Gone.g.cs.verified.cs")));
    }

    // A test whose name starts with another test's name must not see that test's files as its own.
    [Fact]
    public void Leaves_the_snapshots_of_a_test_with_a_longer_name_alone()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, Name + "_too#Net.g.cs.verified.cs"), "other\n");
        File.WriteAllText(Path.Combine(_directory, Name + "_too.verified.txt"), "other\n");

        Store(accept: false).Verify(Name, Array.Empty<SnapshotFile>());
    }

    [Fact]
    public void Accepting_writes_the_verified_files_and_deletes_orphans_and_received_files()
    {
        Write("#Net.g.cs.verified.cs", "old\n");
        Write("#Net.g.cs.received.cs", "old attempt\n");
        Write("#Gone.g.cs.verified.cs", "y\n");

        Store(accept: true).Verify(Name, new[] { new SnapshotFile("#Net.g.cs.verified.cs", "new\n"), new SnapshotFile(".verified.txt", "diagnostics\n") });

        Assert.Equal("new\n", File.ReadAllText(PathOf("#Net.g.cs.verified.cs")));
        Assert.Equal("diagnostics\n", File.ReadAllText(PathOf(".verified.txt")));
        Assert.False(File.Exists(PathOf("#Gone.g.cs.verified.cs")));
        Assert.False(File.Exists(PathOf("#Net.g.cs.received.cs")));
    }

    [Theory]
    [InlineData("1", null, true)]
    [InlineData("1", "false", true)]
    [InlineData("1", "true", false)]
    [InlineData("1", "TRUE", false)]
    [InlineData(null, null, false)]
    [InlineData("0", null, false)]
    public void Accepts_only_when_asked_and_never_on_ci(string? accept, string? ci, bool expected) =>
        Assert.Equal(expected, SnapshotStore.ShouldAccept(accept, ci));

    [Fact]
    public void Reads_verified_files_with_windows_line_endings_as_equal()
    {
        Write("#Net.g.cs.verified.cs", "line 1\r\nline 2\r\n");

        Store(accept: false).Verify(Name, new[] { new SnapshotFile("#Net.g.cs.verified.cs", "line 1\nline 2\n") });
    }

    [Fact]
    public void Scrubs_the_generator_version_and_normalizes_line_endings()
    {
        string scrubbed = Snapshot.Scrub("[global::System.CodeDom.Compiler.GeneratedCode(\"NetGen\", \"1.2.3.4\")]\r\npartial class Net\r\n");

        Assert.Equal("[global::System.CodeDom.Compiler.GeneratedCode(\"NetGen\", \"" + Snapshot.VersionPlaceholder + "\")]\npartial class Net\n", scrubbed);
    }

    private SnapshotStore Store(bool accept) => new(_directory, accept);

    private string PathOf(string suffix) => Path.Combine(_directory, Name + suffix);

    private void Write(string suffix, string text)
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(PathOf(suffix), text);
    }
}
