using System;
using System.IO;
using Discovery.Tests;

namespace Discovery.Package.Tests;

/// <summary>
/// A fresh console project outside the repository that gets Discovery only through its package, the way a user
/// would: its own nuget.config with the test feed, and empty Directory.* files so nothing from above leaks in.
/// </summary>
internal static class ConsumerProject
{
    public const string ExpectedOutput = """
        inserted Babe, id assigned
        fetched Babe PIG 95000 [pink, small]
        round trip equal: True
        missing: 404 NOT_FOUND
        """;

    public static string CreateConsoleApp(PackageFixture package, string name, string extraProperties)
        => Create(package, name, "<OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework>" + extraProperties, ProgramSource);

    /// <summary>A netstandard2.0 library: the generated client must compile against the runtime's netstandard2.0 asset and its package dependencies.</summary>
    public static string CreateNetStandardLibrary(PackageFixture package, string name)
        => Create(package, name, "<TargetFramework>netstandard2.0</TargetFramework><LangVersion>latest</LangVersion>", LibrarySource);

    /// <summary>A console app with no document of its own, referencing a library project that holds one (the pattern for large APIs).</summary>
    public static string CreateAppReferencing(PackageFixture package, string name, string libraryProject, string source)
        => Create(package, name, "<OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework>", source, $"<ProjectReference Include=\"{libraryProject}\" />");

    /// <summary>A console app generating from a corpus document, with the AdditionalFiles item's extra metadata as written in a project file.</summary>
    public static string CreateCorpusApp(PackageFixture package, string name, string document, string metadata, string source)
        => Create(package, name, "<OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework>", source, $"<AdditionalFiles Include=\"{document}\" {metadata} />", Path.Combine(RepositoryPaths.Corpus, document));

    private static string Create(PackageFixture package, string name, string properties, string source, string? item = null, string? documentPath = null)
    {
        string directory = Path.Combine(package.WorkDirectory, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="discovery-test-feed" value="{package.FeedDirectory}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        foreach (var isolating in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(directory, isolating), "<Project />\n");
        }

        File.Copy(RepositoryPaths.FarmDocument, Path.Combine(directory, "farm.discovery.json"));
        if (documentPath is not null)
        {
            File.Copy(documentPath, Path.Combine(directory, Path.GetFileName(documentPath)));
        }

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
                <PackageReference Include="Discovery" Version="{package.Version}" />
                {item ?? "<AdditionalFiles Include=\"farm.discovery.json\" Namespace=\"Consumer.Farm\" ClientName=\"FarmApi\" />"}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Consumer.cs"), source);
        return directory;
    }

    // Uses the service, a resource's requests on both the async and the sync path, a data class, the JSON round
    // trip, the error type and (given a key file) a credential, so a generator that did not load fails compilation
    // instead of passing vacuously.
    private const string ProgramSource = """
        using System;
        using System.Collections.Generic;
        using Consumer.Farm;
        using Consumer.Farm.Data;
        using Discovery.Runtime;
        using Discovery.Runtime.Auth;
        using Discovery.Runtime.Json;

        // A second argument names a service-account key: every call then carries a token from its token_uri.
        var options = new ServiceOptions { RootUri = new Uri(args[0]) };
        if (args.Length > 1)
        {
            options.Credential = GoogleCredential.FromFile(args[1]).CreateScoped(FarmApi.Scopes.Farm);
        }

        using var farm = new FarmApi(options);
        var created = await farm.Animals.Insert(new Animal
        {
            Name = "Babe",
            Kind = Animal.KindValues.Pig,
            WeightGrams = 95000,
            Tags = new List<string> { "pink", "small" },
        }).ExecuteAsync();
        string id = created.Id ?? throw new InvalidOperationException("The server assigned no id.");
        Console.WriteLine($"inserted {created.Name}, id {(id.Length > 0 ? "assigned" : "missing")}");

        Animal fetched = farm.Animals.Get(id).Execute();
        Console.WriteLine($"fetched {fetched.Name} {fetched.Kind} {fetched.WeightGrams} [{string.Join(", ", fetched.Tags ?? new List<string>())}]");

        string json = fetched.ToString();
        Animal copy = JsonIO.Deserialize(json, Animal.ReadJson);
        Console.WriteLine($"round trip equal: {copy.ToString() == json}");

        try
        {
            await farm.Animals.Get("nope").ExecuteAsync();
        }
        catch (HttpError error)
        {
            Console.WriteLine($"missing: {(int)error.StatusCode} {error.Error?.Status}");
        }
        """;

    // Paging walks IAsyncEnumerable with ConfigureAwait, which netstandard2.0 gets from Microsoft.Bcl.AsyncInterfaces.
    private const string LibrarySource = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Consumer.Farm;
        using Consumer.Farm.Data;
        using Discovery.Runtime.Json;

        namespace Consumer;

        public static class FarmQueries
        {
            public static async Task<List<string>> NamesAsync(FarmApi farm, CancellationToken cancellationToken)
            {
                var names = new List<string>();
                await foreach (var animal in farm.Animals.List().ItemsAsync(cancellationToken).ConfigureAwait(false))
                {
                    names.Add(animal.Name ?? string.Empty);
                }

                return names;
            }

            public static Animal Copy(Animal animal) => JsonIO.Deserialize(animal.ToString(), Animal.ReadJson);

            public static Animal Fetch(FarmApi farm, string id) => farm.Animals.Get(id).Execute();
        }
        """;
}
