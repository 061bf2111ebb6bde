using Microsoft.CodeAnalysis.CSharp;

namespace NetGen.Generator.Helpers;

/// <summary>Writes a name the user declared back as C#.</summary>
internal static class Identifiers
{
    /// <summary>
    /// <paramref name="name"/> as an identifier: prefixed with <c>@</c> where it is a keyword or a contextual keyword
    /// (<c>@class</c>, <c>@record</c>), which the user had to write that way and which is harmless everywhere else.
    /// </summary>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None
            ? "@" + name
            : name;
}
