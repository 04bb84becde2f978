using System;
using System.Globalization;

namespace Discovery.Runtime;

/// <summary>
/// The bytes at one end of a transfer are not the bytes at the other: the checksum the client computed differs
/// from the one the server reported. For an upload the server has already stored the object with the wrong
/// content (delete it or upload it again); for a download the destination stream has received
/// <see cref="BytesTransferred"/> bytes that must not be trusted.
/// </summary>
public class MediaIntegrityException : Exception
{
    /// <summary>Creates the error; <paramref name="requestUri"/> is redacted before it is stored or printed.</summary>
    public MediaIntegrityException(bool upload, string algorithm, string computed, string reported, long bytesTransferred, string requestMethod, Uri requestUri)
        : base(BuildMessage(upload, algorithm, computed, reported, bytesTransferred, requestMethod, UriRedactor.Redact(requestUri)))
    {
        IsUpload = upload;
        Algorithm = algorithm;
        ComputedValue = computed;
        ReportedValue = reported;
        BytesTransferred = bytesTransferred;
        RequestMethod = requestMethod;
        RequestUri = UriRedactor.Redact(requestUri);
    }

    /// <summary>True for an upload (the server stored other bytes), false for a download (other bytes arrived).</summary>
    public bool IsUpload { get; }

    /// <summary><c>crc32c</c> or <c>md5</c>.</summary>
    public string Algorithm { get; }

    /// <summary>The checksum of the bytes this client sent (upload) or wrote to the destination (download), base64.</summary>
    public string ComputedValue { get; }

    /// <summary>The checksum the server reported: of the object it stored (upload) or in <c>X-Goog-Hash</c> (download), base64.</summary>
    public string ReportedValue { get; }

    /// <summary>Bytes sent (upload) or written to the caller's stream (download).</summary>
    public long BytesTransferred { get; }

    /// <summary>The HTTP method of the request whose response carried the reported checksum.</summary>
    public string RequestMethod { get; }

    /// <summary>That request's URI, with upload session ids and API keys redacted.</summary>
    public Uri RequestUri { get; }

    private static string BuildMessage(bool upload, string algorithm, string computed, string reported, long bytes, string method, Uri uri) => upload
        ? string.Create(CultureInfo.InvariantCulture,
            $"{method} {uri}: the server stored an object whose {algorithm} is {reported}, but the {bytes} bytes sent have {algorithm} {computed}. The object exists on the server with the wrong content: delete it or upload it again.")
        : string.Create(CultureInfo.InvariantCulture,
            $"{method} {uri}: the server's {algorithm} of the media is {reported}, but the {bytes} bytes written to the destination have {algorithm} {computed}. Discard what was written and download again.");
}
