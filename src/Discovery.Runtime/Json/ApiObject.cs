using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Discovery.Runtime.Json;

/// <summary>
/// Base of every generated schema class. It keeps the properties the document did not declare, so that
/// reading a resource and writing it back loses nothing, even when the server is newer than the document.
/// It also holds what every schema's reader and writer would otherwise repeat (the object's framing, unknown
/// properties), which keeps a large document's client small and cheap to compile.
/// </summary>
public abstract class ApiObject
{
    /// <summary>Properties present in the JSON but not declared by the schema, in the order they were read.</summary>
    public IDictionary<string, JsonElement>? UnknownProperties { get; set; }

    /// <summary>Writes this object as one JSON object: its declared properties, then the kept unknown ones.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        WriteProperties(writer);
        WriteUnknown(writer);
        writer.WriteEndObject();
    }

    /// <summary>Writes the declared properties that are set, each as a name and a value.</summary>
    protected virtual void WriteProperties(Utf8JsonWriter writer)
    {
    }

    /// <summary>
    /// Moves to the value of the next property that <paramref name="names"/> holds, keeping every other property
    /// met on the way in <see cref="UnknownProperties"/>; false at the end of the object. <paramref name="index"/>
    /// is the name's position in <paramref name="names"/>, matched on its UTF-8 bytes, so a declared name never
    /// becomes a string. The reader must be inside the object (after its start or after a property's value).
    /// </summary>
    protected bool NextProperty(ref Utf8JsonReader reader, JsonPropertyNames names, out int index)
    {
        ArgumentNullException.ThrowIfNull(names);

        // One call per property, as when generated code did this itself: the hot loop of every response.
        while (true)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                index = -1;
                return false;
            }

            index = names.IndexOf(ref reader);
            if (index >= 0)
            {
                reader.Read();
                return true;
            }

            var name = reader.GetString()!;
            reader.Read();
            ReadUnknown(ref reader, name);
        }
    }

    /// <summary>Reads one JSON object of a schema that declares no property: every property is kept as unknown.</summary>
    protected static T ReadUndeclared<T>(ref Utf8JsonReader reader, T value)
        where T : ApiObject
    {
        ArgumentNullException.ThrowIfNull(value);
        JsonIO.BeginObject(ref reader);
        while (JsonIO.NextProperty(ref reader, out var name))
        {
            value.ReadUnknown(ref reader, name);
        }

        return value;
    }

    private void ReadUnknown(ref Utf8JsonReader reader, string name)
    {
        UnknownProperties ??= new Dictionary<string, JsonElement>();
        UnknownProperties[name] = JsonElement.ParseValue(ref reader);
    }

    private void WriteUnknown(Utf8JsonWriter writer)
    {
        if (UnknownProperties is null)
        {
            return;
        }

        foreach (var pair in UnknownProperties)
        {
            writer.WritePropertyName(pair.Key);
            pair.Value.WriteTo(writer);
        }
    }

    /// <summary>The JSON text of this object, for logs and debugging.</summary>
    public override string ToString() => JsonIO.ToJsonString(this);
}
