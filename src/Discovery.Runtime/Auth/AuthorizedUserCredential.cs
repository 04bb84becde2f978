using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime.Auth;

/// <summary>
/// An authorized-user file (what <c>gcloud auth application-default login</c> writes): tokens come from the
/// refresh-token grant at the file's <c>token_uri</c>, or Google's token endpoint when it names none. The refresh
/// token carries the scopes granted at login; requested scopes are kept but cannot widen them.
/// </summary>
internal sealed class AuthorizedUserCredential : GoogleCredential
{
    private readonly CredentialFile _file;
    private readonly Uri _tokenUri;

    public AuthorizedUserCredential(CredentialFile file, IReadOnlyList<string>? scopes = null)
        : base(scopes ?? Array.Empty<string>())
    {
        _file = file;
        _tokenUri = file.TokenUri is null ? TokenEndpoint.Google : new Uri(file.TokenUri, UriKind.Absolute);
    }

    private protected override GoogleCredential WithScopes(IReadOnlyList<string> scopes) => new AuthorizedUserCredential(_file, scopes);

    private protected override ValueTask<AccessToken> FetchAsync(TokenTransport transport, bool async, CancellationToken cancellationToken)
        => TokenEndpoint.RequestAsync(
            transport,
            () => new HttpRequestMessage(HttpMethod.Post, _tokenUri)
            {
                Content = new FormUrlEncodedContent(new[]
                {
                    new KeyValuePair<string, string>("grant_type", "refresh_token"),
                    new KeyValuePair<string, string>("client_id", _file.ClientId!),
                    new KeyValuePair<string, string>("client_secret", _file.ClientSecret!),
                    new KeyValuePair<string, string>("refresh_token", _file.RefreshToken!),
                }),
            },
            "the authorized user of client " + _file.ClientId,
            async,
            cancellationToken);
}
