using System;
using System.IO;
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
        Assert.Matches(@"^\.model\.ngm\.[0-9a-f]{32}\.tmp$", temporaryName);
        Assert.Equal("old", targetDuring);
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(["model.ngm"], _directory.Names());
    }

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
