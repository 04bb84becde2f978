using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Farm.Server;

/// <summary>
/// Checks a service account's token request the way Google's token endpoint does: an RS256 JWT whose signature
/// verifies against the account's public key, <c>iss</c> the account, <c>aud</c> the token endpoint, a scope, and
/// an <c>iat</c>/<c>exp</c> window of at most an hour around now.
/// </summary>
internal static class JwtAssertion
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>Returns the issuer and scope, or throws <see cref="FarmApiException"/> with Google's <c>invalid_grant</c>.</summary>
    public static (string Issuer, string Scope) Verify(string assertion, Uri audience, TokenAuthority authority)
    {
        string[] parts = assertion.Split('.');
        if (parts.Length != 3)
        {
            throw Invalid("The assertion is not a JWT.");
        }

        using var header = Parse(parts[0]);
        if (header.RootElement.TryGetProperty("alg", out var alg) is false || alg.GetString() != "RS256")
        {
            throw Invalid("Only RS256 assertions are accepted.");
        }

        using var claims = Parse(parts[1]);
        var root = claims.RootElement;
        string issuer = Text(root, "iss");
        RSA key = authority.ServiceAccountKey(issuer) ?? throw Invalid($"Unknown service account '{issuer}'.");
        byte[] signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        if (!key.VerifyData(signed, Decode(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            throw Invalid("Invalid JWT Signature.");
        }

        if (!Uri.TryCreate(Text(root, "aud"), UriKind.Absolute, out var aud) || aud != audience)
        {
            throw Invalid($"Invalid JWT: the audience must be {audience}.");
        }

        string scope = Text(root, "scope");
        var now = DateTimeOffset.UtcNow;
        var issued = DateTimeOffset.FromUnixTimeSeconds(Seconds(root, "iat"));
        var expires = DateTimeOffset.FromUnixTimeSeconds(Seconds(root, "exp"));
        if (issued > now + ClockSkew || expires <= now || expires - issued > TimeSpan.FromHours(1))
        {
            throw Invalid("Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.");
        }

        return (issuer, scope);
    }

    private static JsonDocument Parse(string part)
    {
        try
        {
            return JsonDocument.Parse(Decode(part));
        }
        catch (JsonException)
        {
            throw Invalid("A JWT part is not JSON.");
        }
    }

    private static byte[] Decode(string base64Url)
    {
        try
        {
            return System.Buffers.Text.Base64Url.DecodeFromChars(base64Url);
        }
        catch (FormatException)
        {
            throw Invalid("A JWT part is not base64url.");
        }
    }

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw Invalid($"The JWT has no '{name}' claim.");

    private static long Seconds(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.TryGetInt64(out long seconds) ? seconds : throw Invalid($"The JWT has no '{name}' claim.");

    private static FarmApiException Invalid(string description) => new(400, "invalid_grant", description);
}
