using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace Discovery.Package.Tests;

/// <summary>
/// Methods metadata as a user writes it in a project file, through the package's props: the ';' list must reach
/// the generator whole (the compiler reads item metadata from an .editorconfig, where ';' starts a comment).
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class SelectionConsumerTests(PackageFixture package, ITestOutputHelper log)
{
    // Compiles only if both resources were generated; prints what the service holds, so an extra resource shows.
    private const string Program = """
        using System;
        using System.Linq;
        using Compute.V1;
        using Compute.V1.Data;

        using var compute = new ComputeService();
        InstancesResource.GetRequest get = compute.Instances.Get("project", "zone", "vm");
        ZoneOperationsResource.GetRequest operation = compute.ZoneOperations.Get("project", "zone", "op");
        var instance = new Instance { Name = "vm" };
        Console.WriteLine("resources: " + string.Join(",", typeof(ComputeService).GetProperties().Where(p => p.PropertyType.Name.EndsWith("Resource", StringComparison.Ordinal)).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal)));
        Console.WriteLine("has disks: " + (typeof(ComputeService).Assembly.GetType("Compute.V1.Data.Disk") is not null));
        Console.WriteLine(instance.ToString());
        """;

    [Fact]
    public async Task Compute_with_Methods_builds_with_warnings_as_errors_and_holds_only_the_selection()
    {
        string project = ConsumerProject.CreateCorpusApp(package, "SelectionConsumer", "compute.v1.json", "Methods=\"instances;zoneOperations\"", Program);

        var build = await DotnetCli.DotnetAsync(project, TimeSpan.FromMinutes(4), "build", "-c", "Release", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        log.WriteLine($"build: {build.Elapsed.TotalSeconds:F0} s");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains(" 0 Warning(s)", build.Output, StringComparison.Ordinal);

        var run = await DotnetCli.DotnetAsync(project, TimeSpan.FromMinutes(1), Path.Combine(project, "bin", "Release", "net10.0", "SelectionConsumer.dll"));
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("resources: Instances,ZoneOperations\nhas disks: False\n{\"name\":\"vm\"}", run.Output.Trim().ReplaceLineEndings("\n"));
    }
}
