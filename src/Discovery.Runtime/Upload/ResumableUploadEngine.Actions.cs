using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>The I/O of each state: initiation, chunk PUTs, status queries, backoff waits, and how their failures map to transitions.</summary>
internal sealed partial class ResumableUploadEngine
{
    private async ValueTask InitiateAsync(bool async, CancellationToken cancellationToken)
    {
        using var request = initiation.ToMessage(emptyBody: true);
        request.Headers.TryAddWithoutValidation("X-Upload-Content-Type", media.MimeType);
        if (media.Length is long length)
        {
            request.Headers.TryAddWithoutValidation("X-Upload-Content-Length", length.ToString(CultureInfo.InvariantCulture));
        }

        await ExchangeAsync(request, StepKind.UploadInitiation, UploadState.Initiating, 0, null, (response, _) => OnInitiated(response, request.RequestUri!), async, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask SendChunkAsync(bool async, CancellationToken cancellationToken)
    {
        bool streamed = StreamsChunks;
        try
        {
            // A resumed upload hashes the confirmed prefix first (re-read from a seekable source), so the
            // checksum on the final chunk covers every byte or is not sent at all.
            await _checksum.CatchUpAsync(media, _offset, async, cancellationToken).ConfigureAwait(false);
            if (streamed)
            {
                PlanStreamedChunk();
                if (_chunkFinal)
                {
                    // The header goes out before the body: the final range is hashed ahead of its request.
                    await _checksum.CatchUpAsync(media, _total!.Value, async, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                await FillChunkAsync(async, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (UploadException e)
        {
            Fail(e);
            return;
        }

        State = UploadState.Sending;
        HttpContent content = streamed
            ? new MediaBodyContent(media, _offset, _chunkLength, _checksum.Hasher)
            : new ReadOnlyMemoryContent((_buffer ?? Array.Empty<byte>()).AsMemory(0, _chunkLength));
        using var request = SessionRequest(content, _chunkLength);
        if (_chunkFinal)
        {
            _checksum.AddHeader(request, _total!.Value);
        }

        _sentEnd = Math.Max(_sentEnd, _offset + _chunkLength);
        _finalSent |= _chunkFinal;
        await ExchangeAsync(request, StepKind.UploadSession, UploadState.Unknown, _chunkLength, OnChunkPersisted, (_, body) => OnChunkCompleted(body), async, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask QueryAsync(bool async, CancellationToken cancellationToken)
    {
        CallTelemetry.Current?.QueryingUpload(_offset, _lastError);
        using var request = SessionRequest(new ByteArrayContent(Array.Empty<byte>()), 0);
        await ExchangeAsync(request, StepKind.UploadSession, UploadState.Querying, 0, OnQueryAnswered, (_, body) => OnQueryCompleted(body), async, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A PUT to the session of <paramref name="length"/> bytes from the confirmed offset; none is a status query.</summary>
    private HttpRequestMessage SessionRequest(HttpContent content, int length)
    {
        string total = _total is long t ? t.ToString(CultureInfo.InvariantCulture) : "*";
        content.Headers.TryAddWithoutValidation("Content-Range", length == 0
            ? "bytes */" + total
            : string.Create(CultureInfo.InvariantCulture, $"bytes {_offset}-{_offset + length - 1}/{total}"));
        return new HttpRequestMessage(HttpMethod.Put, _sessionUri) { Content = content };
    }

    /// <summary>
    /// Sends one protocol request and routes its outcome: 308 (when expected) and 2xx with its body to the given
    /// transitions, 499 to Cancelled when querying, a failure of the exchange or an error status by the retrier's decision.
    /// </summary>
    private async ValueTask ExchangeAsync(
        HttpRequestMessage request, StepKind kind, UploadState retryState, long mediaBytes, Action<HttpResponseMessage>? persisted, Action<HttpResponseMessage, byte[]> completed, bool async, CancellationToken cancellationToken)
    {
        HttpResponseMessage? response = null;
        byte[]? body = null;
        int status = 0;
        try
        {
            response = await pipeline.SendOnceAsync(request, async, cancellationToken, mediaBytes).ConfigureAwait(false);
            CallTelemetry.Current?.MediaSent(mediaBytes);

            // Only session requests expect a 308, so only they read the override that proxies may substitute for it.
            status = persisted is null ? (int)response.StatusCode : EffectiveStatus(response);
            if (status is >= 200 and < 300)
            {
                body = await ResponseBody.ReadBytesAsync(response, async, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (ErrorClassifier.IsTransportFailure(e, cancellationToken))
        {
            response?.Dispose();
            OnTransportFailure(e, request, kind, retryState);
            return;
        }

        using (response)
        {
            if (status == 308 && persisted is not null)
            {
                persisted(response);
            }
            else if (body is not null)
            {
                completed(response, body);
            }
            else if (status == 499 && retryState == UploadState.Querying)
            {
                OnSessionCancelled();
            }
            else
            {
                await OnErrorStatusAsync(response, request, kind, retryState, async, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async ValueTask BackoffAsync(bool async, CancellationToken cancellationToken)
    {
        await _retrier.WaitAsync(async, cancellationToken, _lastError).ConfigureAwait(false);
        State = _afterBackoff;
    }

    /// <summary>Routes an error status by the retrier's decision: Restart → Expired; Retry → Unknown/Backoff; 401 → one re-query; else Failed.</summary>
    private async ValueTask OnErrorStatusAsync(HttpResponseMessage response, HttpRequestMessage request, StepKind kind, UploadState retryState, bool async, CancellationToken cancellationToken)
    {
        var error = await ResponseBody.ReadErrorAsync(response, request, async, cancellationToken).ConfigureAwait(false);
        if (_checksum.Explain(error, request) is var refused && refused != error)
        {
            Fail(refused);
            return;
        }

        _lastError = error;
        _retrier.Heard(response);
        if (response.StatusCode == HttpStatusCode.Unauthorized && !_unauthorizedRetried && (pipeline.TokenRejected(request) || kind == StepKind.UploadSession))
        {
            // A token that expired or was revoked mid-upload: the next request carries a fresh one, and a session
            // asks what the server has before sending on; an initiation (which created nothing) is sent again.
            _unauthorizedRetried = true;
            State = kind == StepKind.UploadSession ? UploadState.Querying : retryState;
            return;
        }

        switch (_retrier.Decide(error, request.Method, kind))
        {
            case ErrorClass.Restart:
                State = UploadState.Expired;
                break;
            case ErrorClass.Retry when retryState == UploadState.Unknown:
                State = UploadState.Unknown;
                break;
            case ErrorClass.Retry:
                EnterBackoff(retryState);
                break;
            default:
                Fail(error);
                break;
        }
    }

    private void OnTransportFailure(Exception error, HttpRequestMessage request, StepKind kind, UploadState retryState)
    {
        if (UploadException.FindIn(error) is { } source)
        {
            // The source, not the network, failed while the body was streamed (a file that shrank).
            Fail(source);
            return;
        }

        _lastError = error;
        _retrier.Heard(null);
        if (_retrier.Decide(error, request.Method, kind) != ErrorClass.Retry)
        {
            // Even a non-retryable transport failure leaves the chunk's fate unknown: keep the session resumable.
            State = _sessionUri is null ? UploadState.Failed : UploadState.Suspended;
            events.Report(Progress(UploadStatus.Failed, error));
            return;
        }

        if (retryState == UploadState.Unknown)
        {
            State = UploadState.Unknown;
        }
        else
        {
            EnterBackoff(retryState);
        }
    }
}
