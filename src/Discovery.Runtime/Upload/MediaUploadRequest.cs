using System;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>
/// A request of a method that accepts media: without media it is a plain request; with media, executing it
/// uploads (simple, multipart or resumable), and the members below expose the seed's manual loop, progress,
/// and saving and resuming a resumable session.
/// </summary>
/// <typeparam name="TResponse">The generated response type.</typeparam>
public abstract class MediaUploadRequest<TResponse> : ClientRequest<TResponse>
{
    /// <summary>
    /// Creates the request; <paramref name="media"/> is validated against <paramref name="limits"/> at once.
    /// <paramref name="methodId"/> and <paramref name="pathTemplate"/> name its calls to listeners.
    /// </summary>
    protected MediaUploadRequest(ServiceBase service, string httpMethod, MediaUpload? media, MediaUploadLimits limits, string? methodId = null, string? pathTemplate = null)
        : base(service, httpMethod, methodId, pathTemplate)
    {
        if (media is not null)
        {
            AttachMedia(media, limits);
        }
    }

    /// <summary>Raised after each chunk the server confirms, and on each retry with its cause.</summary>
    public event Action<UploadProgress>? ProgressChanged
    {
        add => UploadProgressChanged += value;
        remove => UploadProgressChanged -= value;
    }

    /// <summary>Raised when the resumable session starts, before any media is sent: persist it to resume after a crash.</summary>
    public new event Action<UploadSessionData>? UploadSessionCreated
    {
        add => base.UploadSessionCreated += value;
        remove => base.UploadSessionCreated -= value;
    }

    /// <summary>The resumable session, once started: save it to resume the upload later, even in another process.</summary>
    public UploadSessionData? UploadSession => UploadSessionCore;

    /// <summary>Sends the next chunk of a resumable upload (or the whole media otherwise); the response is set once the upload is complete.</summary>
    public Task<(UploadProgress Status, TResponse? Response)> NextChunkAsync(CancellationToken cancellationToken = default) => NextChunkCoreAsync(cancellationToken);

    /// <summary>Resumes a saved resumable session and finishes the upload.</summary>
    public Task<TResponse> ResumeAsync(UploadSessionData session, CancellationToken cancellationToken = default) => ResumeUploadCoreAsync(session, cancellationToken);

    /// <summary>Resumes a saved resumable session and finishes the upload, blocking the calling thread.</summary>
    public TResponse Resume(UploadSessionData session) => ResumeUploadCore(session);

    /// <summary>Abandons the resumable session on the server; the media is not stored.</summary>
    public Task CancelUploadAsync(CancellationToken cancellationToken = default) => CancelUploadCoreAsync(cancellationToken);
}
