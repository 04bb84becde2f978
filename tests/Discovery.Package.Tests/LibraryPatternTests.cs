using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace Discovery.Package.Tests;

/// <summary>
/// The pattern for a project that needs all of a large API: the document in its own class library, referenced
/// by the app. Editing the app must not compile the library (and so not run the generator or compile its output) again.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class LibraryPatternTests(PackageFixture package, ITestOutputHelper log)
{
    private const string AppSource = """
        using System;
        using Consumer;
        using Consumer.Farm.Data;

        var copy = FarmQueries.Copy(new Animal { Name = "Babe" });
        Console.WriteLine(copy.Name);
        """;

    [Fact]
    public async Task An_app_only_edit_rebuilds_the_app_and_leaves_the_library_as_it_was()
    {
        string library = ConsumerProject.CreateNetStandardLibrary(package, "ApiLibrary");
        string app = ConsumerProject.CreateAppReferencing(package, "ApiApp", Path.Combine(library, "ApiLibrary.csproj"), AppSource);

        var first = await DotnetCli.DotnetAsync(app, TimeSpan.FromMinutes(4), "build", "-c", "Release", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains(" 0 Warning(s)", first.Output, StringComparison.Ordinal);
        string libraryDll = Path.Combine(library, "obj", "Release", "netstandard2.0", "ApiLibrary.dll");
        string appDll = Path.Combine(app, "obj", "Release", "net10.0", "ApiApp.dll");
        var libraryBuilt = File.GetLastWriteTimeUtc(libraryDll);
        var appBuilt = File.GetLastWriteTimeUtc(appDll);

        File.AppendAllText(Path.Combine(app, "Consumer.cs"), "\nConsole.WriteLine(\"edited\");\n");
        var second = await DotnetCli.DotnetAsync(app, TimeSpan.FromMinutes(4), "build", "-c", "Release", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        log.WriteLine($"first build: {first.Elapsed.TotalSeconds:F1} s, app-only edit: {second.Elapsed.TotalSeconds:F1} s");

        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal(libraryBuilt, File.GetLastWriteTimeUtc(libraryDll));
        Assert.NotEqual(appBuilt, File.GetLastWriteTimeUtc(appDll));
        var run = await DotnetCli.DotnetAsync(app, TimeSpan.FromMinutes(1), Path.Combine(app, "bin", "Release", "net10.0", "ApiApp.dll"));
        Assert.Equal("Babe\nedited", run.Output.Trim().ReplaceLineEndings("\n"));
    }
}
