using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>The whole media in one request (multipart with a body, else media), sent again only if the source can be re-read.</summary>
internal static class SingleRequestUpload
{
    /// <summary>Sends the media and returns the response body.</summary>
    public static async ValueTask<byte[]> SendAsync(HttpPipeline pipeline, RequestDescription target, MediaUpload media, UploadEvents events, bool async, CancellationToken cancellationToken)
    {
        void Report(UploadStatus status, UploadState state, long bytes, Exception? error = null) => events.Report(new UploadProgress(status, state, bytes, media.Length, error));
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
        try
        {
            using var response = await pipeline.SendWithRetryAsync(
                () => new HttpRequestMessage(target.Method, target.Uri)
                {
                    Content = target.Json is null ? new MediaBodyContent(media, Written) : new MultipartRelatedContent(target.Json, media, Written),
                },
                canRetry: media.CanReadAt,
                async,
                cancellationToken,
                mediaBytes: media.Length ?? long.MaxValue).ConfigureAwait(false);
            body = await ResponseBody.ReadBytesAsync(response, async, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Report(UploadStatus.Cancelled, UploadState.New, 0);
            throw;
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

        Report(UploadStatus.Completed, UploadState.Complete, media.Length ?? 0);
        return body;
    }
}
