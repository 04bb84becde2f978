using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Discovery.Generator.Parsing;

/// <summary>Reads an additional file and its item metadata into a plain <see cref="DocumentInput"/>.</summary>
internal static class InputReader
{
    private const string MetadataPrefix = "build_metadata.AdditionalFiles.";

    public static DocumentInput? Read(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken)?.ToString();
        if (text is null)
        {
            return null;
        }

        var fileOptions = options.GetOptions(file);
        var input = new DocumentInput(
            file.Path,
            text,
            Metadata(fileOptions, "Namespace"),
            Metadata(fileOptions, "ClientName"),
            Metadata(fileOptions, "Methods"),
            Metadata(fileOptions, "ExcludeMethods"));

        // A cheap look before parsing: most JSON additional files (settings, manifests) are not ours. Those the
        // user claimed, and those that look like a document of another kind, go on to be told why they generate nothing.
        return input.IsClaimed || text.IndexOf("discovery#restDescription", System.StringComparison.Ordinal) >= 0 || MayHaveDocumentShape(text) ? input : null;
    }

    /// <summary>Whether the text holds the names a discovery document's top level has; the parser checks they are top-level.</summary>
    private static bool MayHaveDocumentShape(string text) =>
        text.IndexOf("\"name\"", System.StringComparison.Ordinal) >= 0
        && text.IndexOf("\"version\"", System.StringComparison.Ordinal) >= 0
        && (text.IndexOf("\"resources\"", System.StringComparison.Ordinal) >= 0 || text.IndexOf("\"schemas\"", System.StringComparison.Ordinal) >= 0);

    private static string? Metadata(AnalyzerConfigOptions options, string name) =>
        options.TryGetValue(MetadataPrefix + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
