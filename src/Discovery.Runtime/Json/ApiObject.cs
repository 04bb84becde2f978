using System.Collections.Generic;
using System.Text.Json;

namespace Discovery.Runtime.Json;

/// <summary>
/// Base of every generated schema class. It keeps the properties the document did not declare, so that
/// reading a resource and writing it back loses nothing, even when the server is newer than the document.
/// </summary>
public abstract class ApiObject
{
    /// <summary>Properties present in the JSON but not declared by the schema, in the order they were read.</summary>
    public IDictionary<string, JsonElement>? UnknownProperties { get; set; }

    /// <summary>Writes this object as one JSON object.</summary>
    public abstract void WriteJson(Utf8JsonWriter writer);

    /// <summary>Keeps a property the schema does not declare; the reader is on its value.</summary>
    protected void ReadUnknown(ref Utf8JsonReader reader, string name)
    {
        UnknownProperties ??= new Dictionary<string, JsonElement>();
        UnknownProperties[name] = JsonElement.ParseValue(ref reader);
    }

    /// <summary>Writes back the properties kept by <see cref="ReadUnknown"/>.</summary>
    protected void WriteUnknown(Utf8JsonWriter writer)
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
