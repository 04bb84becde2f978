using System;
using System.Collections.Generic;
using Discovery.Generator.Common;
using Discovery.Generator.Diagnostics;
using Discovery.Generator.Json;
using Discovery.Generator.Model;
using Discovery.Generator.Naming;

namespace Discovery.Generator.Parsing;

/// <summary>Schemas: top-level schemas become classes (or aliases of maps, arrays and primitives); inline objects nest.</summary>
internal sealed partial class DocumentParser
{
    private SchemaTable ParseSchemas(JsonObjectNode root)
    {
        var table = new SchemaTable();
        var dataScope = table.DataScope;
        var members = new List<(string Name, JsonObjectNode Node)>(Members(Object(root, "schemas"), "a schema object"));

        // Names first, so that any schema can refer to any other, in either direction and in cycles.
        foreach (var (name, node) in members)
        {
            if (IsClassSchema(node))
            {
                table.ClassTypes[name] = TypeRef.InData(dataScope.Claim(Identifier.Pascal(name)));
            }

            table.Nodes[name] = node;
        }

        foreach (var (name, node) in members)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (table.ClassTypes.TryGetValue(name, out var type))
            {
                var schema = BuildClass(name, node, type, table);
                table.Classes.Add(schema);
                table.ByFullName[type.QualifiedName] = schema;
            }
        }

