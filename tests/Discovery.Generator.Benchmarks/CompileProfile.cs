using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace Discovery.Generator.Benchmarks;

/// <summary>
/// Where the compiler's time on one document's generated code goes: the generator's own run, then parsing,
/// binding (GetDiagnostics) and emitting (IL + PDB, Debug) the output as it is, and again with one part of the
/// output taken out each time, so the difference is what that part costs. In-process Roslyn, medians of a few
/// runs; a profile to point at the costly constructs, not a figure to promise (the edit-rebuild benchmark is that).
/// </summary>
internal static class CompileProfile
{
    private static readonly (string Name, Func<string, string> Cut)[] Variants =
    {
        ("as generated", text => text),
        ("without doc comments", text => Regex.Replace(text, @"^\s*///.*\r?\n", string.Empty, RegexOptions.Multiline)),
        ("without ReadJson bodies", text => RemoveBodies(text, "public static ", " ReadJson(ref ", "throw null!;")),
        ("without WriteProperties bodies", text => RemoveBodies(text, "protected override void WriteProperties(", string.Empty, string.Empty)),
        ("without AddQueryParameters bodies", text => RemoveBodies(text, "protected override void AddQueryParameters(", string.Empty, string.Empty)),
        ("nullable annotations only (no flow analysis)", text => text.Replace("#nullable enable", "#nullable enable annotations", StringComparison.Ordinal)),
        ("as generated, again", text => text),
    };

    public static void Report(string[] documents, int runs)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(Discovery.Runtime.ServiceBase).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
        // As a project without GenerateDocumentationFile (a console app): doc comments are trivia, not parsed.
        var parse = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.None);
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Debug);
        foreach (var name in documents)
        {
            string path = Documents.PathOf(name);
            var document = new ColdGenerationBenchmarks.FileText(path.Replace(".json", ".discovery.json", StringComparison.Ordinal), File.ReadAllText(path));
            var host = CSharpCompilation.Create("Host", new[] { CSharpSyntaxTree.ParseText("class C { }", parse) }, references, options);
            string[] generated = Array.Empty<string>();
            var generation = Measure(runs, () =>
            {
                var driver = CSharpGeneratorDriver.Create(new[] { new DiscoveryGenerator().AsSourceGenerator() }, new[] { document }, parse);
                generated = driver.RunGenerators(host, CancellationToken.None).GetRunResult().GeneratedTrees.Select(t => t.GetText().ToString()).ToArray();
            });
            Console.WriteLine($"{name}: {generated.Length} files, {generated.Sum(t => (long)t.Length) / 1024} KiB of C#; generator {generation:F2} s");
            Console.WriteLine("| variant | KiB | parse s | bind s | emit s | total s |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            // The first compilations pay for JIT-compiling Roslyn itself (tiered: several rounds until its hot
            // paths are optimized); they are no variant's cost. Then the variants take turns, so drift hits all alike.
            for (int warm = 0; warm < 3; warm++)
            {
                CSharpCompilation.Create("Warm", generated.Select(t => CSharpSyntaxTree.ParseText(t, parse)), references, options).Emit(new MemoryStream());
            }

            var texts = Variants.Select(v => generated.Select(v.Cut).ToArray()).ToArray();
            var samples = Variants.Select(_ => (Parse: new List<double>(), Bind: new List<double>(), Emit: new List<double>())).ToArray();
            for (int run = 0; run < runs; run++)
            {
                for (int v = 0; v < Variants.Length; v++)
                {
                    var (parsing, binding, emitting) = CompileOnce(Variants[v].Name, texts[v], parse, references, options);
                    samples[v].Parse.Add(parsing);
                    samples[v].Bind.Add(binding);
                    samples[v].Emit.Add(emitting);
                }
            }

            for (int v = 0; v < Variants.Length; v++)
            {
                double parsing = Median(samples[v].Parse), binding = Median(samples[v].Bind), emitting = Median(samples[v].Emit);
                Console.WriteLine($"| {Variants[v].Name} | {texts[v].Sum(t => (long)t.Length) / 1024} | {parsing:F2} | {binding:F2} | {emitting:F2} | {parsing + binding + emitting:F2} |");
            }
        }
    }

    /// <summary>Parses, binds (all diagnostics, nullable analysis included) and emits (IL + portable PDB) once.</summary>
    private static (double Parse, double Bind, double Emit) CompileOnce(string variant, string[] texts, CSharpParseOptions parse, List<MetadataReference> references, CSharpCompilationOptions options)
    {
        var stopwatch = Stopwatch.StartNew();
        var trees = texts.Select(t => CSharpSyntaxTree.ParseText(t, parse)).ToArray();
        double parsing = stopwatch.Elapsed.TotalSeconds;
        stopwatch.Restart();
        var compilation = CSharpCompilation.Create("Generated", trees, references, options);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(3).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(variant + ": " + string.Join("\n", errors));
        }

        double binding = stopwatch.Elapsed.TotalSeconds;
        // A fresh compilation: Emit on the bound one would reuse its binding; emit's own share is the difference.
        stopwatch.Restart();
        var fresh = CSharpCompilation.Create("Generated", trees, references, options);
        using var pe = new MemoryStream();
        using var pdb = new MemoryStream();
        fresh.Emit(pe, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        return (parsing, binding, Math.Max(0, stopwatch.Elapsed.TotalSeconds - binding));
    }

    /// <summary>Replaces the body of every member whose header starts with <paramref name="start"/> (and holds <paramref name="contains"/>).</summary>
    private static string RemoveBodies(string text, string start, string contains, string replacement)
    {
        var lines = text.Split('\n');
        var kept = new List<string>(lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            kept.Add(lines[i]);
            string line = lines[i].TrimStart();
            if (line.StartsWith(start, StringComparison.Ordinal) && line.Contains(contains, StringComparison.Ordinal) && i + 1 < lines.Length && lines[i + 1].Trim() == "{")
            {
                string indent = lines[i + 1][..lines[i + 1].IndexOf('{', StringComparison.Ordinal)];
                int end = i + 2;
                while (lines[end].TrimEnd('\r') != indent + "}")
                {
                    end++;
                }

                kept.Add(indent + "{ " + replacement + " }");
                i = end;
            }
        }

        return string.Join('\n', kept);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }

    private static double Measure(int runs, Action action)
    {
        var times = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            action();
            times.Add(stopwatch.Elapsed.TotalSeconds);
        }

        return Median(times);
    }
}
