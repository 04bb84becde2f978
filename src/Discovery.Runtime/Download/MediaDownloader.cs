using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>
/// Downloads media with ranged GETs of at most one download chunk each, through one pooled copy buffer. Each range
/// is one step: request it, read its answer, decide, wait. After a fault (error status, dropped connection, short
/// body) the next range starts at the last byte written, so a fault costs at most the bytes in flight.
/// </summary>
internal sealed class MediaDownloader(HttpPipeline pipeline, Uri uri, Stream destination, Action<DownloadProgress>? progress, MediaChecksum checksums)
{
    private const int CopyBufferSize = 81920;

    private readonly Retrier _retrier = pipeline.NewRetrier();
    private readonly DownloadChecksum _checksum = new(checksums);
    private byte[] _buffer = Array.Empty<byte>();
    private long _received;
    private long? _total;
    private bool _reauthorized;

    // The version of the media the first response came from: later ranges must come from the same one.
    private EntityTagHeaderValue? _version;

    public async ValueTask RunAsync(bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        _buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            while (_total is null || _received < _total)
            {
                if (await RequestRangeAsync(async, cancellationToken).ConfigureAwait(false) is { } fault)
                {
                    await _retrier.RetryOrThrowAsync(fault, HttpMethod.Get, canRetry: true, async, cancellationToken, e => Failed(e)).ConfigureAwait(false);
                }
            }

            if (_checksum.Verify(_received, uri) is { } mismatch)
            {
                throw Failed(mismatch);
            }

            Report(DownloadStatus.Completed);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _checksum.Dispose();
        }
    }

    /// <summary>One ranged GET from the last byte written; returns the fault to retry after, or null.</summary>
    private async ValueTask<Exception?> RequestRangeAsync(bool async, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Range = new RangeHeaderValue(_received, _received + pipeline.DownloadChunkSize - 1);

        // Ranges count stored bytes; if the handler inflated a gzip-encoded body, the bytes counted
        // here would not be the bytes the ranges refer to, and the download would end early.
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("identity"));
        if (_received > 0 && _version is not null)
        {
            // If the media changed, the server sends the new version whole instead of a range of it.
            request.Headers.IfRange = new RangeConditionHeaderValue(_version);
        }

        _retrier.Heard(null);
        HttpResponseMessage response;
        try
        {
            response = await pipeline.SendOnceAsync(request, async, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (ErrorClassifier.IsTransportFailure(e, cancellationToken))
        {
            return e;
        }

        using (response)
        {
            return await ReadAnswerAsync(response, request, async, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<Exception?> ReadAnswerAsync(HttpResponseMessage response, HttpRequestMessage request, bool async, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && (_received == 0 || response.Content.Headers.ContentRange?.Length == _received))
        {
            // The requested range starts at the end: an empty media, or one whose last chunk ended exactly.
            _total = _received;
            return null;
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized && !_reauthorized && pipeline.TokenRejected(request))
        {
            // The token expired or was revoked: the same range again, once, with a fresh one.
            _reauthorized = true;
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            _retrier.Heard(response);
            return await ResponseBody.ReadErrorAsync(response, request, async, cancellationToken).ConfigureAwait(false);
        }

        CheckVersion(response);
        _checksum.Observe(response);
        bool partial = response.StatusCode == HttpStatusCode.PartialContent;
        long? expected = partial ? ExpectRange(response) : response.Content.Headers.ContentLength;

        // A server that ignored Range sends everything: what is already written is skipped.
        long skip = partial ? 0 : _received;
        _total = partial ? _total : expected ?? _total;
        var (written, readFault) = await CopyAsync(response, skip, async, cancellationToken).ConfigureAwait(false);
        if (written > 0)
        {
            _retrier.Reset();
        }

        if (readFault is not null || (expected is long want && written + skip < want))
        {
            return readFault ?? new IOException("The response body ended before the bytes it announced.");
        }

        if (!partial || (_total is null && written < pipeline.DownloadChunkSize))
        {
            _total = _received;
        }

        return null;
    }

    /// <summary>Splicing two versions would hand the caller a file that never existed.</summary>
    private void CheckVersion(HttpResponseMessage response)
    {
        var tag = response.Headers.ETag;
        if (_version is null && tag is { IsWeak: false })
        {
            _version = tag;
        }
        else if (_version is not null && tag is not null && tag.Tag != _version.Tag)
        {
            throw Failed(new HttpError(response.StatusCode, null, HttpMethod.Get.Method, uri,
                string.Create(CultureInfo.InvariantCulture, $"The media changed on the server during the download (ETag {_version.Tag}, now {tag.Tag}) after {_received} bytes; start the download again.")));
        }
    }

    /// <summary>The bytes a 206 announces; it must start where the download stands.</summary>
    private long ExpectRange(HttpResponseMessage response)
    {
        var range = response.Content.Headers.ContentRange;
        if (range?.From != _received || range.To is null)
        {
            throw new HttpError(response.StatusCode, null, HttpMethod.Get.Method, uri,
                string.Create(CultureInfo.InvariantCulture, $"The server answered a request for byte {_received} with Content-Range '{range}'."));
        }

        _total = range.Length ?? _total;
        return range.To.Value - range.From.Value + 1;
    }

    /// <summary>Copies the body, skipping its first bytes; a failure of the connection is returned (to retry), one of the destination thrown.</summary>
    private async ValueTask<(long Written, Exception? Fault)> CopyAsync(HttpResponseMessage response, long skip, bool async, CancellationToken cancellationToken)
    {
        long start = _received;
        bool writing = false;
        try
        {
            using var body = async
                ? await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false)
                : response.Content.ReadAsStream(cancellationToken);
            int n;
            while ((n = async ? await body.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false) : body.Read(_buffer, 0, _buffer.Length)) > 0)
            {
                int offset = (int)Math.Min(n, skip);
                skip -= offset;
                writing = true;
                await WriteAsync(offset, n - offset, async, cancellationToken).ConfigureAwait(false);
                writing = false;
            }

            return (_received - start, null);
        }
        catch (Exception e) when (!writing && ErrorClassifier.IsTransportFailure(e, cancellationToken))
        {
            return (_received - start, e);
        }
    }

    private async ValueTask WriteAsync(int offset, int count, bool async, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return;
        }

        // Hashed in the order written, across ranges, so the hash is of what the caller's stream received.
        _checksum.Hasher.Append(_received, _buffer.AsSpan(offset, count));
        if (async)
        {
            await destination.WriteAsync(_buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            destination.Write(_buffer, offset, count);
        }

        _received += count;
        CallTelemetry.Current?.MediaReceived(count);
        Report(DownloadStatus.Downloading);
    }

    private Exception Failed(Exception error)
    {
        Report(DownloadStatus.Failed, error);
        return error;
    }

    private void Report(DownloadStatus status, Exception? error = null) => progress?.Invoke(_checksum.Decorate(new DownloadProgress(status, _received, _total, error)));
}
