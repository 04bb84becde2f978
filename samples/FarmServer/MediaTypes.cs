using System;
using Microsoft.Net.Http.Headers;

namespace Farm.Server;

/// <summary>The <c>mediaUpload.accept</c> list of farm.discovery.json.</summary>
internal static class MediaTypes
{
    public const string Default = "application/octet-stream";

    /// <summary>Returns the media type without parameters, or throws 400 when it is not accepted.</summary>
    public static string RequireAccepted(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return Default;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? parsed)
            || parsed.Type.Length == 0
            || parsed.SubType.Length == 0
            || parsed.MatchesAllSubTypes)
        {
            throw new FarmApiException(400, "badContent", $"Invalid media type '{contentType}'.");
        }

        string mediaType = parsed.MediaType.Value!;
        bool accepted = parsed.Type.Equals("image", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals(Default, StringComparison.OrdinalIgnoreCase);
        if (!accepted)
        {
            throw new FarmApiException(
                400,
                "badContent",
                $"Media type '{mediaType}' is not supported. Valid media types: [image/*, application/octet-stream]");
        }

        return mediaType;
    }
}
