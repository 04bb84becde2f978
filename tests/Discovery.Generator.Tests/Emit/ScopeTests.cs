using System.Linq;
using Xunit;

namespace Discovery.Generator.Tests.Emit;

/// <summary>A document's OAuth scopes become constants of the service's nested Scopes class, named by the naming rules.</summary>
public class ScopeTests
{
    private static string Document(string auth) => $$"""
        {
          "kind": "discovery#restDescription", "name": "scoped", "version": "v1", "rootUrl": "https://s.example.com/", "servicePath": "",
          {{auth}}
          "resources": { "scopes": { "methods": { "get": { "id": "scoped.scopes.get", "httpMethod": "GET", "path": "x" } } } }
        }
        """;

    [Fact]
    public void Scopes_are_named_after_what_follows_Google_prefix_or_the_host_and_keep_the_URL_as_value()
    {
        var source = Generate("""
            "auth": { "oauth2": { "scopes": {
              "https://www.googleapis.com/auth/devstorage.read_write": { "description": "Manage </summary> <b>data" },
              "https://www.googleapis.com/auth/devstorage-read.write": { "description": "Same words" },
              "https://mail.google.com/": { "description": "Mail" },
              "openid": {}
            } } },
            """);

        Assert.Contains("public static class Scopes", source, System.StringComparison.Ordinal);
        Assert.Contains("public const string DevstorageReadWrite = \"https://www.googleapis.com/auth/devstorage.read_write\";", source, System.StringComparison.Ordinal);
        Assert.Contains("public const string DevstorageReadWrite2 = \"https://www.googleapis.com/auth/devstorage-read.write\";", source, System.StringComparison.Ordinal);
        Assert.Contains("public const string MailGoogleCom = \"https://mail.google.com/\";", source, System.StringComparison.Ordinal);
        Assert.Contains("public const string Openid = \"openid\";", source, System.StringComparison.Ordinal);
        Assert.Contains("Manage &lt;/summary&gt; &lt;b&gt;data", source, System.StringComparison.Ordinal);

        // The class keeps its name; a resource called "scopes" moves aside.
        Assert.Contains("Resource Scopes2 { get; }", source, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_without_scopes_has_no_Scopes_class()
    {
        var source = Generate(string.Empty);

        Assert.DoesNotContain("class Scopes", source, System.StringComparison.Ordinal);
        Assert.Contains("ScopesResource Scopes { get; }", source, System.StringComparison.Ordinal);
    }

    private static string Generate(string auth)
    {
        var (run, compile) = GeneratorHarness.GenerateAndCompile(GeneratorHarness.Document("/p/scoped.discovery.json", Document(auth)));
        Assert.True(compile.IsEmpty, CorpusTests.Describe(compile));
        return run.GeneratedTrees.Single(t => t.FilePath.EndsWith("ScopedService.g.cs", System.StringComparison.Ordinal)).ToString();
    }
}
