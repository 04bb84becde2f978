using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Discovery.Runtime.Auth;
using Farm.Server;
using Xunit;

namespace Discovery.Runtime.Tests.Auth;

/// <summary>The parts a credential is made of: its file, its key, and the assertion Google's token endpoint takes.</summary>
public sealed class CredentialPartsTests
{
    private const string Email = "farm-tests@example.iam.gserviceaccount.com";

    private static string ServiceAccountJson(RSA key, string tokenUri = "https://oauth2.googleapis.com/token") => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["type"] = "service_account",
        ["project_id"] = "farm",
        ["private_key_id"] = "k1",
        ["private_key"] = key.ExportPkcs8PrivateKeyPem(),
        ["client_email"] = Email,
        ["token_uri"] = tokenUri,
    });

    [Fact]
    public void A_service_account_file_and_an_authorized_user_file_are_read()
    {
        using var key = RSA.Create(2048);
        var account = CredentialFile.Parse(ServiceAccountJson(key));
        var user = CredentialFile.Parse("""{"type":"authorized_user","client_id":"c","client_secret":"s","refresh_token":"r","quota_project_id":"q"}""");

        Assert.Equal((CredentialFile.ServiceAccount, Email, "k1", "farm"), (account.Type, account.ClientEmail, account.PrivateKeyId, account.ProjectId));
        Assert.Equal((CredentialFile.AuthorizedUser, "c", "r", null, "q"), (user.Type, user.ClientId, user.RefreshToken, user.TokenUri, user.ProjectId));
    }

    [Theory]
    [InlineData("external_account")]
    [InlineData("impersonated_service_account")]
    public void An_unsupported_credential_type_is_named(string type)
    {
        var error = Assert.Throws<NotSupportedException>(() => CredentialFile.Parse($$"""{"type":"{{type}}","audience":"x"}"""));

        Assert.Contains($"\"{type}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_file_is_reported_without_its_secrets()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => CredentialFile.Parse("""{"type":"authorized_user","client_id":"c","client_secret":"TOPSECRET"}"""));
        var garbled = Assert.Throws<InvalidOperationException>(() => CredentialFile.Parse("""{"type":"service_account","private_key":"TOPSECRET"""));

        Assert.Contains("refresh_token", missing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TOPSECRET", missing.Message + garbled.Message, StringComparison.Ordinal);
        Assert.Null(garbled.InnerException);
    }

    [Fact]
    public void The_PKCS8_key_loads_on_both_paths_and_signs_for_its_public_half()
    {
        using var key = RSA.Create(2048);
        byte[] data = Encoding.ASCII.GetBytes("header.claims");

        using var loaded = PrivateKeyPem.Load(key.ExportPkcs8PrivateKeyPem());
        using var fromDer = RSA.Create();
        fromDer.ImportParameters(Pkcs8Der.ReadRsaParameters(key.ExportPkcs8PrivateKey()));

        foreach (var signer in new[] { loaded, fromDer })
        {
            byte[] signature = signer.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            Assert.True(key.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        }

        var error = Assert.Throws<InvalidOperationException>(() => PrivateKeyPem.Load("-----BEGIN PRIVATE KEY-----\nTOPSECRET\n-----END PRIVATE KEY-----"));
        Assert.DoesNotContain("TOPSECRET", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_assertion_is_accepted_by_a_token_endpoint_that_verifies_it()
    {
        await using var server = await FarmServer.StartAsync();
        using var key = RSA.Create(2048);
        server.Auth.TrustServiceAccount(Email, key);
        var file = CredentialFile.Parse(ServiceAccountJson(key, server.TokenUri.AbsoluteUri));
        using var signer = PrivateKeyPem.Load(file.PrivateKey!);
        string assertion = JwtAssertion.Create(signer, file.PrivateKeyId, file.ClientEmail!, "https://www.googleapis.com/auth/farm", new Uri(file.TokenUri!), DateTimeOffset.UtcNow);
        using var http = new HttpClient();

        using var response = await http.PostAsync(server.TokenUri, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
            ["assertion"] = assertion,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var issued = Assert.Single(server.Auth.Issued.All);
        Assert.Equal((TokenGrant.JwtBearer, Email), (issued.Grant, issued.Subject));
    }
}