        return table;
    }

    private static bool IsClassSchema(JsonObjectNode node)
    {
        if (node.Get("$ref") is not null)
        {
            return false;
        }

        var type = (node.Get("type") as JsonStringNode)?.Value;
        if (type is not null && type != "object")
        {
            return false;
        }

        // A bare map (only additionalProperties) is used as IDictionary, not wrapped in a class.
        return node.Get("properties") is not null || node.Get("additionalProperties") is null;
    }

    private SchemaModel BuildClass(string wireName, JsonObjectNode node, TypeRef type, SchemaTable table)
    {
        var scope = new NameScope(MemberNames.ReservedOnSchema);
        scope.Reserve(type.Name);
        var host = new TypeHost(scope, type.Nested, new List<SchemaModel>());
        var models = new List<PropertyModel>();
        foreach (var (wire, name, propertyNode) in ClaimMembers(Object(node, "properties"), "a schema object", scope))
        {
            models.Add(new PropertyModel(
                wire,
                name,
                ResolveType(propertyNode, host, name, table),
                OptionalString(propertyNode, "description"),
                Flag(propertyNode, "deprecated"),
                Flag(propertyNode, "readOnly"),
                ParseEnum(propertyNode, scope, name)));
        }

        return new SchemaModel(wireName, type, OptionalString(node, "description"), Flag(node, "deprecated"), models.ToEquatableArray(), host.Nested.ToEquatableArray());
    }

    /// <summary>Resolves a schema node to a type; inline objects become classes nested in <paramref name="host"/>.</summary>
    private TypeModel ResolveType(JsonObjectNode node, TypeHost host, string baseName, SchemaTable table)
    {
        var reference = node.Get("$ref");
        if (reference is not null)
        {
            if (reference is not JsonStringNode { Value: var target })
            {
                Report(DiagnosticDescriptors.WrongFieldType, reference.Offset, "$ref", "a string", reference.KindName);
                return TypeModel.Any;
            }

            return ResolveReference(target, reference.Offset, table);
        }

        var typeNode = node.Get("type");
        var type = (typeNode as JsonStringNode)?.Value;
        if (typeNode is not null and not JsonStringNode)
        {
            Report(DiagnosticDescriptors.WrongFieldType, typeNode.Offset, "type", "a string", typeNode.KindName);
        }

        var format = OptionalString(node, "format");
        switch (type)
        {
            case "array":
                var items = Object(node, "items");
                return TypeModel.ListOf(items is null ? TypeModel.Any : ResolveType(items, host, baseName, table));
            case "object":
            case null when node.Get("properties") is not null:
                var additional = node.Get("additionalProperties");
                if (additional is not (null or JsonNullNode or JsonObjectNode or JsonBooleanNode))
                {
                    // Read as absent, the map would silently become an empty class.
                    Report(DiagnosticDescriptors.WrongFieldType, additional.Offset, "additionalProperties", "a schema object or a boolean", additional.KindName);
                }

                if (node.Get("properties") is null && additional is JsonObjectNode valueNode)
                {
                    return TypeModel.MapOf(ResolveType(valueNode, host, baseName, table));
                }

                if (node.Get("properties") is null && additional is JsonBooleanNode { Value: true })
                {
                    return TypeModel.MapOf(TypeModel.Any);
                }

                var nested = BuildClass(baseName, node, host.Place(host.Scope.Claim(baseName + "Data")), table);
                host.Nested.Add(nested);
                return TypeModel.Class(nested.Type);
            case null:
                return TypeModel.Any;
            default:
                if (TypeTable.Scalar(type, format) is { } scalar)
                {
                    return scalar;
                }

                Report(DiagnosticDescriptors.UnknownType, typeNode!.Offset, type);
                return TypeModel.Any;
        }
    }

    private TypeModel ResolveReference(string target, int offset, SchemaTable table)
    {
        if (table.ClassTypes.TryGetValue(target, out var classType))
        {
            return TypeModel.Class(classType);
        }

        if (!table.Nodes.TryGetValue(target, out var aliasNode))
        {
            Report(DiagnosticDescriptors.MissingReference, offset, target);
            return TypeModel.Any;
        }

        if (table.Aliases.TryGetValue(target, out var known))
        {
            // Null marks an alias still being resolved: a cycle of aliases has no finite C# type.
            return known ?? TypeModel.Any;
        }

        table.Aliases[target] = null;
        var host = new TypeHost(table.DataScope, TypeRef.InData, new List<SchemaModel>());
        var resolved = ResolveType(aliasNode, host, Identifier.Pascal(target), table);
        foreach (var nested in host.Nested)
        {
            // An alias whose elements are inline objects (a top-level array of objects) still needs the classes.
            table.Classes.Add(nested);
        }

        table.Aliases[target] = resolved;
        return resolved;
    }

    private EnumModel? ParseEnum(JsonObjectNode node, NameScope scope, string propertyName)
    {
        var source = node.Get("enum") is not null ? node : Object(node, "items") is { } items && items.Get("enum") is not null ? items : null;
        if (source is null)
        {
            return null;
        }

        // Constants are only for string enums; any other enum leaves the value as its plain type.
        if (Field<JsonArrayNode>(source, "enum", "an array") is not { } array || array.Items.Count == 0 || !array.Items.TrueForAll(item => item is JsonStringNode))
        {
            return null;
        }

        var values = Strings(source, "enum");

        var descriptions = Strings(source, "enumDescriptions");
        var deprecated = Flags(source, "enumDeprecated");
        var className = scope.Claim(propertyName + "Values");
        var valueScope = new NameScope(MemberNames.ReservedOnEveryClass);
        valueScope.Reserve(className);
        var models = new List<EnumValueModel>();
        for (var i = 0; i < values.Count; i++)
        {
            models.Add(new EnumValueModel(
                valueScope.Claim(Identifier.Pascal(values[i])),
                values[i],
                i < descriptions.Count ? descriptions[i] : null,
                i < deprecated.Count && deprecated[i]));
        }

        return new EnumModel(className, models.ToEquatableArray());
    }

    /// <summary>Where inline object classes go: the enclosing class's names and nested list.</summary>
    private sealed record TypeHost(NameScope Scope, Func<string, TypeRef> Place, List<SchemaModel> Nested);

    private sealed class SchemaTable
    {
        public NameScope DataScope { get; } = new(Array.Empty<string>());

        public Dictionary<string, JsonObjectNode> Nodes { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, TypeRef> ClassTypes { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, TypeModel?> Aliases { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, SchemaModel> ByFullName { get; } = new(StringComparer.Ordinal);

        public List<SchemaModel> Classes { get; } = new();
    }
}
