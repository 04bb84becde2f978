using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;

namespace Discovery.Runtime;

/// <summary>Reading the protocol's headers: Location, the status override, and Range.</summary>
internal sealed partial class ResumableUploadEngine
{
    private void AdoptLocation(HttpResponseMessage response)
    {
        if (response.Headers.Location is { } location && _sessionUri is not null)
        {
            var next = location.IsAbsoluteUri ? location : new Uri(_sessionUri, location);

            // A session moved to plain http would carry the rest of the media in clear text: keep the old one.
            if (!IsDowngrade(_sessionUri, next))
            {
                _sessionUri = next;
            }
        }
    }

    /// <summary>An https upload whose session URI is http.</summary>
    private static bool IsDowngrade(Uri from, Uri to)
        => from.Scheme == Uri.UriSchemeHttps && to.Scheme != Uri.UriSchemeHttps;

    /// <summary>Servers behind proxies that treat 308 as a redirect may send 200 plus this override header.</summary>
    private static int EffectiveStatus(HttpResponseMessage response)
        => response.StatusCode == HttpStatusCode.OK &&
           response.Headers.TryGetValues("X-Http-Status-Code-Override", out var values) &&
           values.FirstOrDefault() == "308"
            ? 308
            : (int)response.StatusCode;

    /// <summary>Parses <c>Range: bytes=0-k</c>; absent yields null; anything not starting at 0 is malformed.</summary>
    internal static bool TryReadRange(HttpResponseMessage response, out long? lastByte)
    {
        lastByte = null;
        if (!response.Headers.TryGetValues("Range", out var values))
        {
            return true;
        }

        var text = values.FirstOrDefault()?.Trim() ?? string.Empty;
        const string prefix = "bytes=0-";
        if (!text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ||
            !long.TryParse(text.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out long last))
        {
            return false;
        }

        lastByte = last;
        return true;
    }
}
