using System;
using System.Globalization;

namespace Farm.Server;

/// <summary>
/// A resumable-upload <c>Content-Range</c> request header: <c>bytes a-b/T</c>, <c>bytes a-b/*</c>
/// (a data chunk) or <c>bytes */T</c>, <c>bytes */*</c> (a status query or an empty finalize).
/// </summary>
internal readonly record struct ContentRange(long? First, long? Last, long? Total)
{
    public bool IsStatusQuery => First is null;

    public long Length => Last!.Value - First!.Value + 1;

    /// <summary>Parses strictly: one space after <c>bytes</c>, decimal digits only, and a consistent range.</summary>
    public static bool TryParse(string? header, out ContentRange range)
    {
        range = default;
        const string Unit = "bytes ";
        if (header is null || !header.StartsWith(Unit, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        ReadOnlySpan<char> rest = header.AsSpan(Unit.Length);
        int slash = rest.IndexOf('/');
        if (slash < 0)
        {
            return false;
        }

        ReadOnlySpan<char> span = rest[..slash];
        ReadOnlySpan<char> total = rest[(slash + 1)..];

        long? totalValue = null;
        if (total is not "*")
        {
            if (!TryParseNumber(total, out long t))
            {
                return false;
            }

            totalValue = t;
        }

        if (span is "*")
        {
            range = new ContentRange(null, null, totalValue);
            return true;
        }

        int dash = span.IndexOf('-');
        if (dash < 0
            || !TryParseNumber(span[..dash], out long first)
            || !TryParseNumber(span[(dash + 1)..], out long last)
            || last < first
            || last == long.MaxValue
            || (totalValue is long known && last >= known))
        {
            return false;
        }

        range = new ContentRange(first, last, totalValue);
        return true;
    }

    private static bool TryParseNumber(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        return text.Length is > 0 and <= 19
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
