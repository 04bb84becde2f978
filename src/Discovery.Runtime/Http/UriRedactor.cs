using System;
using System.Text;

namespace Discovery.Runtime;

/// <summary>
/// Removes secrets from URIs before they reach exception messages or logs: an upload session URI is a bearer
/// capability (anyone holding it can write the object), and an API key is a credential.
/// </summary>
public static class UriRedactor
{
    private const string Redacted = "REDACTED";

    /// <summary>Returns the URI with the values of upload_id, key and access_token replaced.</summary>
    public static Uri Redact(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || string.IsNullOrEmpty(uri.Query))
        {
            return uri;
        }

        var query = uri.Query.AsSpan(1);
        var text = new StringBuilder(uri.GetLeftPart(UriPartial.Path));
        bool first = true;
        while (!query.IsEmpty)
        {
            int amp = query.IndexOf('&');
            var pair = amp < 0 ? query : query[..amp];
            query = amp < 0 ? ReadOnlySpan<char>.Empty : query[(amp + 1)..];
            text.Append(first ? '?' : '&');
            first = false;
            int eq = pair.IndexOf('=');
            var name = eq < 0 ? pair : pair[..eq];
            if (eq >= 0 && IsSecret(name))
            {
                text.Append(name).Append('=').Append(Redacted);
            }
            else
            {
                text.Append(pair);
            }
        }

        return new Uri(text.ToString());
    }

    private static bool IsSecret(ReadOnlySpan<char> name) =>
        name.Equals("upload_id", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("key", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("access_token", StringComparison.OrdinalIgnoreCase);
}
