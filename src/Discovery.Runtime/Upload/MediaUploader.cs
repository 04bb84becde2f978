using System;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>
/// Uploads one request's media in a single request or through the resumable engine (manual loop, resume, cancel);
/// it returns response bodies, since reading them is the request's business.
/// </summary>
internal sealed class MediaUploader(HttpPipeline pipeline, MediaUpload media, MediaUploadLimits limits, UploadEvents events)
{
    private ResumableUploadEngine? _engine;

    public MediaUpload Media => media;

    /// <summary>Whether a resumable upload began, after which the media can no longer be replaced.</summary>
    public bool Started => _engine is not null;

    public UploadSessionData? Session => _engine?.Session;

    /// <summary>The checksums of the next upload; a resumable upload keeps those it started with.</summary>
    public MediaChecksum Checksum { get; set; } = MediaChecksum.Crc32C;

    /// <summary>Uploads all of the media and returns the response body.</summary>
    public ValueTask<byte[]> UploadAsync(RequestDescription target, bool async, CancellationToken cancellationToken) => media.Resumable
        ? RunToEndAsync(Engine(target), async, cancellationToken)
        : SingleRequestUpload.SendAsync(pipeline, target, media, events, Checksum, async, cancellationToken);

    /// <summary>One step of the manual loop: resumable media until the server confirms the next chunk, other media whole.</summary>
    public async ValueTask<(UploadProgress Status, byte[]? Body)> NextChunkAsync(RequestDescription target, CancellationToken cancellationToken)
    {
        if (!media.Resumable)
        {
            var body = await UploadAsync(target, async: true, cancellationToken).ConfigureAwait(false);
            return (new UploadProgress(UploadStatus.Completed, UploadState.Complete, media.Length ?? 0, media.Length), body);
        }

        var engine = Engine(target);
        bool done = await engine.RunAsync(toCompletion: false, async: true, cancellationToken).ConfigureAwait(false);
        return done ? (engine.Progress(UploadStatus.Completed), engine.CompletedBody) : (engine.Progress(UploadStatus.Uploading), null);
    }

    /// <summary>Continues a session saved earlier (possibly by another process) and returns the response body.</summary>
    public ValueTask<byte[]> ResumeAsync(RequestDescription target, UploadSessionData session, bool async, CancellationToken cancellationToken)
    {
        if (!media.Resumable)
        {
            throw new InvalidOperationException("Only resumable media can resume a session.");
        }

        var engine = Engine(target);
        engine.ResumeFrom(session);
        return RunToEndAsync(engine, async, cancellationToken);
    }

    /// <summary>Deletes the resumable session on the server.</summary>
    public ValueTask CancelAsync(CancellationToken cancellationToken)
        => (_engine ?? throw new InvalidOperationException("No resumable upload was started.")).CancelSessionAsync(async: true, cancellationToken);

    private static async ValueTask<byte[]> RunToEndAsync(ResumableUploadEngine engine, bool async, CancellationToken cancellationToken)
    {
        await engine.RunAsync(toCompletion: true, async, cancellationToken).ConfigureAwait(false);
        return engine.CompletedBody!;
    }

    private ResumableUploadEngine Engine(RequestDescription target) => _engine ??= new ResumableUploadEngine(pipeline, target, media, limits, events, Checksum);
}
