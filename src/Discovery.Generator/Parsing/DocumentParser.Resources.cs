using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Discovery.Generator.Common;
using Discovery.Generator.Diagnostics;
using Discovery.Generator.Json;
using Discovery.Generator.Model;
using Discovery.Generator.Naming;

namespace Discovery.Generator.Parsing;

/// <summary>Resources, methods and parameters.</summary>
internal sealed partial class DocumentParser
{
    private List<ResourceModel> ParseResources(JsonObjectNode? node, NameScope parentScope, NameScope classScope, Func<string, TypeRef> place, ResourceContext context)
    {
        var models = new List<ResourceModel>();
        foreach (var (wire, property, resourceNode) in ClaimMembers(node, "a resource object", parentScope))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var type = place(classScope.Claim(property + "Resource"));
            var scope = new NameScope(MemberNames.ReservedOnEveryClass);
            scope.Reserve(type.Name);
            var subResources = ParseResources(Object(resourceNode, "resources"), scope, scope, type.Nested, context);
            var methods = ParseMethods(Object(resourceNode, "methods"), scope, type, context);
            models.Add(new ResourceModel(wire, type, property, OptionalString(resourceNode, "description"), Flag(resourceNode, "deprecated"), methods.ToEquatableArray(), subResources.ToEquatableArray()));
        }

