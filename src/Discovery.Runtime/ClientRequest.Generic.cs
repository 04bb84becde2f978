using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>
/// A request whose method returns <typeparamref name="TResponse"/>. With media attached, executing it uploads:
/// resumable media through <see cref="ResumableUploadEngine"/>, otherwise in one request (multipart when the
/// method has a body, plain media when not), always on the method's simple upload path.
/// </summary>
/// <typeparam name="TResponse">The generated response type.</typeparam>
public abstract class ClientRequest<TResponse> : RequestBase
{
    private MediaUpload? _media;
    private MediaUploadLimits? _limits;
    private ResumableUploadEngine? _engine;

    /// <summary>Creates the request.</summary>
    protected ClientRequest(ServiceBase service, string httpMethod)
        : base(service, httpMethod)
    {
    }

    /// <summary>Progress of an attached upload (resumable: after every confirmed chunk; single request: as bytes are written).</summary>
    protected event Action<UploadProgress>? UploadProgressChanged;

    /// <summary>Raised once a resumable session exists, so the caller can persist it before any data is sent.</summary>
    protected event Action<UploadSessionData>? UploadSessionCreated;

    /// <summary>The attached media, if any.</summary>
    protected MediaUpload? Media => _media;

    /// <summary>The resumable session (URI, confirmed offset, source identity); null until one exists.</summary>
    protected UploadSessionData? UploadSessionCore => _engine?.Session;

    /// <summary>Sends the request (and uploads attached media entirely); throws <see cref="HttpError"/> on failure.</summary>
    public Task<TResponse> ExecuteAsync(CancellationToken cancellationToken = default) => ExecuteCoreAsync(async: true, cancellationToken).AsTask();

    /// <summary>Synchronous <see cref="ExecuteAsync"/>: blocking I/O on the same pipeline, not a wait on a task.</summary>
    public TResponse Execute() => SyncPath.Result(ExecuteCoreAsync(async: false, CancellationToken.None));

    /// <summary>Reads the response; the reader is positioned before the first token.</summary>
    protected abstract TResponse ReadResponse(ref Utf8JsonReader reader);

    /// <summary>The upload path (<c>/upload/...</c>), relative to <see cref="ServiceBase.RootUri"/>.</summary>
    protected virtual string BuildUploadPath() => throw new InvalidOperationException("This method does not accept media uploads.");

    /// <summary>Attaches media; throws <see cref="ArgumentException"/> at once if it breaks the method's limits or the chunk-size rule.</summary>
    protected void AttachMedia(MediaUpload media, MediaUploadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(limits);
        if (_engine is not null)
        {
            throw new InvalidOperationException("Media cannot be replaced once the upload started.");
        }

        limits.Validate(media);
        _media = media;
        _limits = limits;
    }

    /// <summary>
    /// The manual loop: one step of the upload (for resumable media: until the server confirms the next chunk).
    /// Returns the progress and, once complete, the response. After an exception, calling again resumes with a
    /// status query.
    /// </summary>
    protected async Task<(UploadProgress Status, TResponse? Response)> NextChunkCoreAsync(CancellationToken cancellationToken)
    {
        var media = _media ?? throw new InvalidOperationException("No media is attached to this request.");
        if (!media.Resumable)
        {
            var response = await UploadInOneRequestAsync(media, async: true, cancellationToken).ConfigureAwait(false);
            return (new UploadProgress(UploadStatus.Completed, UploadState.Complete, media.Length ?? 0, media.Length), response);
        }

        var engine = Engine();
        bool done = await engine.RunAsync(toCompletion: false, async: true, cancellationToken).ConfigureAwait(false);
        return done
            ? (engine.Progress(UploadStatus.Completed), Parse(engine.CompletedBody!))
            : (engine.Progress(UploadStatus.Uploading), default);
    }

    /// <summary>Continues a resumable upload from a session saved earlier (possibly by another process).</summary>
    protected Task<TResponse> ResumeUploadCoreAsync(UploadSessionData session, CancellationToken cancellationToken)
        => ResumeCoreAsync(session, async: true, cancellationToken).AsTask();

    /// <summary>Synchronous <see cref="ResumeUploadCoreAsync"/>.</summary>
    protected TResponse ResumeUploadCore(UploadSessionData session)
        => SyncPath.Result(ResumeCoreAsync(session, async: false, CancellationToken.None));

