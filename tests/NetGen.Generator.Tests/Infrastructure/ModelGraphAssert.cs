using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>
/// Walks every value the pipeline steps produced, through records, arrays and <c>EquatableArray</c>s, and
/// rejects anything that would root a compilation in the generator's cache or defeat its equality checks.
/// The diagnostics branch (the parsed declaration, its validation and the diagnostics) may hold source
/// <see cref="Location"/>s, which the compiler needs to apply pragmas and suppressions; the models the source
/// output depends on may not.
/// </summary>
internal static class ModelGraphAssert
{
    // ISymbol, SyntaxNode and Compilation keep whole compilations alive; the others are what STYLE.md
    // also keeps out of models, because they compare by identity or hold a syntax tree.
    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(SyntaxNode), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxTree), typeof(Location), typeof(Diagnostic),
    };

    // Steps whose outputs feed diagnostics and may hold a Location; everything else is the source branch.
    private static readonly string[] DiagnosticsBranch =
    {
        TrackingNames.Parse, TrackingNames.ParseOnnx, TrackingNames.Resolve, TrackingNames.Validate, TrackingNames.Diagnostics, TrackingNames.LayersWithoutNetwork,
    };

    public static void HoldsNoCompilationObjects(GeneratorRun run)
    {
        foreach (string name in TrackingNames.All)
        {
            if (!run.Generator.TrackedSteps.TryGetValue(name, out var steps))
            {
                continue;
            }

            foreach (IncrementalGeneratorRunStep step in steps)
            {
                foreach ((object value, IncrementalStepRunReason _) in step.Outputs)
                {
                    Visit(value, name, DiagnosticsBranch.Contains(name), new HashSet<object>(ReferenceEqualityComparer.Instance), depth: 0);
                }
            }
        }
    }

    private static void Visit(object? node, string path, bool allowLocations, HashSet<object> visited, int depth)
    {
        if (node is null)
        {
            return;
        }

        Type type = node.GetType();
        if (allowLocations && node is Location location)
        {
            Assert.True(location.IsInSource, $"The diagnostics model holds a location outside the source at {path}.");
            return;
        }

        foreach (Type forbidden in Forbidden)
        {
            Assert.False(forbidden.IsAssignableFrom(type), $"The pipeline model holds a {forbidden.Name} ({type.FullName}) at {path}.");
        }

        // Delegates and reflection objects are not model data; walking them would wander through the runtime.
        if (type.IsPrimitive || type.IsEnum || node is string or decimal or Delegate or MemberInfo || (!type.IsValueType && !visited.Add(node)))
        {
            return;
        }

        Assert.True(depth < 64, $"The pipeline model is nested too deeply at {path}.");
        if (node is IEnumerable items)
        {
            int index = 0;
            foreach (object? item in items)
            {
                Visit(item, $"{path}[{index++}]", allowLocations, visited, depth + 1);
            }

            return;
        }

        foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Visit(field.GetValue(node), path + "." + field.Name, allowLocations, visited, depth + 1);
        }
    }
}
