using System;
using System.Linq;
using System.Net.Http;

namespace Discovery.Runtime;

/// <summary>
/// The checksum side of one download: hashes the bytes in the order they are written (across every range),
/// takes the whole object's checksum from <c>X-Goog-Hash</c>, and decides at the end. Where the header cannot
/// describe the bytes written (a body the server decompressed), nothing is compared and the status says why.
/// </summary>
internal sealed class DownloadChecksum(MediaChecksum kinds) : IDisposable
{
    private const string StoredEncodingHeader = "x-goog-stored-content-encoding";

    private ReportedDigest _reported;

    public MediaHasher Hasher { get; } = new(kinds);

    public ChecksumStatus Status { get; private set; } = kinds == MediaChecksum.None ? ChecksumStatus.Disabled : ChecksumStatus.Pending;

    public string? Detail { get; private set; } = kinds == MediaChecksum.None ? "Checksums are off (MediaChecksum.None)." : null;

    public DownloadProgress Decorate(DownloadProgress progress) => progress with { Checksum = Status, ChecksumDetail = Detail };

    /// <summary>Reads what one successful response says about the object's checksum and whether it applies to the body.</summary>
    public void Observe(HttpResponseMessage response)
    {
        if (Status != ChecksumStatus.Pending)
        {
            return;
        }

        // Read raw: servers send the warn-text unquoted, which the typed header refuses to parse.
        if (response.Headers.TryGetValues("Warning", out var warnings) && warnings.Any(w => w.TrimStart().StartsWith("214", StringComparison.Ordinal)))
        {
            Skip("The server transformed the body (Warning: 214), so the object's checksum does not describe the bytes received; they were not verified.");
            return;
        }

        string served = response.Content.Headers.ContentEncoding.Count == 0 ? "identity" : string.Join(",", response.Content.Headers.ContentEncoding);
        if (response.Headers.TryGetValues(StoredEncodingHeader, out var stored) && string.Join(",", stored) is { Length: > 0 } storedEncoding &&
            !string.Equals(storedEncoding, served, StringComparison.OrdinalIgnoreCase))
        {
            Skip($"The object is stored {storedEncoding}-encoded but was served {served}, so its checksum does not describe the bytes received; they were not verified.");
            return;
        }

        if (_reported.IsEmpty)
        {
            _reported = ReportedDigest.FromHeader(response);
        }
    }

    /// <summary>The mismatch to fail with once every byte was written, or null (the status says whether anything was compared).</summary>
    public MediaIntegrityException? Verify(long written, Uri uri)
    {
        if (Status != ChecksumStatus.Pending)
        {
            return null;
        }

        if (_reported.IsEmpty || !_reported.SharesAlgorithmWith(Hasher))
        {
            Skip($"The server sent no {ReportedDigest.HeaderName} with a checksum this client computes, so the {written} bytes received were not verified.");
            return null;
        }

        if (!Hasher.Covers(written))
        {
            Skip("The bytes were not hashed in order, so they were not verified.");
            return null;
        }

        if (_reported.FirstMismatch(Hasher) is { } bad)
        {
            Status = ChecksumStatus.Unverifiable;
            Detail = $"The server's {bad.Algorithm} {bad.Reported} differs from the {bad.Computed} of the {written} bytes received.";
            return new MediaIntegrityException(upload: false, bad.Algorithm, bad.Computed, bad.Reported, written, HttpMethod.Get.Method, uri);
        }

        Status = ChecksumStatus.Verified;
        string what = string.Join(", ", new[] { _reported.Crc32C is not null && Hasher.Crc32CBase64 is not null ? "crc32c " + Hasher.Crc32CBase64 : null, _reported.Md5 is not null && Hasher.Md5Base64 is not null ? "md5 " + Hasher.Md5Base64 : null }.Where(x => x is not null));
        Detail = $"{what} of the {written} bytes received matches the server's {ReportedDigest.HeaderName}.";
        return null;
    }

    public void Dispose() => Hasher.Dispose();

    private void Skip(string reason)
    {
        Status = ChecksumStatus.Unverifiable;
        Detail = reason;
    }
}
