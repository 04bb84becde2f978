using System.Linq;
using Xunit;

namespace Discovery.Generator.Tests.Emit;

/// <summary>A service gets Batch() exactly when its document names a batchPath, and the batch name never moves a resource's.</summary>
public class BatchEmitTests
{
    private static string Document(string batchPath, string resource = "things") => $$"""
        {
          "kind": "discovery#restDescription", "name": "batched", "version": "v1", "rootUrl": "https://b.example.com/", "servicePath": "b/v1/"{{batchPath}},
          "resources": { "{{resource}}": { "methods": { "get": { "id": "batched.things.get", "httpMethod": "GET", "path": "things" } } } }
        }
        """;

    [Fact]
    public void A_document_with_a_batchPath_gets_Batch_posting_to_it()
    {
        var source = Generate(Document(", \"batchPath\": \"batch/b/v1\""));
        Assert.Contains("public const string DefaultBatchPath = \"batch/b/v1\";", source, System.StringComparison.Ordinal);
        Assert.Contains("public __R.BatchRequest Batch() => new __R.BatchRequest(this, DefaultBatchPath);", source, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(", \"batchPath\": \"\"")]
    public void A_document_without_a_batchPath_gets_no_Batch(string batchPath)
    {
        var source = Generate(Document(batchPath));
        Assert.DoesNotContain("BatchRequest", source, System.StringComparison.Ordinal);
        Assert.DoesNotContain("DefaultBatchPath", source, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_resource_called_batch_keeps_a_name_that_does_not_clash_with_Batch()
    {
        var source = Generate(Document(", \"batchPath\": \"batch\"", resource: "batch"));
        Assert.Contains(" Batch2 { get; }", source, System.StringComparison.Ordinal);
        Assert.Contains("BatchRequest Batch()", source, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_batchPath_is_a_literal_whatever_it_holds()
    {
        var source = Generate(Document(", \"batchPath\": \"batch/\\\"quoted\\\"\\\\path\""));
        Assert.Contains("DefaultBatchPath = \"batch/\\\"quoted\\\"\\\\path\";", source, System.StringComparison.Ordinal);
    }

    private static string Generate(string document)
    {
        var (run, compile) = GeneratorHarness.GenerateAndCompile(GeneratorHarness.Document("/p/batched.discovery.json", document));
        Assert.True(compile.IsEmpty, CorpusTests.Describe(compile));
        return run.GeneratedTrees.Single(t => t.FilePath.EndsWith("BatchedService.g.cs", System.StringComparison.Ordinal)).ToString();
    }
}
