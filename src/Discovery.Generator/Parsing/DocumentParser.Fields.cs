using System.Collections.Generic;
using Discovery.Generator.Diagnostics;
using Discovery.Generator.Json;
using Discovery.Generator.Naming;
using Microsoft.CodeAnalysis;

namespace Discovery.Generator.Parsing;

/// <summary>Typed access to document fields: a field of the wrong JSON type is reported and read as absent.</summary>
internal sealed partial class DocumentParser
{
    private const int MaxDiagnostics = 200;

    private void Report(DiagnosticDescriptor descriptor, int byteOffset, params string[] arguments)
    {
        // A systematically broken document would otherwise flood the error list and slow the IDE.
        if (_diagnostics.Count < MaxDiagnostics)
        {
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, Lines.Locate(byteOffset), arguments));
        }
    }

    private T? Field<T>(JsonObjectNode node, string key, string expected)
        where T : JsonNode
    {
        var value = node.Get(key);
        switch (value)
        {
            case null:
            case JsonNullNode:
                return null;
            case T typed:
                return typed;
            default:
                Report(DiagnosticDescriptors.WrongFieldType, value.Offset, key, expected, value.KindName);
                return null;
        }
    }

    private string? OptionalString(JsonObjectNode node, string key) => Field<JsonStringNode>(node, key, "a string")?.Value;

    private string? RequiredString(JsonObjectNode node, string key, string owner)
    {
        var value = OptionalString(node, key);
        if (value is null && node.Get(key) is null or JsonNullNode)
        {
            Report(DiagnosticDescriptors.MissingField, node.Offset, owner, key, "it is skipped");
        }

        return value;
    }

    private bool Flag(JsonObjectNode node, string key)
    {
        var value = node.Get(key);
        switch (value)
        {
            case JsonBooleanNode b:
                return b.Value;
            case JsonStringNode { Value: "true" }:
                return true;
            case null or JsonNullNode or JsonStringNode { Value: "false" }:
                return false;
            default:
                Report(DiagnosticDescriptors.WrongFieldType, value.Offset, key, "a boolean", value.KindName);
                return false;
        }
    }

    private JsonObjectNode? Object(JsonObjectNode node, string key) => Field<JsonObjectNode>(node, key, "an object");

    private List<string> Strings(JsonObjectNode node, string key)
    {
        var list = new List<string>();
        var array = Field<JsonArrayNode>(node, key, "an array of strings");
        if (array is null)
        {
            return list;
        }

        foreach (var item in array.Items)
        {
            if (item is JsonStringNode s)
            {
                list.Add(s.Value);
            }
            else
            {
                Report(DiagnosticDescriptors.WrongFieldType, item.Offset, key, "an array of strings", "an array holding " + item.KindName);
            }
        }

        return list;
    }

    private List<bool> Flags(JsonObjectNode node, string key)
    {
        var list = new List<bool>();
        var array = Field<JsonArrayNode>(node, key, "an array of booleans");
        if (array is not null)
        {
            foreach (var item in array.Items)
            {
                list.Add(item is JsonBooleanNode { Value: true });
            }
        }

        return list;
    }

    /// <summary>
    /// The members of a map with their C# names, all claimed before any member is parsed: a member's nested
    /// types claim names in the same scope, and must not take a name a later sibling member owns.
    /// </summary>
    private List<(string Wire, string Name, JsonObjectNode Node)> ClaimMembers(JsonObjectNode? node, string what, NameScope scope)
    {
        var members = new List<(string Wire, string Name, JsonObjectNode Node)>();
        foreach (var (wire, value) in Members(node, what))
        {
            members.Add((wire, scope.Claim(Identifier.Pascal(wire)), value));
        }

        return members;
    }

    /// <summary>The members of a JSON object used as a map (schemas, resources, properties), each an object.</summary>
    private IEnumerable<(string Name, JsonObjectNode Value)> Members(JsonObjectNode? node, string what)
    {
        if (node is null)
        {
            yield break;
        }

        // Names are unique here: the tree reader kept the last of any duplicate (and reported it).
        foreach (var property in node.Properties)
        {
            if (property.Value is JsonObjectNode value)
            {
                yield return (property.Name, value);
            }
            else
            {
                Report(DiagnosticDescriptors.WrongFieldType, property.Value.Offset, property.Name, what, property.Value.KindName);
            }
        }
    }
}
