using Discovery.Generator.Emit;
using Discovery.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Discovery.Generator;

/// <summary>
/// Turns each discovery document passed as an AdditionalFile into a typed client. The pipeline never
/// touches the compilation, so editing C# costs it nothing; each document is parsed once into an
/// equatable model, and each model unit (service, resource, schema group) is emitted as its own file, so
/// an edit regenerates only the files it changes.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DiscoveryGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for incrementality tests.</summary>
    public static class Steps
    {
        public const string Input = nameof(Input);
        public const string Parse = nameof(Parse);
        public const string Diagnostics = nameof(Diagnostics);
        public const string Units = nameof(Units);
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var inputs = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".json", System.StringComparison.OrdinalIgnoreCase))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => InputReader.Read(pair.Left, pair.Right, cancellationToken))
            .Where(static input => input is not null)
            .WithTrackingName(Steps.Input);

        var parsed = inputs
            .Select(static (input, cancellationToken) => DocumentParser.Parse(input!, cancellationToken))
            .WithTrackingName(Steps.Parse);

        context.RegisterSourceOutput(
            parsed.Select(static (result, _) => result.Diagnostics).WithTrackingName(Steps.Diagnostics),
            static (output, diagnostics) =>
            {
                foreach (var diagnostic in diagnostics)
                {
                    output.ReportDiagnostic(diagnostic.ToDiagnostic());
                }
            });

        context.RegisterSourceOutput(
            parsed.SelectMany(static (result, _) => result.Units).WithTrackingName(Steps.Units),
            static (output, unit) => output.AddSource(unit.HintName, SourceText.From(Emitter.Emit(unit), System.Text.Encoding.UTF8)));
    }
}
