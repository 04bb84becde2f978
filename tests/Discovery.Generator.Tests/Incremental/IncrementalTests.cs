using System.Collections.Generic;
using System.Linq;
using Discovery.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Discovery.Generator.Tests.Incremental;

/// <summary>The pipeline's cache, observed through its tracking names: edits regenerate only what they change.</summary>
public class IncrementalTests
{
    private static string Document(string name, string getDescription) => $$"""
        {
          "kind": "discovery#restDescription", "name": "{{name}}", "version": "v1",
          "rootUrl": "https://x.example.com/", "servicePath": "x/v1/",
          "schemas": { "Thing": { "id": "Thing", "type": "object", "properties": { "name": { "type": "string" } } } },
          "resources": {
            "things": { "methods": { "get": { "id": "x.things.get", "httpMethod": "GET", "path": "things/{id}", "description": "{{getDescription}}",
              "parameters": { "id": { "type": "string", "location": "path", "required": true } }, "parameterOrder": ["id"], "response": { "$ref": "Thing" } } } },
            "others": { "methods": { "list": { "id": "x.others.list", "httpMethod": "GET", "path": "others", "response": { "$ref": "Thing" } } } }
          }
        }
        """;

    [Fact]
    public void Running_again_on_the_same_inputs_does_no_work()
    {
        var (driver, compilation) = Prime(GeneratorHarness.Document("/p/a.discovery.json", Document("alpha", "Gets.")));
        var run = driver.RunGenerators(compilation).GetRunResult().Results[0];

        Assert.All(Reasons(run, DiscoveryGenerator.Steps.Parse), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Reasons(run, DiscoveryGenerator.Steps.Units), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void An_unrelated_csharp_edit_reruns_nothing()
    {
        var (driver, compilation) = Prime(GeneratorHarness.Document("/p/a.discovery.json", Document("alpha", "Gets.")));
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("internal sealed class Unrelated { }", GeneratorHarness.ParseOptions));
        var run = driver.RunGenerators(edited).GetRunResult().Results[0];

        Assert.All(Reasons(run, DiscoveryGenerator.Steps.Input), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Reasons(run, DiscoveryGenerator.Steps.Parse), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(run.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Editing_one_method_description_regenerates_only_that_resource()
    {
        var original = GeneratorHarness.Document("/p/a.discovery.json", Document("alpha", "Gets."));
        var (driver, compilation) = Prime(original);
        driver = driver.ReplaceAdditionalText(original, GeneratorHarness.Document("/p/a.discovery.json", Document("alpha", "Gets one thing.")));
        var run = driver.RunGenerators(compilation).GetRunResult();

        var units = run.Results[0].TrackedSteps[DiscoveryGenerator.Steps.Units].SelectMany(s => s.Outputs).ToList();
        var changed = units.Where(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New).Select(o => ((dynamic)o.Value).HintName as string).ToList();
        Assert.Equal(new[] { "Alpha.V1.AlphaService.Resources.ThingsResource.g.cs" }, changed);
        Assert.Contains(units, o => o.Reason == IncrementalStepRunReason.Unchanged);
        Assert.Contains("Gets one thing.", run.GeneratedTrees.Single(t => t.FilePath.EndsWith("ThingsResource.g.cs", System.StringComparison.Ordinal)).ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_one_document_leaves_another_untouched()
    {
        var first = GeneratorHarness.Document("/p/a.discovery.json", Document("alpha", "Gets."));
        var second = GeneratorHarness.Document("/p/b.discovery.json", Document("beta", "Gets."));
        var (driver, compilation) = Prime(first, second);
        driver = driver.ReplaceAdditionalText(first, GeneratorHarness.Document("/p/a.discovery.json", Document("alpha", "Changed.")));
        var run = driver.RunGenerators(compilation).GetRunResult().Results[0];

        var parse = run.TrackedSteps[DiscoveryGenerator.Steps.Parse];
        Assert.Equal(2, parse.Length);
        Assert.Contains(parse, s => s.Outputs.All(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Contains(parse, s => s.Outputs.All(o => o.Reason == IncrementalStepRunReason.Cached));
        var betaUnits = run.TrackedSteps[DiscoveryGenerator.Steps.Units].SelectMany(s => s.Outputs).Where(o => ((string)((dynamic)o.Value).HintName).StartsWith("Beta", System.StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(betaUnits);
        Assert.All(betaUnits, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void Changing_the_selection_regenerates_and_an_unrelated_edit_under_a_selection_reruns_nothing()
    {
        var document = GeneratorHarness.Document("/p/a.discovery.json", Document("alpha", "Gets."));
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(new[] { document }, Selecting("things")).RunGenerators(compilation);
        Assert.Equal(new[] { "ThingsResource.g.cs" }, ResourceFiles(driver.GetRunResult()));

        driver = driver.WithUpdatedAnalyzerConfigOptions(new MetadataOptionsProvider(Selecting("others"))).RunGenerators(compilation);
        var reselected = driver.GetRunResult();
        Assert.All(Reasons(reselected.Results[0], DiscoveryGenerator.Steps.Parse), r => Assert.Equal(IncrementalStepRunReason.Modified, r));
        Assert.Equal(new[] { "OthersResource.g.cs" }, ResourceFiles(reselected));

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("internal sealed class Unrelated { }", GeneratorHarness.ParseOptions));
        var run = driver.RunGenerators(edited).GetRunResult().Results[0];
        Assert.All(Reasons(run, DiscoveryGenerator.Steps.Input), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(run.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));

        // Options rewritten with the same selection (as every project evaluation does) are no change.
        driver = driver.WithUpdatedAnalyzerConfigOptions(new MetadataOptionsProvider(Selecting("others"))).RunGenerators(edited);
        Assert.All(Reasons(driver.GetRunResult().Results[0], DiscoveryGenerator.Steps.Parse), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void The_model_of_the_same_document_is_equal_across_parses()
    {
        var input = new Parsing.DocumentInput("/p/a.discovery.json", System.IO.File.ReadAllText(RepositoryPaths.FarmDocument), null, null);
        var first = Parsing.DocumentParser.Parse(input, default);
        var second = Parsing.DocumentParser.Parse(input with { Text = input.Text + "\n" }, default);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    private static (GeneratorDriver Driver, Compilation Compilation) Prime(params AdditionalText[] documents)
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(documents).RunGenerators(compilation);
        return (driver, compilation);
    }

    private static Dictionary<string, IReadOnlyDictionary<string, string>> Selecting(string methods) =>
        new() { ["/p/a.discovery.json"] = new Dictionary<string, string> { ["Methods"] = methods } };

    private static string[] ResourceFiles(GeneratorDriverRunResult run) =>
        run.GeneratedTrees.Select(t => System.IO.Path.GetFileName(t.FilePath)).Where(n => n.Contains(".Resources.", System.StringComparison.Ordinal)).Select(n => n.Substring(n.IndexOf(".Resources.", System.StringComparison.Ordinal) + ".Resources.".Length)).ToArray();

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult run, string step) =>
        run.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);
}
