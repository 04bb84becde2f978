using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace Discovery.Package.Tests;

/// <summary>The only tests that load the generator the way users get it: from analyzers/ in the package.</summary>
[Collection(PackageCollection.Name)]
public sealed class ConsumerTests(PackageFixture package, FarmServerFixture server, ITestOutputHelper log) : IClassFixture<FarmServerFixture>
{
    [Fact]
    public async Task Fresh_console_project_builds_without_warnings_and_talks_to_the_server()
    {
        string project = ConsumerProject.CreateConsoleApp(package, "JitConsumer", string.Empty);

        var build = await DotnetCli.DotnetAsync(project, TimeSpan.FromMinutes(3), "build", "-c", "Release", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        log.WriteLine($"build: {build.Elapsed.TotalSeconds:F0} s");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains(" 0 Warning(s)", build.Output, StringComparison.Ordinal);

        string program = Path.Combine(project, "bin", "Release", "net10.0", "JitConsumer.dll");
        var run = await DotnetCli.DotnetAsync(project, TimeSpan.FromMinutes(1), program, server.RootUri.AbsoluteUri);
        log.WriteLine($"run: {run.Elapsed.TotalSeconds:F1} s");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(ConsumerProject.ExpectedOutput, run.Output.Trim().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Netstandard2_library_compiles_the_generated_client_without_warnings()
    {
        string project = ConsumerProject.CreateNetStandardLibrary(package, "NetStandardConsumer");

        var build = await DotnetCli.DotnetAsync(project, TimeSpan.FromMinutes(3), "build", "-c", "Release", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        log.WriteLine($"build: {build.Elapsed.TotalSeconds:F0} s");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains(" 0 Warning(s)", build.Output, StringComparison.Ordinal);
    }
}
