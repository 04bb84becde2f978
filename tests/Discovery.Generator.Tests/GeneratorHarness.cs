using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Discovery.Generator.Tests;

/// <summary>
/// Runs the generator the way the compiler does, on in-memory documents, and compiles what it makes the
/// way a strict user's build would: XML documentation checked (GenerateDocumentationFile), every warning
/// wave on, nullable enabled, and every warning an error.
/// </summary>
internal static class GeneratorHarness
{
    /// <summary>Above every warning wave the compiler has; the SDK passes 9999 for AnalysisLevel preview.</summary>
    public const int WarningLevel = 9999;

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static CSharpCompilation CreateCompilation(string source = "internal static class Placeholder { }") =>
        CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Consumer.cs") },
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                warningLevel: WarningLevel,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                // The SDK silences these two by default: the runtime targets net8.0 and the test host is newer.
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> documents, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? metadata = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new DiscoveryGenerator().AsSourceGenerator() },
            documents,
            ParseOptions,
            new MetadataOptionsProvider(metadata ?? new Dictionary<string, IReadOnlyDictionary<string, string>>()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Generates from the documents and compiles the result; returns the run and the compiler's diagnostics.</summary>
    public static (GeneratorDriverRunResult Run, ImmutableArray<Diagnostic> CompileDiagnostics) GenerateAndCompile(params AdditionalText[] documents)
    {
        var (run, output) = Generate(documents);
        return (run, output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray());
    }

    /// <summary>Generates from the documents; returns the run and the compilation holding the generated code.</summary>
    public static (GeneratorDriverRunResult Run, Compilation Output) Generate(params AdditionalText[] documents)
    {
        var driver = CreateDriver(documents).RunGeneratorsAndUpdateCompilation(CreateCompilation(), out var output, out _, CancellationToken.None);
        return (driver.GetRunResult(), output);
    }

    /// <summary>Generates from one document with its item metadata (Namespace, Methods, ...); returns the run and the compilation.</summary>
    public static (GeneratorDriverRunResult Run, Compilation Output) Generate(AdditionalText document, IReadOnlyDictionary<string, string> metadata)
    {
        var byPath = new Dictionary<string, IReadOnlyDictionary<string, string>> { [document.Path] = metadata };
        var driver = CreateDriver(new[] { document }, byPath).RunGeneratorsAndUpdateCompilation(CreateCompilation(), out var output, out _, CancellationToken.None);
        return (driver.GetRunResult(), output);
    }

    /// <summary>The compiler's warnings and errors on a generated compilation.</summary>
    public static ImmutableArray<Diagnostic> Problems(Compilation output) =>
        output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();

    public static InMemoryText Document(string path, string text) => new(path, text);

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).ToList();
        paths.Add(typeof(Discovery.Runtime.Json.ApiObject).Assembly.Location);
        return paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }
}

/// <summary>An additional file held in memory.</summary>
internal sealed class InMemoryText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Item metadata per file, as MSBuild passes it for CompilerVisibleItemMetadata.</summary>
internal sealed class MetadataOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _byPath;

    public MetadataOptionsProvider(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> byPath) => _byPath = byPath;

    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _byPath.TryGetValue(textFile.Path, out var values)
            ? new Options(values.ToDictionary(p => "build_metadata.AdditionalFiles." + p.Key, p => p.Value))
            : GlobalOptions;

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
