using System;
using System.Net.Http;

namespace Discovery.Runtime;

/// <summary>Base of every generated service: builds its pipeline once from the options and hands it to every request.</summary>
public abstract class ServiceBase : IDisposable
{
    /// <summary>
    /// Creates the service. When <paramref name="httpClient"/> is null the service creates one that never follows
    /// redirects on its own (an upload's 308 is protocol, not a redirect) and disposes it in <see cref="Dispose()"/>.
    /// A caller-supplied client should be built the same way: with automatic redirects on, the handler (not this
    /// runtime) would decide where request bodies and credentials go.
    /// </summary>
    protected ServiceBase(HttpClient? httpClient, ServiceOptions? options, string defaultRootUrl, string servicePath)
    {
        ArgumentNullException.ThrowIfNull(defaultRootUrl);
        Options = options ?? new ServiceOptions();
        var endpoint = new ServiceEndpoint(Options.RootUri ?? new Uri(defaultRootUrl, UriKind.Absolute), servicePath, Options.ApiKey);
        Pipeline = new HttpPipeline(httpClient, Options, endpoint);
    }

    /// <summary>The options this service was created with; it copied them then, so later changes to this object do not affect it.</summary>
    public ServiceOptions Options { get; }

    /// <summary>The client every request of this service is sent with.</summary>
    public HttpClient HttpClient => Pipeline.HttpClient;

    /// <summary><see cref="ServiceOptions.RootUri"/> or the document's rootUrl, always ending with '/'.</summary>
    public Uri RootUri => Pipeline.Endpoint.RootUri;

    /// <summary>The root URI plus the document's servicePath.</summary>
    public Uri BaseUri => Pipeline.Endpoint.BaseUri;

    internal HttpPipeline Pipeline { get; }

    /// <summary>Disposes the HttpClient if the service created it.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the service owns.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Pipeline.Dispose();
        }
    }
}