        return models;
    }

    private List<MethodModel> ParseMethods(JsonObjectNode? node, NameScope scope, TypeRef owner, ResourceContext context)
    {
        var models = new List<MethodModel>();
        foreach (var (wire, name, methodNode) in ClaimMembers(node, "a method object", scope))
        {
            var method = ParseMethod(wire, name, owner.Nested(scope.Claim(name + "Request")), methodNode, context);
            if (method is not null)
            {
                models.Add(method);
            }
        }

        return models;
    }

    private MethodModel? ParseMethod(string wire, string name, TypeRef request, JsonObjectNode node, ResourceContext context)
    {
        var id = OptionalString(node, "id") ?? wire;
        var httpMethod = RequiredString(node, "httpMethod", "method '" + id + "'");
        var path = RequiredString(node, "path", "method '" + id + "'");
        if (httpMethod is null || path is null)
        {
            return null;
        }

        var scope = new NameScope(MemberNames.ReservedOnRequest);
        scope.Reserve(request.Name);
        var host = new TypeHost(scope, request.Nested, new List<SchemaModel>());
        var arguments = new NameScope(new[] { MemberNames.ServiceArgument });

        var requestNode = Object(node, "request");
        var bodyType = requestNode is null ? null : ResolveType(requestNode, host, "Body", context.Schemas);
        var body = bodyType is null ? null : new BodyModel(bodyType, scope.Claim("Body"), arguments.Claim("body"));
        var responseNode = Object(node, "response");
        var response = responseNode is null ? null : ResolveType(responseNode, host, "Response", context.Schemas);

        // Claimed even when the upload turns out unusable, so that the other arguments keep their names.
        var mediaArgument = Flag(node, "supportsMediaUpload") ? arguments.Claim("mediaBody") : null;

        // The document's non-standard global parameters are claimed first, so a method parameter of the same
        // name is the one that gets the suffix; only the method's own parameters can appear in its path.
        var globals = ParseParameters(context.ExtraGlobals, scope, argumentScope: null, parameterOrder: null);
        var parameters = ParseParameters(Object(node, "parameters"), scope, arguments, Strings(node, "parameterOrder"));

        var pathParts = ParsePath(path, parameters, id, node.Get("path")!.Offset);
        if (pathParts is null)
        {
            return null;
        }

        // Without a usable upload path the method is still generated, without media overloads (DISCO007 says so).
        var upload = mediaArgument is null ? null : ParseUpload(mediaArgument, Object(node, "mediaUpload"), parameters, id, node);

        return new MethodModel(
            id,
            wire,
            name,
            request,
            httpMethod.ToUpperInvariant(),
            pathParts.ToEquatableArray(),
            OptionalString(node, "description"),
            Flag(node, "deprecated"),
            body,
            response,
            globals.Concat(parameters).ToEquatableArray(),
            upload,
            Flag(node, "supportsMediaDownload"),
            FindPaging(parameters, response, context.Schemas),
            host.Nested.ToEquatableArray());
    }

    private UploadModel? ParseUpload(string argumentName, JsonObjectNode? media, List<ParameterModel> parameters, string id, JsonObjectNode methodNode)
    {
        var protocols = media is null ? null : Object(media, "protocols");
        var simple = protocols is null ? null : Object(protocols, "simple");
        var simplePath = simple is null ? null : OptionalString(simple, "path");
        var resumable = protocols is null ? null : Object(protocols, "resumable");
        var resumablePath = resumable is null ? null : OptionalString(resumable, "path");

        // Either protocol is a valid upload; a method with only the resumable one uploads on its path.
        var (path, pathNode) = simplePath is not null ? (simplePath, simple!) : (resumablePath, resumable);
        if (media is null || path is null)
        {
            Report(DiagnosticDescriptors.MissingField, (media ?? methodNode).Offset, "method '" + id + "'", "mediaUpload.protocols.simple.path or mediaUpload.protocols.resumable.path", "the method is generated without media upload");
            return null;
        }

        var parts = ParsePath(path, parameters, id, pathNode!.Get("path")!.Offset);
        if (parts is null)
        {
            return null;
        }

        var accept = Strings(media, "accept");
        var maxSize = media.Get("maxSize") is { } sizeNode and not JsonNullNode ? ParseSize(sizeNode) : null;
        return new UploadModel(argumentName, parts.ToEquatableArray(), accept.Count == 0 ? null : string.Join(",", accept), maxSize, resumable is not null, simplePath is not null);
    }

    private long? ParseSize(JsonNode node)
    {
        // Sizes are bytes (10737418240, as a number or a string) or a number with a binary unit ("1GB", as analytics.v3 writes it).
        var text = node switch { JsonStringNode s => s.Value, JsonNumberNode n => n.Raw, _ => null };
        var units = new[] { ("TB", 1L << 40), ("GB", 1L << 30), ("MB", 1L << 20), ("KB", 1L << 10), ("B", 1L) };
        foreach (var (suffix, factor) in units)
        {
            if (text is not null && text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && long.TryParse(text.Substring(0, text.Length - suffix.Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                return count * factor;
            }
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes))
        {
            return bytes;
        }

        Report(DiagnosticDescriptors.WrongFieldType, node.Offset, "maxSize", "a size in bytes or with a unit (\"1GB\")", text is null ? node.KindName : "\"" + text + "\"");
        return null;
    }

    private List<PathPart>? ParsePath(string path, List<ParameterModel> parameters, string id, int offset)
    {
        var parts = new List<PathPart>();
        var index = 0;
        while (index < path.Length)
        {
            var open = path.IndexOf('{', index);
            if (open < 0)
            {
                parts.Add(new PathPart(path.Substring(index), null, false, false));
                break;
            }

            if (open > index)
            {
                parts.Add(new PathPart(path.Substring(index, open - index), null, false, false));
            }

            var close = path.IndexOf('}', open);
            if (close < 0)
            {
                Report(DiagnosticDescriptors.UnknownPathParameter, offset, id, path.Substring(open));
                return null;
            }

            var variable = path.Substring(open + 1, close - open - 1);
            var reserved = variable.StartsWith("+", StringComparison.Ordinal);
            var variableName = variable.TrimStart('+').TrimEnd('*');
            var parameter = parameters.Find(p => p.WireName == variableName);
            if (parameter is null)
            {
                Report(DiagnosticDescriptors.UnknownPathParameter, offset, id, variableName);
                return null;
            }

            parts.Add(new PathPart(null, parameter.PropertyName, reserved, parameter.Repeated, parameter.Type.Kind == TypeKind.String));
            index = close + 1;
        }

        return parts;
    }

    private List<ParameterModel> ParseParameters(JsonObjectNode? node, NameScope scope, NameScope? argumentScope, List<string>? parameterOrder)
    {
        var declared = new List<(string Wire, JsonObjectNode Node)>(Members(node, "a parameter object"));
        var ordered = new List<(string Wire, JsonObjectNode Node)>();
        if (parameterOrder is not null)
        {
            // Required parameters become constructor arguments in parameterOrder, as Google's clients do.
            foreach (var wire in parameterOrder)
            {
                var index = declared.FindIndex(d => d.Wire == wire);
                if (index >= 0)
                {
                    ordered.Add(declared[index]);
                    declared.RemoveAt(index);
                }
            }
        }

        ordered.AddRange(declared);
        var models = new List<ParameterModel>();
        foreach (var (wire, parameterNode) in ordered)
        {
            var propertyName = scope.Claim(Identifier.Pascal(wire));
            var location = OptionalString(parameterNode, "location");
            var inPath = location == "path";
            var required = argumentScope is not null && (inPath || Flag(parameterNode, "required"));
            var repeated = Flag(parameterNode, "repeated");
            var type = TypeTable.Parameter(OptionalString(parameterNode, "type"), OptionalString(parameterNode, "format"));
            models.Add(new ParameterModel(
                wire,
                propertyName,
                required ? argumentScope!.Claim(Identifier.Camel(wire)) : null,
                type,
                repeated,
                inPath,
                OptionalString(parameterNode, "description"),
                Flag(parameterNode, "deprecated"),
                DefaultText(parameterNode),
                ParseEnum(parameterNode, scope, propertyName)));
        }

        return models;
    }

    /// <summary>A parameter's default as text: documents write it as a string, but a number or boolean (valid JSON Schema) means the same.</summary>
    private string? DefaultText(JsonObjectNode node) => node.Get("default") switch
    {
        JsonNumberNode number => number.Raw,
        JsonBooleanNode boolean => boolean.Value ? "true" : "false",
        _ => OptionalString(node, "default"),
    };

    private static PagingModel? FindPaging(List<ParameterModel> parameters, TypeModel? response, SchemaTable schemas)
    {
        var pageToken = parameters.Find(p => p.WireName == "pageToken" && !p.InPath && p.ArgumentName is null && p.Type.Kind == TypeKind.String && !p.Repeated);
        if (pageToken is null || response is not { Kind: TypeKind.Object } || !schemas.ByFullName.TryGetValue(response.QualifiedName, out var schema))
        {
            return null;
        }

        PropertyModel? next = null;
        PropertyModel? named = null;
        PropertyModel? onlyArray = null;
        var arrays = 0;
        foreach (var property in schema.Properties)
        {
            if (property.WireName == "nextPageToken" && property.Type.Kind == TypeKind.String)
            {
                next = property;
            }
            else if (property.WireName == "items")
            {
                named = property;
            }
            else if (property.Type.Kind == TypeKind.List)
            {
                arrays++;
                onlyArray = property;
            }
        }

        if (next is null)
        {
            return null;
        }

        // The items are the "items" array when the response has an "items" property (compute's aggregatedList
        // has a map there, next to an array of unreachable zones, and then there is no item list); without
        // one, the single array property.
        var items = named is not null ? (named.Type.Kind == TypeKind.List ? named : null) : arrays == 1 ? onlyArray : null;
        return new PagingModel(pageToken.PropertyName, next.PropertyName, items?.PropertyName, items?.Type.Element);
    }

    /// <summary>
    /// The document's global parameters that are not among the standard ones the runtime's request base
    /// already carries (pp and bearer_token in two older documents); they are generated on every request.
    /// </summary>
    private static JsonObjectNode? ExtraGlobalParameters(JsonObjectNode? globals)
    {
        if (globals is null)
        {
            return null;
        }

        var extras = globals.Properties.FindAll(p => !IsStandardParameter(p.Name, ((p.Value as JsonObjectNode)?.Get("type") as JsonStringNode)?.Value));
        return extras.Count == 0 ? null : new JsonObjectNode(globals.Offset, extras);
    }

    private static bool IsStandardParameter(string wireName, string? type) =>
        Array.Exists(MemberNames.StandardParameters, standard => standard.Wire == wireName && standard.Type == type);

    private sealed record ResourceContext(JsonObjectNode? ExtraGlobals, SchemaTable Schemas);
}
