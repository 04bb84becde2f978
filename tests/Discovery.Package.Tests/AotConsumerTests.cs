using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Farm.Server;
using Xunit;
using Xunit.Abstractions;

namespace Discovery.Package.Tests;

/// <summary>
/// Native AOT publish of a packed consumer: the generated client and the runtime must be trim- and AOT-clean.
/// Needs a C toolchain (clang, or gcc as the SDK's fallback) and zlib headers on the machine.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed partial class AotConsumerTests(PackageFixture package, FarmServerFixture server, ITestOutputHelper log) : IClassFixture<FarmServerFixture>
{
    [Fact]
    public async Task Native_AOT_publish_has_no_trim_or_AOT_warnings_and_the_binary_talks_to_the_server()
    {
        string project = ConsumerProject.CreateConsoleApp(package, "AotConsumer", "<PublishAot>true</PublishAot>");

        var publish = await DotnetCli.DotnetAsync(
            project, TimeSpan.FromMinutes(5),
            "publish", "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        log.WriteLine($"publish: {publish.Elapsed.TotalSeconds:F0} s");
        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.DoesNotMatch(TrimOrAotWarning(), publish.Output);
        Assert.DoesNotContain(" warning ", publish.Output, StringComparison.Ordinal);

        // The binary authenticates with a service-account key against the server's token endpoint, which verifies the
        // RS256 assertion; without a token from it every API call would be refused.
        using var key = RSA.Create(2048);
        server.Server.Auth.TrustServiceAccount(Account, key);
        server.Server.Auth.RequireTokens = true;
        string keyFile = Path.Combine(project, "service-account.json");
        File.WriteAllText(keyFile, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["type"] = "service_account",
            ["private_key_id"] = "k1",
            ["private_key"] = key.ExportPkcs8PrivateKeyPem(),
            ["client_email"] = Account,
            ["token_uri"] = server.Server.TokenUri.AbsoluteUri,
        }));

        string binary = Path.Combine(project, "bin", "Release", "net10.0", "linux-x64", "publish", "AotConsumer");
        var run = await DotnetCli.RunAsync(binary, project, TimeSpan.FromMinutes(1), server.RootUri.AbsoluteUri, keyFile);
        log.WriteLine($"run: {run.Elapsed.TotalSeconds:F1} s");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(ConsumerProject.ExpectedOutput, run.Output.Trim().ReplaceLineEndings("\n"));
        var issued = Assert.Single(server.Server.Auth.Issued.All);
        Assert.Equal((TokenGrant.JwtBearer, Account, "https://www.googleapis.com/auth/farm"), (issued.Grant, issued.Subject, issued.Scope));
    }

    private const string Account = "aot-consumer@example.iam.gserviceaccount.com";

    [GeneratedRegex(@"\bIL[23]\d{3}\b")]
    private static partial Regex TrimOrAotWarning();
}
