using System.IO;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Discovery.Generator.Benchmarks;

/// <summary>
/// A fresh generator driver over one document, as on a clean build: read, parse, model and emit. Compiling
/// the generated code is the compiler's work, not the generator's, and is not measured here.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class ColdGenerationBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private AdditionalText _document = null!;

    [Params("farm", "storage.v1", "compute.v1")]
    public string Document { get; set; } = "farm";

    [GlobalSetup]
    public void Setup()
    {
        _compilation = CSharpCompilation.Create("Bench", new[] { CSharpSyntaxTree.ParseText("class C { }") });
        _document = new FileText(Documents.PathOf(Document).Replace(".json", ".discovery.json", System.StringComparison.Ordinal), File.ReadAllText(Documents.PathOf(Document)));
    }

    [Benchmark]
    public int Cold()
    {
        var driver = CSharpGeneratorDriver.Create(new[] { new DiscoveryGenerator().AsSourceGenerator() }, new[] { _document });
        return driver.RunGenerators(_compilation, CancellationToken.None).GetRunResult().GeneratedTrees.Length;
    }

    internal sealed class FileText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
