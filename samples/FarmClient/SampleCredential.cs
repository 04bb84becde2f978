using System;
using System.Security.Cryptography;
using System.Text.Json;
using Discovery.Runtime.Auth;
using Farm.Server;
using Farm.V1;

namespace FarmClient;

/// <summary>
/// What a real deployment gets from the Cloud console, made up on the spot: a service-account key whose public half the
/// embedded server trusts, in the JSON form Google hands out. The server then refuses every call without a token.
/// </summary>
internal static class SampleCredential
{
    private const string Account = "farm-sample@farm-demo.iam.gserviceaccount.com";

    public static GoogleCredential Create(FarmServer server)
    {
        var key = RSA.Create(2048);
        server.Auth.TrustServiceAccount(Account, key);
        server.Auth.RequireTokens = true;
        string json = JsonSerializer.Serialize(new KeyFile(
            "service_account", "farm-demo", "sample-key-1", key.ExportPkcs8PrivateKeyPem(), Account, server.TokenUri.AbsoluteUri));
        Console.WriteLine($"Authenticating as {Account} with a generated service-account key (tokens from {server.TokenUri})");
        return GoogleCredential.FromJson(json).CreateScoped(FarmService.Scopes.Farm);
    }

    private sealed record KeyFile(
        [property: System.Text.Json.Serialization.JsonPropertyName("type")] string Type,
        [property: System.Text.Json.Serialization.JsonPropertyName("project_id")] string ProjectId,
        [property: System.Text.Json.Serialization.JsonPropertyName("private_key_id")] string PrivateKeyId,
        [property: System.Text.Json.Serialization.JsonPropertyName("private_key")] string PrivateKey,
        [property: System.Text.Json.Serialization.JsonPropertyName("client_email")] string ClientEmail,
        [property: System.Text.Json.Serialization.JsonPropertyName("token_uri")] string TokenUri);
}
