using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;

namespace Discovery.Runtime;

/// <summary>Checksums as a server reports them: the stored object's <c>crc32c</c>/<c>md5Hash</c> fields, or a download's <c>X-Goog-Hash</c> header.</summary>
internal readonly record struct ReportedDigest(string? Crc32C, string? Md5)
{
    public const string HeaderName = "X-Goog-Hash";

    public bool IsEmpty => Crc32C is null && Md5 is null;

    /// <summary>The top-level <c>crc32c</c> and <c>md5Hash</c> strings of a JSON object body (as in the Cloud Storage object resource); anything else yields none.</summary>
    public static ReportedDigest FromResource(byte[] body)
    {
        string? crc = null, md5 = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return default;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isCrc = reader.ValueTextEquals("crc32c"u8);
                bool isMd5 = !isCrc && reader.ValueTextEquals("md5Hash"u8);
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && (isCrc || isMd5))
                {
                    if (isCrc)
                    {
                        crc = reader.GetString();
                    }
                    else
                    {
                        md5 = reader.GetString();
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            // Not the JSON the caller will read either; its parser reports that, not the checksum.
            return default;
        }

        return new ReportedDigest(crc, md5);
    }

    /// <summary>The <c>crc32c=</c> and <c>md5=</c> items of every <c>X-Goog-Hash</c> header of <paramref name="response"/>.</summary>
    public static ReportedDigest FromHeader(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues(HeaderName, out IEnumerable<string>? values))
        {
            return default;
        }

        string? crc = null, md5 = null;
        foreach (string value in values)
        {
            foreach (string item in value.Split(','))
            {
                string trimmed = item.Trim();
                int equals = trimmed.IndexOf('=');
                if (equals <= 0)
                {
                    continue;
                }

                string name = trimmed.Substring(0, equals);
                string hash = trimmed.Substring(equals + 1);
                if (name.Equals("crc32c", StringComparison.OrdinalIgnoreCase))
                {
                    crc = hash;
                }
                else if (name.Equals("md5", StringComparison.OrdinalIgnoreCase))
                {
                    md5 = hash;
                }
            }
        }

        return new ReportedDigest(crc, md5);
    }

    /// <summary>The first algorithm both sides have whose values differ, or null when every shared one matches.</summary>
    public (string Algorithm, string Computed, string Reported)? FirstMismatch(MediaHasher hasher)
    {
        if (Crc32C is { } crc && hasher.Crc32CBase64 is { } computedCrc && !string.Equals(crc, computedCrc, StringComparison.Ordinal))
        {
            return ("crc32c", computedCrc, crc);
        }

        if (Md5 is { } md5 && hasher.Md5Base64 is { } computedMd5 && !string.Equals(md5, computedMd5, StringComparison.Ordinal))
        {
            return ("md5", computedMd5, md5);
        }

        return null;
    }

    /// <summary>Whether at least one algorithm the hasher computed was reported.</summary>
    public bool SharesAlgorithmWith(MediaHasher hasher)
        => (Crc32C is not null && hasher.Crc32CBase64 is not null) || (Md5 is not null && (hasher.Kinds & MediaChecksum.Md5) != 0);
}
