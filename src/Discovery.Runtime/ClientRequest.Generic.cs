using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>
/// A request whose method returns <typeparamref name="TResponse"/>. With media attached, executing it uploads
/// through <see cref="MediaUploader"/>: resumable media through the resumable protocol, otherwise in one request
/// (multipart when the method has a body, plain media when not), always on the method's upload path.
/// </summary>
/// <typeparam name="TResponse">The generated response type.</typeparam>
public abstract class ClientRequest<TResponse> : RequestBase
{
    private readonly UploadEvents _events = new();
    private MediaUploader? _upload;

    /// <summary>Creates the request; <paramref name="methodId"/> and <paramref name="pathTemplate"/> name its calls to listeners.</summary>
    protected ClientRequest(ServiceBase service, string httpMethod, string? methodId = null, string? pathTemplate = null)
        : base(service, httpMethod, methodId, pathTemplate)
    {
    }

    /// <summary>Progress of an attached upload (resumable: after every confirmed chunk; single request: as bytes are written).</summary>
    protected event Action<UploadProgress>? UploadProgressChanged
    {
        add => _events.ProgressChanged += value;
        remove => _events.ProgressChanged -= value;
    }

    /// <summary>Raised once a resumable session exists, so the caller can persist it before any data is sent.</summary>
    protected event Action<UploadSessionData>? UploadSessionCreated
    {
        add => _events.SessionCreated += value;
        remove => _events.SessionCreated -= value;
    }

    /// <summary>The attached media, if any.</summary>
    protected MediaUpload? Media => _upload?.Media;

    /// <summary>The resumable session (URI, confirmed offset, source identity); null until one exists.</summary>
    protected UploadSessionData? UploadSessionCore => _upload?.Session;

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
        if (_upload is { Started: true })
        {
            throw new InvalidOperationException("Media cannot be replaced once the upload started.");
        }

        limits.Validate(media);
        _upload = new MediaUploader(Pipeline, media, limits, _events);
    }

    /// <summary>
    /// The manual loop: one step of the upload (for resumable media: until the server confirms the next chunk).
    /// Returns the progress and, once complete, the response. After an exception, calling again resumes with a
    /// status query.
    /// </summary>
    protected async Task<(UploadProgress Status, TResponse? Response)> NextChunkCoreAsync(CancellationToken cancellationToken)
    {
        var upload = Uploader("No media is attached to this request.");
        using var call = StartCall(upload: true);
        try
        {
            var (status, body) = await upload.NextChunkAsync(DescribeUpload(upload), cancellationToken).ConfigureAwait(false);
            return (status, body is null ? default : Parse(body));
        }
        catch (Exception e) when (CallTelemetry.Ends(call, e, cancellationToken))
        {
            throw;
        }
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
        => Uploader("No resumable upload was started.").CancelAsync(cancellationToken).AsTask();

    private async ValueTask<TResponse> ResumeCoreAsync(UploadSessionData session, bool async, CancellationToken cancellationToken)
    {
        var upload = Uploader("Attach the same media before resuming an upload.");
        using var call = StartCall(upload: true);
        try
        {
            return Parse(await upload.ResumeAsync(DescribeUpload(upload), session, async, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (CallTelemetry.Ends(call, e, cancellationToken))
        {
            throw;
        }
    }

    private async ValueTask<TResponse> ExecuteCoreAsync(bool async, CancellationToken cancellationToken)
    {
        using var call = StartCall(upload: _upload is not null);
        try
        {
            if (_upload is { } upload)
            {
                upload.Checksum = EffectiveChecksum;
                return Parse(await upload.UploadAsync(DescribeUpload(upload), async, cancellationToken).ConfigureAwait(false));
            }

            using var response = await SendPlainAsync(async, cancellationToken).ConfigureAwait(false);
            using var body = await ResponseBody.ReadPooledAsync(response, async, cancellationToken).ConfigureAwait(false);
            return Parse(body.Span);
        }
        catch (Exception e) when (CallTelemetry.Ends(call, e, cancellationToken))
        {
            throw;
        }
    }

    /// <summary>Media cannot travel in a batch.</summary>
    internal override bool HasMedia => _upload is not null;

    /// <summary>Reads a response body that arrived some other way (a batch part) exactly as <see cref="ExecuteAsync"/> would.</summary>
    internal TResponse ParseResponse(ReadOnlyMemory<byte> body) => Parse(body.Span);

    private MediaUploader Uploader(string missing)
    {
        var upload = _upload ?? throw new InvalidOperationException(missing);
        upload.Checksum = EffectiveChecksum;
        return upload;
    }

    /// <summary>This request as an upload: the upload type follows from the media and from whether the method has a body.</summary>
    private RequestDescription DescribeUpload(MediaUploader upload)
    {
        string uploadType = upload.Media.Resumable ? "resumable" : HasBody ? "multipart" : "media";
        return Describe(BuildUploadPath(), relativeToRoot: true, q => q.Set("uploadType", uploadType));
    }

    private TResponse Parse(ReadOnlySpan<byte> body)
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
