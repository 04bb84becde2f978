using System;
using System.IO;

namespace Discovery.Package.Tests;

internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string RuntimeProject => Path.Combine(Root, "src", "Discovery.Runtime", "Discovery.Runtime.csproj");

    public static string FarmDocument => Path.Combine(Root, "samples", "FarmClient", "farm.discovery.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Discovery.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Discovery.sln not found above " + AppContext.BaseDirectory);
    }
}
