using System;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Farm.Server;

/// <summary>
/// Opaque list continuation tokens. The token carries the sequence number of the last animal
/// returned, so paging stays stable when animals are inserted or deleted between pages.
/// </summary>
internal static class PageToken
{
    private const string Prefix = "farm.v1:";

    public static string Encode(long lastSequence) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + lastSequence.ToString(CultureInfo.InvariantCulture)));

    public static long Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        try
        {
            string text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            if (text.StartsWith(Prefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out long sequence))
            {
                return sequence;
            }
        }
        catch (FormatException)
        {
            // Falls through to the same error as a well-formed but foreign token.
        }

        throw FarmApiException.Invalid("Invalid value for parameter 'pageToken'.");
    }
}
