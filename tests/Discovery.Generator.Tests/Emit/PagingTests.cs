using System.Linq;
using Xunit;

namespace Discovery.Generator.Tests.Emit;

/// <summary>List methods get PagesAsync, and ItemsAsync only over a real list of items.</summary>
public class PagingTests
{
    private static string Document(string responseProperties) => $$"""
        {
          "kind": "discovery#restDescription", "name": "paged", "version": "v1", "rootUrl": "https://p.example.com/", "servicePath": "",
          "schemas": {
            "Thing": { "id": "Thing", "type": "object", "properties": { "name": { "type": "string" } } },
            "ListResponse": { "id": "ListResponse", "type": "object", "properties": { {{responseProperties}} } }
          },
          "resources": { "things": { "methods": { "list": { "id": "paged.things.list", "httpMethod": "GET", "path": "things",
            "parameters": { "pageToken": { "type": "string", "location": "query" } }, "response": { "$ref": "ListResponse" } } } } }
        }
        """;

    [Fact]
    public void The_items_array_is_the_item_list_even_next_to_other_arrays()
    {
        var source = Generate("\"nextPageToken\": { \"type\": \"string\" }, \"warnings\": { \"type\": \"array\", \"items\": { \"type\": \"string\" } }, \"items\": { \"type\": \"array\", \"items\": { \"$ref\": \"Thing\" } }");
        Assert.Contains("IAsyncEnumerable<__D.Thing> ItemsAsync", source, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_items_map_as_in_aggregated_lists_gives_pages_but_no_item_list()
    {
        var source = Generate("\"nextPageToken\": { \"type\": \"string\" }, \"unreachables\": { \"type\": \"array\", \"items\": { \"type\": \"string\" } }, \"items\": { \"type\": \"object\", \"additionalProperties\": { \"$ref\": \"Thing\" } }");
        Assert.Contains("PagesAsync", source, System.StringComparison.Ordinal);
        Assert.DoesNotContain("ItemsAsync", source, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_items_property_the_single_array_is_the_item_list()
    {
        var source = Generate("\"nextPageToken\": { \"type\": \"string\" }, \"things\": { \"type\": \"array\", \"items\": { \"$ref\": \"Thing\" } }");
        Assert.Contains("IAsyncEnumerable<__D.Thing> ItemsAsync", source, System.StringComparison.Ordinal);
    }

    private static string Generate(string responseProperties)
    {
        var (run, compile) = GeneratorHarness.GenerateAndCompile(GeneratorHarness.Document("/p/paged.discovery.json", Document(responseProperties)));
        Assert.True(compile.IsEmpty, CorpusTests.Describe(compile));
        return run.GeneratedTrees.Single(t => t.FilePath.EndsWith("ThingsResource.g.cs", System.StringComparison.Ordinal)).ToString();
    }
}
