using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime.Auth;

/// <summary>
/// Google OAuth 2.0 credentials: a service-account key, an authorized-user (gcloud) file, or the metadata server of
/// a Google Cloud machine. Set it as <see cref="ServiceOptions.Credential"/>; the service then sends a Bearer token with
/// every request to its own host. Tokens are cached and refreshed shortly before they expire, concurrent requests share
/// one refresh, and a token the API rejects (401) is replaced once. Immutable and thread-safe: share one instance
/// between services. Reads its JSON without reflection, so it is trimming- and Native AOT-clean.
/// </summary>
public abstract class GoogleCredential
{
    private readonly TokenCache _cache = new();

    private protected GoogleCredential(IReadOnlyList<string> scopes) => Scopes = scopes;

    /// <summary>The OAuth scopes tokens are requested for (see the generated <c>Scopes</c> class of each service).</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>
    /// Application Default Credentials, in Google's order: the key or authorized-user file that
    /// <c>GOOGLE_APPLICATION_CREDENTIALS</c> names; gcloud's file (<c>gcloud auth application-default login</c>); the
    /// metadata server of GCE, GKE or Cloud Run (<c>GCE_METADATA_HOST</c> overrides its address), probed briefly.
    /// Throws <see cref="InvalidOperationException"/> listing what was tried when none is found.
    /// </summary>
    public static Task<GoogleCredential> GetApplicationDefaultAsync(CancellationToken cancellationToken = default)
        => ApplicationDefault.FindAsync(
            name => Environment.GetEnvironmentVariable(name) ?? (name == "HOME" ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) : null),
            cancellationToken);

    /// <summary>Reads a service-account key or an authorized-user file.</summary>
    public static GoogleCredential FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return FromJson(File.ReadAllText(path));
    }

    /// <summary>
    /// Reads the JSON of a service-account key (<c>"type": "service_account"</c>) or an authorized-user file
    /// (<c>"authorized_user"</c>). Other types, such as <c>external_account</c>, throw <see cref="NotSupportedException"/>.
    /// Error messages never contain the JSON, which holds secrets.
    /// </summary>
    public static GoogleCredential FromJson(string json)
    {
        var file = CredentialFile.Parse(json);
        return file.Type == CredentialFile.ServiceAccount
            ? new ServiceAccountCredential(file, Array.Empty<string>())
            : new AuthorizedUserCredential(file);
    }

    /// <summary>
    /// The same identity asking for <paramref name="scopes"/> (a new credential with its own tokens). A service account
    /// needs scopes; an authorized user's refresh token carries the scopes granted at login, so they are kept but not sent.
    /// </summary>
    public GoogleCredential CreateScoped(params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var copy = new List<string>(scopes.Length);
        foreach (string scope in scopes)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(scope, nameof(scopes));
            if (!copy.Contains(scope))
            {
                copy.Add(scope);
            }
        }

        return WithScopes(copy.AsReadOnly());
    }

    /// <summary>A current access token, for callers that send requests of their own. Never log it.</summary>
    public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken = default)
        => await GetTokenAsync(TokenTransport.Default, async: true, cancellationToken).ConfigureAwait(false);

    /// <summary>The cached token, or a fresh one fetched through <paramref name="transport"/> when it is due.</summary>
    internal ValueTask<string> GetTokenAsync(TokenTransport transport, bool async, CancellationToken cancellationToken)
        => _cache.GetAsync(this, transport, async, cancellationToken);

    /// <summary>The API rejected <paramref name="token"/>: the next request fetches a new one (unless another already did).</summary>
    internal void Rejected(string token) => _cache.Forget(token);

    /// <summary>Asks the token endpoint (or the metadata server) for a new token.</summary>
    private protected abstract ValueTask<AccessToken> FetchAsync(TokenTransport transport, bool async, CancellationToken cancellationToken);

    private protected abstract GoogleCredential WithScopes(IReadOnlyList<string> scopes);

    internal ValueTask<AccessToken> FetchTokenAsync(TokenTransport transport, bool async, CancellationToken cancellationToken)
        => FetchAsync(transport, async, cancellationToken);
}
