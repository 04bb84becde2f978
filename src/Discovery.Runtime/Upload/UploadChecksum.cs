using System;
using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>
/// The checksum side of one upload: the running hash of the media, what the completing request carries in
/// <c>X-Goog-Hash</c>, the comparison with the stored object the final response describes, and the status
/// progress reports show. It never sends a checksum that does not cover every byte.
/// </summary>
internal sealed class UploadChecksum(MediaChecksum kinds) : IDisposable
{
    private const int CatchUpBuffer = 256 * 1024;

    private string? _unavailable;

    public MediaHasher Hasher { get; } = new(kinds);

    public ChecksumStatus Status { get; private set; } = kinds == MediaChecksum.None ? ChecksumStatus.Disabled : ChecksumStatus.Pending;

    public string? Detail { get; private set; } = kinds == MediaChecksum.None ? "Checksums are off (MediaChecksum.None)." : null;

    /// <summary>Bytes read from the source only to hash them.</summary>
    public long ReadBytes { get; private set; }

    /// <summary>The header value last put on a request, if any.</summary>
    public string? Sent { get; private set; }

    public UploadProgress Decorate(UploadProgress progress) => progress with { Checksum = Status, ChecksumDetail = Detail, ChecksumReadBytes = ReadBytes };

    /// <summary>
    /// Makes the hash cover [0, <paramref name="end"/>) before bytes from there are sent: a seekable source is
    /// read again for the bytes not hashed yet; for a forward-only source they are gone, and the upload goes on
    /// without a checksum (said in <see cref="Detail"/>).
    /// </summary>
    public async ValueTask CatchUpAsync(MediaUpload media, long end, bool async, CancellationToken cancellationToken)
    {
        if (!Hasher.Enabled || Hasher.HasGap || Hasher.Position >= end || _unavailable is not null)
        {
            return;
        }

        if (!media.CanReadAt)
        {
            MarkUnavailable(string.Create(CultureInfo.InvariantCulture,
                $"The upload continues at byte {end} of a forward-only source whose first bytes this process no longer has, so no checksum is sent and the stored object cannot be verified."));
            return;
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(CatchUpBuffer, end - Hasher.Position));
        try
        {
            while (Hasher.Position < end)
            {
                long position = Hasher.Position;
                int want = (int)Math.Min(buffer.Length, end - position);
                int n = async
                    ? await media.ReadAsync(position, buffer.AsMemory(0, want), cancellationToken).ConfigureAwait(false)
                    : media.Read(position, buffer.AsSpan(0, want));
                if (n == 0)
                {
                    throw new UploadException(
                        string.Create(CultureInfo.InvariantCulture, $"The media ended after {position} bytes while hashing it, although {end} were expected: the source changed during the upload."), UploadState.Failed);
                }

                Hasher.Append(position, buffer.AsSpan(0, n));
                ReadBytes += n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Adds <c>X-Goog-Hash</c> to the request completing media of <paramref name="total"/> bytes, when the hash covers all of it.</summary>
    public void AddHeader(HttpRequestMessage request, long total)
    {
        if (Hasher.HeaderFor(total) is { } value)
        {
            request.Headers.TryAddWithoutValidation(ReportedDigest.HeaderName, value);
            Sent = value;
        }
        else if (Hasher.Enabled && _unavailable is null)
        {
            MarkUnavailable("Bytes reached the request before the ones ahead of them were hashed, so no checksum is sent and the stored object cannot be verified.");
        }
    }

    /// <summary>A 400 to a request that carried the header: most likely the server refused the checksum, which is never retried.</summary>
    public Exception Explain(HttpError error, HttpRequestMessage request)
    {
        if (error.StatusCode != HttpStatusCode.BadRequest || !request.Headers.Contains(ReportedDigest.HeaderName))
        {
            return error;
        }

        Status = ChecksumStatus.Unverifiable;
        Detail = "The server refused the request that carried the checksum.";
        return new HttpError(error.StatusCode, error.ResponseBody, error.RequestMethod, request.RequestUri!,
            $"The request carried {ReportedDigest.HeaderName}: {Sent}. A 400 to it means the server found other bytes than the ones sent (nothing was stored; upload again) or does not accept the header (set the request's Checksum or ServiceOptions.Checksum to MediaChecksum.None).",
            error);
    }

    /// <summary>Compares the completed upload's stored object with the hash; a mismatch is the exception to fail with.</summary>
    public MediaIntegrityException? Verify(byte[] body, long total, HttpMethod method, Uri requestUri)
    {
        if (!Hasher.Enabled)
        {
            return null;
        }

        if (!Hasher.Covers(total))
        {
            MarkUnavailable(_unavailable ?? "The checksum does not cover the whole media, so the stored object cannot be verified.");
            return null;
        }

        var reported = ReportedDigest.FromResource(body);
        if (reported.FirstMismatch(Hasher) is { } bad)
        {
            Status = ChecksumStatus.Unverifiable;
            Detail = $"The stored object's {bad.Algorithm} {bad.Reported} differs from the {bad.Computed} of the bytes sent.";
            return new MediaIntegrityException(upload: true, bad.Algorithm, bad.Computed, bad.Reported, total, method.Method, requestUri);
        }

        string computed = Describe();
        if (reported.SharesAlgorithmWith(Hasher))
        {
            Status = ChecksumStatus.Verified;
            Detail = $"{computed} of the {total} bytes sent matches the stored object{(Sent is null ? string.Empty : " and was checked by the server")}.";
        }
        else if (Sent is not null)
        {
            Status = ChecksumStatus.Verified;
            Detail = $"{computed} of the {total} bytes sent was checked by the server ({ReportedDigest.HeaderName}); the response does not describe the stored object's checksum.";
        }
        else
        {
            MarkUnavailable($"{computed} was computed, but neither was it sent nor does the response describe the stored object's checksum.");
        }

        return null;
    }

    public void MarkUnavailable(string reason)
    {
        _unavailable = reason;
        Status = ChecksumStatus.Unverifiable;
        Detail = reason;
    }

    public void Dispose() => Hasher.Dispose();

    private string Describe()
    {
        string? crc = Hasher.Crc32CBase64, md5 = Hasher.Md5Base64;
        return crc is not null && md5 is not null ? $"crc32c {crc}, md5 {md5}" : crc is not null ? $"crc32c {crc}" : $"md5 {md5}";
    }
}
