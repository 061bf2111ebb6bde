using System;
using System.IO;
using System.Linq;
using NetGen.Serialization;
using Xunit;

namespace NetGen.Runtime.Tests.Serialization;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_save_that_fails_halfway_leaves_the_previous_file_intact_and_no_temporary_file()
    {
        string path = _directory.File("model.ngm");
        ModelFile.Save(path, new IrisNet(seed: 1));
        byte[] previous = File.ReadAllBytes(path);
        byte[] replacement = ModelFile.Serialize(new IrisNet(seed: 2));
        Stream? written = null;

        IOException error = Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            written = stream;
            using var failing = new FailingStream(stream, failAfter: replacement.Length / 2);
            failing.Write(replacement);
        }));

        Assert.Equal($"Simulated failure after {replacement.Length / 2} bytes.", error.Message);
        Assert.IsType<FileStream>(written);
        Assert.Equal(previous, File.ReadAllBytes(path));
        Assert.Equal(["model.ngm"], _directory.Names());
        var loaded = new IrisNet(seed: 3);
        ModelFile.Load(path, loaded);
        Assert.Equal(new IrisNet(seed: 1).Parameters.ToArray(), loaded.Parameters.ToArray());
    }

    [Fact]
    public void The_content_goes_to_a_temporary_file_beside_the_target_until_it_is_complete()
    {
        string path = _directory.File("model.ngm");
        File.WriteAllText(path, "old");
        string[] during = [];
        string? temporaryName = null, targetDuring = null;

        AtomicFile.Write(path, stream =>
        {
            stream.Write("new"u8);
            during = _directory.Names();
            targetDuring = File.ReadAllText(path);
            temporaryName = Path.GetFileName(((FileStream)stream).Name);
        });

        Assert.Equal(2, during.Length);
        Assert.Contains("model.ngm", during);
        Assert.Contains(temporaryName, during);
        Assert.Matches(@"^\.model\.ngm\.[A-Za-z0-9-]+\." + Environment.ProcessId + @"\.[0-9a-f]{32}\.tmp$", temporaryName);
        Assert.Equal("old", targetDuring);
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(["model.ngm"], _directory.Names());
    }

    [Fact]
    public void The_next_save_of_a_path_removes_the_temporary_files_crashed_saves_left_behind()
    {
        string path = _directory.File("model.ngm");
        string machine = MachineToken();
        string deadProcess = $".model.ngm.{machine}.{int.MaxValue}.{Guid.NewGuid():N}.tmp";
        string thisProcessIdle = $".model.ngm.{machine}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        string otherMachine = $".model.ngm.{machine}x.{int.MaxValue}.{Guid.NewGuid():N}.tmp";
        string otherTarget = $".model.ngm.bak.{machine}.{int.MaxValue}.{Guid.NewGuid():N}.tmp";
        string notOurs = ".model.ngm.notes.tmp";
        foreach (string name in new[] { deadProcess, thisProcessIdle, otherMachine, otherTarget, notOurs })
        {
            File.WriteAllText(_directory.File(name), "partial");
        }

        ModelFile.Save(path, new TinyNet());

        // No process has the id int.MaxValue (Linux caps ids far lower; Windows ids are multiples of 4), and no save
        // of this process owns the other name: both are a crash's leftovers. The rest belong to another machine,
        // another target, or no save at all.
        Assert.Equal(
            new[] { ".model.ngm.notes.tmp", otherMachine, otherTarget, "model.ngm" }.Order(StringComparer.Ordinal),
            _directory.Names().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Saves_of_one_path_running_at_the_same_time_keep_each_others_temporary_files()
    {
        string path = _directory.File("model.ngm");
        byte[] outer = ModelFile.Serialize(new IrisNet(seed: 1));
        string[] duringInner = [];

        AtomicFile.Write(path, stream =>
        {
            stream.Write(outer.AsSpan(0, 10));

            // A second save of the same path while this one is half written: it must leave this one's file alone.
            ModelFile.Save(path, new IrisNet(seed: 2));
            duringInner = _directory.Names();
            stream.Write(outer.AsSpan(10));
        });

        Assert.Equal(2, duringInner.Length);
        Assert.Equal(outer, File.ReadAllBytes(path));
        Assert.Equal(["model.ngm"], _directory.Names());
    }

    /// <summary>The machine part of a temporary file's name, as the library derives it.</summary>
    private static string MachineToken() =>
        string.Concat(Environment.MachineName.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-'));

    [Fact]
    public void A_save_whose_final_move_fails_removes_its_temporary_file()
    {
        string path = _directory.File("taken");
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "inside.txt"), "kept");

        Assert.ThrowsAny<IOException>(() => ModelFile.Save(path, new TinyNet()));

        Assert.Equal(["taken"], _directory.Names());
        Assert.Equal("kept", File.ReadAllText(Path.Combine(path, "inside.txt")));
    }

    [Fact]
    public void A_safetensors_save_replaces_an_existing_file_whole()
    {
        string path = _directory.File("model.safetensors");
        File.WriteAllBytes(path, new byte[100_000]);

        SafeTensors.Save(path, new TinyNet());

        Assert.Equal(SafeTensors.Serialize(new TinyNet()), File.ReadAllBytes(path));
        Assert.Equal(["model.safetensors"], _directory.Names());
    }

    /// <summary>Passes writes through until <c>failAfter</c> bytes, then throws as a full disk or a yanked drive would.</summary>
    private sealed class FailingStream(Stream inner, int failAfter) : Stream
    {
        private int _written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _written; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            int allowed = Math.Min(buffer.Length, failAfter - _written);
            inner.Write(buffer[..allowed]);
            _written += allowed;
            if (allowed < buffer.Length)
            {
                inner.Flush();
                throw new IOException($"Simulated failure after {_written} bytes.");
            }
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
