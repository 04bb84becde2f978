using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Discovery.Generator.Tests.Diagnostics;

/// <summary>
/// Valid documents the generator had not seen: each must generate code that compiles warning-free, with no
/// error diagnostic; and a file that is not generated says why whenever the user meant it as a document.
/// </summary>
public class RobustnessTests
{
    private const string UploadOnlyResumable = """
        {
          "kind": "discovery#restDescription", "name": "media", "version": "v1",
          "rootUrl": "https://media.example.com/", "servicePath": "media/v1/",
          "schemas": { "Item": { "id": "Item", "type": "object", "properties": { "name": { "type": "string" } } } },
          "resources": { "items": { "methods": { "insert": {
            "id": "media.items.insert", "httpMethod": "POST", "path": "items", "request": { "$ref": "Item" }, "response": { "$ref": "Item" },
            "supportsMediaUpload": true,
            "mediaUpload": { "accept": ["*/*"], "protocols": { "resumable": { "multipart": true, "path": "/resumable/upload/media/v1/items" } } } } } } }
        }
        """;

    [Fact]
    public void A_method_with_only_the_resumable_protocol_keeps_its_upload_on_the_resumable_path()
    {
        var (run, output) = GeneratorHarness.Generate(GeneratorHarness.Document("/p/media.discovery.json", UploadOnlyResumable));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(GeneratorHarness.Problems(output));
        var factories = output.GetTypeByMetadataName("Media.V1.ItemsResource")!.GetMembers("Insert").OfType<IMethodSymbol>().ToList();
        Assert.Contains(factories, f => f.Parameters.Any(p => p.Type.Name == "MediaUpload"));
        var request = run.GeneratedTrees.Single(t => t.FilePath.Contains("ItemsResource", System.StringComparison.Ordinal)).ToString();
        Assert.Contains("BuildUploadPath() => \"/resumable/upload/media/v1/items\"", request, System.StringComparison.Ordinal);
        Assert.Contains("supportsSingleRequest: false", request, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10", "10")]
    [InlineData("true", "true")]
    [InlineData("\"asc\"", "asc")]
    public void A_parameter_default_written_as_a_number_or_boolean_is_no_error_and_is_documented(string json, string text)
    {
        var document = UploadOnlyResumable.Replace("\"request\": { \"$ref\": \"Item\" },", "\"parameters\": { \"max\": { \"type\": \"integer\", \"location\": \"query\", \"default\": " + json + " } }, \"request\": { \"$ref\": \"Item\" },", System.StringComparison.Ordinal);
        var (run, output) = GeneratorHarness.Generate(GeneratorHarness.Document("/p/media.discovery.json", document));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(GeneratorHarness.Problems(output));
        Assert.Contains("When not set, the server uses " + text + ".", string.Concat(run.GeneratedTrees.Select(t => t.ToString())), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    [InlineData("\u0085")]
    [InlineData("\r")]
    [InlineData("\n")]
    [InlineData("<")]
    [InlineData("&")]
    [InlineData("</c></summary>")]
    public void Names_holding_line_terminators_or_markup_stay_inside_their_doc_comments(string bad)
    {
        var json = System.Text.Json.JsonSerializer.Serialize("x" + bad + "y");
        var inner = json.Substring(1, json.Length - 2);
        var document = $$"""
            {
              "kind": "discovery#restDescription", "name": "names", "version": "v1", "title": "T{{inner}}",
              "rootUrl": "https://names.example.com/", "servicePath": "names/v1/", "documentationLink": "https://d/{{inner}}",
              "schemas": { "Thing": { "id": "Thing", "type": "object", "properties": {
                "state{{inner}}": { "type": "string", "enum": ["A{{inner}}", "B"] } } } },
              "resources": { "things{{inner}}": { "methods": { "get": {
                "id": "names.things{{inner}}.get", "httpMethod": "GET", "path": "things",
                "parameters": { "mode{{inner}}": { "type": "string", "location": "query", "default": "d{{inner}}", "enum": ["M{{inner}}"] } },
                "response": { "$ref": "Thing" } } } } }
            }
            """;

        var (run, output) = GeneratorHarness.Generate(GeneratorHarness.Document("/p/names.discovery.json", document));

        Assert.Empty(run.Diagnostics);
        var problems = GeneratorHarness.Problems(output);
        Assert.True(problems.IsEmpty, CorpusTests.Describe(problems));
    }

    [Fact]
    public void Names_longer_than_the_compiler_accepts_are_shortened_deterministically_and_stay_distinct()
    {
        var longName = new string('a', 600);
        var document = $$"""
            {
              "kind": "discovery#restDescription", "name": "{{longName}}", "version": "v1",
              "rootUrl": "https://long.example.com/", "servicePath": "long/v1/",
              "schemas": { "{{longName}}": { "id": "{{longName}}", "type": "object", "properties": {
                "{{longName}}1": { "type": "string", "enum": ["{{longName}}"] },
                "{{longName}}2": { "type": "object", "properties": { "x": { "type": "string" } } } } } },
              "resources": { "{{longName}}": { "methods": { "{{longName}}": {
                "id": "long.get", "httpMethod": "GET", "path": "things/{{{longName}}}",
                "parameters": { "{{longName}}": { "type": "string", "location": "path", "required": true } },
                "response": { "$ref": "{{longName}}" } } } } }
            }
            """;

        var (run, output) = GeneratorHarness.Generate(GeneratorHarness.Document("/p/long.discovery.json", document));

        Assert.Empty(run.Diagnostics);
        var problems = GeneratorHarness.Problems(output);
        Assert.True(problems.IsEmpty, CorpusTests.Describe(problems));

        // The metadata name limit (CS7013) is only checked when the assembly is written.
        using var assembly = new System.IO.MemoryStream();
        var emitted = output.Emit(assembly);
        Assert.True(emitted.Success, CorpusTests.Describe(emitted.Diagnostics));
        var schema = output.GetSymbolsWithName(n => n.StartsWith("Aaaa", System.StringComparison.Ordinal), SymbolFilter.Type).OfType<INamedTypeSymbol>()
            .Single(t => t.ContainingNamespace.Name == "Data" && t.ContainingType is null);
        var properties = schema.GetMembers().OfType<IPropertySymbol>().Where(p => p.Name.StartsWith("Aaaa", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(2, properties.Count);
        Assert.NotEqual(properties[0].Name, properties[1].Name);

        var again = GeneratorHarness.Generate(GeneratorHarness.Document("/p/long.discovery.json", document)).Run;
        Assert.Equal(run.GeneratedTrees.Select(t => t.ToString()), again.GeneratedTrees.Select(t => t.ToString()));
    }

    [Theory]
    [InlineData("{ \"name\": \"x\", \"version\": \"v1\", \"resources\": {} }", "Methods", "instances")]
    [InlineData("{ \"kind\": \"discovery#describeItem\", \"name\": \"x\" }", "Namespace", "My.Api")]
    [InlineData("{ \"kind\": \"discovery#describeItem\", \"name\": \"x\" }", "ClientName", "Client")]
    [InlineData("[1, 2]", "ExcludeMethods", "x")]
    public void A_json_file_with_discovery_metadata_that_is_not_a_document_is_an_error_saying_why(string text, string metadata, string value)
    {
        var (run, output) = GeneratorHarness.Generate(GeneratorHarness.Document("/p/api.json", text), new Dictionary<string, string> { [metadata] = value });

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(("DISCO002", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.DefaultSeverity));
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("api.json", message, System.StringComparison.Ordinal);
        Assert.Contains(metadata, message, System.StringComparison.Ordinal);
        Assert.Contains("discovery#restDescription", message, System.StringComparison.Ordinal);
        Assert.Empty(run.GeneratedTrees);
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Theory]
    [InlineData("{ \"kind\": \"discovery#describeItem\", \"name\": \"x\", \"version\": \"v1\", \"schemas\": {} }", "\"discovery#describeItem\"")]
    [InlineData("{ \"name\": \"x\", \"version\": \"v1\", \"resources\": { \"r\": {} } }", "no top-level \"kind\"")]
    public void A_json_file_shaped_like_a_document_but_not_one_is_a_warning_saying_why(string text, string reason)
    {
        var (run, _) = GeneratorHarness.Generate(GeneratorHarness.Document("/p/api.json", text));

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(("DISCO012", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.DefaultSeverity));
        Assert.Contains(reason, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Empty(run.GeneratedTrees);
    }

    [Theory]
    [InlineData("{ \"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": { \"resources\": \"^1\" } }")]
    [InlineData("{ \"settings\": { \"name\": \"x\", \"version\": \"v1\", \"schemas\": {} } }")]
    [InlineData("{ \"name\": \"x\", \"version\": ")]
    public void A_plain_json_file_without_discovery_metadata_stays_ignored(string text)
    {
        var (run, _) = GeneratorHarness.Generate(GeneratorHarness.Document("/p/other.json", text));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.GeneratedTrees);
    }
}
