using System;
using Discovery.Generator.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Discovery.Generator.Diagnostics;

/// <summary>
/// A diagnostic as plain equatable data: Roslyn's Diagnostic and Location do not compare by value, so the
/// pipeline carries these and builds the real diagnostic only when reporting.
/// </summary>
internal sealed record DiagnosticInfo(string Id, EquatableArray<string> Arguments, JsonLocation Location)
{
    public Diagnostic ToDiagnostic()
    {
        var descriptor = Array.Find(DiagnosticDescriptors.All, d => d.Id == Id) ?? DiagnosticDescriptors.InternalError;
        return Diagnostic.Create(descriptor, Location.ToLocation(), System.Linq.Enumerable.ToArray<object>(Arguments));
    }

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, JsonLocation location, params string[] arguments) =>
        new(descriptor.Id, new EquatableArray<string>(arguments), location);
}

/// <summary>A place in a JSON file: zero-based line and column (in characters) and the character span.</summary>
internal sealed record JsonLocation(string Path, int Start, int Length, int Line, int Column)
{
    public Location ToLocation()
    {
        var position = new LinePosition(Line, Column);
        return Microsoft.CodeAnalysis.Location.Create(Path, new TextSpan(Start, Math.Max(0, Length)), new LinePositionSpan(position, position));
    }
}
