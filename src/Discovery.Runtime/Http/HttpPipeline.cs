using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Discovery.Runtime.Auth;

namespace Discovery.Runtime;

/// <summary>
/// Sends requests for one service: User-Agent, scoped credentials, per-attempt timeouts, and retries of plain
/// requests through a <see cref="Retrier"/>. Built once from a copy of the service's options, it owns the
/// HttpClient and never looks back at the service. Every method takes <c>bool async</c> so the synchronous
/// Execute path shares this code (see <see cref="SyncPath"/>).
/// </summary>
internal sealed class HttpPipeline : IDisposable
{
    private static readonly string RuntimeAgent =
        "Discovery.Runtime/" + (typeof(HttpPipeline).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0");

    private readonly bool _ownsHttpClient;
    private readonly string _userAgent;
    private readonly Func<CancellationToken, ValueTask<string?>>? _accessTokenProvider;
    private readonly GoogleCredential? _credential;
    private readonly TokenTransport? _tokens;
    private readonly TimeSpan _requestTimeout;
    private readonly RetryPolicy _retry;
    private readonly TimeProvider _time;

    public HttpPipeline(HttpClient? httpClient, ServiceOptions options, ServiceEndpoint endpoint)
    {
        _ownsHttpClient = httpClient is null;
        HttpClient = httpClient ?? CreateHttpClient();
        Endpoint = endpoint;
        _userAgent = string.IsNullOrWhiteSpace(options.ApplicationName) ? RuntimeAgent : options.ApplicationName + " " + RuntimeAgent;
        _accessTokenProvider = options.AccessTokenProvider;
        _requestTimeout = options.RequestTimeout;
        _retry = options.Retry ?? RetryPolicy.Default;
        _time = options.TimeProvider ?? TimeProvider.System;
        DownloadChunkSize = Math.Max(1, options.DownloadChunkSize);
        Telemetry = new ServiceTelemetry(endpoint, options.LoggerFactory);
        Checksum = options.Checksum;
        _credential = options.Credential;
        if (_credential is not null)
        {
            if (_accessTokenProvider is not null)
            {
                throw new ArgumentException("ServiceOptions sets both Credential and AccessTokenProvider; set one of them.", nameof(options));
            }

            // Token requests take this service's client (a host's handlers and proxy apply), never its credentials.
            _tokens = new TokenTransport((request, async, cancellationToken) => SendAttemptAsync(request, async, cancellationToken, 0), _retry, _time);
        }
    }

    public HttpClient HttpClient { get; }

    public ServiceEndpoint Endpoint { get; }

    public int DownloadChunkSize { get; }

    /// <summary>What this service's calls report to listeners (see <see cref="CallTelemetry"/>).</summary>
    public ServiceTelemetry Telemetry { get; }

    /// <summary>The service's media checksums (<see cref="ServiceOptions.Checksum"/>).</summary>
    public MediaChecksum Checksum { get; }

    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            HttpClient.Dispose();
        }
    }

    /// <summary>One attempt, authorized (see <see cref="AuthorizeAsync"/>); transport failures propagate as thrown by HttpClient.</summary>
    public async ValueTask<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, bool async, CancellationToken cancellationToken, long mediaBytes = 0)
    {
        await AuthorizeAsync(request, async, cancellationToken).ConfigureAwait(false);
        return await SendAttemptAsync(request, async, cancellationToken, mediaBytes).ConfigureAwait(false);
    }

    /// <summary>One attempt with the User-Agent and the per-attempt timeout, but no credentials.</summary>
    private async ValueTask<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, bool async, CancellationToken cancellationToken, long mediaBytes)
    {
        if (!request.Headers.Contains("User-Agent"))
        {
            request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        }

        var limit = TimeoutFor(mediaBytes);
        using var attempt = limit == Timeout.InfiniteTimeSpan ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt?.CancelAfter(limit);
        var token = attempt?.Token ?? cancellationToken;
        try
        {
            var response = async
                ? await HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false)
                : HttpClient.Send(request, HttpCompletionOption.ResponseHeadersRead, token);
            CallTelemetry.Current?.Answered(response);
            return response;
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

    /// <summary>A fresh count of failed attempts for one step, with this service's policy and clock.</summary>
    public Retrier NewRetrier() => new(_retry, _time);

    /// <summary>
    /// Sends until a success status, retrying as the <see cref="Retrier"/> decides, and once more with a fresh token
    /// after a 401 (which the server answers before acting, so any method may repeat). Returns the successful
    /// response (caller disposes); throws <see cref="HttpError"/> or the transport exception otherwise.
    /// </summary>
    public async ValueTask<HttpResponseMessage> SendWithRetryAsync(Func<HttpRequestMessage> createRequest, bool canRetry, bool async, CancellationToken cancellationToken, long mediaBytes = 0)
    {
        var retrier = NewRetrier();
        bool reauthorized = false;
        while (true)
        {
            using var request = createRequest();
            Exception failure;
            try
            {
                var response = await SendOnceAsync(request, async, cancellationToken, mediaBytes).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return response;
                }

                if (response.StatusCode == HttpStatusCode.Unauthorized && !reauthorized && canRetry && TokenRejected(request))
                {
                    reauthorized = true;
                    response.Dispose();
                    continue;
                }

                using (response)
                {
                    retrier.Heard(response);
                    failure = await ResponseBody.ReadErrorAsync(response, request, async, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (ErrorClassifier.IsTransportFailure(e, cancellationToken))
            {
                retrier.Heard(null);
                failure = e;
            }

            await retrier.RetryOrThrowAsync(failure, request.Method, canRetry, async, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The authorization step of every request this pipeline sends, usable on its own by callers that build their own
    /// exchanges (a batch): a Bearer token from <see cref="ServiceOptions.Credential"/> or
    /// <see cref="ServiceOptions.AccessTokenProvider"/>, only for the service's own host (<see cref="CredentialScope"/>).
    /// After a 401, call <see cref="TokenRejected"/> and authorize the re-sent request again to get a fresh token.
    /// </summary>
    internal async ValueTask AuthorizeAsync(HttpRequestMessage request, bool async, CancellationToken cancellationToken)
    {
        if ((_credential is null && _accessTokenProvider is null) || request.RequestUri is null || !CredentialScope.Allows(Endpoint.RootUri, request.RequestUri))
        {
            return;
        }

        string? token = _credential is not null
            ? await _credential.GetTokenAsync(_tokens!, async, cancellationToken).ConfigureAwait(false)
            : await ProvidedTokenAsync(_accessTokenProvider!, async, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    /// <summary>
    /// The server answered 401 to <paramref name="request"/>: its token is forgotten (once, however many requests
    /// carried it), so the next <see cref="AuthorizeAsync"/> fetches a new one. True when the request carried a token
    /// of this pipeline, i.e. when sending it again with a new token can help.
    /// </summary>
    internal bool TokenRejected(HttpRequestMessage request)
    {
        if (request.Headers.Authorization is not { Scheme: "Bearer", Parameter: { Length: > 0 } token } || (_credential is null && _accessTokenProvider is null))
        {
            return false;
        }

        _credential?.Rejected(token);
        return true;
    }

    private static async ValueTask<string?> ProvidedTokenAsync(Func<CancellationToken, ValueTask<string?>> provider, bool async, CancellationToken cancellationToken)
    {
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

        return token;
    }

    /// <summary>The client a service (or a credential on its own) creates when it is given none.</summary>
    internal static HttpClient CreateHttpClient()
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
