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
/// Downloads media with ranged GETs of at most one download chunk each, through one pooled copy buffer. After a
/// fault (error status, dropped connection, short body) it asks again from the last byte written, so a fault
/// costs at most the bytes in flight.
/// </summary>
internal static class MediaDownloader
{
    private const int CopyBufferSize = 81920;

    public static async ValueTask DownloadAsync(HttpPipeline pipeline, Uri uri, Stream destination, Action<DownloadProgress>? progress, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        int chunkSize = pipeline.DownloadChunkSize;
        long received = 0;
        long? total = null;
        var retrier = pipeline.NewRetrier();

        // The version of the media the first response came from: later ranges must come from the same one.
        EntityTagHeaderValue? version = null;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            while (total is null || received < total)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.Range = new RangeHeaderValue(received, received + chunkSize - 1);

                // Ranges count stored bytes; if the handler inflated a gzip-encoded body, the bytes counted
                // here would not be the bytes the ranges refer to, and the download would end early.
                request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("identity"));
                if (received > 0 && version is not null)
                {
                    // If the media changed, the server sends the new version whole instead of a range of it.
                    request.Headers.IfRange = new RangeConditionHeaderValue(version);
                }

                Exception? fault = null;
                retrier.Heard(null);
                HttpResponseMessage? response = null;
                try
                {
                    response = await pipeline.SendOnceAsync(request, async, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (ErrorClassifier.IsTransportFailure(e, cancellationToken) && retrier.Decide(e, HttpMethod.Get, RequestKind.Plain) == ErrorClass.Retry)
                {
                    fault = e;
                }

                if (response is not null)
                {
                    using (response)
                    {
                        var status = response.StatusCode;
                        var range = response.Content.Headers.ContentRange;
                        if (status == HttpStatusCode.RequestedRangeNotSatisfiable && (received == 0 || range?.Length == received))
                        {
                            // The requested range starts at the end: an empty media, or one whose last chunk ended exactly.
                            total = received;
                            break;
                        }

                        if (!response.IsSuccessStatusCode)
                        {
                            var error = await ResponseBody.ReadErrorAsync(response, request, async, cancellationToken).ConfigureAwait(false);
                            if (retrier.Decide(error, HttpMethod.Get, RequestKind.Plain) != ErrorClass.Retry)
                            {
                                progress?.Invoke(new DownloadProgress(DownloadStatus.Failed, received, total, error));
                                throw error;
                            }

                            fault = error;
                            retrier.Heard(response);
                        }
                        else
                        {
                            var tag = response.Headers.ETag;
                            if (version is null && tag is { IsWeak: false })
                            {
                                version = tag;
                            }
                            else if (version is not null && tag is not null && tag.Tag != version.Tag)
                            {
                                // Splicing two versions would hand the caller a file that never existed.
                                var changed = new HttpError(status, null, request.Method.Method, uri,
                                    string.Create(CultureInfo.InvariantCulture, $"The media changed on the server during the download (ETag {version.Tag}, now {tag.Tag}) after {received} bytes; start the download again."));
                                progress?.Invoke(new DownloadProgress(DownloadStatus.Failed, received, total, changed));
                                throw changed;
                            }

                            long skip = 0;
                            long? expected = null;
                            if (status == HttpStatusCode.PartialContent)
                            {
                                if (range?.From != received || range.To is null)
                                {
                                    throw new HttpError(status, null, request.Method.Method, uri,
                                        string.Create(CultureInfo.InvariantCulture, $"The server answered a request for byte {received} with Content-Range '{range}'."));
                                }

                                total = range.Length ?? total;
                                expected = range.To.Value - range.From.Value + 1;
                            }
                            else
                            {
                                // The server ignored Range and sent everything: skip what is already written.
                                skip = received;
                                if (response.Content.Headers.ContentLength is long length)
                                {
                                    total = length;
                                    expected = length;
                                }
                            }

                            var (got, readFault) = await CopyAsync(response, destination, buffer, skip, position => progress?.Invoke(new DownloadProgress(DownloadStatus.Downloading, position, total)), received, async, cancellationToken).ConfigureAwait(false);
                            received += got;
                            if (got > 0)
                            {
                                retrier.Reset();
                            }

                            long bodyBytes = got + (status == HttpStatusCode.PartialContent ? 0 : skip);
                            if (readFault is not null || (expected is long want && bodyBytes < want))
                            {
                                fault = readFault ?? new IOException("The response body ended before the bytes it announced.");
                            }
                            else if (status != HttpStatusCode.PartialContent || (total is null && got < chunkSize))
                            {
                                total = received;
                            }
                        }
                    }
                }

                if (fault is not null)
                {
                    if (!retrier.Failed())
                    {
                        progress?.Invoke(new DownloadProgress(DownloadStatus.Failed, received, total, fault));
                        throw fault;
                    }

                    await retrier.WaitAsync(async, cancellationToken).ConfigureAwait(false);
                }
            }

            progress?.Invoke(new DownloadProgress(DownloadStatus.Completed, received, total));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Copies the body; a failure of the connection is returned (to retry), a failure of the destination is thrown.</summary>
    private static async ValueTask<(long Written, Exception? Fault)> CopyAsync(
        HttpResponseMessage response, Stream destination, byte[] buffer, long skip, Action<long> report, long start, bool async, CancellationToken cancellationToken)
    {
        long written = 0;
        Stream body;
        try
        {
            body = async
                ? await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false)
                : response.Content.ReadAsStream(cancellationToken);
        }
        catch (Exception e) when (ErrorClassifier.IsTransportFailure(e, cancellationToken))
        {
            return (0, e);
        }

        using (body)
        {
            while (true)
            {
                int n;
                try
                {
                    n = async
                        ? await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)
                        : body.Read(buffer, 0, buffer.Length);
                }
                catch (Exception e) when (ErrorClassifier.IsTransportFailure(e, cancellationToken))
                {
                    return (written, e);
                }

                if (n == 0)
                {
                    return (written, null);
                }

                int offset = 0;
                if (skip > 0)
                {
                    offset = (int)Math.Min(n, skip);
                    skip -= offset;
                }

                if (offset < n)
                {
                    if (async)
                    {
                        await destination.WriteAsync(buffer.AsMemory(offset, n - offset), cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        destination.Write(buffer, offset, n - offset);
                    }

                    written += n - offset;
                    report(start + written);
                }
            }
        }
    }
}
