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
        var descriptor = Id switch
        {
            "DISCO001" => DiagnosticDescriptors.MalformedJson,
            "DISCO002" => DiagnosticDescriptors.NotADiscoveryDocument,
            "DISCO003" => DiagnosticDescriptors.MissingReference,
            "DISCO004" => DiagnosticDescriptors.DuplicateName,
            "DISCO005" => DiagnosticDescriptors.UnknownType,
            "DISCO006" => DiagnosticDescriptors.WrongFieldType,
            "DISCO007" => DiagnosticDescriptors.MissingField,
            "DISCO008" => DiagnosticDescriptors.UnknownPathParameter,
            "DISCO010" => DiagnosticDescriptors.InvalidMetadata,
            _ => DiagnosticDescriptors.InternalError,
        };
        var args = new object[Arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return Diagnostic.Create(descriptor, Location.ToLocation(), args);
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
