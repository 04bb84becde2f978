using System;
using System.Globalization;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>
/// The resumable upload protocol as the state machine of upload-protocol §1.2/§1.3. Each On* method is one
/// transition; <see cref="RunAsync"/> only dispatches on <see cref="State"/>. Invariants: <c>_offset</c> is
/// what the server confirmed; bytes at or past it that a forward-only source cannot produce again are held in
/// the single pooled chunk buffer; after any ambiguous outcome the server is queried before more data is sent.
/// </summary>
internal sealed partial class ResumableUploadEngine(HttpPipeline pipeline, RequestDescription initiation, MediaUpload media, MediaUploadLimits limits, UploadEvents events)
{
    private readonly Retrier _retrier = pipeline.NewRetrier();
    private Uri? _sessionUri;
    private long _offset;
    private long? _total = media.Length;
    private long _sentEnd;
    private bool _finalSent;
    private bool _resumedFromSaved;
    private bool _rangeContradiction;
    private bool _unauthorizedRetried;
    private int _restarts;
    private int _confirmedThisRun;
    private UploadState _afterBackoff;
    private Exception? _lastError;

    private byte[]? _buffer;
    private long _bufStart;
    private int _bufCount;
    private int _chunkLength;
    private bool _chunkFinal;

    /// <summary>Allowed automatic restarts after the session expired (404/410).</summary>
    public const int RestartBudget = 1;

    public UploadState State { get; private set; } = UploadState.New;

    public byte[]? CompletedBody { get; private set; }

    public UploadSessionData? Session => _sessionUri is null
        ? null
        : new UploadSessionData(_sessionUri, _total is long t ? Math.Min(_offset, t) : _offset, _total, media.MimeType, media.SourceIdentity);

    public UploadProgress Progress(UploadStatus status, Exception? error = null)
        => new(status, State, _offset, _total, error);

    /// <summary>Adopts a session saved by another request or process; the next run starts by querying it.</summary>
    public void ResumeFrom(UploadSessionData session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (State is not (UploadState.New or UploadState.Suspended or UploadState.Failed))
        {
            throw new InvalidOperationException($"An upload in state {State} cannot adopt another session.");
        }

        if (session.SourceIdentity is not null && media.SourceIdentity is { } identity && !string.Equals(identity, session.SourceIdentity, StringComparison.Ordinal))
        {
            throw new ArgumentException("The saved session belongs to different media (its source identity does not match).", nameof(session));
        }

        if (session.TotalBytes is long savedTotal && media.Length is long length && savedTotal != length)
        {
            throw new ArgumentException("The saved session's total size does not match the media.", nameof(session));
        }

        if (!string.Equals(session.MimeType, media.MimeType, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("The saved session's media type does not match the media.", nameof(session));
        }

        if (IsDowngrade(pipeline.Endpoint.RootUri, session.SessionUri))
        {
            throw new ArgumentException("The saved session URI is http while the API is https; the media is not sent in clear text.", nameof(session));
        }

        AdoptSession(session.SessionUri, session.Offset, saved: true);
        _total = media.Length;
        State = UploadState.Suspended;
    }

    /// <summary>
    /// Drives the machine until the upload completes (returns true) or, when <paramref name="toCompletion"/> is
    /// false, until the server confirmed new bytes of a chunk (returns false). Errors surface as exceptions with the
    /// machine left Suspended/Failed so that a later call resumes with a status query.
    /// </summary>
    public async ValueTask<bool> RunAsync(bool toCompletion, bool async, CancellationToken cancellationToken)
    {
        switch (State)
        {
            case UploadState.Complete:
                return true;
            case UploadState.New:
                OnStart();
                break;
            case UploadState.Suspended or UploadState.Failed:
                OnResume();
                break;
            case UploadState.Cancelled:
                ExceptionDispatchInfo.Throw(_lastError!);
                break;
        }

        _confirmedThisRun = 0;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (State)
                {
                    case UploadState.Initiating:
                        await InitiateAsync(async, cancellationToken).ConfigureAwait(false);
                        break;
                    case UploadState.Ready when !toCompletion && _confirmedThisRun > 0:
                        return false;
                    case UploadState.Ready:
                        await SendChunkAsync(async, cancellationToken).ConfigureAwait(false);
                        break;
                    case UploadState.Unknown:
                        OnAmbiguousOutcome();
                        break;
                    case UploadState.Backoff:
                        await BackoffAsync(async, cancellationToken).ConfigureAwait(false);
                        break;
                    case UploadState.Querying:
                        await QueryAsync(async, cancellationToken).ConfigureAwait(false);
                        break;
                    case UploadState.Expired:
                        OnExpired();
                        break;
                    case UploadState.Complete:
                        media.ReleaseSource();
                        ReturnBuffer();
                        return true;
                    default:
                        media.ReleaseSource();
                        ExceptionDispatchInfo.Throw(_lastError!);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            OnCancelled();
            throw;
        }
        catch (Exception e) when (State is not (UploadState.Complete or UploadState.Failed or UploadState.Suspended or UploadState.Cancelled or UploadState.New))
        {
            OnUnexpectedError(e);
            throw;
        }
    }

    /// <summary>Ready/Suspended/Failed → Cancelled: deletes the session on the server (DELETE → 499).</summary>
    public async ValueTask CancelSessionAsync(bool async, CancellationToken cancellationToken)
    {
        if (State is UploadState.Complete)
        {
            throw new InvalidOperationException("The upload already completed.");
        }

        if (_sessionUri is not null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Delete, _sessionUri) { Content = new ByteArrayContent(Array.Empty<byte>()) };
            using var response = await pipeline.SendOnceAsync(request, async, cancellationToken).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            if (status is not (499 or 404 or 410) && status is not (>= 200 and < 300))
            {
                throw await ResponseBody.ReadErrorAsync(response, request, async, cancellationToken).ConfigureAwait(false);
            }
        }

        OnSessionCancelled();
    }

