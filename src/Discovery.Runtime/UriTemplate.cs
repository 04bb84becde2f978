using System;
using System.Collections.Generic;
using System.Text;

namespace Discovery.Runtime;

/// <summary>
/// The two RFC 6570 expansions discovery paths use: <c>{name}</c> (simple: everything but unreserved
/// characters is escaped, so a '/' in a value stays inside one segment) and <c>{+name}</c> (reserved:
/// reserved characters such as '/' pass through, as resource names like "projects/p/topics/t" need).
/// </summary>
public static class UriTemplate
{
    private const string Unreserved = "-._~";
    // RFC 6570 reserved expansion would also pass '?', '#', '[' and ']'; in a path they would end the path
    // early (a '#' in an org unit name cut the request short), so they are always escaped.
    private const string ReservedCharacters = ":/@!$&'()*+,;=";

    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>Expands a <c>{name}</c> variable.</summary>
    public static string Simple(string? value) => Escape(value, allowReserved: false);

    /// <summary>Expands a <c>{+name}</c> variable.</summary>
    public static string Reserved(string? value) => Escape(value, allowReserved: true);

    /// <summary>Expands a repeated <c>{name}</c> variable as a comma-separated list.</summary>
    public static string Simple(IEnumerable<string>? values) => Join(values, allowReserved: false);

    /// <summary>Expands a repeated <c>{+name}</c> variable as a comma-separated list.</summary>
    public static string Reserved(IEnumerable<string>? values) => Join(values, allowReserved: true);

    private static string Join(IEnumerable<string>? values, bool allowReserved)
    {
        if (values is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var value in values)
        {
            if (builder.Length > 0)
            {
                builder.Append(',');
            }

            builder.Append(Escape(value, allowReserved));
        }

        return builder.ToString();
    }

    private static string Escape(string? value, bool allowReserved)
    {
        if (string.IsNullOrEmpty(value))
        {
            // A required path parameter left empty would silently address another resource.
            throw new ArgumentException("A path parameter must not be null or empty.", nameof(value));
        }

        RefuseDotSegments(value, allowReserved);

        // Ids and names seldom need escaping; then the value is its own expansion and nothing is allocated.
        var plain = 0;
        while (plain < value.Length && Keeps(value[plain], allowReserved))
        {
            plain++;
        }

        if (plain == value.Length)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        var bytes = Encoding.UTF8.GetBytes(value);
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            var c = (char)b;
            if (b < 0x80 && Keeps(c, allowReserved))
            {
                builder.Append(c);
            }
            else if (allowReserved && c == '%' && i + 2 < bytes.Length && IsHex(bytes[i + 1]) && IsHex(bytes[i + 2]))
            {
                // Reserved expansion keeps existing pct-encoded triplets as they are (RFC 6570 §3.2.3).
                builder.Append('%').Append((char)bytes[i + 1]).Append((char)bytes[i + 2]);
                i += 2;
            }
            else
            {
                builder.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// System.Uri removes "." and ".." segments (escaped or not), so such a value would silently address
    /// another resource: an object named ".." under a bucket becomes the bucket itself. No API names a
    /// resource that way, so the value is refused.
    /// </summary>
    private static void RefuseDotSegments(string value, bool allowReserved)
    {
        if (!allowReserved)
        {
            if (value is "." or "..")
            {
                throw new ArgumentException($"A path parameter cannot contain the segment '{value}': it would address a different resource.", nameof(value));
            }

            return;
        }

        foreach (var segment in value.Split('/'))
        {
            var unescaped = Uri.UnescapeDataString(segment);
            if (unescaped is "." or "..")
            {
                throw new ArgumentException($"A path parameter cannot contain the segment '{unescaped}': it would address a different resource.", nameof(value));
            }
        }
    }

    private static bool Keeps(char c, bool allowReserved) =>
        c < 0x80 && (char.IsAsciiLetterOrDigit(c) || Unreserved.IndexOf(c) >= 0 || (allowReserved && ReservedCharacters.IndexOf(c) >= 0));

    private static bool IsHex(byte b) => (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
}
