using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime.Auth;

/// <summary>
/// How a credential reaches its token endpoint: through the calling service's HttpClient (so a host's handlers and
/// proxy apply) without its credentials, and retried under that service's policy and clock. A credential used on
/// its own (<see cref="GoogleCredential.GetAccessTokenAsync"/>, the metadata probe) uses <see cref="Default"/>.
/// </summary>
internal sealed class TokenTransport
{
    private static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(30);
    private static readonly Lazy<HttpClient> SharedClient = new(HttpPipeline.CreateHttpClient);
    private static readonly Lazy<TokenTransport> Shared = new(CreateDefault);

    private readonly Func<HttpRequestMessage, bool, CancellationToken, ValueTask<HttpResponseMessage>> _send;
    private readonly RetryPolicy _retry;
    private readonly TimeProvider _time;

    public TokenTransport(Func<HttpRequestMessage, bool, CancellationToken, ValueTask<HttpResponseMessage>> send, RetryPolicy retry, TimeProvider time)
    {
        _send = send;
        _retry = retry;
        _time = time;
    }

    /// <summary>A process-wide client that never follows redirects, the default retry policy and the system clock.</summary>
    public static TokenTransport Default => Shared.Value;

    /// <summary>One attempt, with no Authorization header; transport failures propagate.</summary>
    public ValueTask<HttpResponseMessage> SendAsync(HttpRequestMessage request, bool async, CancellationToken cancellationToken)
        => _send(request, async, cancellationToken);

    public Retrier NewRetrier() => new(_retry, _time);

    /// <summary>The client of <see cref="Default"/>, also used by the metadata-server probe.</summary>
    internal static HttpClient SharedHttpClient => SharedClient.Value;

    private static TokenTransport CreateDefault()
    {
        var http = SharedHttpClient;
        return new TokenTransport((request, async, cancellationToken) => SendWithTimeoutAsync(http, request, DefaultAttemptTimeout, async, cancellationToken), RetryPolicy.Default, TimeProvider.System);
    }

    /// <summary>One attempt that gives up after <paramref name="limit"/> with a <see cref="TimeoutException"/> (a transient failure).</summary>
    internal static async ValueTask<HttpResponseMessage> SendWithTimeoutAsync(HttpClient http, HttpRequestMessage request, TimeSpan limit, bool async, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(limit);
        try
        {
            return async
                ? await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false)
                : http.Send(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"No response from {request.RequestUri?.GetLeftPart(UriPartial.Authority)} within {limit.TotalSeconds:0.#} s."), e);
        }
    }
}