    // ---- transitions -------------------------------------------------------------------------------------

    /// <summary>New → Initiating (the media was validated when it was attached).</summary>
    private void OnStart()
    {
        limits.Validate(media);
        State = UploadState.Initiating;
        events.Report(Progress(UploadStatus.Starting));
    }

    /// <summary>Suspended/Failed → Querying (session known) or Initiating.</summary>
    private void OnResume()
    {
        _retrier.Reset();
        _unauthorizedRetried = false;
        _lastError = null;
        State = _sessionUri is null ? UploadState.Initiating : UploadState.Querying;
        events.Report(Progress(UploadStatus.Starting));
    }

    /// <summary>Initiating + 200/201: → Ready(0), or Failed without a Location.</summary>
    private void OnInitiated(HttpResponseMessage response, Uri requestUri)
    {
        if (response.Headers.Location is not { } location)
        {
            Fail(new UploadException("The server accepted the resumable upload but sent no session URI (Location header); no data was sent.", UploadState.Failed));
            return;
        }

        var session = location.IsAbsoluteUri ? location : new Uri(requestUri, location);
        if (IsDowngrade(requestUri, session))
        {
            Fail(new UploadException("The server sent an http session URI for an https upload; the media is not sent in clear text.", UploadState.Failed));
            return;
        }

        AdoptSession(session, 0, saved: false);
        State = UploadState.Ready;
        events.Report(Session!);
        events.Report(Progress(UploadStatus.Uploading));
    }

    /// <summary>Sending + 308: → Ready(k+1) honouring partial persistence, or Unknown when Range contradicts what was confirmed.</summary>
    private void OnChunkPersisted(HttpResponseMessage response)
    {
        AdoptLocation(response);
        if (!TryReadRange(response, out long? lastByte))
        {
            Fail(new UploadException("The server answered 308 with a malformed Range header.", UploadState.Failed));
            return;
        }

        if (lastByte is null && _offset > 0)
        {
            // The server says it has nothing after confirming bytes before: ask once more before believing it.
            _rangeContradiction = true;
            _lastError = new UploadException("The server answered 308 without Range after confirming earlier bytes.", UploadState.Unknown);
            State = UploadState.Unknown;
            return;
        }

        AcceptOffset(lastByte + 1 ?? 0, stallCounts: true);
    }

    /// <summary>Sending + 200/201: → Complete, unless the server finished before it got the last byte.</summary>
    private void OnChunkCompleted(byte[] body)
    {
        if (!_chunkFinal)
        {
            Fail(new UploadException(
                string.Create(CultureInfo.InvariantCulture, $"The server reported the upload complete after {_offset + _chunkLength} bytes, before the last byte was sent{(_total is long t ? $" (total {t})" : string.Empty)}."),
                UploadState.Failed));
            return;
        }

        OnComplete(body);
    }

    /// <summary>Querying + 308: → Ready(k+1 or 0).</summary>
    private void OnQueryAnswered(HttpResponseMessage response)
    {
        AdoptLocation(response);
        if (!TryReadRange(response, out long? lastByte))
        {
            Fail(new UploadException("The server answered the status query with a malformed Range header.", UploadState.Failed));
            return;
        }

        long next = lastByte + 1 ?? 0;
        if (_rangeContradiction && next == 0 && !CanProduce(0))
        {
            Fail(new UploadException("The server lost bytes it had confirmed and the source cannot be read again from the start.", UploadState.Failed));
            return;
        }

        _rangeContradiction = false;
        AcceptOffset(next, stallCounts: false);
    }

    /// <summary>Querying + 200/201: → Complete without re-sending, if the final chunk was ever sent.</summary>
    private void OnQueryCompleted(byte[] body)
    {
        if (!_finalSent && !_resumedFromSaved)
        {
            Fail(new UploadException("The server reported the upload complete although the last chunk was never sent.", UploadState.Failed));
            return;
        }

        OnComplete(body);
    }

    private void OnComplete(byte[] body)
    {
        CompletedBody = body;
        if (_total is long total)
        {
            _offset = total;
        }

        State = UploadState.Complete;
        events.Report(Progress(UploadStatus.Completed));
    }

