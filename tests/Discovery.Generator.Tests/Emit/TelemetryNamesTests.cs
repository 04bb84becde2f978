using System.Linq;
using Xunit;

namespace Discovery.Generator.Tests.Emit;

/// <summary>Requests name their method id and path template for the runtime's telemetry, as document text made safe.</summary>
public class TelemetryNamesTests
{
    private const string Document = """
        {
          "kind": "discovery#restDescription", "name": "tele", "version": "v1", "rootUrl": "https://t.example.com/", "servicePath": "tele/v1/",
          "resources": { "models": { "methods": {
            "generate": { "id": "tele.models.generate\"x", "httpMethod": "POST", "path": "v1/{+model}:generate",
              "parameters": {
                "model": { "type": "string", "location": "path", "required": true },
                "methodId": { "type": "string", "location": "query" },
                "pathTemplate": { "type": "string", "location": "query" } },
              "parameterOrder": ["model"] },
            "get": { "id": "tele.models.get", "httpMethod": "GET", "path": "models/{modelId}/{version}",
              "parameters": {
                "modelId": { "type": "string", "location": "path", "required": true },
                "version": { "type": "integer", "format": "int32", "location": "path", "required": true } },
              "parameterOrder": ["modelId", "version"] } } } }
        }
        """;

    [Fact]
    public void Each_request_names_its_method_id_and_the_documents_path_template_with_parameters_by_wire_name()
    {
        var source = Generate();

        Assert.Contains(": base(service, \"POST\", \"tele.models.generate\\\"x\", \"v1/{+model}:generate\")", source, System.StringComparison.Ordinal);
        Assert.Contains(": base(service, \"GET\", \"tele.models.get\", \"models/{modelId}/{version}\")", source, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_named_like_the_telemetry_members_keep_working_under_another_name()
    {
        var source = Generate();

        Assert.Contains("public string? MethodId2 { get; set; }", source, System.StringComparison.Ordinal);
        Assert.Contains("public string? PathTemplate2 { get; set; }", source, System.StringComparison.Ordinal);
        Assert.Contains("query.Add(\"methodId\", MethodId2);", source, System.StringComparison.Ordinal);
        Assert.Contains("query.Add(\"pathTemplate\", PathTemplate2);", source, System.StringComparison.Ordinal);
    }

    private static string Generate()
    {
        var (run, compile) = GeneratorHarness.GenerateAndCompile(GeneratorHarness.Document("/t/tele.discovery.json", Document));
        Assert.True(compile.IsEmpty, CorpusTests.Describe(compile));
        return run.GeneratedTrees.Single(t => t.FilePath.EndsWith("ModelsResource.g.cs", System.StringComparison.Ordinal)).ToString();
    }
}
