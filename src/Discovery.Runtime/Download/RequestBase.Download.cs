using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>The media download entry points of methods that support it (alt=media), run by <see cref="MediaDownloader"/>.</summary>
public abstract partial class RequestBase
{
    /// <summary>
    /// Streams the method's media (alt=media) into <paramref name="destination"/> with ranged requests of
    /// <see cref="ServiceOptions.DownloadChunkSize"/> bytes, resuming from the last byte written after a fault.
    /// </summary>
    protected Task DownloadMediaCoreAsync(Stream destination, Action<DownloadProgress>? progress, CancellationToken cancellationToken)
        => DownloadAsync(destination, progress, async: true, cancellationToken).AsTask();

    /// <summary>Synchronous twin of <see cref="DownloadMediaCoreAsync"/> (blocking I/O, no sync-over-async).</summary>
    protected void DownloadMediaCore(Stream destination, Action<DownloadProgress>? progress)
        => SyncPath.Complete(DownloadAsync(destination, progress, async: false, CancellationToken.None));

    /// <summary>The whole download is one call to listeners, however many ranges it takes.</summary>
    private async ValueTask DownloadAsync(Stream destination, Action<DownloadProgress>? progress, bool async, CancellationToken cancellationToken)
    {
        using var call = StartCall(upload: false);
        try
        {
            await new MediaDownloader(Pipeline, BuildMediaDownloadUri(), destination, progress).RunAsync(async, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (CallTelemetry.Ends(call, e, cancellationToken))
        {
            throw;
        }
    }

    internal Uri BuildMediaDownloadUri() => BuildUri(BuildPath(), relativeToRoot: false, q => q.Set("alt", "media"));
}
