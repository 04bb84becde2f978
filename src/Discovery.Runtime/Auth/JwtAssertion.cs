using System;
using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Discovery.Runtime.Auth;

/// <summary>
/// The service-account token request's assertion: an RS256 JWT with <c>iss</c> the account, <c>aud</c> the token
/// endpoint, the scopes, and a lifetime of one hour (Google's maximum), <c>kid</c> the key id.
/// </summary>
internal static class JwtAssertion
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static string Create(RSA key, string? keyId, string clientEmail, string scope, Uri audience, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        string header = Encode(writer =>
        {
            writer.WriteString("alg", "RS256");
            writer.WriteString("typ", "JWT");
            if (!string.IsNullOrEmpty(keyId))
            {
                writer.WriteString("kid", keyId);
            }
        });
        long issued = now.ToUnixTimeSeconds();
        string claims = Encode(writer =>
        {
            writer.WriteString("iss", clientEmail);
            writer.WriteString("scope", scope);
            writer.WriteString("aud", audience.AbsoluteUri);
            writer.WriteNumber("iat", issued);
            writer.WriteNumber("exp", issued + (long)Lifetime.TotalSeconds);
        });
        string signingInput = header + "." + claims;
        byte[] signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    private static string Encode(Action<Utf8JsonWriter> members)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }

        return Base64Url(buffer.WrittenSpan.ToArray());
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
