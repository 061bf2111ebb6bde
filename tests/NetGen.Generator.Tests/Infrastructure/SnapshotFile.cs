namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>One snapshot a test produced: the file-name suffix after <c>{TestClass}.{TestMethod}</c> and the text.</summary>
/// <param name="Suffix">For example <c>#Net.g.cs.verified.cs</c> or <c>.verified.txt</c>.</param>
/// <param name="Text">The scrubbed text with <c>\n</c> line endings.</param>
internal sealed record SnapshotFile(string Suffix, string Text);
