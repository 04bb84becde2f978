using System;
using System.Text.Json;

namespace Discovery.Runtime.Auth;

/// <summary>
/// The fields of a Google credential JSON file (a service-account key, or gcloud's authorized-user file) that
/// obtaining a token needs. Read with <see cref="JsonDocument"/>, so no reflection: trimming- and AOT-clean.
/// </summary>
internal sealed record CredentialFile(
    string Type,
    string? ClientEmail,
    string? PrivateKey,
    string? PrivateKeyId,
    string? TokenUri,
    string? ClientId,
    string? ClientSecret,
    string? RefreshToken,
    string? ProjectId)
{
    public const string ServiceAccount = "service_account";
    public const string AuthorizedUser = "authorized_user";

    /// <summary>Parses the file; the message of a failure never contains the file's text, which holds secrets.</summary>
    public static CredentialFile Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The credential is not valid JSON (line {e.LineNumber + 1}).", innerException: null);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidOperationException("The credential JSON is not an object.");
            }

            string type = Text(root, "type") ?? throw new InvalidOperationException("The credential JSON has no \"type\".");
            var file = new CredentialFile(
                type,
                Text(root, "client_email"),
                Text(root, "private_key"),
                Text(root, "private_key_id"),
                Text(root, "token_uri"),
                Text(root, "client_id"),
                Text(root, "client_secret"),
                Text(root, "refresh_token"),
                Text(root, "project_id") ?? Text(root, "quota_project_id"));
            file.Validate();
            return file;
        }
    }

    private void Validate()
    {
        switch (Type)
        {
            case ServiceAccount:
                Require(ClientEmail, "client_email");
                Require(PrivateKey, "private_key");
                break;
            case AuthorizedUser:
                Require(ClientId, "client_id");
                Require(ClientSecret, "client_secret");
                Require(RefreshToken, "refresh_token");
                break;
            default:
                throw new NotSupportedException($"Credentials of type \"{Type}\" are not supported; use a service_account key or an authorized_user file, or supply tokens through ServiceOptions.AccessTokenProvider.");
        }

        if (TokenUri is not null && !Uri.TryCreate(TokenUri, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException("The credential's \"token_uri\" is not an absolute URI.");
        }
    }

    private void Require(string? value, string name)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidOperationException($"The {Type} credential has no \"{name}\".");
        }
    }

    private static string? Text(JsonElement root, string name)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
