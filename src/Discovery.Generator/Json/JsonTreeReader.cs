using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Discovery.Generator.Json;

/// <summary>Builds a <see cref="JsonNode"/> tree from UTF-8 text, noting duplicate names on the way.</summary>
internal static class JsonTreeReader
{
    public static JsonNode Read(byte[] utf8, List<(string Name, int Offset)> duplicates)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        if (!reader.Read())
        {
            throw new JsonException("The document is empty.", null, 0, 0);
        }

        var root = ReadValue(ref reader, duplicates);
        if (reader.Read())
        {
            throw new JsonException("Unexpected text after the end of the document.", null, 0, 0);
        }

        return root;
    }

    private static JsonNode ReadValue(ref Utf8JsonReader reader, List<(string Name, int Offset)> duplicates)
    {
        var offset = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new List<JsonProperty>();
                Dictionary<string, int>? seen = null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    var nameOffset = (int)reader.TokenStartIndex;
                    reader.Read();
                    var property = new JsonProperty(name, nameOffset, ReadValue(ref reader, duplicates));
                    seen ??= new Dictionary<string, int>(StringComparer.Ordinal);
                    if (seen.TryGetValue(name, out int earlier))
                    {
                        // As every JSON parser Google's clients use: the last value wins, in the first one's place,
                        // so nothing downstream sees the name twice.
                        duplicates.Add((name, nameOffset));
                        properties[earlier] = property;
                    }
                    else
                    {
                        seen.Add(name, properties.Count);
                        properties.Add(property);
                    }
                }

                return new JsonObjectNode(offset, properties);
            case JsonTokenType.StartArray:
                var items = new List<JsonNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, duplicates));
                }

                return new JsonArrayNode(offset, items);
            case JsonTokenType.String:
                return new JsonStringNode(offset, reader.GetString()!);
            case JsonTokenType.Number:
                return new JsonNumberNode(offset, Encoding.UTF8.GetString(reader.ValueSpan.ToArray()));
            case JsonTokenType.True:
                return new JsonBooleanNode(offset, true);
            case JsonTokenType.False:
                return new JsonBooleanNode(offset, false);
            default:
                return new JsonNullNode(offset);
        }
    }
}
