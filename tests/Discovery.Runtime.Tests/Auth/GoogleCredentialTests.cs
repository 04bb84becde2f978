using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Discovery.Runtime.Auth;
using Discovery.Runtime.Tests.Infrastructure;
using Farm.Server;
using Farm.V1;
using Farm.V1.Data;
using Xunit;

namespace Discovery.Runtime.Tests.Auth;

/// <summary>
/// Credentials against the Farm server's token endpoint, which verifies the assertion as Google's does, with API calls
/// that need a live token: what a user of <see cref="ServiceOptions.Credential"/> sees.
/// </summary>
public sealed class GoogleCredentialTests
{
    private static FarmService Client(FarmServer server, GoogleCredential credential, RecordingTimeProvider? time = null) => new(new ServiceOptions
    {
        RootUri = server.RootUri,
        Retry = FarmFixture.FastRetry(),
        TimeProvider = time ?? new RecordingTimeProvider(),
        Credential = credential,
    });

    private static async Task<FarmServer> StartAsync()
    {
        var server = await FarmServer.StartAsync();
        server.Auth.RequireTokens = true;
        return server;
    }

    [Fact]
    public async Task A_service_account_file_authenticates_API_calls_with_its_scopes()
    {
        await using var server = await StartAsync();
        using var key = new ServiceAccountKey(server);
        var credential = GoogleCredential.FromFile(key.WriteFile()).CreateScoped(FarmService.Scopes.Farm, FarmService.Scopes.CloudPlatform);
        using var farm = Client(server, credential);
        string id = server.AddAnimal("Babe");

        // The synchronous path fetches the first token, the asynchronous one reuses it.
        var animal = farm.Animals.Get(id).Execute();
        var again = await farm.Animals.Get(id).ExecuteAsync();

        Assert.Equal(("Babe", "Babe"), (animal.Name, again.Name));
        var issued = Assert.Single(server.Auth.Issued.All);
        Assert.Equal((TokenGrant.JwtBearer, ServiceAccountKey.Email, FarmService.Scopes.Farm + " " + FarmService.Scopes.CloudPlatform), (issued.Grant, issued.Subject, issued.Scope));
        Assert.All(server.Requests.Of(RequestKind.Json), r => Assert.Equal("Bearer " + issued.AccessToken, r.Authorization));

        // The token request itself never carries a bearer token, although it goes to the API's host here.
        Assert.Null(Assert.Single(server.Requests.Of(RequestKind.Token)).Authorization);
    }

    [Fact]
    public async Task An_authorized_user_file_uses_the_refresh_token_grant_at_its_token_uri()
    {
        await using var server = await StartAsync();
        server.Auth.TrustAuthorizedUser("client-1", "secret-1", "refresh-1");
        var credential = GoogleCredential.FromJson($$"""{"type":"authorized_user","client_id":"client-1","client_secret":"secret-1","refresh_token":"refresh-1","token_uri":"{{server.TokenUri}}"}""");
        using var farm = Client(server, credential);

        await farm.Animals.List().ExecuteAsync();

        var issued = Assert.Single(server.Auth.Issued.All);
        Assert.Equal((TokenGrant.RefreshToken, "client-1"), (issued.Grant, issued.Subject));
    }

    [Fact]
    public async Task A_token_about_to_expire_is_replaced_before_the_API_would_refuse_it()
    {
        await using var server = await StartAsync();
        server.Auth.TokenLifetime = TimeSpan.FromSeconds(2);
        using var key = new ServiceAccountKey(server);
        using var farm = Client(server, GoogleCredential.FromJson(key.Json).CreateScoped(FarmService.Scopes.Farm));
        string id = server.AddAnimal("Babe");

        await farm.Animals.Get(id).ExecuteAsync();
        await farm.Animals.Get(id).ExecuteAsync();
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        await farm.Animals.Get(id).ExecuteAsync();

        // Two tokens for three calls, and no call was refused: the second token was fetched before the first expired.
        Assert.Equal(2, server.Auth.Issued.All.Count);
        Assert.Equal(new[] { 200, 200, 200 }, server.Requests.Of(RequestKind.Json).Select(r => r.Status).ToArray());
        Assert.Equal(
            server.Auth.Issued.All.Select(t => "Bearer " + t.AccessToken).ToArray(),
            server.Requests.Of(RequestKind.Json).Select(r => r.Authorization).Distinct().ToArray());
    }

