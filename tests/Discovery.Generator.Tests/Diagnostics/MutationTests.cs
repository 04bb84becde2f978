using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Xunit;

namespace Discovery.Generator.Tests.Diagnostics;

/// <summary>
/// Seeded mutations of a real document (fields removed, retyped, renamed): whatever the damage, the generator
/// reports a diagnostic or generates code that compiles; it never throws and never emits broken code.
/// </summary>
public class MutationTests
{
    public static IEnumerable<object[]> Seeds() => Enumerable.Range(1, 40).Select(i => new object[] { i });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_damaged_document_yields_diagnostics_or_compiling_code(int seed)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, "storage.v1.json")))!;
        var random = new Random(seed);
        for (var i = 0; i < 5; i++)
        {
            Mutate(root, random);
        }

        var (run, compile) = GeneratorHarness.GenerateAndCompile(GeneratorHarness.Document("/p/mutated.discovery.json", root.ToJsonString()));

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "DISCO009");
        Assert.All(run.Results, r => Assert.Null(r.Exception));

        // Errors in the document may leave parts out, but what is generated must always compile.
        Assert.True(compile.IsEmpty, CorpusTests.Describe(run.Diagnostics) + "\n" + CorpusTests.Describe(compile));
    }

    private static void Mutate(JsonNode root, Random random)
    {
        var objects = new List<(JsonObject Parent, string Key)>();
        Collect(root, objects);
        var (parent, key) = objects[random.Next(objects.Count)];
        switch (random.Next(6))
        {
            case 0:
                parent.Remove(key);
                break;
            case 1:
                parent[key] = 42;
                break;
            case 2:
                parent[key] = "text";
                break;
            case 3:
                parent[key] = new JsonArray(1, "two");
                break;
            case 4:
                parent[key] = new JsonObject();
                break;
            default:
                var value = parent[key]?.DeepClone();
                parent.Remove(key);
                parent[key + "-renamed.x"] = value;
                break;
        }
    }

    private static void Collect(JsonNode? node, List<(JsonObject Parent, string Key)> into)
    {
        if (node is JsonObject obj)
        {
            foreach (var pair in obj.ToList())
            {
                if (pair.Key != "kind")
                {
                    into.Add((obj, pair.Key));
                }

                Collect(pair.Value, into);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Collect(item, into);
            }
        }
    }
}
