using System.Text.Json;

namespace Discovery.Runtime.Json;

/// <summary>Reads one JSON value; the reader is on the value's first token and is left on its last.</summary>
public delegate T JsonReadFunc<out T>(ref Utf8JsonReader reader);

/// <summary>Writes one JSON value (no property name).</summary>
public delegate void JsonWriteFunc<in T>(Utf8JsonWriter writer, T value);
