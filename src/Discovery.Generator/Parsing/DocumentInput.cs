namespace Discovery.Generator.Parsing;

/// <summary>
/// One additional file as the pipeline's first equatable value: its path, its whole text and the item
/// metadata that names the generated namespace and client. Nothing from Roslyn survives past this point.
/// </summary>
internal sealed record DocumentInput(string Path, string Text, string? Namespace, string? ClientName)
{
    public bool IsNamedAsDiscovery => Path.EndsWith(".discovery.json", System.StringComparison.OrdinalIgnoreCase);
}
