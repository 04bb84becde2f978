using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime.Auth;

/// <summary>
/// The metadata server of a Google Cloud machine: <c>169.254.169.254</c>, or the <c>host[:port]</c> in
/// <c>GCE_METADATA_HOST</c> (as Google's libraries allow). It only answers requests with <c>Metadata-Flavor: Google</c>
/// and marks its answers the same way, which is how the probe tells it from anything else at that address.
/// </summary>
internal sealed class MetadataServer
{
    public const string HostVariable = "GCE_METADATA_HOST";

    /// <summary>The probe's budget: two attempts of one second, so a machine without a metadata server learns it in about two seconds.</summary>
    private const int ProbeAttempts = 2;

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    private MetadataServer(string host, Uri root)
    {
        Host = host;
        Root = root;
    }

    public string Host { get; }

    /// <summary><c>http://host/computeMetadata/v1/</c>.</summary>
    public Uri Root { get; }

    public static MetadataServer? At(string? configured, out string host)
    {
        host = string.IsNullOrWhiteSpace(configured) ? "169.254.169.254" : configured!.Trim();
        return Uri.TryCreate("http://" + host + "/computeMetadata/v1/", UriKind.Absolute, out var root) ? new MetadataServer(host, root) : null;
    }

    public static HttpRequestMessage Request(Uri uri)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("Metadata-Flavor", "Google");
        return request;
    }

    /// <summary>Whether a metadata server answers; otherwise why not, for the error that lists what was tried.</summary>
    public async Task<(bool Found, string Outcome)> ProbeAsync(CancellationToken cancellationToken)
    {
        string outcome = "no answer";
        for (int attempt = 1; attempt <= ProbeAttempts; attempt++)
        {
            using var request = Request(Root);
            try
            {
                using var response = await TokenTransport.SendWithTimeoutAsync(TokenTransport.SharedHttpClient, request, ProbeTimeout, async: true, cancellationToken).ConfigureAwait(false);
                return response.Headers.TryGetValues("Metadata-Flavor", out var flavor) && string.Join(",", flavor) == "Google"
                    ? (true, "found")
                    : (false, "answered, but not as a metadata server (no Metadata-Flavor: Google)");
            }
            catch (TimeoutException)
            {
                outcome = "no answer within " + ProbeTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " s";
            }
            catch (HttpRequestException e)
            {
                // Refused or unreachable is a definite answer: no second attempt.
                return (false, "not reachable (" + e.Message + ")");
            }
        }

        return (false, outcome);
    }
}
