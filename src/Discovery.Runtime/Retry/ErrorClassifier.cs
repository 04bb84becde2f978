using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;

namespace Discovery.Runtime;

/// <summary>
/// The one place that decides what a failure means: whether it is transient, whether an upload session is gone,
/// and whether sending again could repeat what the server already did. Plain requests, upload steps and download
/// ranges all decide here (through <see cref="Retrier"/>), so they agree.
/// </summary>
public static class ErrorClassifier
{
    /// <summary>
    /// What to do after a failed attempt (an <see cref="HttpError"/> or a transport exception). A transient failure of a
    /// POST or PATCH is Fatal unless the server cannot have acted, so that a lost answer never creates a second resource.
    /// </summary>
    internal static ErrorClass Decide(Exception failure, HttpMethod method, StepKind kind, bool retryNonIdempotent)
    {
        var decision = Classify(failure, uploadSession: kind == StepKind.UploadSession);
        bool repeatable = retryNonIdempotent || kind != StepKind.Plain || IsIdempotent(method) || ServerDidNotAct(failure);
        return decision == ErrorClass.Retry && !repeatable ? ErrorClass.Fatal : decision;
    }

    /// <summary>Classifies an error status; <paramref name="bodyOrReason"/> is read for 403 rate-limit reasons.</summary>
    /// <param name="status">The response status (not a success).</param>
    /// <param name="bodyOrReason">The response body (a Google error document) or a bare reason such as "rateLimitExceeded".</param>
    /// <param name="uploadSession">True when the request went to a resumable session URI, where 404/410 mean the session expired.</param>
    public static ErrorClass Classify(HttpStatusCode status, string? bodyOrReason = null, bool uploadSession = false)
    {
        var error = GoogleApiError.TryParse(bodyOrReason);
        if (error is null && IsBareReason(bodyOrReason))
        {
            error = new GoogleApiError((int)status, null, null, new[] { new GoogleApiErrorItem(bodyOrReason, null, null, null) });
        }

        return Classify(status, error, uploadSession);
    }

    /// <summary>Classifies an error status using an already parsed Google error.</summary>
    public static ErrorClass Classify(HttpStatusCode status, GoogleApiError? error, bool uploadSession)
    {
        switch ((int)status)
        {
            case 404 or 410 when uploadSession:
                return ErrorClass.Restart;
            case 408 or 429 or 500 or 502 or 503 or 504:
                return ErrorClass.Retry;
            case 403 when error is not null && IsRateLimited(error):
                return ErrorClass.Retry;
            default:
                return ErrorClass.Fatal;
        }
    }

    /// <summary>Classifies an <see cref="HttpError"/> by its status and parsed body.</summary>
    public static ErrorClass Classify(HttpError error, bool uploadSession = false)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Classify(error.StatusCode, error.Error, uploadSession);
    }

    /// <summary>
    /// Classifies an exception thrown while sending or receiving: dropped, reset or refused connections and
    /// timeouts are retried; TLS, configuration and unknown errors are not. Caller cancellation is not a
    /// transport error and must be handled before calling this.
    /// </summary>
    public static ErrorClass Classify(Exception transportError) => Classify(transportError, uploadSession: false);

    private static ErrorClass Classify(Exception transportError, bool uploadSession)
    {
        ArgumentNullException.ThrowIfNull(transportError);
        if (UploadException.FindIn(transportError) is not null)
        {
            return ErrorClass.Fatal;
        }

        for (Exception? e = transportError; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case HttpError http:
                    return Classify(http, uploadSession);
                case TimeoutException:
                    return ErrorClass.Retry;
                case SocketException socket:
                    return IsTransient(socket.SocketErrorCode) ? ErrorClass.Retry : ErrorClass.Fatal;
#if !NETSTANDARD2_0
                // HttpRequestError is .NET 8+; on netstandard2.0 such failures fall to the generic rule below.
                case HttpRequestException request when request.HttpRequestError is
                    HttpRequestError.SecureConnectionError or HttpRequestError.UserAuthenticationError or
                    HttpRequestError.ConfigurationLimitExceeded or HttpRequestError.VersionNegotiationError or
                    HttpRequestError.ExtendedConnectNotSupported:
                    return ErrorClass.Fatal;
                case HttpRequestException request when request.HttpRequestError is
                    HttpRequestError.ConnectionError or HttpRequestError.ResponseEnded or
                    HttpRequestError.NameResolutionError or HttpRequestError.InvalidResponse or
                    HttpRequestError.HttpProtocolError or HttpRequestError.ProxyTunnelError:
                    return ErrorClass.Retry;
#endif
                case IOException when e.InnerException is null:
                    // A bare IOException out of a response stream is a connection that ended mid-body.
                    return ErrorClass.Retry;
            }
        }

        return transportError is HttpRequestException or IOException ? ErrorClass.Retry : ErrorClass.Fatal;
    }

    /// <summary>A failure of the exchange itself (not the caller's cancellation).</summary>
    internal static bool IsTransportFailure(Exception e, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        return e is HttpRequestException or IOException or SocketException or TimeoutException
            || (e is OperationCanceledException && e.InnerException is TimeoutException);
    }

    /// <summary>Whether the error carries one of Google's per-user or per-project rate-limit reasons.</summary>
    public static bool IsRateLimited(GoogleApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        foreach (var item in error.Errors)
        {
            if (item.Reason is "rateLimitExceeded" or "userRateLimitExceeded")
            {
                return true;
            }
        }

        return string.Equals(error.Status, "RESOURCE_EXHAUSTED", StringComparison.Ordinal);
    }

    /// <summary>Methods that may be sent twice with the effect of once.</summary>
    private static bool IsIdempotent(HttpMethod method)
        => method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Options;

    /// <summary>
    /// Answers that say the request was not processed, and connections that could not be made: safe to send again
    /// whatever the method. A 403 rate-limit refusal is Google's older spelling of 429: the quota check ran before the method.
    /// </summary>
    private static bool ServerDidNotAct(Exception failure) => failure is HttpError error
        ? (int)error.StatusCode is 408 or 429 or 503 || (error.StatusCode == HttpStatusCode.Forbidden && error.Error is { } google && IsRateLimited(google))
        : NothingWasSent(failure);

    private static bool NothingWasSent(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
#if !NETSTANDARD2_0
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
            {
                return true;
            }
#endif
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBareReason([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? text)
        => !string.IsNullOrEmpty(text) && text.Length <= 100 && char.IsLetter(text[0]) && !text.AsSpan().ContainsAny(" \t\r\n{}<>\"");

    private static bool IsTransient(SocketError error) => error is
        SocketError.ConnectionReset or SocketError.ConnectionRefused or SocketError.ConnectionAborted or
        SocketError.TimedOut or SocketError.NetworkReset or SocketError.NetworkDown or SocketError.NetworkUnreachable or
        SocketError.HostUnreachable or SocketError.HostDown or SocketError.TryAgain or SocketError.Shutdown or
        SocketError.NotConnected or SocketError.OperationAborted;
}
