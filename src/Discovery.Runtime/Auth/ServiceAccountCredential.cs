using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime.Auth;

/// <summary>
/// A service-account key: each token is bought with an RS256 JWT assertion (RFC 7523) signed by the key's private
/// half and posted to the key's <c>token_uri</c>. The key is parsed once, when the file is read.
/// </summary>
internal sealed class ServiceAccountCredential : GoogleCredential
{
    private const string JwtBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private readonly RSA _key;
    private readonly string _email;
    private readonly string? _keyId;
    private readonly Uri _tokenUri;

    public ServiceAccountCredential(CredentialFile file, IReadOnlyList<string> scopes)
        : base(scopes)
    {
        _key = PrivateKeyPem.Load(file.PrivateKey!);
        _email = file.ClientEmail!;
        _keyId = file.PrivateKeyId;
        _tokenUri = file.TokenUri is null ? TokenEndpoint.Google : new Uri(file.TokenUri, UriKind.Absolute);
    }

    private ServiceAccountCredential(ServiceAccountCredential from, IReadOnlyList<string> scopes)
        : base(scopes)
    {
        _key = from._key;
        _email = from._email;
        _keyId = from._keyId;
        _tokenUri = from._tokenUri;
    }

    private protected override GoogleCredential WithScopes(IReadOnlyList<string> scopes) => new ServiceAccountCredential(this, scopes);

    private protected override ValueTask<AccessToken> FetchAsync(TokenTransport transport, bool async, CancellationToken cancellationToken)
    {
        if (Scopes.Count == 0)
        {
            // Google's token endpoint refuses an assertion without a scope; say what to do instead of relaying its 400.
            throw new InvalidOperationException($"The service account {_email} needs scopes to get a token: use credential.CreateScoped(...) with the scopes of the API (each generated service lists them in its Scopes class).");
        }

        string scope = string.Join(" ", Scopes);
        return TokenEndpoint.RequestAsync(
            transport,
            () => new HttpRequestMessage(HttpMethod.Post, _tokenUri)
            {
                Content = new FormUrlEncodedContent(new[]
                {
                    new KeyValuePair<string, string>("grant_type", JwtBearer),
                    new KeyValuePair<string, string>("assertion", JwtAssertion.Create(_key, _keyId, _email, scope, _tokenUri, TimeProvider.System.GetUtcNow())),
                }),
            },
            "the service account " + _email,
            async,
            cancellationToken);
    }
}
