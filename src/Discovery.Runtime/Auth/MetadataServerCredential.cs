using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime.Auth;

/// <summary>
/// The default service account of a Google Cloud machine (GCE, GKE, Cloud Run), whose tokens the metadata server
/// hands out to requests carrying <c>Metadata-Flavor: Google</c>. Scopes, when given, go along as <c>?scopes=</c>.
/// </summary>
internal sealed class MetadataServerCredential : GoogleCredential
{
    private readonly MetadataServer _server;

    public MetadataServerCredential(MetadataServer server, IReadOnlyList<string>? scopes = null)
        : base(scopes ?? Array.Empty<string>())
    {
        _server = server;
    }

    private protected override GoogleCredential WithScopes(IReadOnlyList<string> scopes) => new MetadataServerCredential(_server, scopes);

    private protected override ValueTask<AccessToken> FetchAsync(TokenTransport transport, bool async, CancellationToken cancellationToken)
    {
        string query = Scopes.Count == 0 ? string.Empty : "?scopes=" + Uri.EscapeDataString(string.Join(",", Scopes));
        var uri = new Uri(_server.Root, "instance/service-accounts/default/token" + query);
        return TokenEndpoint.RequestAsync(transport, () => MetadataServer.Request(uri), "the metadata server's default service account", async, cancellationToken);
    }
}
