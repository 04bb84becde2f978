using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>The whole media in one request (multipart with a body, else media), sent again only if the source can be re-read.</summary>
internal static class SingleRequestUpload
{
    /// <summary>Sends the media and returns the response body.</summary>
    public static async ValueTask<byte[]> SendAsync(HttpPipeline pipeline, RequestDescription target, MediaUpload media, UploadEvents events, MediaChecksum checksums, bool async, CancellationToken cancellationToken)
    {
        using var checksum = new UploadChecksum(checksums);
        void Report(UploadStatus status, UploadState state, long bytes, Exception? error = null) => events.Report(checksum.Decorate(new UploadProgress(status, state, bytes, media.Length, error)));
        var call = CallTelemetry.Current;
        long counted = 0;
        void Written(long bytes)
        {
            // Positions restart at each attempt; the telemetry counts every byte written, re-sent ones included.
            call?.MediaSent(bytes > counted ? bytes - counted : bytes);
            counted = bytes;
            Report(UploadStatus.Uploading, UploadState.Sending, bytes);
        }

        Report(UploadStatus.Starting, UploadState.New, 0);
        byte[] body;
        long total;
        HttpRequestMessage? last = null;
        try
        {
            // The header precedes the body, so the hash of seekable media is taken in a pass of its own; a
            // forward-only source is hashed while it is sent and checked against the stored object instead.
            if (checksum.Hasher.Enabled && media.CanReadAt && media.Length is long length)
            {
                await checksum.CatchUpAsync(media, length, async, cancellationToken).ConfigureAwait(false);
            }

            using var response = await pipeline.SendWithRetryAsync(
                () =>
                {
                    last = new HttpRequestMessage(target.Method, target.Uri)
                    {
                        Content = target.Json is null ? new MediaBodyContent(media, Written, checksum.Hasher) : new MultipartRelatedContent(target.Json, media, Written, checksum.Hasher),
                    };
                    if (media.CanReadAt && media.Length is long known)
                    {
                        checksum.AddHeader(last, known);
                    }

                    return last;
                },
                canRetry: media.CanReadAt,
                async,
                cancellationToken,
                mediaBytes: media.Length ?? long.MaxValue).ConfigureAwait(false);
            body = await ResponseBody.ReadBytesAsync(response, async, cancellationToken).ConfigureAwait(false);
            total = media.Length ?? checksum.Hasher.Position;
            if (checksum.Verify(body, total, target.Method, target.Uri) is { } mismatch)
            {
                throw mismatch;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Report(UploadStatus.Cancelled, UploadState.New, 0);
            throw;
        }
        catch (HttpError e) when (last is not null && checksum.Explain(e, last) is HttpError explained && explained != e)
        {
            Report(UploadStatus.Failed, UploadState.Failed, 0, explained);
            throw explained;
        }
        catch (Exception e)
        {
            Report(UploadStatus.Failed, UploadState.Failed, 0, e);
            throw;
        }
        finally
        {
            media.ReleaseSource();
        }

        Report(UploadStatus.Completed, UploadState.Complete, total);
        return body;
    }
}
