using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>
/// The whole media in one request: <c>uploadType=multipart</c> when the method has a body, <c>uploadType=media</c>
/// when not. It is sent again only when the source can be re-read from the start.
/// </summary>
internal static class SingleRequestUpload
{
    /// <summary>Sends the media and returns the response body.</summary>
    public static async ValueTask<byte[]> SendAsync(HttpPipeline pipeline, UploadTarget target, MediaUpload media, UploadEvents events, bool async, CancellationToken cancellationToken)
    {
        events.Report(new UploadProgress(UploadStatus.Starting, UploadState.New, 0, media.Length));
        void Written(long bytes) => events.Report(new UploadProgress(UploadStatus.Uploading, UploadState.Sending, bytes, media.Length));
        byte[] body;
        try
        {
            using var response = await pipeline.SendWithRetryAsync(
                () => new HttpRequestMessage(target.Method, target.Uri)
                {
                    Content = target.Metadata is null ? new MediaBodyContent(media, Written) : new MultipartRelatedContent(target.Metadata, media, Written),
                },
                canRetry: media.CanReadAt,
                async,
                cancellationToken,
                mediaBytes: media.Length ?? long.MaxValue).ConfigureAwait(false);
            body = await ResponseBody.ReadBytesAsync(response, async, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            events.Report(new UploadProgress(UploadStatus.Cancelled, UploadState.New, 0, media.Length));
            throw;
        }
        catch (Exception e)
        {
            events.Report(new UploadProgress(UploadStatus.Failed, UploadState.Failed, 0, media.Length, e));
            throw;
        }
        finally
        {
            media.ReleaseSource();
        }

        events.Report(new UploadProgress(UploadStatus.Completed, UploadState.Complete, media.Length ?? 0, media.Length));
        return body;
    }
}
