using System;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>
/// Uploads one request's media: in a single request (<see cref="SingleRequestUpload"/>) or resumable through
/// <see cref="ResumableUploadEngine"/>, with the manual chunk loop, resuming a saved session and cancelling on
/// top of the engine. Returns response bodies; reading them is the request's business.
/// </summary>
internal sealed class MediaUploader
{
    private readonly HttpPipeline _pipeline;
    private readonly MediaUploadLimits _limits;
    private readonly UploadEvents _events;
    private ResumableUploadEngine? _engine;

    /// <summary>Throws <see cref="ArgumentException"/> at once if the media breaks the method's limits or the chunk-size rule.</summary>
    public MediaUploader(HttpPipeline pipeline, MediaUpload media, MediaUploadLimits limits, UploadEvents events)
    {
        limits.Validate(media);
        _pipeline = pipeline;
        Media = media;
        _limits = limits;
        _events = events;
    }

    public MediaUpload Media { get; }

    /// <summary>Whether a resumable upload began, after which the media can no longer be replaced.</summary>
    public bool Started => _engine is not null;

    public UploadSessionData? Session => _engine?.Session;

    /// <summary>Uploads all of the media and returns the response body.</summary>
    public async ValueTask<byte[]> UploadAsync(UploadTarget target, bool async, CancellationToken cancellationToken)
    {
        if (!Media.Resumable)
        {
            return await SingleRequestUpload.SendAsync(_pipeline, target, Media, _events, async, cancellationToken).ConfigureAwait(false);
        }

        var engine = Engine(target);
        await engine.RunAsync(toCompletion: true, async, cancellationToken).ConfigureAwait(false);
        return engine.CompletedBody!;
    }

    /// <summary>One step of the manual loop: resumable media until the server confirms the next chunk, other media whole.</summary>
    public async ValueTask<(UploadProgress Status, byte[]? Body)> NextChunkAsync(UploadTarget target, CancellationToken cancellationToken)
    {
        if (!Media.Resumable)
        {
            var body = await UploadAsync(target, async: true, cancellationToken).ConfigureAwait(false);
            return (new UploadProgress(UploadStatus.Completed, UploadState.Complete, Media.Length ?? 0, Media.Length), body);
        }

        var engine = Engine(target);
        bool done = await engine.RunAsync(toCompletion: false, async: true, cancellationToken).ConfigureAwait(false);
        return done ? (engine.Progress(UploadStatus.Completed), engine.CompletedBody) : (engine.Progress(UploadStatus.Uploading), null);
    }

    /// <summary>Continues a session saved earlier (possibly by another process) and returns the response body.</summary>
    public async ValueTask<byte[]> ResumeAsync(UploadTarget target, UploadSessionData session, bool async, CancellationToken cancellationToken)
    {
        if (!Media.Resumable)
        {
            throw new InvalidOperationException("Only resumable media can resume a session.");
        }

        var engine = Engine(target);
        engine.ResumeFrom(session);
        await engine.RunAsync(toCompletion: true, async, cancellationToken).ConfigureAwait(false);
        return engine.CompletedBody!;
    }

    /// <summary>Deletes the resumable session on the server.</summary>
    public ValueTask CancelAsync(CancellationToken cancellationToken)
        => (_engine ?? throw new InvalidOperationException("No resumable upload was started.")).CancelSessionAsync(async: true, cancellationToken);

    private ResumableUploadEngine Engine(UploadTarget target) => _engine ??= new ResumableUploadEngine(_pipeline, target, Media, _limits, _events);
}
