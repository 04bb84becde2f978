using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Discovery.Runtime;

/// <summary>
/// What is needed to resume a resumable upload in another process: the session URI (a secret: store it like a
/// credential), the confirmed offset, the total when known and the identity of the source.
/// </summary>
public sealed class UploadSessionData
{
    private const int FormatVersion = 1;
    private const int MaxSerializedLength = 16 * 1024;

    /// <summary>Creates session data; throws <see cref="ArgumentException"/> for inconsistent values.</summary>
    public UploadSessionData(Uri sessionUri, long offset, long? totalBytes, string mimeType, string? sourceIdentity)
    {
        ArgumentNullException.ThrowIfNull(sessionUri);
        ArgumentException.ThrowIfNullOrWhiteSpace(mimeType);
        if (!sessionUri.IsAbsoluteUri || (sessionUri.Scheme != Uri.UriSchemeHttps && sessionUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The session URI must be an absolute http(s) URI.", nameof(sessionUri));
        }

        if (offset < 0 || (totalBytes is long total && (total < 0 || offset > total)))
        {
            throw new ArgumentException("The offset must lie between 0 and the total size.", nameof(offset));
        }

        SessionUri = sessionUri;
        Offset = offset;
        TotalBytes = totalBytes;
        MimeType = mimeType;
        SourceIdentity = sourceIdentity;
    }

    /// <summary>The session URI returned by the initiation request.</summary>
    public Uri SessionUri { get; }

    /// <summary>Bytes the server had confirmed when this was taken; the resume asks the server again.</summary>
    public long Offset { get; }

    /// <summary>The media size, when known.</summary>
    public long? TotalBytes { get; }

    /// <summary>The media type of the upload.</summary>
    public string MimeType { get; }

    /// <summary>The source's <see cref="MediaUpload.SourceIdentity"/>; a resume with a different source is refused.</summary>
    public string? SourceIdentity { get; }

    /// <summary>Serializes to a small JSON document.</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", FormatVersion);
            writer.WriteString("sessionUri", SessionUri.AbsoluteUri);
            writer.WriteNumber("offset", Offset);
            if (TotalBytes is long total)
            {
                writer.WriteNumber("totalBytes", total);
            }
            else
            {
                writer.WriteNull("totalBytes");
            }

            writer.WriteString("mimeType", MimeType);
            writer.WriteString("sourceIdentity", SourceIdentity);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes <see cref="ToJson"/> as UTF-8.</summary>
    public void Save(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Write(Encoding.UTF8.GetBytes(ToJson()));
    }

    /// <summary>Reads what <see cref="Save"/> wrote; see <see cref="FromJson"/> for the checks.</summary>
    public static UploadSessionData Load(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var buffer = new byte[MaxSerializedLength + 1];
        int total = 0;
        int n;
        while (total < buffer.Length && (n = source.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += n;
        }

        if (total > MaxSerializedLength)
        {
            throw new FormatException("Upload session data is larger than any valid session.");
        }

        return FromJson(Encoding.UTF8.GetString(buffer, 0, total));
    }

    /// <summary>
    /// Parses session data, refusing anything that is not exactly what <see cref="ToJson"/> writes: unknown or
    /// missing properties, wrong types, another version, a non-http(s) URI, or an offset outside the total.
    /// Throws <see cref="FormatException"/>.
    /// </summary>
    public static UploadSessionData FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxSerializedLength)
        {
            throw new FormatException("Upload session data is larger than any valid session.");
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("Upload session data must be a JSON object.");
            }

            int? version = null;
            string? uri = null, mimeType = null, identity = null;
            long? offset = null, total = null;
            bool sawTotal = false, sawIdentity = false;
            foreach (var property in root.EnumerateObject())
            {
                var value = property.Value;
                switch (property.Name)
                {
                    case "version" when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var v):
                        version = v;
                        break;
                    case "sessionUri" when value.ValueKind == JsonValueKind.String:
                        uri = value.GetString();
                        break;
                    case "offset" when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var o):
                        offset = o;
                        break;
                    case "totalBytes" when value.ValueKind == JsonValueKind.Null:
                        sawTotal = true;
                        break;
                    case "totalBytes" when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var t):
                        total = t;
                        sawTotal = true;
                        break;
                    case "mimeType" when value.ValueKind == JsonValueKind.String:
                        mimeType = value.GetString();
                        break;
                    case "sourceIdentity" when value.ValueKind is JsonValueKind.String or JsonValueKind.Null:
                        identity = value.GetString();
                        sawIdentity = true;
                        break;
                    default:
                        throw new FormatException($"Upload session data has an unexpected or mistyped property '{property.Name}'.");
                }
            }

            if (version != FormatVersion)
            {
                throw new FormatException("Upload session data has an unsupported version.");
            }

            if (uri is null || offset is null || mimeType is null || !sawTotal || !sawIdentity)
            {
                throw new FormatException("Upload session data is missing a required property.");
            }

            if (!Uri.TryCreate(uri, UriKind.Absolute, out var sessionUri))
            {
                throw new FormatException("Upload session data has an invalid session URI.");
            }

            return new UploadSessionData(sessionUri, offset.Value, total, mimeType, identity);
        }
        catch (JsonException e)
        {
            throw new FormatException("Upload session data is not valid JSON.", e);
        }
        catch (ArgumentException e)
        {
            throw new FormatException("Upload session data is inconsistent: " + e.Message, e);
        }
    }
}
