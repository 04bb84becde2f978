using System.Collections.Generic;
using System.Globalization;
using Discovery.Runtime.Json;

namespace Discovery.Runtime;

/// <summary>
/// Formats typed request parameters as the text that goes into a path or a query string, with the invariant
/// culture so that the machine's locale never changes a request. Null stays null (parameter not sent).
/// </summary>
public static class ParameterFormat
{
    /// <summary>Strings pass through.</summary>
    public static string? Format(string? value) => value;

    /// <summary>Lower-case, as the APIs expect.</summary>
    public static string? Format(bool? value) => value is { } v ? (v ? "true" : "false") : null;

    /// <summary>Invariant integer text.</summary>
    public static string? Format(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Invariant integer text.</summary>
    public static string? Format(uint? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Invariant integer text.</summary>
    public static string? Format(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Invariant integer text.</summary>
    public static string? Format(ulong? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Shortest round-trip text.</summary>
    public static string? Format(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Shortest round-trip text.</summary>
    public static string? Format(float? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The timestamp's wire text.</summary>
    public static string? Format(GoogleDateTime? value) => value?.Raw;

    /// <summary>The duration's wire text.</summary>
    public static string? Format(GoogleDuration? value) => value?.Raw;

    /// <summary>Formats each value of a repeated parameter.</summary>
    public static IEnumerable<string>? FormatAll<T>(IEnumerable<T>? values)
    {
        if (values is null)
        {
            return null;
        }

        var list = new List<string>();
        foreach (var value in values)
        {
            var text = value switch
            {
                null => null,
                string s => s,
                bool b => Format(b),
                int i => Format(i),
                uint u => Format(u),
                long l => Format(l),
                ulong ul => Format(ul),
                double d => Format(d),
                float f => Format(f),
                GoogleDateTime t => t.Raw,
                GoogleDuration t => t.Raw,
                _ => value.ToString(),
            };
            if (text is not null)
            {
                list.Add(text);
            }
        }

        return list;
    }
}
