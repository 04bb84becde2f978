using System.IO;
using System.Text;
using Xunit;

namespace Discovery.Generator.Tests;

/// <summary>Documents larger than any Google publishes today still generate a compiling client.</summary>
public class ScaleTests
{
    [Fact]
    public void A_synthetic_document_over_8_MB_generates_a_client_that_compiles_without_warnings()
    {
        var document = SyntheticDocument.Build(resources: 1200, schemas: 2400, descriptionLength: 600);
        Assert.True(Encoding.UTF8.GetByteCount(document) > 8 * 1024 * 1024, "the document must be over 8 MB");

        var (run, compile) = GeneratorHarness.GenerateAndCompile(GeneratorHarness.Document("/p/synthetic.discovery.json", document));

        Assert.True(run.Diagnostics.IsEmpty, CorpusTests.Describe(run.Diagnostics));
        Assert.True(compile.IsEmpty, compile.Length + " compiler diagnostics:\n" + CorpusTests.Describe(compile));
    }
}
