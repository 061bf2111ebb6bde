using Microsoft.CodeAnalysis.CSharp;

namespace NetGen.Generator.Model;

/// <summary>
/// What the generated code needs from the project it is added to: the runtime's types and a C# version that
/// compiles it. Read once per compilation; immutable and structurally equal, so an edit that leaves both as
/// they were changes nothing downstream.
/// </summary>
internal readonly record struct ProjectSupport(bool RuntimeReferenced, LanguageVersion LanguageVersion)
{
    /// <summary>
    /// The oldest C# that compiles the generated code (target-typed <c>new()</c> is C# 9). Generated code is
    /// compiled at this version in the tests.
    /// </summary>
    public const LanguageVersion MinimumLanguageVersion = LanguageVersion.CSharp9;

    public bool LanguageVersionSupported => LanguageVersion >= MinimumLanguageVersion;

    /// <summary>Whether generated code would compile here; when not, one diagnostic says what to change instead.</summary>
    public bool CanGenerate => RuntimeReferenced && LanguageVersionSupported;
}
