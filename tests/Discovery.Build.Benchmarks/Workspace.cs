using System;
using System.IO;
using Discovery.Tests;

namespace Discovery.Build.Benchmarks;

/// <summary>
/// A folder outside the repository with the packed package as its only source of Discovery (the way a user gets
/// it), one library holding the whole document and the five apps the benchmark edits. Empty Directory.* files
/// keep the repository's build settings out.
/// </summary>
internal sealed class Workspace : IDisposable
{
    public const string LibraryName = "ComputeLibrary";

    private Workspace(string root, string version, string document)
    {
        Root = root;
        Version = version;
        Document = document;
    }

    public string Root { get; }

    public string Version { get; }

    public string Document { get; }

    public string Feed => Path.Combine(Root, "feed");

    public string LibraryDirectory => Path.Combine(Root, LibraryName);

    public string PrebuiltDirectory => Path.Combine(Root, "prebuilt");

    public static Workspace Create(string documentPath)
    {
        string root = Directory.CreateTempSubdirectory("discovery-buildbench-").FullName;
        // Unique, so restores through the normal NuGet cache never see a stale package of an earlier run.
        var workspace = new Workspace(root, "0.0.0-bench." + DateTime.UtcNow.Ticks, Path.GetFileName(documentPath));
        File.Copy(documentPath, Path.Combine(root, workspace.Document));
        foreach (var isolating in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(root, isolating), "<Project />\n");
        }

        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="discovery-bench-feed" value="{workspace.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        return workspace;
    }

    public void Pack()
        => Dotnet.Check(RepositoryPaths.Root, "pack", RepositoryPaths.RuntimeProject, "-c", "Release", "-o", Feed, "-p:Version=" + Version, "-v", "q", "-nologo");

    /// <summary>The library of the library-project pattern; its output is also what the prebuilt case references.</summary>
    public void CreateLibrary()
        => WriteProject(LibraryName, "<TargetFramework>net10.0</TargetFramework>", Package + DocumentItem(string.Empty), null);

    public string CreateApp(BuildCase kind)
    {
        string name = "App" + kind;
        string items = kind switch
        {
            BuildCase.Whole => Package + DocumentItem(string.Empty),
            BuildCase.Selected => Package + DocumentItem("Methods=\"instances;zoneOperations\""),
            BuildCase.Library => Package + $"<ProjectReference Include=\"../{LibraryName}/{LibraryName}.csproj\" />",
            BuildCase.Prebuilt => Package + $"<Reference Include=\"{Path.Combine(PrebuiltDirectory, LibraryName + ".dll")}\" />",
            _ => string.Empty,
        };
        WriteProject(name, "<OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework>", items, kind);
        return Path.Combine(Root, name);
    }

    /// <summary>Rewrites the app's own code, as a developer's edit does; every case gets the same edit.</summary>
    public static void Edit(string appDirectory, BuildCase kind, int edit)
    {
        string uses = kind == BuildCase.Empty
            ? "Console.WriteLine(\"empty\");"
            : "Console.WriteLine(typeof(Bench.Compute.ComputeApi).FullName);\nConsole.WriteLine(typeof(Bench.Compute.Data.Instance).FullName);";
        File.WriteAllText(Path.Combine(appDirectory, "Program.cs"), $"using System;\n\n{uses}\nConsole.WriteLine(\"edit {edit}\");\n");
    }

    public void Dispose()
    {
        Directory.Delete(Root, recursive: true);
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string cached = Path.Combine(packages, "discovery", Version);
        if (Directory.Exists(cached))
        {
            Directory.Delete(cached, recursive: true);
        }
    }

    private string Package => $"<PackageReference Include=\"Discovery\" Version=\"{Version}\" />";

    private string DocumentItem(string metadata)
        => $"<AdditionalFiles Include=\"../{Document}\" Namespace=\"Bench.Compute\" ClientName=\"ComputeApi\" {metadata} />";

    private void WriteProject(string name, string properties, string items, BuildCase? app)
    {
        string directory = Path.Combine(Root, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {properties}
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
                {items}
              </ItemGroup>
            </Project>
            """);
        if (app is { } kind)
        {
            Edit(directory, kind, 0);
        }
    }
}
