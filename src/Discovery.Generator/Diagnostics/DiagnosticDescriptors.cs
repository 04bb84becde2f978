using Microsoft.CodeAnalysis;

namespace Discovery.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports; the IDs are tracked in AnalyzerReleases.*.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Discovery";

    public static readonly DiagnosticDescriptor MalformedJson = Create("DISCO001", "Malformed JSON in a discovery document", "The discovery document is not valid JSON: {0}", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor NotADiscoveryDocument = Create("DISCO002", "Not a discovery document", "'{0}' {1}, but {2}; only a document whose top-level \"kind\" is \"discovery#restDescription\" is generated, so nothing is generated for it", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor MissingReference = Create("DISCO003", "Unknown schema reference", "'$ref' names schema '{0}', which the document does not define; the value is typed as untyped JSON", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor DuplicateName = Create("DISCO004", "Duplicate name", "The name '{0}' appears twice in the same JSON object; the last value is used, as JSON parsers do", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor UnknownType = Create("DISCO005", "Unknown schema type", "Unknown type '{0}'; the value is typed as untyped JSON", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor WrongFieldType = Create("DISCO006", "Field has the wrong JSON type", "'{0}' must be {1} but is {2}; the field is ignored", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor MissingField = Create("DISCO007", "Required field missing", "{0} has no '{1}'; {2}", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnknownPathParameter = Create("DISCO008", "Path names an undeclared parameter", "The path of method '{0}' names '{1}', which is not one of its parameters; the method is skipped", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor InternalError = Create("DISCO009", "Generator failure", "The generator failed on this document and generated nothing for it: {0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidMetadata = Create("DISCO010", "Invalid item metadata", "{0} on '{1}' is not a valid C# name, or starts with \"__\", which generated code keeps for itself; nothing is generated for this document", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnmatchedSelection = Create("DISCO011", "Methods entry matches nothing", "The {0} entry '{1}' matches no method or resource of '{2}' and is ignored{3}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor LooksLikeADocument = Create("DISCO012", "Looks like a discovery document but is not one", "'{0}' has a discovery document's name, version and resources or schemas, but {1}; only a document whose top-level \"kind\" is \"discovery#restDescription\" is generated, so nothing is generated for it", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor[] All = { MalformedJson, NotADiscoveryDocument, MissingReference, DuplicateName, UnknownType, WrongFieldType, MissingField, UnknownPathParameter, InternalError, InvalidMetadata, UnmatchedSelection, LooksLikeADocument };

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: null);
}
