using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Discovery.Tests;
using Xunit;

namespace Discovery.Generator.Tests.Emit;

/// <summary>The README promises that generated code needs C# 10, not the latest language: a consumer pinned to it must build.</summary>
public class LanguageVersionTests
{
    [Theory]
    [InlineData("storage.v1.json")]
    public void Generated_code_compiles_as_CSharp_10(string fileName)
    {
        var path = Path.Combine(RepositoryPaths.Corpus, fileName);
        var (run, _) = GeneratorHarness.Generate(GeneratorHarness.Document(path, File.ReadAllText(path)));
        var csharp10 = GeneratorHarness.ParseOptions.WithLanguageVersion(LanguageVersion.CSharp10);
        var trees = run.GeneratedTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), csharp10, t.FilePath)).ToArray();
        Assert.NotEmpty(trees);

        var compilation = GeneratorHarness.CreateCompilation().RemoveAllSyntaxTrees().AddSyntaxTrees(trees);
        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(10)));
    }
}
