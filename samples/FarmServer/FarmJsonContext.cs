using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Farm.Server;

// Unknown members are rejected so a generator that misspells a property name fails loudly
// instead of silently losing data.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(AnimalResource))]
[JsonSerializable(typeof(AnimalListResource))]
[JsonSerializable(typeof(ErrorResource))]
internal sealed partial class FarmJsonContext : JsonSerializerContext
{
    private static FarmJsonContext? compact;
    private static FarmJsonContext? indented;

    // Lazy because the order of static initialisers across partial declarations is unspecified;
    // a duplicate instance from a race is harmless.

    /// <summary>Google APIs pretty-print unless asked for <c>prettyPrint=false</c>.</summary>
    public static FarmJsonContext Indented => indented ??= new(new JsonSerializerOptions(Compact.Options) { WriteIndented = true });

    /// <summary>Like <see cref="JsonSerializerContext"/> defaults, but without HTML-safe escaping: responses go to API clients, and error messages stay readable.</summary>
    public static FarmJsonContext Compact => compact ??= new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
