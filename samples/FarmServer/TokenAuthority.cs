using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Security.Cryptography;

namespace Farm.Server;

/// <summary>
/// The server's OAuth side, as tests configure it: which service-account keys and refresh tokens it trusts, how long
/// the tokens it issues live, and whether API calls must carry one of them. Tokens are random and unguessable.
/// </summary>
public sealed class TokenAuthority
{
    private readonly ConcurrentDictionary<string, RSA> serviceAccounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Secret, string RefreshToken)> users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> tokens = new(StringComparer.Ordinal);

    /// <summary>How long an issued token is valid; short lifetimes let tests watch a client refresh.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>When true, every API call must carry an unexpired token this server issued, or it is answered 401.</summary>
    public bool RequireTokens { get; set; }

    /// <summary>How long the token endpoint and the metadata server wait before answering, so that concurrent clients overlap.</summary>
    public TimeSpan IssueDelay { get; set; }

    /// <summary>Every token issued so far, by grant, in order.</summary>
    public AppendOnlyLog<IssuedToken> Issued { get; } = new();

    /// <summary>Accepts JWT assertions signed by the private half of <paramref name="publicKey"/> with <c>iss</c> = <paramref name="clientEmail"/>.</summary>
    public void TrustServiceAccount(string clientEmail, RSA publicKey) => serviceAccounts[clientEmail] = publicKey;

    /// <summary>Accepts the refresh-token grant for this client and refresh token.</summary>
    public void TrustAuthorizedUser(string clientId, string clientSecret, string refreshToken) => users[clientId] = (clientSecret, refreshToken);

    /// <summary>Stops accepting every token issued so far, as when they are revoked: the next API call with one is answered 401.</summary>
    public void RevokeAll() => tokens.Clear();

    internal RSA? ServiceAccountKey(string clientEmail) => serviceAccounts.GetValueOrDefault(clientEmail);

    internal bool IsTrustedUser(string clientId, string clientSecret, string refreshToken) =>
        users.TryGetValue(clientId, out var user) && user.Secret == clientSecret && user.RefreshToken == refreshToken;

    internal IssuedToken Issue(TokenGrant grant, string? subject, string? scope)
    {
        var token = new IssuedToken("ya29." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)), grant, subject, scope, DateTimeOffset.UtcNow + TokenLifetime);
        tokens[token.AccessToken] = token.Expires;
        Issued.Add(token);
        return token;
    }

    /// <summary>Whether an <c>Authorization</c> header carries a live token of this server.</summary>
    internal bool Accepts(string? authorization) =>
        authorization is not null && authorization.StartsWith("Bearer ", StringComparison.Ordinal)
        && tokens.TryGetValue(authorization["Bearer ".Length..], out var expires) && expires > DateTimeOffset.UtcNow;
}

/// <summary>How a token was obtained.</summary>
public enum TokenGrant
{
    /// <summary>A service account's RS256 JWT assertion (<c>urn:ietf:params:oauth:grant-type:jwt-bearer</c>).</summary>
    JwtBearer,

    /// <summary>An authorized user's refresh token.</summary>
    RefreshToken,

    /// <summary>The metadata server of a Google Cloud machine.</summary>
    Metadata,
}

/// <summary>One token the server issued.</summary>
/// <param name="AccessToken">The bearer token.</param>
/// <param name="Grant">How it was obtained.</param>
/// <param name="Subject">The service account's email or the user's client id; null from the metadata server.</param>
/// <param name="Scope">The scopes asked for, space-separated.</param>
/// <param name="Expires">When it stops being accepted.</param>
public sealed record IssuedToken(string AccessToken, TokenGrant Grant, string? Subject, string? Scope, DateTimeOffset Expires);
