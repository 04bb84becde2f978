using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>
/// Sends requests for one service: User-Agent, scoped credentials, per-attempt timeouts and (for plain requests)
/// classification plus backoff. Built once from a copy of the service's options and never looks back at the
/// service. Every method takes <c>bool async</c> so the synchronous Execute path shares this code (see
/// <see cref="SyncPath"/>).
/// </summary>
internal sealed class HttpPipeline : IDisposable
{
    private static readonly string RuntimeAgent =
        "Discovery.Runtime/" + (typeof(HttpPipeline).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0");

    private readonly bool _ownsHttpClient;
    private readonly string _userAgent;
    private readonly Func<CancellationToken, ValueTask<string?>>? _accessTokenProvider;
    private readonly TimeSpan _requestTimeout;

    public HttpPipeline(HttpClient? httpClient, ServiceOptions options, ServiceEndpoint endpoint)
    {
        _ownsHttpClient = httpClient is null;
        HttpClient = httpClient ?? CreateHttpClient();
        Endpoint = endpoint;
        _userAgent = string.IsNullOrWhiteSpace(options.ApplicationName) ? RuntimeAgent : options.ApplicationName + " " + RuntimeAgent;
        _accessTokenProvider = options.AccessTokenProvider;
        _requestTimeout = options.RequestTimeout;
        Retry = options.Retry ?? RetryPolicy.Default;
        Time = options.TimeProvider ?? TimeProvider.System;
        DownloadChunkSize = Math.Max(1, options.DownloadChunkSize);
    }

    public HttpClient HttpClient { get; }

    public ServiceEndpoint Endpoint { get; }

    public TimeProvider Time { get; }

    public RetryPolicy Retry { get; }

    public int DownloadChunkSize { get; }

    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            HttpClient.Dispose();
        }
    }

    /// <summary>One attempt; transport failures propagate as thrown by HttpClient.</summary>
    public async ValueTask<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, bool async, CancellationToken cancellationToken, long mediaBytes = 0)
    {
        if (!request.Headers.Contains("User-Agent"))
        {
            request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        }

        await AuthorizeAsync(request, async, cancellationToken).ConfigureAwait(false);
        var limit = TimeoutFor(mediaBytes);
        using var attempt = limit == Timeout.InfiniteTimeSpan ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt?.CancelAfter(limit);
        var token = attempt?.Token ?? cancellationToken;
        try
        {
            return async
                ? await HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false)
                : HttpClient.Send(request, HttpCompletionOption.ResponseHeadersRead, token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && attempt is { IsCancellationRequested: true })
        {
            // Our own limit, not the caller's cancellation: a transient failure like any other timeout.
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"No response within {limit.TotalSeconds:0.#} s (ServiceOptions.RequestTimeout)."), e);
        }
    }

    /// <summary>The time one attempt may take: the request timeout plus a second per 64 KiB of media it sends.</summary>
    internal TimeSpan TimeoutFor(long mediaBytes)
    {
        var limit = _requestTimeout;
        if (limit == Timeout.InfiniteTimeSpan || limit <= TimeSpan.Zero)
        {
            return Timeout.InfiniteTimeSpan;
        }

        // Media of unknown length, or so large that the limit would pass the timer's range, is not limited.
        double seconds = limit.TotalSeconds + (mediaBytes / 65536.0);
        return seconds >= int.MaxValue / 1000.0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds);
    }

    /// <summary>
    /// Sends until a success status, retrying what <see cref="ErrorClassifier"/> calls retryable per the
    /// service's <see cref="RetryPolicy"/>. Returns the successful response (caller disposes); throws
    /// <see cref="HttpError"/> or the transport exception otherwise.
    /// </summary>
    public async ValueTask<HttpResponseMessage> SendWithRetryAsync(Func<HttpRequestMessage> createRequest, bool canRetry, bool async, CancellationToken cancellationToken, long mediaBytes = 0)
    {
        var policy = Retry;
        for (int attempt = 1; ; attempt++)
        {
            using var request = createRequest();
            bool repeatable = policy.RetryNonIdempotent || IsIdempotent(request.Method);
            HttpResponseMessage response;
            try
            {
                response = await SendOnceAsync(request, async, cancellationToken, mediaBytes).ConfigureAwait(false);
            }
            catch (Exception e) when (IsTransportFailure(e, cancellationToken))
            {
                if (!canRetry || attempt >= policy.MaxAttempts || ErrorClassifier.Classify(e) != ErrorClass.Retry || !(repeatable || NothingWasSent(e)))
                {
                    if (UploadException.FindIn(e) is { } media)
                    {
                        // The user's source failed, not the network: say so directly.
                        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(media);
                    }

                    throw;
                }

                await Backoff.WaitAsync(Backoff.Delay(policy, attempt, null), Time, async, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            HttpError error;
            TimeSpan? retryAfter;
            using (response)
            {
                string? body = await ResponseBody.ReadErrorTextAsync(response, async, cancellationToken).ConfigureAwait(false);
                error = new HttpError(response.StatusCode, body, request.Method.Method, request.RequestUri!);
                retryAfter = Backoff.RetryAfter(response, Time);
            }

            if (!canRetry || attempt >= policy.MaxAttempts || ErrorClassifier.Classify(error) != ErrorClass.Retry || !(repeatable || ServerDidNotAct(error)))
            {
                throw error;
            }

            await Backoff.WaitAsync(Backoff.Delay(policy, attempt, retryAfter), Time, async, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Methods that may be sent twice with the effect of once.</summary>
    private static bool IsIdempotent(HttpMethod method)
        => method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Options;

    /// <summary>Answers that say the request was not processed: safe to send again whatever the method.</summary>
    /// <remarks>A 403 rate-limit refusal is Google's older spelling of 429: the quota check ran before the method did.</remarks>
    private static bool ServerDidNotAct(HttpError error)
        => (int)error.StatusCode is 408 or 429 or 503 || (error.StatusCode == HttpStatusCode.Forbidden && error.Error is { } e && ErrorClassifier.IsRateLimited(e));

    /// <summary>A connection that could not be made: the request never left.</summary>
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

    /// <summary>A failure of the exchange itself (not the caller's cancellation).</summary>
    public static bool IsTransportFailure(Exception e, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        return e is HttpRequestException or IOException or SocketException or TimeoutException
            || (e is OperationCanceledException && e.InnerException is TimeoutException);
    }

    private async ValueTask AuthorizeAsync(HttpRequestMessage request, bool async, CancellationToken cancellationToken)
    {
        var provider = _accessTokenProvider;
        if (provider is null || request.RequestUri is null || !CredentialScope.Allows(Endpoint.RootUri, request.RequestUri))
        {
            return;
        }

        var pending = provider(cancellationToken);
        string? token;
        if (async || pending.IsCompleted)
        {
            token = await pending.ConfigureAwait(false);
        }
        else
        {
            // Documented exception to "no sync-over-async": the synchronous Execute path must block on a token
            // provider that did not complete synchronously (providers normally return a cached token at once).
            token = pending.AsTask().GetAwaiter().GetResult();
        }

        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    private static HttpClient CreateHttpClient()
    {
#if NETSTANDARD2_0
        // SocketsHttpHandler is .NET Core only; HttpClientHandler is the platform's handler there.
        var handler = new HttpClientHandler
#else
        var handler = new SocketsHttpHandler
#endif
        {
            AllowAutoRedirect = false,

            // No automatic decompression: ranged media downloads count stored bytes, and a handler that
            // inflates gzip-encoded media would make them end early with a truncated file.
            AutomaticDecompression = DecompressionMethods.None,
        };

        // Timeouts are per attempt and grow with the media sent (ServiceOptions.RequestTimeout); the client's
        // own 100 s limit would cut off every large single-request upload.
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
