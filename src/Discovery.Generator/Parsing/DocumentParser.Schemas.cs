using System;
using System.Collections.Generic;
using Discovery.Generator.Common;
using Discovery.Generator.Diagnostics;
using Discovery.Generator.Json;
using Discovery.Generator.Model;

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
                var className = dataScope.Claim(Naming.Pascal(name));
                table.ClassNames[name] = "global::" + _namespace + ".Data." + className;
                table.ShortNames[name] = className;
            }

            table.Nodes[name] = node;
        }

        foreach (var (name, node) in members)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (table.ShortNames.TryGetValue(name, out var className))
            {
                var schema = BuildClass(name, node, className, table.ClassNames[name], table);
                table.Classes.Add(schema);
                table.ByFullName[schema.FullName] = schema;
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

    private SchemaModel BuildClass(string wireName, JsonObjectNode node, string className, string fullName, SchemaTable table)
    {
        var scope = new NameScope(ReservedNames.Schema);
        scope.Reserve(className);
        var host = new TypeHost(scope, fullName, new List<SchemaModel>());
        var properties = new List<(string Wire, string Name, JsonObjectNode Node)>();
        foreach (var (propertyWire, propertyNode) in Members(Object(node, "properties"), "a schema object"))
        {
            properties.Add((propertyWire, scope.Claim(Naming.Pascal(propertyWire)), propertyNode));
        }

        var models = new List<PropertyModel>();
        foreach (var (wire, name, propertyNode) in properties)
        {
            var type = ResolveType(propertyNode, host, name, table);
            models.Add(new PropertyModel(
                wire,
                name,
                type,
                OptionalString(propertyNode, "description"),
                Flag(propertyNode, "deprecated"),
                Flag(propertyNode, "readOnly"),
                ParseEnum(propertyNode, scope, name)));
        }

        return new SchemaModel(wireName, className, fullName, OptionalString(node, "description"), Flag(node, "deprecated"), models.ToEquatableArray(), host.Nested.ToEquatableArray());
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
            case "string":
                return format switch
                {
                    "int64" => new TypeModel(TypeKind.Int64),
                    "uint64" => new TypeModel(TypeKind.UInt64),
                    "byte" => new TypeModel(TypeKind.Bytes),
                    "date-time" or "google-datetime" => new TypeModel(TypeKind.DateTime),
                    "google-duration" => new TypeModel(TypeKind.Duration),
                    _ => TypeModel.String,
                };
            case "integer":
                return format switch
                {
                    "uint32" => new TypeModel(TypeKind.UInt32),
                    "int64" => new TypeModel(TypeKind.Int64),
                    "uint64" => new TypeModel(TypeKind.UInt64),
                    _ => new TypeModel(TypeKind.Int32),
                };
            case "number":
                return format == "float" ? new TypeModel(TypeKind.Single) : new TypeModel(TypeKind.Double);
            case "boolean":
                return new TypeModel(TypeKind.Boolean);
            case "any":
            case "null":
                return TypeModel.Any;
            case "array":
                var items = Object(node, "items");
                return new TypeModel(TypeKind.List, Element: items is null ? TypeModel.Any : ResolveType(items, host, baseName, table));
            case "object":
            case null when node.Get("properties") is not null:
                var additional = node.Get("additionalProperties");
                if (node.Get("properties") is null && additional is JsonObjectNode valueNode)
                {
                    return new TypeModel(TypeKind.Map, Element: ResolveType(valueNode, host, baseName, table));
                }

                if (node.Get("properties") is null && additional is JsonBooleanNode { Value: true })
                {
                    return new TypeModel(TypeKind.Map, Element: TypeModel.Any);
                }

                var nestedName = host.Scope.Claim(baseName + "Data");
                var nested = BuildClass(baseName, node, nestedName, host.FullName + "." + nestedName, table);
                host.Nested.Add(nested);
                return new TypeModel(TypeKind.Object, nested.FullName);
            case null:
                return TypeModel.Any;
            default:
                Report(DiagnosticDescriptors.UnknownType, typeNode!.Offset, type);
                return TypeModel.Any;
        }
    }

    private TypeModel ResolveReference(string target, int offset, SchemaTable table)
    {
        if (table.ClassNames.TryGetValue(target, out var className))
        {
            return new TypeModel(TypeKind.Object, className);
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
        var host = new TypeHost(table.DataScope, "global::" + _namespace + ".Data", new List<SchemaModel>());
        var resolved = ResolveType(aliasNode, host, Naming.Pascal(target), table);
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
        if (source.Get("enum") is not JsonArrayNode array || array.Items.Count == 0 || !array.Items.TrueForAll(item => item is JsonStringNode))
        {
            return null;
        }

        var values = Strings(source, "enum");

        var descriptions = Strings(source, "enumDescriptions");
        var deprecated = Flags(source, "enumDeprecated");
        var className = scope.Claim(propertyName + "Values");
        var valueScope = new NameScope(ReservedNames.Resource);
        valueScope.Reserve(className);
        var models = new List<EnumValueModel>();
        for (var i = 0; i < values.Count; i++)
        {
            models.Add(new EnumValueModel(
                valueScope.Claim(Naming.Pascal(values[i])),
                values[i],
                i < descriptions.Count ? descriptions[i] : null,
                i < deprecated.Count && deprecated[i]));
        }

        return new EnumModel(className, models.ToEquatableArray());
    }

    /// <summary>Where inline object classes go: the enclosing class's names and nested list.</summary>
    private sealed record TypeHost(NameScope Scope, string FullName, List<SchemaModel> Nested);

    private sealed class SchemaTable
    {
        public NameScope DataScope { get; } = new(Array.Empty<string>());

        public Dictionary<string, JsonObjectNode> Nodes { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> ClassNames { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> ShortNames { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, TypeModel?> Aliases { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, SchemaModel> ByFullName { get; } = new(StringComparer.Ordinal);

        public List<SchemaModel> Classes { get; } = new();
    }
}
