using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Discovery.Runtime.Auth;
using Discovery.Runtime.Tests.Infrastructure;
using Farm.Server;
using Farm.V1;
using Xunit;

namespace Discovery.Runtime.Tests.Auth;

/// <summary>
/// Application Default Credentials in Google's order, each source pointed at a temporary folder or the Farm server
/// through the environment the search is given (the process's own variables stay untouched).
/// </summary>
public sealed class ApplicationDefaultTests : IDisposable
{
    /// <summary>Well past the probe's budget of about two seconds: only a hang reaches it.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private readonly string _home = Directory.CreateTempSubdirectory("discovery-home-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = _home, ["APPDATA"] = _home };
        foreach (var (name, value) in variables)
        {
            values[name] = value;
        }

        return name => values.GetValueOrDefault(name);
    }

    private static FarmService Client(FarmServer server, GoogleCredential credential) => new(new ServiceOptions
    {
        RootUri = server.RootUri,
        Retry = FarmFixture.FastRetry(),
        TimeProvider = new RecordingTimeProvider(),
        Credential = credential,
    });

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task The_file_named_by_GOOGLE_APPLICATION_CREDENTIALS_comes_first()
    {
        await using var server = await FarmServer.StartAsync();
        server.Auth.RequireTokens = true;
        using var key = new ServiceAccountKey(server);
        WriteGcloudFile("""{"type":"authorized_user","client_id":"c","client_secret":"s","refresh_token":"r"}""");

        var credential = await ApplicationDefault.FindAsync(Environment(("GOOGLE_APPLICATION_CREDENTIALS", key.WriteFile())), default);
        using var farm = Client(server, credential.CreateScoped(FarmService.Scopes.Farm));
        await farm.Animals.List().ExecuteAsync();

        Assert.Equal(TokenGrant.JwtBearer, Assert.Single(server.Auth.Issued.All).Grant);
    }

    [Fact]
    public async Task Without_the_variable_gcloud_file_in_the_home_folder_is_used()
    {
        await using var server = await FarmServer.StartAsync();
        server.Auth.RequireTokens = true;
        server.Auth.TrustAuthorizedUser("client-1", "secret-1", "refresh-1");
        WriteGcloudFile($$"""{"type":"authorized_user","client_id":"client-1","client_secret":"secret-1","refresh_token":"refresh-1","token_uri":"{{server.TokenUri}}"}""");

        var credential = await ApplicationDefault.FindAsync(Environment(), default);
        using var farm = Client(server, credential);
        await farm.Animals.List().ExecuteAsync();

        Assert.Equal(TokenGrant.RefreshToken, Assert.Single(server.Auth.Issued.All).Grant);
    }

    [Fact]
    public async Task On_a_cloud_machine_the_metadata_server_gives_the_tokens()
    {
        await using var server = await FarmServer.StartAsync();
        server.Auth.RequireTokens = true;

        var credential = await ApplicationDefault.FindAsync(Environment(("GCE_METADATA_HOST", server.RootUri.Authority)), default);
        using var farm = Client(server, credential.CreateScoped(FarmService.Scopes.Farm));
        await farm.Animals.List().ExecuteAsync();

        var issued = Assert.Single(server.Auth.Issued.All);
        Assert.Equal((TokenGrant.Metadata, FarmService.Scopes.Farm), (issued.Grant, issued.Scope));
        Assert.Equal(2, server.Requests.Of(RequestKind.Metadata).Count);
    }

    [Fact]
    public async Task With_no_credentials_anywhere_the_error_lists_what_was_tried()
    {
        int port = ClosedPort();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ApplicationDefault.FindAsync(Environment(("GCE_METADATA_HOST", "127.0.0.1:" + port)), default).WaitAsync(HangGuard));

        Assert.Contains("GOOGLE_APPLICATION_CREDENTIALS: not set", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_home, ".config", "gcloud", "application_default_credentials.json") + ": not found", error.Message, StringComparison.Ordinal);
        Assert.Contains("metadata server at 127.0.0.1:" + port + " (GCE_METADATA_HOST): not reachable", error.Message, StringComparison.Ordinal);
        Assert.Contains("gcloud auth application-default login", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_metadata_address_that_accepts_but_never_answers_does_not_hang_detection()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<Socket>();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                accepted.Add(await silent.AcceptSocketAsync());
            }
        });
        string host = "127.0.0.1:" + ((IPEndPoint)silent.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ApplicationDefault.FindAsync(Environment(("GCE_METADATA_HOST", host)), default).WaitAsync(HangGuard));
        silent.Stop();
        accepted.ForEach(socket => socket.Dispose());

        Assert.Contains("metadata server at " + host + " (GCE_METADATA_HOST): no answer within 1 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_variable_naming_a_missing_or_broken_file_is_an_error_not_a_fallback()
    {
        string missing = Path.Combine(_home, "nope.json");
        string broken = Path.Combine(_home, "broken.json");
        File.WriteAllText(broken, """{"type":"service_account","client_email":"a@b","private_key":"-----BEGIN PRIVATE KEY-----\nTOPSECRET\n-----END PRIVATE KEY-----"}""");
        string external = Path.Combine(_home, "external.json");
        File.WriteAllText(external, """{"type":"external_account","audience":"x"}""");

        var gone = await Assert.ThrowsAsync<InvalidOperationException>(() => ApplicationDefault.FindAsync(Environment(("GOOGLE_APPLICATION_CREDENTIALS", missing)), default));
        var bad = await Assert.ThrowsAsync<InvalidOperationException>(() => ApplicationDefault.FindAsync(Environment(("GOOGLE_APPLICATION_CREDENTIALS", broken)), default));
        var unsupported = await Assert.ThrowsAsync<NotSupportedException>(() => ApplicationDefault.FindAsync(Environment(("GOOGLE_APPLICATION_CREDENTIALS", external)), default));

        Assert.Contains(missing, gone.Message, StringComparison.Ordinal);
        Assert.Contains("private_key", bad.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TOPSECRET", bad.ToString(), StringComparison.Ordinal);
        Assert.Contains("external_account", unsupported.Message, StringComparison.Ordinal);
    }

    private void WriteGcloudFile(string json)
    {
        string folder = Path.Combine(_home, ".config", "gcloud");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "application_default_credentials.json"), json);
    }
}
