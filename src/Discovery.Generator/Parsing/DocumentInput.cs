namespace Discovery.Generator.Parsing;

/// <summary>
/// One additional file as the pipeline's first equatable value: its path, its whole text and the item
/// metadata that names the generated namespace and client and selects the methods to generate. Nothing from
/// Roslyn survives past this point, so a change to any of these regenerates and nothing else does.
/// </summary>
internal sealed record DocumentInput(string Path, string Text, string? Namespace, string? ClientName, string? Methods = null, string? ExcludeMethods = null)
{
    public bool IsNamedAsDiscovery => Path.EndsWith(".discovery.json", System.StringComparison.OrdinalIgnoreCase);

    /// <summary>Item metadata only a discovery document takes: with it, the user has said this file is one.</summary>
    public bool HasDiscoveryMetadata => Namespace is not null || ClientName is not null || Methods is not null || ExcludeMethods is not null;

    /// <summary>Whether the user said this is a discovery document, by its name or by its metadata.</summary>
    public bool IsClaimed => IsNamedAsDiscovery || HasDiscoveryMetadata;
}
