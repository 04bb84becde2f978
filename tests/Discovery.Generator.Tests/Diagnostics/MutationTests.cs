using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Discovery.Tests;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Discovery.Generator.Tests.Diagnostics;

/// <summary>
/// Seeded mutations of a real document. Damage (a field given a value of another JSON kind) is something the
/// generator cannot represent: whatever the generated API loses against the undamaged document's (a type, a
/// member, a member's type) must come with a diagnostic. Edits (fields removed or renamed) can leave a valid
/// document that simply describes less, so they are only held to the rule both kinds share: the generator
/// never throws, and what it generates compiles.
/// </summary>
public class MutationTests
{
    private static readonly SymbolDisplayFormat SignatureFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeParameters,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly Lazy<string> Original = new(() => File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, "storage.v1.json")));

    private static readonly Lazy<HashSet<string>> OriginalApi = new(() => Api(Generate(JsonNode.Parse(Original.Value)!).Output));

    public static IEnumerable<object[]> Seeds(int count) => Enumerable.Range(1, count).Select(i => new object[] { i });

    [Theory]
    [MemberData(nameof(Seeds), 30)]
    public void Damage_that_costs_generated_api_is_reported(int seed)
    {
        var root = JsonNode.Parse(Original.Value)!;
        var random = new Random(seed);
        var damage = Enumerable.Range(0, 3).Select(_ => Retype(root, random)).ToList();

        var (run, output) = Generate(root);

        AssertSound(run, output);
        var lost = OriginalApi.Value.Except(Api(output)).ToList();
        Assert.True(
            lost.Count == 0 || !run.Diagnostics.IsEmpty,
            "Damage (" + string.Join("; ", damage) + ") lost " + lost.Count + " members without a diagnostic:\n" + string.Join("\n", lost.Take(10)));
    }

    [Theory]
    [MemberData(nameof(Seeds), 10)]
    public void An_edited_document_generates_compiling_code(int seed)
    {
        var root = JsonNode.Parse(Original.Value)!;
        var random = new Random(seed);
        for (var i = 0; i < 5; i++)
        {
            Edit(root, random);
        }

        var (run, output) = Generate(root);

        AssertSound(run, output);
    }

    private static (GeneratorDriverRunResult Run, Compilation Output) Generate(JsonNode root) =>
        GeneratorHarness.Generate(GeneratorHarness.Document("/p/mutated.discovery.json", root.ToJsonString()));

    private static void AssertSound(GeneratorDriverRunResult run, Compilation output)
    {
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "DISCO009");
        Assert.All(run.Results, r => Assert.Null(r.Exception));

        // Errors in the document may leave parts out, but what is generated must always compile.
        var compile = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(compile.Count == 0, CorpusTests.Describe(run.Diagnostics) + "\n" + CorpusTests.Describe(compile));
    }

    /// <summary>Every generated type and member with its type and parameter types: what a caller can depend on.</summary>
    private static HashSet<string> Api(Compilation output)
    {
        var api = new HashSet<string>(StringComparer.Ordinal);
        var types = new Stack<INamespaceOrTypeSymbol>();
        types.Push(output.Assembly.GlobalNamespace);
        while (types.Count > 0)
        {
            foreach (var member in types.Pop().GetMembers())
            {
                if (member is INamespaceOrTypeSymbol container)
                {
                    types.Push(container);
                }

                if (!member.IsImplicitlyDeclared && member.DeclaredAccessibility == Accessibility.Public)
                {
                    api.Add(member.ToDisplayString(SignatureFormat));
                }
            }
        }

        return api;
    }

    /// <summary>Gives a random field a value of another JSON kind; returns what it did, for the failure message.</summary>
    private static string Retype(JsonNode root, Random random)
    {
        var (parent, key) = Pick(root, random);
        var kind = parent[key]?.GetValueKind() ?? JsonValueKind.Null;
        var replacements = new List<(JsonValueKind Kind, Func<JsonNode> Value)>
        {
            (JsonValueKind.Number, () => 42),
            (JsonValueKind.String, () => "text"),
            (JsonValueKind.Array, () => new JsonArray(1, "two")),
            (JsonValueKind.Object, () => new JsonObject()),
        };
        replacements.RemoveAll(r => r.Kind == kind);
        var (newKind, value) = replacements[random.Next(replacements.Count)];
        parent[key] = value();
        return key + ": " + kind + " -> " + newKind;
    }

    private static void Edit(JsonNode root, Random random)
    {
        var (parent, key) = Pick(root, random);
        var value = parent[key]?.DeepClone();
        parent.Remove(key);
        if (random.Next(2) == 0)
        {
            parent[key + "-renamed.x"] = value;
        }
    }

    private static (JsonObject Parent, string Key) Pick(JsonNode root, Random random)
    {
        var fields = new List<(JsonObject Parent, string Key)>();
        Collect(root, fields);
        return fields[random.Next(fields.Count)];
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
