using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Discovery.Generator.Benchmarks;

/// <summary>Generated C# bytes per input document byte, for the named documents and the whole corpus.</summary>
internal static class GeneratedSize
{
    public static void Report(string[] names)
    {
        var compilation = CSharpCompilation.Create("Size", new[] { CSharpSyntaxTree.ParseText("class C { }") });
        long totalIn = 0, totalOut = 0;
        var worst = (Name: string.Empty, Ratio: 0.0);
        var ratios = new System.Collections.Generic.List<double>();
        var files = names.Length > 0 ? names.Select(Documents.PathOf).ToArray() : Directory.GetFiles(Documents.Corpus, "*.json").OrderBy(p => p, StringComparer.Ordinal).ToArray();
        foreach (var path in files)
        {
            var text = File.ReadAllText(path);
            var document = new ColdGenerationBenchmarks.FileText(path.Replace(".json", ".discovery.json", StringComparison.Ordinal), text);
            var run = CSharpGeneratorDriver.Create(new[] { new DiscoveryGenerator().AsSourceGenerator() }, new[] { document }).RunGenerators(compilation, CancellationToken.None).GetRunResult();
            if (Environment.GetEnvironmentVariable("DISCOVERY_SIZE_DUMP") is { Length: > 0 } dump)
            {
                // Writing the files out lets one see where the bytes go.
                foreach (var tree in run.GeneratedTrees)
                {
                    File.WriteAllText(Path.Combine(dump, Path.GetFileName(tree.FilePath)), tree.ToString());
                }
            }

            long input = Encoding.UTF8.GetByteCount(text);
            long output = run.GeneratedTrees.Sum(t => (long)Encoding.UTF8.GetByteCount(t.ToString()));
            totalIn += input;
            totalOut += output;
            var ratio = (double)output / input;
            ratios.Add(ratio);
            if (ratio > worst.Ratio)
            {
                worst = (Path.GetFileName(path), ratio);
            }

            if (names.Length > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path),-40} in {input,10:N0} B  out {output,10:N0} B  ratio {ratio:0.00}  files {run.GeneratedTrees.Length}"));
            }
        }

        ratios.Sort();
        var median = ratios.Count == 0 ? 0 : ratios.Count % 2 == 1 ? ratios[ratios.Count / 2] : (ratios[(ratios.Count / 2) - 1] + ratios[ratios.Count / 2]) / 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{files.Length} documents: in {totalIn:N0} B, out {totalOut:N0} B, ratio {(double)totalOut / totalIn:0.00}; highest {worst.Name} {worst.Ratio:0.00}; median {median:0.00}; above 1.5x on their own: {ratios.Count(r => r > 1.5)}"));
    }
}
