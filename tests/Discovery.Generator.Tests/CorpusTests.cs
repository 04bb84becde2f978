using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace Discovery.Generator.Tests;

/// <summary>Every real discovery document must become a client that compiles without a single warning.</summary>
public class CorpusTests
{
    public static IEnumerable<object[]> Documents() =>
        Directory.GetFiles(RepositoryPaths.Corpus, "*.json").OrderBy(p => p, System.StringComparer.Ordinal).Select(p => new object[] { Path.GetFileName(p) });

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_generates_a_client_that_compiles_without_warnings(string fileName)
    {
        var path = Path.Combine(RepositoryPaths.Corpus, fileName);
        var (run, compile) = GeneratorHarness.GenerateAndCompile(GeneratorHarness.Document(path, File.ReadAllText(path)));

        Assert.True(run.Diagnostics.IsEmpty, Describe(run.Diagnostics));
        Assert.NotEmpty(run.GeneratedTrees);
        Assert.True(compile.IsEmpty, compile.Length + " compiler diagnostics:\n" + Describe(compile));
    }

    internal static string Describe(IEnumerable<Microsoft.CodeAnalysis.Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Take(15).Select(d => d.Id + " " + System.IO.Path.GetFileName(d.Location.GetLineSpan().Path) + ":" + (d.Location.GetLineSpan().StartLinePosition.Line + 1) + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Corpus_holds_every_document()
    {
        Assert.Equal(312, Directory.GetFiles(RepositoryPaths.Corpus, "*.json").Length);
    }
}