    /// <summary>
    /// Abandons the resumable upload and deletes its session on the server, so the session URI stops accepting
    /// data. Afterwards executing the request throws <see cref="UploadException"/>.
    /// </summary>
    protected Task CancelUploadCoreAsync(CancellationToken cancellationToken)
        => (_engine ?? throw new InvalidOperationException("No resumable upload was started.")).CancelSessionAsync(async: true, cancellationToken).AsTask();

    private async ValueTask<TResponse> ResumeCoreAsync(UploadSessionData session, bool async, CancellationToken cancellationToken)
    {
        var media = _media ?? throw new InvalidOperationException("Attach the same media before resuming an upload.");
        if (!media.Resumable)
        {
            throw new InvalidOperationException("Only resumable media can resume a session.");
        }

        var engine = Engine();
        engine.ResumeFrom(session);
        await engine.RunAsync(toCompletion: true, async, cancellationToken).ConfigureAwait(false);
        return Parse(engine.CompletedBody!);
    }

    private async ValueTask<TResponse> ExecuteCoreAsync(bool async, CancellationToken cancellationToken)
    {
        if (_media is null)
        {
            using var response = await SendPlainAsync(async, cancellationToken).ConfigureAwait(false);
            return Parse(await ResponseBody.ReadBytesAsync(response, async, cancellationToken).ConfigureAwait(false));
        }

        if (!_media.Resumable)
        {
            return await UploadInOneRequestAsync(_media, async, cancellationToken).ConfigureAwait(false);
        }

        var engine = Engine();
        await engine.RunAsync(toCompletion: true, async, cancellationToken).ConfigureAwait(false);
        return Parse(engine.CompletedBody!);
    }

    /// <summary>uploadType=multipart (method has a body) or uploadType=media; retried only when the source can be re-read.</summary>
    private async ValueTask<TResponse> UploadInOneRequestAsync(MediaUpload media, bool async, CancellationToken cancellationToken)
    {
        byte[]? metadata = SerializeBody();
        string uploadType = metadata is null ? "media" : "multipart";
        var uri = BuildUri(BuildUploadPath(), relativeToRoot: true, q => q.Set("uploadType", uploadType));
        Report(new UploadProgress(UploadStatus.Starting, UploadState.New, 0, media.Length));
        void Written(long bytes) => Report(new UploadProgress(UploadStatus.Uploading, UploadState.Sending, bytes, media.Length));
        byte[] body;
        try
        {
            using var response = await Pipeline.SendWithRetryAsync(
                () => new HttpRequestMessage(Method, uri)
                {
                    Content = metadata is null ? new MediaBodyContent(media, Written) : new MultipartRelatedContent(metadata, media, Written),
                },
                canRetry: media.CanReadAt,
                async,
                cancellationToken,
                mediaBytes: media.Length ?? long.MaxValue).ConfigureAwait(false);
            body = await ResponseBody.ReadBytesAsync(response, async, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Report(new UploadProgress(UploadStatus.Cancelled, UploadState.New, 0, media.Length));
            throw;
        }
        catch (Exception e)
        {
            Report(new UploadProgress(UploadStatus.Failed, UploadState.Failed, 0, media.Length, e));
            throw;
        }
        finally
        {
            media.ReleaseSource();
        }

        long total = media.Length ?? 0;
        Report(new UploadProgress(UploadStatus.Completed, UploadState.Complete, total, media.Length));
        return Parse(body);
    }

    private ResumableUploadEngine Engine() => _engine ??= new ResumableUploadEngine(
        Pipeline,
        _media!,
        _limits!,
        CreateInitiation,
        Report,
        session => UploadSessionCreated?.Invoke(session));

    private HttpRequestMessage CreateInitiation()
    {
        var uri = BuildUri(BuildUploadPath(), relativeToRoot: true, q => q.Set("uploadType", "resumable"));
        var body = SerializeBody();
        return new HttpRequestMessage(Method, uri) { Content = body is null ? new ByteArrayContent(Array.Empty<byte>()) : JsonContent(body) };
    }

    private void Report(UploadProgress progress) => UploadProgressChanged?.Invoke(progress);

    private TResponse Parse(byte[] body)
    {
        if (body.Length == 0)
        {
            // 204 No Content, or an upload method without a response (youtube watermarks.set): nothing to read.
            return default!;
        }

        var reader = new Utf8JsonReader(body);
        return ReadResponse(ref reader);
    }
}
