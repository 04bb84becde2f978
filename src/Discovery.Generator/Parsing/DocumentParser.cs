using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using Discovery.Generator.Common;
using Discovery.Generator.Diagnostics;
using Discovery.Generator.Json;
using Discovery.Generator.Model;
using Discovery.Generator.Naming;

namespace Discovery.Generator.Parsing;

/// <summary>
/// Parser: a discovery document's JSON to the equatable model, with every C# name already chosen. It is
/// the only code that reads JSON; what it cannot make sense of becomes a diagnostic pointing into the file,
/// never an exception.
/// </summary>
internal sealed partial class DocumentParser
{
    private const string DiscoveryKind = "discovery#restDescription";

    private readonly DocumentInput _input;
    private readonly byte[] _utf8;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private LineMap? _lines;

    private DocumentParser(DocumentInput input, CancellationToken cancellationToken)
    {
        _input = input;
        _utf8 = Encoding.UTF8.GetBytes(input.Text);
        _cancellationToken = cancellationToken;
    }

    public static ParseResult Parse(DocumentInput input, CancellationToken cancellationToken)
    {
        var parser = new DocumentParser(input, cancellationToken);
        try
        {
            var units = parser.ParseDocument();
            return new ParseResult(units.ToEquatableArray(), parser._diagnostics.ToEquatableArray());
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A generator that throws takes the whole compilation down with a cryptic CS8785; a diagnostic
            // on the file says which document and why, and the other documents still generate.
            parser._diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, parser.Lines.Locate(0), ex.GetType().Name + ": " + ex.Message));
            return new ParseResult(EquatableArray<OutputUnit>.Empty, parser._diagnostics.ToEquatableArray());
        }
    }

    private LineMap Lines => _lines ??= new LineMap(_input.Path, _utf8);

    private List<OutputUnit> ParseDocument()
    {
        var units = new List<OutputUnit>();
        var duplicates = new List<(string Name, int Offset)>();
        JsonNode tree;
        try
        {
            tree = JsonTreeReader.Read(_utf8, duplicates);
        }
        catch (JsonException ex)
        {
            // Other JSON files (appsettings and the like) are none of our business unless named or marked as ours.
            if (_input.IsClaimed)
            {
                var location = Lines.LocateLine((int)(ex.LineNumber ?? 0), (int)(ex.BytePositionInLine ?? 0));
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MalformedJson, location, FirstSentence(ex.Message)));
            }

            return units;
        }

        if (tree is not JsonObjectNode root || root.Get("kind") is not JsonStringNode { Value: DiscoveryKind })
        {
            ReportNotADocument(tree);
            return units;
        }

        foreach (var (duplicate, offset) in duplicates)
        {
            Report(DiagnosticDescriptors.DuplicateName, offset, duplicate);
        }

        var name = RequiredString(root, "name", "the document");
        var version = RequiredString(root, "version", "the document");
        if (name is null || version is null)
        {
            return units;
        }

        var namespaceName = string.IsNullOrWhiteSpace(_input.Namespace) ? Identifier.Pascal(name) + "." + Identifier.Pascal(version) : _input.Namespace!.Trim();
        var clientName = string.IsNullOrWhiteSpace(_input.ClientName) ? Identifier.Pascal(name) + "Service" : _input.ClientName!.Trim();
        if (!Identifier.IsQualified(namespaceName) || !Identifier.IsValid(clientName))
        {
            // Metadata is typed by hand in the project file; a typo must not become pages of compiler errors.
            var bad = Identifier.IsQualified(namespaceName) ? "ClientName '" + clientName + "'" : "Namespace '" + namespaceName + "'";
            Report(DiagnosticDescriptors.InvalidMetadata, root.Offset, bad, System.IO.Path.GetFileName(_input.Path));
            return units;
        }

        // "dataWrapper" APIs (translate.v2) wrap bodies in {"data": ...} on the wire.
        var dataWrapper = Strings(root, "features").Contains("dataWrapper");
        var serviceType = TypeRef.InService(clientName);
        var hintPrefix = namespaceName + "." + clientName;

        var schemas = ParseSchemas(root);
        _cancellationToken.ThrowIfCancellationRequested();

        var serviceScope = new NameScope(MemberNames.ReservedOnService);
        serviceScope.Reserve(clientName);
        var scopes = ParseScopes(root, serviceScope);
        var namespaceScope = new NameScope(new[] { clientName });
        var resourceContext = new ResourceContext(ExtraGlobalParameters(Object(root, "parameters")), schemas);
        var resources = ParseResources(Object(root, "resources"), serviceScope, namespaceScope, TypeRef.InService, resourceContext);
        var serviceMethods = ParseMethods(Object(root, "methods"), serviceScope, serviceType, resourceContext);
        var schemaClasses = schemas.Classes;
        if (MethodSelection.From(_input.Methods, _input.ExcludeMethods) is { } selection)
        {
            (resources, serviceMethods, schemaClasses) = selection.Apply(resources, serviceMethods, schemaClasses);
            foreach (var (metadata, entry, suggestion) in selection.Unmatched())
            {
                Report(DiagnosticDescriptors.UnmatchedSelection, root.Offset, metadata, entry, System.IO.Path.GetFileName(_input.Path), suggestion is null ? string.Empty : "; did you mean '" + suggestion + "'?");
            }
        }

        var rootUrl = OptionalString(root, "rootUrl") ?? OptionalString(root, "baseUrl") ?? "https://www.googleapis.com/";
        var servicePath = OptionalString(root, "servicePath") ?? string.Empty;
        var resourceRefs = new List<ResourceRefModel>();
        foreach (var resource in resources)
        {
            resourceRefs.Add(new ResourceRefModel(resource.PropertyName, resource.Type, resource.Description, resource.Deprecated));
        }

        var service = new ServiceModel(
            serviceType,
            OptionalString(root, "title") ?? name,
            OptionalString(root, "description"),
            OptionalString(root, "documentationLink"),
            rootUrl,
            servicePath,
            resourceRefs.ToEquatableArray(),
            serviceMethods.ToEquatableArray(),
            OptionalString(root, "batchPath") is { } batchPath && !string.IsNullOrWhiteSpace(batchPath) ? batchPath : null,
            scopes);

        var context = new FileContext(namespaceName, System.IO.Path.GetFileName(_input.Path), dataWrapper, HasData: schemaClasses.Count > 0);
        var hints = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        units.Add(new ServiceUnit(UniqueHint(hints, hintPrefix), context, service));
        foreach (var resource in resources)
        {
            units.Add(new ResourceUnit(UniqueHint(hints, hintPrefix + ".Resources." + resource.Type.Name), context, resource));
        }

        foreach (var (key, group) in GroupSchemas(schemaClasses))
        {
            units.Add(new SchemaGroupUnit(UniqueHint(hints, hintPrefix + ".Data." + key), context, group));
        }

        return units;
    }

    /// <summary>
    /// A file that is not a discovery document is said to be one by its name or its metadata (an error: the user
    /// expects a client), or looks like one (a warning: an old or foreign format); any other file is not ours.
    /// </summary>
    private void ReportNotADocument(JsonNode tree)
    {
        var file = System.IO.Path.GetFileName(_input.Path);
        var kind = (tree as JsonObjectNode)?.Get("kind");
        var found = tree is not JsonObjectNode
            ? "it holds " + tree.KindName + ", not an object"
            : kind is JsonStringNode { Value: var value } ? "its top-level \"kind\" is " + Quoted(value) : kind is null ? "it has no top-level \"kind\"" : "its top-level \"kind\" is " + kind.KindName;
        var location = Lines.Locate(kind?.Offset ?? tree.Offset);
        if (_input.IsClaimed)
        {
            var claim = _input.IsNamedAsDiscovery ? "ends in .discovery.json" : "has " + string.Join(", ", ClaimingMetadata()) + " metadata";
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotADiscoveryDocument, location, file, claim, found));
        }
        else if (tree is JsonObjectNode root && root.Get("name") is not null && root.Get("version") is not null && (root.Get("resources") is JsonObjectNode || root.Get("schemas") is JsonObjectNode))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LooksLikeADocument, location, file, found));
        }
    }

    private IEnumerable<string> ClaimingMetadata()
    {
        var names = new[] { ("Namespace", _input.Namespace), ("ClientName", _input.ClientName), ("Methods", _input.Methods), ("ExcludeMethods", _input.ExcludeMethods) };
        return names.Where(n => n.Item2 is not null).Select(n => n.Item1);
    }

    /// <summary>A value quoted for a message, cut short: it comes from an unknown file.</summary>
    private static string Quoted(string value) => "\"" + (value.Length > 60 ? value.Substring(0, 60) + "..." : value) + "\"";

    private static IEnumerable<(string Key, EquatableArray<SchemaModel> Schemas)> GroupSchemas(List<SchemaModel> classes)
    {
        // One file per first letter: editing a schema regenerates one file, and two names that differ only
        // in case (HTTPSHealthCheck, HttpsHealthCheck) share a file instead of colliding on disk.
        var groups = new SortedDictionary<string, List<SchemaModel>>(StringComparer.Ordinal);
        foreach (var schema in classes)
        {
            var first = schema.Type.Name.TrimStart('_');
            var key = first.Length > 0 && char.IsLetter(first[0]) ? char.ToUpperInvariant(first[0]).ToString() : "_";
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = new List<SchemaModel>();
            }

            list.Add(schema);
        }

        foreach (var pair in groups)
        {
            yield return (pair.Key, pair.Value.ToEquatableArray());
        }
    }

    private static string UniqueHint(HashSet<string> taken, string hint)
    {
        // A hint becomes a file name when the project emits generated files; most file systems stop at 255 bytes.
        hint = Identifier.Shorten(hint, 180);
        var candidate = hint;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = hint + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate + ".g.cs";
    }

    private static string FirstSentence(string message)
    {
        var index = message.IndexOf(" Path:", StringComparison.Ordinal);
        return index > 0 ? message.Substring(0, index) : message;
    }
}
