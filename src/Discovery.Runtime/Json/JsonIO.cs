using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Discovery.Runtime.Json;

/// <summary>
/// The reading half of the JSON helpers that generated (de)serializers call. Generated code does the
/// per-property work; these helpers hold the wire rules shared by every schema: 64-bit integers travel as
/// strings, bytes as base64 (standard or URL-safe), doubles may be "NaN"/"Infinity", and nulls mean "unset".
/// No reflection, so generated clients stay trim- and AOT-safe.
/// </summary>
public static partial class JsonIO
{
    /// <summary>Moves onto the start of an object (reading the first token when nothing was read yet).</summary>
    public static void BeginObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.None && !reader.Read())
        {
            throw new JsonException("Expected a JSON object but the input is empty.");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, "an object");
        }
    }

    /// <summary>Moves to the next property's value; false at the end of the object.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader, out string name)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            name = string.Empty;
            return false;
        }

        name = reader.GetString()!;
        reader.Read();
        return true;
    }

    /// <summary>Positions a reader that has not read yet on its first token (for top-level values).</summary>
    public static void Begin(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.None && !reader.Read())
        {
            throw new JsonException("Expected a JSON value but the input is empty.");
        }
    }

    /// <summary>A string, or null for JSON null. Numbers and booleans are kept as their text.</summary>
    public static string? ReadString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray()),
        _ => throw Unexpected(ref reader, "a string"),
    };

    /// <summary>A non-null string (array and map elements).</summary>
    public static string ReadStringValue(ref Utf8JsonReader reader) => ReadString(ref reader) ?? string.Empty;

    /// <summary>A 64-bit integer sent as a JSON string (or, leniently, a number).</summary>
    public static long? ReadInt64(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : ReadInt64Value(ref reader);

    /// <inheritdoc cref="ReadInt64"/>
    public static long ReadInt64Value(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return reader.GetInt64();
        }

        // The common case, plain digits in one unescaped span, parses from the UTF-8 text; anything else takes
        // the string path, which also gives the same exception for text that is not a number.
        if (PlainText(ref reader, out var text) && text.Length > 0 && (IsDigit(text[0]) || text[0] == (byte)'-')
            && Utf8Parser.TryParse(text, out long value, out int used) && used == text.Length)
        {
            return value;
        }

        return long.Parse(reader.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    /// <summary>An unsigned 64-bit integer sent as a JSON string (or, leniently, a number).</summary>
    public static ulong? ReadUInt64(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : ReadUInt64Value(ref reader);

    /// <inheritdoc cref="ReadUInt64"/>
    public static ulong ReadUInt64Value(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return reader.GetUInt64();
        }

        if (PlainText(ref reader, out var text) && text.Length > 0 && IsDigit(text[0])
            && Utf8Parser.TryParse(text, out ulong value, out int used) && used == text.Length)
        {
            return value;
        }

        return ulong.Parse(reader.GetString()!, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>A 32-bit integer (a JSON number, or leniently a string).</summary>
    public static int? ReadInt32(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : ReadInt32Value(ref reader);

    /// <inheritdoc cref="ReadInt32"/>
    public static int ReadInt32Value(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return reader.GetInt32();
        }

        if (PlainText(ref reader, out var text) && text.Length > 0 && (IsDigit(text[0]) || text[0] == (byte)'-')
            && Utf8Parser.TryParse(text, out int value, out int used) && used == text.Length)
        {
            return value;
        }

        return int.Parse(reader.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    /// <summary>An unsigned 32-bit integer (a JSON number, or leniently a string).</summary>
    public static uint? ReadUInt32(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : ReadUInt32Value(ref reader);

    /// <inheritdoc cref="ReadUInt32"/>
    public static uint ReadUInt32Value(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return reader.GetUInt32();
        }

        if (PlainText(ref reader, out var text) && text.Length > 0 && IsDigit(text[0])
            && Utf8Parser.TryParse(text, out uint value, out int used) && used == text.Length)
        {
            return value;
        }

        return uint.Parse(reader.GetString()!, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>A double; the strings "NaN", "Infinity" and "-Infinity" are accepted as protobuf sends them.</summary>
    public static double? ReadDouble(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : ReadDoubleValue(ref reader);

    /// <inheritdoc cref="ReadDouble"/>
    public static double ReadDoubleValue(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String
        ? double.Parse(reader.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
        : reader.GetDouble();

    /// <summary>A float; see <see cref="ReadDouble"/> for the accepted strings.</summary>
    public static float? ReadSingle(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : ReadSingleValue(ref reader);

    /// <inheritdoc cref="ReadSingle"/>
    public static float ReadSingleValue(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String
        ? float.Parse(reader.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
        : reader.GetSingle();

    /// <summary>A boolean (leniently also the strings "true"/"false").</summary>
    public static bool? ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : ReadBooleanValue(ref reader);

    /// <inheritdoc cref="ReadBoolean"/>
    public static bool ReadBooleanValue(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.String => bool.Parse(reader.GetString()!),
        _ => throw Unexpected(ref reader, "a boolean"),
    };

    /// <summary>Bytes sent as base64; both the standard and the URL-safe alphabet, padded or not.</summary>
    public static byte[]? ReadBytes(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : ReadBytesValue(ref reader);

    /// <inheritdoc cref="ReadBytes"/>
    public static byte[] ReadBytesValue(ref Utf8JsonReader reader)
    {
        var text = reader.GetString()!;
        var builder = new StringBuilder(text.Length + 3);
        foreach (var c in text)
        {
            builder.Append(c switch { '-' => '+', '_' => '/', _ => c });
        }

        while (builder.Length % 4 != 0)
        {
            builder.Append('=');
        }

        return Convert.FromBase64String(builder.ToString());
    }

    /// <summary>An RFC 3339 timestamp, kept as sent.</summary>
    public static GoogleDateTime? ReadDateTime(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : ReadDateTimeValue(ref reader);

    /// <inheritdoc cref="ReadDateTime"/>
    public static GoogleDateTime ReadDateTimeValue(ref Utf8JsonReader reader) => new(ReadStringValue(ref reader));

    /// <summary>A protobuf duration, kept as sent.</summary>
    public static GoogleDuration? ReadDuration(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : ReadDurationValue(ref reader);

    /// <inheritdoc cref="ReadDuration"/>
    public static GoogleDuration ReadDurationValue(ref Utf8JsonReader reader) => new(ReadStringValue(ref reader));

    /// <summary>Any JSON value (<c>type: any</c>), kept whole; null stays null.</summary>
    public static JsonElement? ReadAny(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref reader);

    /// <summary>Any JSON value including null, for array and map elements.</summary>
    public static JsonElement ReadAnyValue(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>
    /// Whether the value is JSON null. A generated reader tests this and then calls the property's class's ReadJson
    /// itself, which is cheaper to compile and to run than handing a helper a delegate.
    /// </summary>
    public static bool IsNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null;

    /// <summary>An array whose elements <paramref name="read"/> reads; null for JSON null.</summary>
    public static List<T>? ReadList<T>(ref Utf8JsonReader reader, JsonReadFunc<T> read)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(ref reader, "an array");
        }

        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(read(ref reader));
        }

        return list;
    }

    /// <summary>An object used as a map (<c>additionalProperties</c>); null for JSON null.</summary>
    public static Dictionary<string, T>? ReadMap<T>(ref Utf8JsonReader reader, JsonReadFunc<T> read)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        BeginObject(ref reader);
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (NextProperty(ref reader, out var name))
        {
            map[name] = read(ref reader);
        }

        return map;
    }

    /// <summary>
    /// Reads a response of an API with the "dataWrapper" feature: the value sits in <c>{"data": ...}</c>.
    /// A response without the wrapper is read as it is, as Google's own clients do.
    /// </summary>
    public static T ReadDataWrapped<T>(ref Utf8JsonReader reader, JsonReadFunc<T> read)
    {
        Begin(ref reader);
        using var document = JsonDocument.ParseValue(ref reader);
        var value = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("data", out var data) ? data : document.RootElement;
        return Deserialize(Encoding.UTF8.GetBytes(value.GetRawText()), read);
    }

    /// <summary>Reads a whole UTF-8 JSON text with a generated reader.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json, JsonReadFunc<T> read)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        Begin(ref reader);
        return read(ref reader);
    }

    /// <summary>Reads a whole JSON string with a generated reader.</summary>
    public static T Deserialize<T>(string json, JsonReadFunc<T> read) => Deserialize(Encoding.UTF8.GetBytes(json), read);

    /// <summary>The token's UTF-8 text when it lies unescaped in one span, as it nearly always does.</summary>
    private static bool PlainText(ref Utf8JsonReader reader, out ReadOnlySpan<byte> text)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped)
        {
            text = default;
            return false;
        }

        text = reader.ValueSpan;
        return true;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static JsonException Unexpected(ref Utf8JsonReader reader, string expected) =>
        new($"Expected {expected} but found {reader.TokenType} at byte {reader.TokenStartIndex.ToString(CultureInfo.InvariantCulture)}.");
}
