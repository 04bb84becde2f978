using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json;
using Farm.Server;

namespace Discovery.Runtime.Tests.Auth;

/// <summary>A service-account key generated for one test: its private half in a key file, its public half trusted by the server.</summary>
public sealed class ServiceAccountKey : IDisposable
{
    public const string Email = "farm-tests@example.iam.gserviceaccount.com";
    public const string FarmScope = "https://www.googleapis.com/auth/farm";

    private readonly RSA _key = RSA.Create(2048);
    private readonly List<string> _files = new();

    public ServiceAccountKey(FarmServer server, bool trusted = true)
    {
        if (trusted)
        {
            server.Auth.TrustServiceAccount(Email, _key);
        }

        PrivateKeyPem = _key.ExportPkcs8PrivateKeyPem();
        Json = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["type"] = "service_account",
            ["project_id"] = "farm",
            ["private_key_id"] = "k1",
            ["private_key"] = PrivateKeyPem,
            ["client_email"] = Email,
            ["token_uri"] = server.TokenUri.AbsoluteUri,
        });
    }

    public string Json { get; }

    public string PrivateKeyPem { get; }

    /// <summary>The base64 body of the PEM, as it would appear if a message leaked the key.</summary>
    public string PrivateKeyBody => PrivateKeyPem.Split('\n')[1];

    public string WriteFile(string? directory = null)
    {
        string path = Path.Combine(directory ?? Path.GetTempPath(), "sa-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, Json);
        _files.Add(path);
        return path;
    }

    public void Dispose()
    {
        _key.Dispose();
        foreach (string file in _files)
        {
            File.Delete(file);
        }
    }
}
