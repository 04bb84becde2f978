using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Discovery.Runtime.Json;

/// <summary>
/// The writing half: one method per wire type, named after it (WriteInt64, WriteObject) rather than overloads of
/// one name, so the compiler binds each generated call without overload resolution; null values are left out.
/// </summary>
public static partial class JsonIO
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Strings are the user's data: keep non-ASCII text readable, JSON stays valid either way.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    /// <summary>Writer options the runtime uses for request bodies.</summary>
    public static JsonWriterOptions DefaultWriterOptions => WriterOptions;

    /// <summary>Writes a string property.</summary>
    public static void WriteString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes a 64-bit integer property as a JSON string, as Google's wire format requires.</summary>
    public static void WriteInt64(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } v)
        {
            writer.WritePropertyName(name);
            WriteInt64Value(writer, v);
        }
    }

    /// <summary>Writes an unsigned 64-bit integer property as a JSON string.</summary>
    public static void WriteUInt64(Utf8JsonWriter writer, string name, ulong? value)
    {
        if (value is { } v)
        {
            writer.WritePropertyName(name);
            WriteUInt64Value(writer, v);
        }
    }

    /// <summary>Writes a 32-bit integer property.</summary>
    public static void WriteInt32(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }

    /// <summary>Writes an unsigned 32-bit integer property.</summary>
    public static void WriteUInt32(Utf8JsonWriter writer, string name, uint? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }

    /// <summary>Writes a double property; non-finite values as protobuf's strings.</summary>
    public static void WriteDouble(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WritePropertyName(name);
            WriteDoubleValue(writer, v);
        }
    }

    /// <summary>Writes a float property; non-finite values as protobuf's strings.</summary>
    public static void WriteSingle(Utf8JsonWriter writer, string name, float? value)
    {
        if (value is { } v)
        {
            writer.WritePropertyName(name);
            WriteSingleValue(writer, v);
        }
    }

    /// <summary>Writes a boolean property.</summary>
    public static void WriteBoolean(Utf8JsonWriter writer, string name, bool? value)
    {
        if (value is { } v)
        {
            writer.WriteBoolean(name, v);
        }
    }

    /// <summary>Writes a bytes property as standard base64.</summary>
    public static void WriteBytes(Utf8JsonWriter writer, string name, byte[]? value)
    {
        if (value is not null)
        {
            writer.WriteBase64String(name, value);
        }
    }

    /// <summary>Writes a timestamp property as its wire text.</summary>
    public static void WriteDateTime(Utf8JsonWriter writer, string name, GoogleDateTime? value)
    {
        if (value is { } v)
        {
            writer.WriteString(name, v.Raw);
        }
    }

    /// <summary>Writes a duration property as its wire text.</summary>
    public static void WriteDuration(Utf8JsonWriter writer, string name, GoogleDuration? value)
    {
        if (value is { } v)
        {
            writer.WriteString(name, v.Raw);
        }
    }

    /// <summary>Writes an untyped property as it was read or built.</summary>
    public static void WriteAny(Utf8JsonWriter writer, string name, JsonElement? value)
    {
        if (value is { } v)
        {
            writer.WritePropertyName(name);
            v.WriteTo(writer);
        }
    }

    /// <summary>Writes an object property.</summary>
    public static void WriteObject(Utf8JsonWriter writer, string name, ApiObject? value)
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            value.WriteJson(writer);
        }
    }

    /// <summary>Writes an array property whose elements <paramref name="write"/> writes.</summary>
    public static void WriteList<T>(Utf8JsonWriter writer, string name, IEnumerable<T>? values, JsonWriteFunc<T> write)
    {
        if (values is not null)
        {
            writer.WritePropertyName(name);
            WriteListValue(writer, values, write);
        }
    }

    /// <summary>
    /// Writes an array property of objects (a null element as null). Any list of a generated class converts to
    /// this parameter, so generated writers need neither a type argument nor a delegate per property.
    /// </summary>
    public static void WriteObjectList(Utf8JsonWriter writer, string name, IEnumerable<ApiObject?>? values)
    {
        if (values is null)
        {
            return;
        }

        writer.WritePropertyName(name);
        writer.WriteStartArray();
        foreach (var value in values)
        {
            WriteObjectValue(writer, value);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a map property whose values <paramref name="write"/> writes.</summary>
    public static void WriteMap<T>(Utf8JsonWriter writer, string name, IEnumerable<KeyValuePair<string, T>>? values, JsonWriteFunc<T> write)
    {
        if (values is not null)
        {
            writer.WritePropertyName(name);
            WriteMapValue(writer, values, write);
        }
    }

    /// <summary>Writes an array (an element, or a top-level value).</summary>
    public static void WriteListValue<T>(Utf8JsonWriter writer, IEnumerable<T> values, JsonWriteFunc<T> write)
    {
        writer.WriteStartArray();
        foreach (var value in values)
        {
            write(writer, value);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a map (an element, or a top-level value).</summary>
    public static void WriteMapValue<T>(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, T>> values, JsonWriteFunc<T> write)
    {
        writer.WriteStartObject();
        foreach (var pair in values)
        {
            writer.WritePropertyName(pair.Key);
            write(writer, pair.Value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a string element.</summary>
    public static void WriteStringValue(Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);

    /// <summary>Writes a 64-bit integer element as a string.</summary>
    public static void WriteInt64Value(Utf8JsonWriter writer, long value) => writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes an unsigned 64-bit integer element as a string.</summary>
    public static void WriteUInt64Value(Utf8JsonWriter writer, ulong value) => writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes a 32-bit integer element.</summary>
    public static void WriteInt32Value(Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);

    /// <summary>Writes an unsigned 32-bit integer element.</summary>
    public static void WriteUInt32Value(Utf8JsonWriter writer, uint value) => writer.WriteNumberValue(value);

    /// <summary>Writes a double element.</summary>
    public static void WriteDoubleValue(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    /// <summary>Writes a float element.</summary>
    public static void WriteSingleValue(Utf8JsonWriter writer, float value)
    {
        if (float.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(float.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    /// <summary>Writes a boolean element.</summary>
    public static void WriteBooleanValue(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

    /// <summary>Writes a bytes element as base64.</summary>
    public static void WriteBytesValue(Utf8JsonWriter writer, byte[] value) => writer.WriteBase64StringValue(value);

    /// <summary>Writes a timestamp element.</summary>
    public static void WriteDateTimeValue(Utf8JsonWriter writer, GoogleDateTime value) => writer.WriteStringValue(value.Raw);

    /// <summary>Writes a duration element.</summary>
    public static void WriteDurationValue(Utf8JsonWriter writer, GoogleDuration value) => writer.WriteStringValue(value.Raw);

    /// <summary>Writes an untyped element.</summary>
    public static void WriteAnyValue(Utf8JsonWriter writer, JsonElement value) => value.WriteTo(writer);

    /// <summary>Writes an object element (null as JSON null).</summary>
    public static void WriteObjectValue<T>(Utf8JsonWriter writer, T? value)
        where T : ApiObject
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteJson(writer);
        }
    }

    /// <summary>Writes a request body of an API with the "dataWrapper" feature as <c>{"data": ...}</c>.</summary>
    public static void WriteDataWrapped<T>(Utf8JsonWriter writer, T value, JsonWriteFunc<T> write)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("data");
        write(writer, value);
        writer.WriteEndObject();
    }

    /// <summary>Serializes with a generated writer to UTF-8 bytes.</summary>
    public static byte[] SerializeToUtf8Bytes<T>(T value, JsonWriteFunc<T> write)
    {
        using var buffer = new PooledBufferWriter();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer, value);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Serializes a generated object to a JSON string.</summary>
    public static string ToJsonString(ApiObject value) =>
        Encoding.UTF8.GetString(SerializeToUtf8Bytes(value, static (w, v) => v.WriteJson(w)));
}