    /// <summary>Unknown → Backoff → Querying (or Suspended when the retry budget is spent).</summary>
    private void OnAmbiguousOutcome() => EnterBackoff(UploadState.Querying);

    /// <summary>Expired → Initiating with a fresh session when the source can be re-read; else Failed.</summary>
    private void OnExpired()
    {
        if (_restarts < RestartBudget && CanProduce(0))
        {
            CallTelemetry.Current?.RestartingUpload(_lastError);
            _restarts++;
            AdoptSession(null, 0, saved: false);
            _total = media.Length ?? _total;
            State = UploadState.Initiating;
            events.Report(Progress(UploadStatus.Starting));
            return;
        }

        var expired = _lastError as HttpError;
        _sessionUri = null;
        Fail(expired is null
            ? new UploadException("The upload session expired and cannot be restarted.", UploadState.Expired)
            : new HttpError(expired.StatusCode, expired.ResponseBody, expired.RequestMethod, expired.RequestUri,
                CanProduce(0) ? "The upload session expired again after a restart." : "The upload session expired and the source cannot be read again from the start."));
    }

    /// <summary>Any failed attempt: → Backoff(next), or Suspended once <see cref="RetryPolicy.MaxAttempts"/> is reached.</summary>
    private void EnterBackoff(UploadState next)
    {
        if (!_retrier.Failed())
        {
            State = _sessionUri is null ? UploadState.Failed : UploadState.Suspended;
            events.Report(Progress(UploadStatus.Failed, _lastError));
            return;
        }

        _afterBackoff = next;
        State = UploadState.Backoff;

        // Observers see each retry and its cause as it happens, not only the final outcome.
        events.Report(Progress(UploadStatus.Uploading, _lastError));
    }

    /// <summary>Querying + 499, or a completed DELETE: → Cancelled (terminal).</summary>
    private void OnSessionCancelled()
    {
        _lastError = new UploadException("The upload session was cancelled.", UploadState.Cancelled);
        State = UploadState.Cancelled;
        media.ReleaseSource();
        ReturnBuffer();
        events.Report(Progress(UploadStatus.Cancelled, _lastError));
    }

    /// <summary>Caller cancellation in any state: → Suspended (session kept) or back to New.</summary>
    private void OnCancelled()
    {
        State = _sessionUri is null ? UploadState.New : UploadState.Suspended;
        _lastError = null;

        // The file is reopened lazily if the upload is resumed; holding it until then would lock it for nothing.
        media.ReleaseSource();
        events.Report(Progress(UploadStatus.Cancelled));
    }

    /// <summary>
    /// An exception no transition expects (a throwing token provider or message handler), in any state with a
    /// request in flight: → Suspended (session kept, the next call queries it) or Failed before a session exists,
    /// so that the request object stays usable instead of being stranded mid-request.
    /// </summary>
    private void OnUnexpectedError(Exception error)
    {
        _lastError = error;
        State = _sessionUri is null ? UploadState.Failed : UploadState.Suspended;
        events.Report(Progress(UploadStatus.Failed, error));
    }

    /// <summary>A new session (or none, before a restart) has nothing from this process; a saved one may hold any bytes up to the total.</summary>
    private void AdoptSession(Uri? sessionUri, long offset, bool saved)
    {
        _sessionUri = sessionUri;
        _offset = offset;
        _sentEnd = saved ? long.MaxValue : 0;
        _finalSent = false;
        _resumedFromSaved = saved;
        _rangeContradiction = false;
        _retrier.Reset();
    }

    private void Fail(Exception error)
    {
        _lastError = error;
        State = UploadState.Failed;
        events.Report(Progress(UploadStatus.Failed, error));
    }

    private void AcceptOffset(long next, bool stallCounts)
    {
        if (next > _sentEnd)
        {
            Fail(new UploadException(
                string.Create(CultureInfo.InvariantCulture, $"The server claims {next} bytes but only {_sentEnd} were sent."), UploadState.Failed));
            return;
        }

        if (next < _offset && !CanProduce(next))
        {
            Fail(new UploadException(
                string.Create(CultureInfo.InvariantCulture, $"The server needs bytes from offset {next} again but the source cannot re-read them."), UploadState.Failed));
            return;
        }

        if (next > _offset)
        {
            _retrier.Reset();
            _confirmedThisRun++;
        }
        else if (stallCounts && !_retrier.Failed())
        {
            // A server that keeps persisting nothing would otherwise loop forever.
            _offset = next;
            _lastError = new UploadException("The server persisted none of the last chunks.", UploadState.Suspended);
            State = UploadState.Suspended;
            events.Report(Progress(UploadStatus.Failed, _lastError));
            return;
        }

        if (next > _offset)
        {
            // Tokens expire more than once in a long upload: one refresh is allowed per stretch of progress.
            _unauthorizedRetried = false;
        }

        _offset = next;
        State = UploadState.Ready;
        events.Report(Progress(UploadStatus.Uploading));
    }
}
