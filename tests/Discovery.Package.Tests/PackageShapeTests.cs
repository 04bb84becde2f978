using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace Discovery.Package.Tests;

[Collection(PackageCollection.Name)]
public sealed class PackageShapeTests(PackageFixture package)
{
    private XNamespace Ns => package.Nuspec.Root!.Name.Namespace;

    private XElement Metadata => package.Nuspec.Root!.Element(Ns + "metadata")!;

    [Theory]
    [InlineData("lib/net8.0/Discovery.Runtime.dll")]
    [InlineData("lib/netstandard2.0/Discovery.Runtime.dll")]
    [InlineData("lib/net8.0/Discovery.Runtime.xml")]
    [InlineData("lib/netstandard2.0/Discovery.Runtime.xml")]
    [InlineData("analyzers/dotnet/cs/Discovery.Generator.dll")]
    [InlineData("analyzers/dotnet/cs/System.Text.Json.dll")]
    [InlineData("analyzers/dotnet/cs/System.Text.Encodings.Web.dll")]
    [InlineData("analyzers/dotnet/cs/Microsoft.Bcl.AsyncInterfaces.dll")]
    [InlineData("analyzers/dotnet/cs/System.Memory.dll")]
    [InlineData("analyzers/dotnet/cs/System.Buffers.dll")]
    [InlineData("analyzers/dotnet/cs/System.Numerics.Vectors.dll")]
    [InlineData("analyzers/dotnet/cs/System.Runtime.CompilerServices.Unsafe.dll")]
    [InlineData("analyzers/dotnet/cs/System.Threading.Tasks.Extensions.dll")]
    [InlineData("build/Discovery.props")]
    [InlineData("buildTransitive/Discovery.props")]
    [InlineData("README.md")]
    public void Package_contains(string entry) => Assert.Contains(entry, package.Entries);

    [Fact]
    public void Runtime_ships_for_exactly_net8_and_netstandard2()
    {
        var tfms = package.Entries.Where(e => e.StartsWith("lib/", System.StringComparison.Ordinal)).Select(e => e.Split('/')[1]).Distinct().Order();
        Assert.Equal(["net8.0", "netstandard2.0"], tfms);
    }

    [Fact]
    public void Generator_is_only_an_analyzer_in_one_slot()
    {
        Assert.DoesNotContain(package.Entries, e => e.StartsWith("lib/", System.StringComparison.Ordinal) && e.Contains("Generator", System.StringComparison.Ordinal));
        Assert.Single(package.Entries, e => e.EndsWith("/Discovery.Generator.dll", System.StringComparison.Ordinal));
        Assert.All(package.Entries.Where(e => e.StartsWith("analyzers/", System.StringComparison.Ordinal)), e => Assert.StartsWith("analyzers/dotnet/cs/", e));
    }

    [Fact]
    public void Roslyn_assemblies_are_not_shipped()
        => Assert.DoesNotContain(package.Entries, e => e.Contains("Microsoft.CodeAnalysis", System.StringComparison.Ordinal) || e.Contains("System.Collections.Immutable", System.StringComparison.Ordinal));

    [Fact]
    public void Nuspec_depends_on_neither_the_generator_nor_Roslyn()
    {
        var ids = Metadata.Descendants(Ns + "dependency").Select(d => (string)d.Attribute("id")!).ToList();
        Assert.DoesNotContain(ids, id => id.StartsWith("Microsoft.CodeAnalysis", System.StringComparison.Ordinal) || id.Contains("Generator", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Framework_parts_are_dependencies_only_on_netstandard2_and_net8_needs_only_the_logging_abstractions()
    {
        var groups = Metadata.Element(Ns + "dependencies")!.Elements(Ns + "group")
            .ToDictionary(g => (string)g.Attribute("targetFramework")!, g => g.Elements(Ns + "dependency").ToDictionary(d => (string)d.Attribute("id")!, d => (string)d.Attribute("version")!));

        Assert.Equal([".NETStandard2.0", "net8.0"], groups.Keys.Order());
        Assert.Equal(["Microsoft.Extensions.Logging.Abstractions"], groups["net8.0"].Keys);
        Assert.Equal("8.0.5", groups[".NETStandard2.0"]["System.Text.Json"]);
        Assert.Equal("8.0.1", groups[".NETStandard2.0"]["System.Diagnostics.DiagnosticSource"]);
        Assert.Contains("Microsoft.Extensions.Logging.Abstractions", groups[".NETStandard2.0"].Keys);
        Assert.Contains("Microsoft.Bcl.AsyncInterfaces", groups[".NETStandard2.0"].Keys);
        Assert.Contains("Microsoft.Bcl.TimeProvider", groups[".NETStandard2.0"].Keys);
    }

    [Theory]
    [InlineData("id", "Discovery")]
    [InlineData("authors", "Discovery contributors")]
    [InlineData("readme", "README.md")]
    public void Nuspec_metadata(string element, string expected)
        => Assert.Equal(expected, (string?)Metadata.Element(Ns + element));

    [Fact]
    public void Nuspec_names_license_description_and_tags_and_no_invented_address()
    {
        var license = Metadata.Element(Ns + "license")!;
        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("MIT", license.Value);
        // The project has no public address yet; an invented one would send users to somebody else's repository.
        Assert.Null((string?)Metadata.Element(Ns + "repository")?.Attribute("url"));
        Assert.Null(Metadata.Element(Ns + "projectUrl"));
        Assert.Contains("Discovery", (string?)Metadata.Element(Ns + "description"), System.StringComparison.Ordinal);
        Assert.Contains("source-generator", ((string?)Metadata.Element(Ns + "tags"))!.Split(' '));
        Assert.Equal(package.Version, (string?)Metadata.Element(Ns + "version"));
    }
}
