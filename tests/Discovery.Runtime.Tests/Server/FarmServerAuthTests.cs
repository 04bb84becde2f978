using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Farm.Server;
using Xunit;

namespace Discovery.Runtime.Tests.Server;

/// <summary>The Farm server's token endpoint and metadata server verify what Google's do, so credentials can be proven against them.</summary>
public sealed class FarmServerAuthTests
{
    private const string Account = "farm-tests@example.iam.gserviceaccount.com";

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Jwt(RSA key, Uri audience, string issuer = Account, long lifetimeSeconds = 3600, string scope = "https://www.googleapis.com/auth/farm")
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string header = Base64Url(Encoding.UTF8.GetBytes("""{"alg":"RS256","typ":"JWT","kid":"k1"}"""));
        string claims = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = issuer, ["scope"] = scope, ["aud"] = audience.AbsoluteUri, ["iat"] = now, ["exp"] = now + lifetimeSeconds,
        }));
        byte[] signature = key.SignData(Encoding.ASCII.GetBytes(header + "." + claims), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return header + "." + claims + "." + Base64Url(signature);
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields)
        => new(Array.ConvertAll(fields, f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static async Task<string> AccessTokenAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Bearer", json.RootElement.GetProperty("token_type").GetString());
        Assert.True(json.RootElement.GetProperty("expires_in").GetInt64() >= 0);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    [Fact]
    public async Task A_service_account_assertion_signed_by_the_trusted_key_gets_a_token_that_the_API_accepts()
    {
        await using var server = await FarmServer.StartAsync();
        using var key = RSA.Create(2048);
        server.Auth.TrustServiceAccount(Account, key);
        server.Auth.RequireTokens = true;
        string id = server.AddAnimal("Pig");
        using var http = new HttpClient();

        using var granted = await http.PostAsync(server.TokenUri, Form(("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), ("assertion", Jwt(key, server.TokenUri))));
        string token = await AccessTokenAsync(granted);

        using var without = await http.GetAsync(new Uri(server.RootUri, $"farm/v1/animals/{id}"));
        using var call = new HttpRequestMessage(HttpMethod.Get, new Uri(server.RootUri, $"farm/v1/animals/{id}"));
        call.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var with = await http.SendAsync(call);

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        var issued = Assert.Single(server.Auth.Issued.All);
        Assert.Equal((TokenGrant.JwtBearer, Account, "https://www.googleapis.com/auth/farm"), (issued.Grant, issued.Subject, issued.Scope));
    }

    public static TheoryData<string> BadAssertions() => ["other-key", "wrong-audience", "too-long", "unknown-account", "not-a-jwt"];

    [Theory]
    [MemberData(nameof(BadAssertions))]
    public async Task An_assertion_Google_would_refuse_is_refused_with_invalid_grant(string damage)
    {
        await using var server = await FarmServer.StartAsync();
        using var key = RSA.Create(2048);
        using var other = RSA.Create(2048);
        server.Auth.TrustServiceAccount(Account, key);
        string assertion = damage switch
        {
            "other-key" => Jwt(other, server.TokenUri),
            "wrong-audience" => Jwt(key, new Uri("https://oauth2.googleapis.com/token")),
            "too-long" => Jwt(key, server.TokenUri, lifetimeSeconds: 7200),
            "unknown-account" => Jwt(key, server.TokenUri, issuer: "someone@example.com"),
            _ => "abc",
        };
        using var http = new HttpClient();

        using var response = await http.PostAsync(server.TokenUri, Form(("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), ("assertion", assertion)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid_grant", json.RootElement.GetProperty("error").GetString());
        Assert.Empty(server.Auth.Issued.All);
    }

    [Fact]
    public async Task The_refresh_token_grant_needs_the_trusted_client_and_token()
    {
        await using var server = await FarmServer.StartAsync();
        server.Auth.TrustAuthorizedUser("client", "secret", "refresh");
        using var http = new HttpClient();

        using var good = await http.PostAsync(server.TokenUri, Form(("grant_type", "refresh_token"), ("client_id", "client"), ("client_secret", "secret"), ("refresh_token", "refresh")));
        using var bad = await http.PostAsync(server.TokenUri, Form(("grant_type", "refresh_token"), ("client_id", "client"), ("client_secret", "secret"), ("refresh_token", "stolen")));

        await AccessTokenAsync(good);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_metadata_server_answers_only_with_Metadata_Flavor_and_its_tokens_expire()
    {
        await using var server = await FarmServer.StartAsync();
        server.Auth.RequireTokens = true;
        server.Auth.TokenLifetime = TimeSpan.Zero;
        using var http = new HttpClient();
        var tokenUri = new Uri(server.RootUri, "computeMetadata/v1/instance/service-accounts/default/token");

        using var refused = await http.GetAsync(tokenUri);
        using var probe = new HttpRequestMessage(HttpMethod.Get, new Uri(server.RootUri, "computeMetadata/v1/"));
        probe.Headers.Add("Metadata-Flavor", "Google");
        using var probed = await http.SendAsync(probe);
        using var ask = new HttpRequestMessage(HttpMethod.Get, tokenUri);
        ask.Headers.Add("Metadata-Flavor", "Google");
        string token = await AccessTokenAsync(await http.SendAsync(ask));
        using var call = new HttpRequestMessage(HttpMethod.Get, new Uri(server.RootUri, "farm/v1/animals"));
        call.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var expired = await http.SendAsync(call);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Google", Assert.Single(probed.Headers.GetValues("Metadata-Flavor")));
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }
}
