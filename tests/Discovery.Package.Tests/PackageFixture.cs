using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using Discovery.Tests;
using Xunit;

namespace Discovery.Package.Tests;

/// <summary>
/// Packs the runtime once per test run. The version is unique so that consumers restoring through the normal
/// NuGet cache can never pick up a stale package of an earlier run; a throwaway NUGET_PACKAGES folder would
/// guarantee the same but would download the ILCompiler packages (hundreds of MB) on every run. The cached copy
/// of this one version is deleted again afterwards.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public string Version { get; } = "0.0.0-test." + DateTime.UtcNow.Ticks;

    public string WorkDirectory { get; } = Directory.CreateTempSubdirectory("discovery-package-").FullName;

    public string FeedDirectory => Path.Combine(WorkDirectory, "feed");

    public string PackagePath => Path.Combine(FeedDirectory, $"Discovery.{Version}.nupkg");

    public XDocument Nuspec { get; private set; } = new();

    public string[] Entries { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var pack = await DotnetCli.DotnetAsync(
            RepositoryPaths.Root, TimeSpan.FromMinutes(4),
            "pack", RepositoryPaths.RuntimeProject, "-c", "Release", "-o", FeedDirectory, "-p:Version=" + Version, "-nodeReuse:false");
        Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Output);

        using var zip = ZipFile.OpenRead(PackagePath);
        Entries = zip.Entries.Select(e => e.FullName).ToArray();
        using var nuspec = zip.GetEntry("Discovery.nuspec")!.Open();
        Nuspec = XDocument.Load(nuspec);
    }

    /// <summary>Extracts one package entry to a file (for reading assemblies with System.Reflection.Metadata).</summary>
    public string Extract(string entryName)
    {
        string target = Path.Combine(WorkDirectory, "extracted", entryName.Replace('/', Path.DirectorySeparatorChar));
        if (!File.Exists(target))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var zip = ZipFile.OpenRead(PackagePath);
            zip.GetEntry(entryName)!.ExtractToFile(target);
        }

        return target;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(WorkDirectory, recursive: true);
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string cached = Path.Combine(packages, "discovery", Version);
        if (Directory.Exists(cached))
        {
            Directory.Delete(cached, recursive: true);
        }

        return Task.CompletedTask;
    }
}

/// <summary>All tests share one pack; xunit runs a collection's tests one after another, which also keeps the
/// consumer builds from competing for the two cores.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Package";
}
