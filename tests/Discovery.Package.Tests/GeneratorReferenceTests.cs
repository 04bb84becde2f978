using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace Discovery.Package.Tests;

/// <summary>
/// A .NET Framework compiler host (Visual Studio 2022 17.8+, MSBuild.exe) binds only the versions it carries.
/// A generator referencing anything newer builds fine from the command line and then fails to load in the IDE
/// (CS8784/CS8785), so the shipped generator's references are pinned here.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class GeneratorReferenceTests(PackageFixture package)
{
    private static readonly Dictionary<string, Version> HostSupplied = new(StringComparer.Ordinal)
    {
        ["netstandard"] = new(2, 0, 0, 0),
        ["Microsoft.CodeAnalysis"] = new(4, 8, 0, 0),
        ["Microsoft.CodeAnalysis.CSharp"] = new(4, 8, 0, 0),
        // What Microsoft.CodeAnalysis 4.8 itself references; hosts that run Roslyn 4.8 carry at least this.
        ["System.Collections.Immutable"] = new(7, 0, 0, 0),
        ["System.Reflection.Metadata"] = new(7, 0, 0, 0),
        ["System.Memory"] = new(4, 0, 1, 2),
        ["System.Runtime.CompilerServices.Unsafe"] = new(6, 0, 0, 0),
        ["System.Threading.Tasks.Extensions"] = new(4, 2, 0, 1),
        ["System.Buffers"] = new(4, 0, 3, 0),
    };

    [Fact]
    public void Generator_references_only_what_a_Roslyn_4_8_host_supplies_or_the_package_ships()
    {
        var shipped = ShippedBeside();
        foreach (var (name, version) in References(package.Extract("analyzers/dotnet/cs/Discovery.Generator.dll")))
        {
            if (name == "System.Text.Json")
            {
                Assert.Equal(new Version(8, 0, 0, 0), version);
            }
            else if (HostSupplied.TryGetValue(name, out var ceiling))
            {
                Assert.True(version <= ceiling, $"{name} {version} is newer than the {ceiling} a Roslyn 4.8 host binds.");
            }
            else
            {
                Assert.True(shipped.TryGetValue(name, out var packed) && version <= packed, $"{name} {version} is neither host-supplied nor packed beside the generator.");
            }
        }
    }

    [Fact]
    public void Generator_is_built_against_Roslyn_4_8_exactly()
    {
        var roslyn = References(package.Extract("analyzers/dotnet/cs/Discovery.Generator.dll"))
            .Where(r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(roslyn);
        Assert.All(roslyn, r => Assert.Equal(new Version(4, 8, 0, 0), r.Version));
    }

    [Fact]
    public void Packed_System_Text_Json_closure_stays_within_Visual_Studio_2022_binding_ranges()
    {
        var shipped = ShippedBeside();
        Assert.Equal(new Version(8, 0, 0, 0), shipped["System.Text.Json"]);
        Assert.True(shipped["System.Memory"] <= new Version(4, 0, 1, 2), "System.Memory " + shipped["System.Memory"]);
        Assert.True(shipped["System.Runtime.CompilerServices.Unsafe"] <= new Version(6, 0, 0, 0));
        Assert.DoesNotContain("System.IO.Pipelines", shipped.Keys);

        // Every packed DLL's own references must resolve to the host or to another packed DLL.
        foreach (var file in shipped.Keys.Where(n => n != "Discovery.Generator"))
        {
            foreach (var (name, version) in References(package.Extract($"analyzers/dotnet/cs/{file}.dll")))
            {
                bool resolvable = name == "netstandard" || (shipped.TryGetValue(name, out var packed) && version <= packed);
                Assert.True(resolvable, $"{file} references {name} {version}, which is not packed beside it.");
            }
        }
    }

    private Dictionary<string, Version> ShippedBeside()
        => package.Entries
            .Where(e => e.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal) && e.EndsWith(".dll", StringComparison.Ordinal))
            .Select(e => AssemblyIdentity(package.Extract(e)))
            .ToDictionary(a => a.Name, a => a.Version, StringComparer.Ordinal);

    private static (string Name, Version Version) AssemblyIdentity(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var reader = pe.GetMetadataReader();
        var definition = reader.GetAssemblyDefinition();
        return (reader.GetString(definition.Name), definition.Version);
    }

    private static List<(string Name, Version Version)> References(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences
            .Select(handle => reader.GetAssemblyReference(handle))
            .Select(reference => (reader.GetString(reference.Name), reference.Version))
            .ToList();
    }
}
