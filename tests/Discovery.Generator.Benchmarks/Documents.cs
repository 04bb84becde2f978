using System;
using System.IO;

namespace Discovery.Generator.Benchmarks;

/// <summary>The documents the benchmarks read: the Farm sample and the shared corpus.</summary>
internal static class Documents
{
    public static string Root { get; } = FindRoot();

    public static string Corpus => Path.GetFullPath(Path.Combine(Root, "..", "shared", "discovery"));

    public static string PathOf(string name) => name == "farm"
        ? Path.Combine(Root, "samples", "FarmClient", "farm.discovery.json")
        : Path.Combine(Corpus, name + ".json");

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
