using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Discovery.Generator.Parsing;

/// <summary>Reads an additional file and its item metadata into a plain <see cref="DocumentInput"/>.</summary>
internal static class InputReader
{
    public static DocumentInput? Read(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken)?.ToString();
        if (text is null)
        {
            return null;
        }

        // A cheap look before parsing: most JSON additional files (settings, manifests) are not ours.
        var named = file.Path.EndsWith(".discovery.json", System.StringComparison.OrdinalIgnoreCase);
        if (!named && text.IndexOf("discovery#restDescription", System.StringComparison.Ordinal) < 0)
        {
            return null;
        }

        var fileOptions = options.GetOptions(file);
        fileOptions.TryGetValue("build_metadata.AdditionalFiles.Namespace", out var ns);
        fileOptions.TryGetValue("build_metadata.AdditionalFiles.ClientName", out var clientName);
        return new DocumentInput(file.Path, text, Empty(ns), Empty(clientName));
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
