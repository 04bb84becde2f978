using System;
using System.IO;

namespace Discovery.Tests;

/// <summary>
/// Finds the repository and the shared corpus from a test's or benchmark's output folder. One file, linked into
/// every project under tests/ that needs it.
/// </summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Corpus => Path.GetFullPath(Path.Combine(Root, "..", "shared", "discovery"));

    public static string FarmDocument => Path.Combine(Root, "samples", "FarmClient", "farm.discovery.json");

    public static string RuntimeProject => Path.Combine(Root, "src", "Discovery.Runtime", "Discovery.Runtime.csproj");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Discovery.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Discovery.sln not found above " + AppContext.BaseDirectory);
    }
}
