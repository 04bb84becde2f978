using System.IO;
using Discovery.Tests;

namespace Discovery.Generator.Benchmarks;

/// <summary>The documents the benchmarks read: the Farm sample and the shared corpus.</summary>
internal static class Documents
{
    public static string Corpus => RepositoryPaths.Corpus;

    public static string PathOf(string name) => name == "farm"
        ? RepositoryPaths.FarmDocument
        : Path.Combine(Corpus, name + ".json");
}
