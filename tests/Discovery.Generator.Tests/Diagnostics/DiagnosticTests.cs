using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Discovery.Generator.Tests.Diagnostics;

/// <summary>A bad document gets a diagnostic on the right line of the JSON file; the other documents still generate.</summary>
public class DiagnosticTests
{
    private const string Good = """
        {
          "kind": "discovery#restDescription",
          "name": "good",
          "version": "v1",
          "rootUrl": "https://good.example.com/",
          "servicePath": "good/v1/",
          "schemas": { "Thing": { "id": "Thing", "type": "object", "properties": { "name": { "type": "string" } } } },
          "resources": { "things": { "methods": { "get": { "id": "good.things.get", "httpMethod": "GET", "path": "things/{id}",
            "parameters": { "id": { "type": "string", "location": "path", "required": true } }, "parameterOrder": ["id"],
            "response": { "$ref": "Thing" } } } } }
        }
        """;

    [Fact]
    public void No_diagnostic_links_to_an_address_the_project_does_not_have()
        => Assert.All(Discovery.Generator.Diagnostics.DiagnosticDescriptors.All, d => Assert.Equal(string.Empty, d.HelpLinkUri));

    [Fact]
    public void Malformed_json_is_reported_at_the_broken_line()
    {
        const string broken = "{\n  \"kind\": \"discovery#restDescription\",\n  \"name\": \"bad\",\n  \"version\": \"v1\"\n  \"rootUrl\": \"x\"\n}";
        var diagnostic = Single(broken, "DISCO001");
        Assert.Equal(4, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void A_missing_ref_target_is_reported_at_the_ref()
    {
        var document = Good.Replace("\"response\": { \"$ref\": \"Thing\" }", "\"response\": { \"$ref\": \"Nowhere\" }");
        var diagnostic = Single(document, "DISCO003");
        Assert.Equal(9, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("Nowhere", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_name_is_a_warning_at_the_second_occurrence_and_the_last_value_is_used()
    {
        var document = Good.Replace("\"name\": \"good\",", "\"name\": \"good\",\n  \"name\": \"again\",");
        var diagnostic = Single(document, "DISCO004");
        Assert.Equal(3, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);

        var (_, output) = GeneratorHarness.Generate(GeneratorHarness.Document("/p/dup.discovery.json", document));
        Assert.NotNull(output.GetTypeByMetadataName("Again.V1.AgainService"));
        Assert.Null(output.GetTypeByMetadataName("Good.V1.GoodService"));
    }

    [Fact]
    public void A_property_declared_twice_becomes_one_property_of_the_last_declared_type_and_the_build_goes_on()
    {
        var document = Good.Replace("\"name\": { \"type\": \"string\" }", "\"name\": { \"type\": \"string\" }, \"name\": { \"type\": \"integer\", \"format\": \"int32\" }");
        var (run, output) = GeneratorHarness.Generate(GeneratorHarness.Document("/p/dup.discovery.json", document));

        Assert.Contains(run.Diagnostics, d => d.Id == "DISCO004" && d.DefaultSeverity == DiagnosticSeverity.Warning);
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Severity >= DiagnosticSeverity.Warning);
        var members = output.GetSymbolsWithName(n => n.StartsWith("Name", System.StringComparison.Ordinal), SymbolFilter.Member).OfType<IPropertySymbol>().ToList();
        var property = Assert.Single(members);
        Assert.Equal("int?", property.Type.ToDisplayString());
    }

    [Fact]
    public void An_unknown_type_is_reported_and_typed_as_untyped_json()
    {
        var document = Good.Replace("\"name\": { \"type\": \"string\" }", "\"name\": { \"type\": \"strnig\" }");
        var diagnostic = Single(document, "DISCO005");
        Assert.Equal(6, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void A_wrong_typed_field_is_reported_where_it_stands()
    {
        var document = Good.Replace("\"parameterOrder\": [\"id\"]", "\"parameterOrder\": \"id\"");
        var diagnostic = Single(document, "DISCO006");
        Assert.Equal(8, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Theory]
    [InlineData("\"type\": \"string\", \"enum\": \"ACTIVE\"")]
    [InlineData("\"type\": \"object\", \"additionalProperties\": 42")]
    public void A_wrong_typed_field_that_would_silently_change_the_api_is_reported(string property)
    {
        // Read as absent, these dropped the enum's constants and turned a map into an empty class.
        var document = Good.Replace("\"name\": { \"type\": \"string\" }", "\"name\": { " + property + " }");
        var diagnostic = Single(document, "DISCO006");
        Assert.Equal(6, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void A_discovery_named_file_that_is_not_a_document_is_reported()
    {
        Single("{ \"kind\": \"something#else\" }", "DISCO002");
    }

    [Fact]
    public void Other_json_files_are_ignored_silently()
    {
        var (run, _) = GeneratorHarness.GenerateAndCompile(GeneratorHarness.Document("/p/appsettings.json", "{ \"Logging\": { } }"));
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.GeneratedTrees);
    }

    [Fact]
    public void Other_documents_of_the_project_still_generate_next_to_a_broken_one()
    {
        var (run, compile) = GeneratorHarness.GenerateAndCompile(
            GeneratorHarness.Document("/p/broken.discovery.json", "{ \"kind\": "),
            GeneratorHarness.Document("/p/good.discovery.json", Good));

        Assert.Equal("DISCO001", Assert.Single(run.Diagnostics).Id);
        Assert.Contains(run.GeneratedTrees, t => t.FilePath.Contains("Good.V1.GoodService", System.StringComparison.Ordinal));
        Assert.True(compile.IsEmpty, CorpusTests.Describe(compile));
    }

    [Theory]
    [InlineData("1Bad.Namespace", null)]
    [InlineData("Good.class", null)]
    [InlineData(null, "Client-Name")]

    // Generated files alias namespaces as __S, __D, ...; a namespace or class of the user's so named would capture them.
    [InlineData("__S", null)]
    [InlineData("Farm.__D.V1", null)]
    [InlineData(null, "__R")]
    public void Metadata_that_is_not_a_csharp_name_is_reported(string? ns, string? clientName)
    {
        var metadata = new System.Collections.Generic.Dictionary<string, string>();
        if (ns is not null)
        {
            metadata["Namespace"] = ns;
        }

        if (clientName is not null)
        {
            metadata["ClientName"] = clientName;
        }

        var document = GeneratorHarness.Document("/p/good.discovery.json", Good);
        var driver = GeneratorHarness.CreateDriver(new[] { document }, new System.Collections.Generic.Dictionary<string, System.Collections.Generic.IReadOnlyDictionary<string, string>> { ["/p/good.discovery.json"] = metadata });
        var run = driver.RunGenerators(GeneratorHarness.CreateCompilation()).GetRunResult();

        Assert.Equal("DISCO010", Assert.Single(run.Diagnostics).Id);
        Assert.Empty(run.GeneratedTrees);
    }

    [Fact]
    public void A_media_method_without_an_upload_path_is_reported_and_still_generated()
    {
        var document = Good.Replace("\"response\": { \"$ref\": \"Thing\" }", "\"response\": { \"$ref\": \"Thing\" }, \"supportsMediaUpload\": true, \"mediaUpload\": { \"protocols\": { } }");
        var (run, compile) = GeneratorHarness.GenerateAndCompile(GeneratorHarness.Document("/p/doc.discovery.json", document));

        Assert.Equal("DISCO007", Assert.Single(run.Diagnostics).Id);
        Assert.Contains(run.GeneratedTrees, t => t.ToString().Contains("GetRequest", System.StringComparison.Ordinal));
        Assert.True(compile.IsEmpty, CorpusTests.Describe(compile));
    }

    [Fact]
    public void Diagnostics_point_into_the_json_file()
    {
        var diagnostic = Single("{ \"kind\": ", "DISCO001");
        Assert.Equal("/p/doc.discovery.json", diagnostic.Location.GetLineSpan().Path);
    }

    private static Diagnostic Single(string document, string id)
    {
        var (run, compile) = GeneratorHarness.GenerateAndCompile(GeneratorHarness.Document("/p/doc.discovery.json", document));
        var diagnostic = Assert.Single(run.Diagnostics.Where(d => d.Id == id));
        Assert.Equal("/p/doc.discovery.json", diagnostic.Location.GetLineSpan().Path);

        // The character span and the line/column must name the same place in the file.
        var position = Microsoft.CodeAnalysis.Text.SourceText.From(document).Lines.GetLinePosition(diagnostic.Location.SourceSpan.Start);
        Assert.Equal(diagnostic.Location.GetLineSpan().StartLinePosition, position);

        // Whatever the generator still produced for a bad document must compile.
        Assert.True(compile.IsEmpty, CorpusTests.Describe(compile));
        return diagnostic;
    }
}
