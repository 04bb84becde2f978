using System;
using System.IO;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime.Auth;

/// <summary>
/// The exchange every credential ends in: a request to a token endpoint, retried as the service's other requests are
/// (asking for a token twice is harmless, so POSTs repeat too), and its <c>{"access_token", "expires_in"}</c> answer.
/// Neither the request (assertion, refresh token, client secret) nor the answer's token ever reaches an error message.
/// </summary>
internal static class TokenEndpoint
{
    /// <summary>Google's token endpoint, for authorized-user files that name none.</summary>
    public static readonly Uri Google = new("https://oauth2.googleapis.com/token");

    private const int MaxAnswer = 64 * 1024;

    /// <summary>Tokens without a stated lifetime are assumed to live as long as Google's do.</summary>
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    /// <param name="transport">Where and how to send.</param>
    /// <param name="createRequest">A fresh request per attempt (an assertion is signed anew, with a current <c>iat</c>).</param>
    /// <param name="who">Names the identity in errors, e.g. "the service account a@b.iam.gserviceaccount.com".</param>
    /// <param name="async">False on the synchronous Execute path.</param>
    /// <param name="cancellationToken">Cancels the exchange and its backoff waits.</param>
    public static async ValueTask<AccessToken> RequestAsync(TokenTransport transport, Func<HttpRequestMessage> createRequest, string who, bool async, CancellationToken cancellationToken)
    {
        var retrier = transport.NewRetrier();
        while (true)
        {
            using var request = createRequest();
            Exception failure;
            try
            {
                var obtained = TimeProvider.System.GetUtcNow();
                using var response = await transport.SendAsync(request, async, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return Read(await ReadAnswerAsync(response, async, cancellationToken).ConfigureAwait(false), obtained, who);
                }

                retrier.Heard(response);
                failure = Refused(await ResponseBody.ReadErrorAsync(response, request, async, cancellationToken).ConfigureAwait(false), who);
            }
            catch (Exception e) when (ErrorClassifier.IsTransportFailure(e, cancellationToken))
            {
                retrier.Heard(null);
                failure = e;
            }

            if (ErrorClassifier.Decide(failure, request.Method, StepKind.Plain, retryNonIdempotent: true) != ErrorClass.Retry || !retrier.Failed())
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            await retrier.WaitAsync(async, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The endpoint's error in OAuth's format (RFC 6749 5.2), its <c>error</c> and <c>error_description</c> in the message.</summary>
    private static HttpError Refused(HttpError error, string who)
    {
        string? code = null;
        string? description = null;
        try
        {
            using var json = JsonDocument.Parse(error.ResponseBody ?? "{}");
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                code = Text(json.RootElement, "error");
                description = Text(json.RootElement, "error_description");
            }
        }
        catch (JsonException)
        {
            // Not OAuth's format (a proxy's page): the status says enough.
        }

        string detail = "Obtaining an access token for " + who + " failed"
            + (code is null ? string.Empty : ": " + code + (description is null ? string.Empty : " (" + description + ")"));
        return new HttpError(error.StatusCode, error.ResponseBody, error.RequestMethod, error.RequestUri, detail);
    }

    private static async ValueTask<byte[]> ReadAnswerAsync(HttpResponseMessage response, bool async, CancellationToken cancellationToken)
    {
        using var stream = async
            ? await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false)
            : response.Content.ReadAsStream(cancellationToken);
        byte[] buffer = new byte[MaxAnswer];
        int total = 0;
        int n;
        while (total < MaxAnswer && (n = async
            ? await stream.ReadAsync(buffer, total, MaxAnswer - total, cancellationToken).ConfigureAwait(false)
            : stream.Read(buffer, total, MaxAnswer - total)) > 0)
        {
            total += n;
        }

        if (total == MaxAnswer)
        {
            throw new InvalidDataException("The token endpoint's answer is larger than 64 KiB; it is not a token response.");
        }

        return buffer.AsSpan(0, total).ToArray();
    }

    private static AccessToken Read(byte[] answer, DateTimeOffset obtained, string who)
    {
        string? token = null;
        TimeSpan lifetime = DefaultLifetime;
        try
        {
            using var json = JsonDocument.Parse(answer);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                token = Text(root, "access_token");
                if (root.TryGetProperty("expires_in", out var expires) && expires.ValueKind == JsonValueKind.Number && expires.TryGetInt64(out long seconds))
                {
                    lifetime = TimeSpan.FromSeconds(Math.Clamp(seconds, 0, (long)TimeSpan.FromDays(1).TotalSeconds));
                }
            }
        }
        catch (JsonException)
        {
            // Reported below without the text, which may hold a token.
        }

        return string.IsNullOrEmpty(token)
            ? throw new InvalidDataException("The token endpoint answered " + who + " without an access_token.")
            : new AccessToken(token!, obtained, lifetime);
    }

    private static string? Text(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