    [Fact]
    public async Task Sixteen_concurrent_calls_share_one_token_request_and_one_refresh_after_a_401()
    {
        await using var server = await StartAsync();
        server.Auth.IssueDelay = TimeSpan.FromMilliseconds(300);
        using var key = new ServiceAccountKey(server);
        using var farm = Client(server, GoogleCredential.FromJson(key.Json).CreateScoped(FarmService.Scopes.Farm));
        string id = server.AddAnimal("Babe");

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => farm.Animals.Get(id).ExecuteAsync()));
        server.Auth.RevokeAll();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => farm.Animals.Get(id).ExecuteAsync()));

        // One token for the first round; in the second, the calls refused with it (and those that had not left yet)
        // all waited for one new token, and every call succeeded.
        Assert.Equal(2, server.Requests.Of(RequestKind.Token).Count);
        Assert.InRange(server.Requests.Of(RequestKind.Json).Count(r => r.Status == 401), 1, 16);
        Assert.Equal(32, server.Requests.Of(RequestKind.Json).Count(r => r.Status == 200));
    }

    [Fact]
    public async Task A_token_revoked_mid_upload_is_refreshed_and_the_upload_resumes_where_it_was()
    {
        await using var server = await StartAsync();
        using var key = new ServiceAccountKey(server);
        using var farm = Client(server, GoogleCredential.FromJson(key.Json).CreateScoped(FarmService.Scopes.Farm));
        using var media = new Media();
        var data = TestData.Bytes((3 * TestData.Chunk) + 7, 41);
        var request = farm.Animals.Insert(new Animal { Name = "Babe" }, media.Create(MediaKind.File, data, resumable: true));

        await request.NextChunkAsync();
        server.Auth.RevokeAll();
        var result = await request.ExecuteAsync();

        Assert.Equal(TestData.Sha(data), result.PictureSha256);
        Assert.Equal(2, server.Auth.Issued.All.Count);
        string fresh = "Bearer " + server.Auth.Issued.All[1].AccessToken;
        var afterRevoke = server.Requests.All.Where(r => r.Kind is RequestKind.Chunk or RequestKind.StatusQuery).Skip(1).ToArray();
        Assert.Equal((RequestKind.Chunk, 401), (afterRevoke[0].Kind, afterRevoke[0].Status));
        Assert.Equal((RequestKind.StatusQuery, 308, fresh), (afterRevoke[1].Kind, afterRevoke[1].Status, afterRevoke[1].Authorization));
        Assert.All(afterRevoke.Skip(1), r => Assert.Equal(fresh, r.Authorization));

        // Resumed, not restarted: one session, and the bytes the server had before the 401 were not sent again.
        Assert.Single(server.Requests.Of(RequestKind.Initiate));
        Assert.Equal(data.Length, server.Requests.Of(RequestKind.Chunk).Where(r => r.Status is 200 or 308).Sum(r => r.BodyLength));
    }

    [Fact]
    public async Task A_download_refused_with_401_is_refreshed_once_and_completes()
    {
        await using var server = await StartAsync();
        using var key = new ServiceAccountKey(server);
        using var farm = Client(server, GoogleCredential.FromJson(key.Json).CreateScoped(FarmService.Scopes.Farm));
        var picture = TestData.Bytes(1000, 5);
        string id = server.AddAnimal("Babe", picture);
        await farm.Animals.Get(id).ExecuteAsync();
        server.Auth.RevokeAll();

        using var copy = new MemoryStream();
        await farm.Animals.Get(id).DownloadAsync(copy);

        Assert.Equal(picture, copy.ToArray());
        Assert.Equal(new[] { 401, 206 }, server.Requests.Of(RequestKind.Download).Select(r => r.Status).ToArray());
        Assert.Equal(2, server.Auth.Issued.All.Count);
    }

    [Fact]
    public async Task A_failing_token_endpoint_is_retried_under_the_service_retry_policy()
    {
        await using var server = await StartAsync();
        using var key = new ServiceAccountKey(server);
        var time = new RecordingTimeProvider();
        using var farm = Client(server, GoogleCredential.FromJson(key.Json).CreateScoped(FarmService.Scopes.Farm), time);
        server.Script.Enqueue(RequestKind.Token, new ScriptedFault { Status = 503 }, new ScriptedFault { Status = 500 });

        await farm.Animals.List().ExecuteAsync();

        Assert.Equal(new[] { 503, 500, 200 }, server.Requests.Of(RequestKind.Token).Select(r => r.Status).ToArray());
        Assert.Equal(2, time.Delays.Count);
    }

    [Fact]
    public async Task A_refused_key_is_reported_with_the_endpoint_error_and_no_secret()
    {
        await using var server = await StartAsync();
        using var key = new ServiceAccountKey(server, trusted: false);
        using var farm = Client(server, GoogleCredential.FromJson(key.Json).CreateScoped(FarmService.Scopes.Farm));

        var error = await Assert.ThrowsAsync<HttpError>(() => farm.Animals.List().ExecuteAsync());

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("invalid_grant", error.Message, StringComparison.Ordinal);
        Assert.Contains(ServiceAccountKey.Email, error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests.Of(RequestKind.Token));
        Assert.Empty(server.Requests.Of(RequestKind.Json));
        AssertNoSecret(error, key.PrivateKeyBody, "eyJ");
    }

    [Fact]
    public async Task A_refused_refresh_token_is_reported_without_the_token_or_the_client_secret()
    {
        await using var server = await StartAsync();
        var credential = GoogleCredential.FromJson($$"""{"type":"authorized_user","client_id":"client-1","client_secret":"TOPSECRET-S","refresh_token":"TOPSECRET-R","token_uri":"{{server.TokenUri}}"}""");
        using var farm = Client(server, credential);

        var error = await Assert.ThrowsAsync<HttpError>(() => farm.Animals.List().ExecuteAsync());

        Assert.Contains("invalid_grant", error.Message, StringComparison.Ordinal);
        AssertNoSecret(error, "TOPSECRET");
    }

    [Fact]
    public async Task A_service_account_without_scopes_says_to_scope_it()
    {
        await using var server = await StartAsync();
        using var key = new ServiceAccountKey(server);
        using var farm = Client(server, GoogleCredential.FromJson(key.Json));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => farm.Animals.List().ExecuteAsync());

        Assert.Contains("CreateScoped", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests.All);
    }

    [Fact]
    public async Task Credentials_never_go_to_a_session_host_other_than_the_API()
    {
        await using var server = await FarmServer.StartAsync();
        using var key = new ServiceAccountKey(server);
        using var farm = Client(server, GoogleCredential.FromJson(key.Json).CreateScoped(FarmService.Scopes.Farm));
        using var media = new Media();
        server.Script.Enqueue(RequestKind.Initiate, new ScriptedFault { LocationHost = "localhost" });

        await farm.Animals.Insert(new Animal(), media.Create(MediaKind.File, TestData.Bytes(TestData.Chunk + 1, 1), true)).ExecuteAsync();

        Assert.NotNull(Assert.Single(server.Requests.Of(RequestKind.Initiate)).Authorization);
        Assert.All(server.Requests.Of(RequestKind.Chunk), r => Assert.Null(r.Authorization));
    }

    [Theory]
    [InlineData("external_account")]
    [InlineData("impersonated_service_account")]
    public void Unsupported_credential_types_are_named(string type)
    {
        var error = Assert.Throws<NotSupportedException>(() => GoogleCredential.FromJson($$"""{"type":"{{type}}"}"""));

        Assert.Contains(type, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_credential_and_a_token_provider_together_are_refused()
    {
        var credential = GoogleCredential.FromJson("""{"type":"authorized_user","client_id":"c","client_secret":"s","refresh_token":"r"}""");

        var error = Assert.Throws<ArgumentException>(() => new FarmService(new ServiceOptions { Credential = credential, AccessTokenProvider = _ => new ValueTask<string?>("t") }));

        Assert.Contains("Credential", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_is_available_to_callers_with_requests_of_their_own()
    {
        await using var server = await StartAsync();
        using var key = new ServiceAccountKey(server);
        var credential = GoogleCredential.FromJson(key.Json).CreateScoped(FarmService.Scopes.FarmReadonly);

        string token = await credential.GetAccessTokenAsync();

        Assert.Equal(server.Auth.Issued.All[0].AccessToken, token);
        Assert.Equal(token, await credential.GetAccessTokenAsync());
        Assert.Equal(new[] { FarmService.Scopes.FarmReadonly }, credential.Scopes);
    }

    private static void AssertNoSecret(Exception error, params string[] secrets)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            foreach (string secret in secrets)
            {
                Assert.DoesNotContain(secret, e.Message, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, e.ToString(), StringComparison.Ordinal);
                if (e is HttpError http)
                {
                    Assert.DoesNotContain(secret, http.ResponseBody ?? string.Empty, StringComparison.Ordinal);
                }
            }
        }
    }
}
