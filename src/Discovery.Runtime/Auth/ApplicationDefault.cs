using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime.Auth;

/// <summary>
/// Application Default Credentials in Google's documented order. The environment is a parameter so tests can point
/// every source somewhere empty without changing the process's own variables.
/// </summary>
internal static class ApplicationDefault
{
    public const string FileVariable = "GOOGLE_APPLICATION_CREDENTIALS";
    private const string WellKnownFile = "application_default_credentials.json";

    public static async Task<GoogleCredential> FindAsync(Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var tried = new List<string>();
        string? named = environment(FileVariable);
        if (!string.IsNullOrWhiteSpace(named))
        {
            // A variable that names a file is an instruction: a missing or broken file is an error, not a reason to look elsewhere.
            return Load(named!, FileVariable);
        }

        tried.Add(FileVariable + ": not set");
        if (GcloudFile(environment) is { } gcloud)
        {
            if (File.Exists(gcloud))
            {
                return Load(gcloud, "gcloud's application default credentials");
            }

            tried.Add("gcloud's file " + gcloud + ": not found");
        }
        else
        {
            tried.Add("gcloud's file: no home directory to look in");
        }

        string? configured = environment(MetadataServer.HostVariable);
        if (MetadataServer.At(configured, out string host) is { } server)
        {
            var (found, outcome) = await server.ProbeAsync(cancellationToken).ConfigureAwait(false);
            if (found)
            {
                return new MetadataServerCredential(server);
            }

            tried.Add("the metadata server at " + host + (string.IsNullOrWhiteSpace(configured) ? string.Empty : " (" + MetadataServer.HostVariable + ")") + ": " + outcome);
        }
        else
        {
            tried.Add(MetadataServer.HostVariable + " '" + host + "': not a host[:port]");
        }

        throw new InvalidOperationException(
            "No Application Default Credentials were found. Tried: " + string.Join("; ", tried) + ". "
            + "Set " + FileVariable + " to a service-account key file, run 'gcloud auth application-default login', "
            + "or run on Google Cloud; or pass a credential from GoogleCredential.FromFile.");
    }

    /// <summary>gcloud's configuration folder: <c>CLOUDSDK_CONFIG</c>, else <c>%APPDATA%\gcloud</c> on Windows, else <c>~/.config/gcloud</c>.</summary>
    private static string? GcloudFile(Func<string, string?> environment)
    {
        string? folder = environment("CLOUDSDK_CONFIG");
        if (string.IsNullOrWhiteSpace(folder))
        {
            string? parent = RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
                ? environment("APPDATA")
                : environment("HOME") is { Length: > 0 } home ? Path.Combine(home, ".config") : null;
            folder = string.IsNullOrWhiteSpace(parent) ? null : Path.Combine(parent, "gcloud");
        }

        return folder is null ? null : Path.Combine(folder, WellKnownFile);
    }

    private static GoogleCredential Load(string path, string source)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The credential file {path} ({source}) cannot be read: {e.Message}", e);
        }

        try
        {
            return GoogleCredential.FromJson(json);
        }
        catch (InvalidOperationException e)
        {
            // Parse messages never carry the file's text, so they are safe to pass on with the path.
            throw new InvalidOperationException($"The credential file {path} ({source}) cannot be used: {e.Message}", innerException: null);
        }
    }
}
