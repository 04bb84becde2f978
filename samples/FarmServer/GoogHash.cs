using System;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Farm.Server;

/// <summary>
/// The <c>X-Goog-Hash</c> header, as Cloud Storage uses it: a client sends <c>crc32c=…</c> and/or <c>md5=…</c> (base64)
/// on the request that completes an upload and the object is not created when they do not match; downloads
/// carry the stored object's hashes the same way.
/// </summary>
internal static class GoogHash
{
    public const string Header = "X-Goog-Hash";

    /// <summary>The header values describing <paramref name="digest"/>, one per algorithm as Cloud Storage sends them.</summary>
    public static StringValues Describe(PictureDigest digest) => new([$"crc32c={digest.Crc32C}", $"md5={digest.Md5}"]);

    /// <summary>Refuses the upload (400, as Cloud Storage does) when a hash the client sent differs from the received bytes'.</summary>
    public static void Verify(HttpRequest request, PictureDigest received)
    {
        foreach (string? value in request.Headers[Header])
        {
            foreach (string item in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = item.IndexOf('=', StringComparison.Ordinal);
                string algorithm = equals > 0 ? item[..equals] : string.Empty;
                string sent = equals > 0 ? item[(equals + 1)..] : string.Empty;
                string? computed = algorithm.ToLowerInvariant() switch
                {
                    "crc32c" => received.Crc32C,
                    "md5" => received.Md5,
                    _ => null,
                };
                if (computed is null || !IsBase64(sent))
                {
                    throw FarmApiException.BadRequest($"Invalid {Header} header value '{item}'.");
                }

                if (!string.Equals(sent, computed, StringComparison.Ordinal))
                {
                    string name = algorithm.Equals("md5", StringComparison.OrdinalIgnoreCase) ? "MD5" : "CRC32C";
                    throw FarmApiException.BadRequest($"Provided {name} \"{sent}\" doesn't match calculated {name} \"{computed}\".");
                }
            }
        }
    }

    private static bool IsBase64(string text)
    {
        Span<byte> scratch = stackalloc byte[64];
        return text.Length > 0 && Convert.TryFromBase64String(text, scratch, out _);
    }
}
