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
        ("without WriteJson bodies", text => RemoveBodies(text, "public override void WriteJson(", string.Empty, string.Empty)),
        ("without AddQueryParameters bodies", text => RemoveBodies(text, "protected override void AddQueryParameters(", string.Empty, string.Empty)),
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
            // The first compilation pays for JIT-compiling Roslyn itself; it is not a variant's cost.
            CSharpCompilation.Create("Warm", generated.Select(t => CSharpSyntaxTree.ParseText(t, parse)), references, options).Emit(new MemoryStream());
            foreach (var (variant, cut) in Variants)
            {
                var texts = generated.Select(cut).ToArray();
                SyntaxTree[] trees = Array.Empty<SyntaxTree>();
                CSharpCompilation compilation = null!;
                double parsing = Measure(runs, () => trees = texts.Select(t => CSharpSyntaxTree.ParseText(t, parse)).ToArray());
                double binding = Measure(runs, () =>
                {
                    compilation = CSharpCompilation.Create("Generated", trees, references, options);
                    var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(3).ToList();
                    if (errors.Count > 0)
                    {
                        throw new InvalidOperationException(variant + ": " + string.Join("\n", errors));
                    }
                });
                double emitting = Measure(runs, () =>
                {
                    // A fresh compilation each time: Emit on a bound one would reuse its binding.
                    var fresh = CSharpCompilation.Create("Generated", trees, references, options);
                    using var pe = new MemoryStream();
                    using var pdb = new MemoryStream();
                    fresh.Emit(pe, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
                });
                Console.WriteLine($"| {variant} | {texts.Sum(t => (long)t.Length) / 1024} | {parsing:F2} | {binding:F2} | {emitting - binding:F2} | {parsing + emitting:F2} |");
            }
        }
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

    private static double Measure(int runs, Action action)
    {
        var times = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            action();
            times.Add(stopwatch.Elapsed.TotalSeconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
