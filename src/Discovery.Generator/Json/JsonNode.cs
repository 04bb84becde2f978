using System;
using System.Collections.Generic;

namespace Discovery.Generator.Json;

/// <summary>
/// A JSON tree that remembers where each value starts, so that any later check can point a diagnostic at
/// the line and column in the document. JsonDocument keeps no positions and silently accepts duplicate
/// names, both of which the generator must report.
/// </summary>
internal abstract class JsonNode
{
    protected JsonNode(int offset) => Offset = offset;

    /// <summary>UTF-8 byte offset of the value's first character.</summary>
    public int Offset { get; }

    public abstract string KindName { get; }
}

internal sealed class JsonObjectNode : JsonNode
{
    private Dictionary<string, JsonProperty>? _index;

    public JsonObjectNode(int offset, List<JsonProperty> properties)
        : base(offset) => Properties = properties;

    public List<JsonProperty> Properties { get; }

    public override string KindName => "an object";

    public JsonProperty? Find(string name)
    {
        if (Properties.Count <= 8)
        {
            // Last one wins, as with most JSON readers; duplicates were already reported.
            for (var i = Properties.Count - 1; i >= 0; i--)
            {
                if (string.Equals(Properties[i].Name, name, StringComparison.Ordinal))
                {
                    return Properties[i];
                }
            }

            return null;
        }

        if (_index is null)
        {
            _index = new Dictionary<string, JsonProperty>(StringComparer.Ordinal);
            foreach (var property in Properties)
            {
                _index[property.Name] = property;
            }
        }

        return _index.TryGetValue(name, out var found) ? found : null;
    }

    public JsonNode? Get(string name) => Find(name)?.Value;
}

internal sealed class JsonProperty
{
    public JsonProperty(string name, int nameOffset, JsonNode value)
    {
        Name = name;
        NameOffset = nameOffset;
        Value = value;
    }

    public string Name { get; }

    public int NameOffset { get; }

    public JsonNode Value { get; }
}

internal sealed class JsonArrayNode : JsonNode
{
    public JsonArrayNode(int offset, List<JsonNode> items)
        : base(offset) => Items = items;

    public List<JsonNode> Items { get; }

    public override string KindName => "an array";
}

internal sealed class JsonStringNode : JsonNode
{
    public JsonStringNode(int offset, string value)
        : base(offset) => Value = value;

    public string Value { get; }

    public override string KindName => "a string";
}

internal sealed class JsonNumberNode : JsonNode
{
    public JsonNumberNode(int offset, string raw)
        : base(offset) => Raw = raw;

    public string Raw { get; }

    public override string KindName => "a number";
}

internal sealed class JsonBooleanNode : JsonNode
{
    public JsonBooleanNode(int offset, bool value)
        : base(offset) => Value = value;

    public bool Value { get; }

    public override string KindName => "a boolean";
}

internal sealed class JsonNullNode : JsonNode
{
    public JsonNullNode(int offset)
        : base(offset)
    {
    }

    public override string KindName => "null";
}
