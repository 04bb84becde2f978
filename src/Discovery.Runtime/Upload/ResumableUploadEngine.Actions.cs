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
        using var request = new HttpRequestMessage(_initiation.Method, _initiation.Uri)
        {
            Content = _initiation.Metadata is null ? new ByteArrayContent(Array.Empty<byte>()) : JsonBody.From(_initiation.Metadata),
        };
        request.Headers.TryAddWithoutValidation("X-Upload-Content-Type", _media.MimeType);
        if (_media.Length is long length)
        {
            request.Headers.TryAddWithoutValidation("X-Upload-Content-Length", length.ToString(CultureInfo.InvariantCulture));
        }

        HttpResponseMessage response;
        try
        {
            response = await _pipeline.SendOnceAsync(request, async, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (ErrorClassifier.IsTransportFailure(e, cancellationToken))
        {
            OnTransportFailure(e, request, RequestKind.UploadInitiation, UploadState.Initiating);
            return;
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                OnInitiated(response, request.RequestUri!);
            }
            else
            {
                await OnErrorStatusAsync(response, request, RequestKind.UploadInitiation, UploadState.Initiating, async, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async ValueTask SendChunkAsync(bool async, CancellationToken cancellationToken)
    {
        bool streamed = StreamsChunks;
        try
        {
            if (streamed)
            {
                PlanStreamedChunk();
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
        long start = _offset;
        HttpContent content = streamed
            ? new MediaBodyContent(_media, start, _chunkLength)
            : new ReadOnlyMemoryContent((_buffer ?? Array.Empty<byte>()).AsMemory(0, _chunkLength));
        string totalText = _total is long t ? t.ToString(CultureInfo.InvariantCulture) : "*";
        content.Headers.TryAddWithoutValidation("Content-Range", _chunkLength == 0
            ? "bytes */" + totalText
            : string.Create(CultureInfo.InvariantCulture, $"bytes {start}-{start + _chunkLength - 1}/{totalText}"));
        using var request = new HttpRequestMessage(HttpMethod.Put, _sessionUri) { Content = content };
        _sentEnd = Math.Max(_sentEnd, start + _chunkLength);
        _finalSent |= _chunkFinal;

        HttpResponseMessage response;
        try
        {
            response = await _pipeline.SendOnceAsync(request, async, cancellationToken, _chunkLength).ConfigureAwait(false);
        }
        catch (Exception e) when (ErrorClassifier.IsTransportFailure(e, cancellationToken) && UploadException.FindIn(e) is { } source)
        {
            // The source, not the network, failed while the body was streamed (a file that shrank).
            Fail(source);
            return;
        }
        catch (Exception e) when (ErrorClassifier.IsTransportFailure(e, cancellationToken))
        {
            OnTransportFailure(e, request, RequestKind.UploadSession, UploadState.Unknown);
            return;
        }

        using (response)
        {
            int status = EffectiveStatus(response);
            if (status == 308)
            {
                OnChunkPersisted(response);
            }
            else if (status is >= 200 and < 300)
            {
                byte[] body;
                try
                {
                    body = await ResponseBody.ReadBytesAsync(response, async, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (ErrorClassifier.IsTransportFailure(e, cancellationToken))
                {
                    OnTransportFailure(e, request, RequestKind.UploadSession, UploadState.Unknown);
                    return;
                }

                OnChunkCompleted(body);
            }
            else
            {
                await OnErrorStatusAsync(response, request, RequestKind.UploadSession, UploadState.Unknown, async, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async ValueTask QueryAsync(bool async, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(Array.Empty<byte>());
        content.Headers.TryAddWithoutValidation("Content-Range", "bytes */" + (_total is long t ? t.ToString(CultureInfo.InvariantCulture) : "*"));
        using var request = new HttpRequestMessage(HttpMethod.Put, _sessionUri) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.SendOnceAsync(request, async, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (ErrorClassifier.IsTransportFailure(e, cancellationToken))
        {
            OnTransportFailure(e, request, RequestKind.UploadSession, UploadState.Querying);
            return;
        }

        using (response)
        {
            int status = EffectiveStatus(response);
            if (status == 308)
            {
                OnQueryAnswered(response);
            }
            else if (status is >= 200 and < 300)
            {
                byte[] body;
                try
                {
                    body = await ResponseBody.ReadBytesAsync(response, async, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (ErrorClassifier.IsTransportFailure(e, cancellationToken))
                {
                    OnTransportFailure(e, request, RequestKind.UploadSession, UploadState.Querying);
                    return;
                }

                OnQueryCompleted(body);
            }
            else if (status == 499)
            {
                OnSessionCancelled();
            }
            else
            {
                await OnErrorStatusAsync(response, request, RequestKind.UploadSession, UploadState.Querying, async, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async ValueTask BackoffAsync(bool async, CancellationToken cancellationToken)
    {
        await _retrier.WaitAsync(async, cancellationToken).ConfigureAwait(false);
        State = _afterBackoff;
    }

    /// <summary>Routes an error status by the retrier's decision: Restart → Expired; Retry → Unknown/Backoff; 401 → one re-query; else Failed.</summary>
    private async ValueTask OnErrorStatusAsync(HttpResponseMessage response, HttpRequestMessage request, RequestKind kind, UploadState retryState, bool async, CancellationToken cancellationToken)
    {
        var error = await ResponseBody.ReadErrorAsync(response, request, async, cancellationToken).ConfigureAwait(false);
        _lastError = error;
        _retrier.Heard(response);
        if (kind == RequestKind.UploadSession && response.StatusCode == HttpStatusCode.Unauthorized && !_unauthorizedRetried)
        {
            // A token that expired mid-upload: the provider is asked again on the next request.
            _unauthorizedRetried = true;
            State = UploadState.Querying;
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

    private void OnTransportFailure(Exception error, HttpRequestMessage request, RequestKind kind, UploadState retryState)
    {
        _lastError = error;
        _retrier.Heard(null);
        if (_retrier.Decide(error, request.Method, kind) != ErrorClass.Retry)
        {
            // Even a non-retryable transport failure leaves the chunk's fate unknown: keep the session resumable.
            State = _sessionUri is null ? UploadState.Failed : UploadState.Suspended;
            _events.Report(Progress(UploadStatus.Failed, error));
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
