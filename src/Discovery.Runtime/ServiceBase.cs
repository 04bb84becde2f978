using System;
using System.Net;
using System.Net.Http;

namespace Discovery.Runtime;

/// <summary>Base of every generated service: root and base URIs, the HttpClient and the options.</summary>
public abstract class ServiceBase : IDisposable
{
    private readonly bool _ownsHttpClient;
    private bool _disposed;

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
        if (httpClient is null)
        {
#if NETSTANDARD2_0
            // SocketsHttpHandler is .NET Core only; HttpClientHandler is the platform's handler there.
            var handler = new HttpClientHandler
#else
            var handler = new SocketsHttpHandler
#endif
            {
                AllowAutoRedirect = false,

                // No automatic decompression: ranged media downloads count stored bytes, and a handler that
                // inflates gzip-encoded media would make them end early with a truncated file.
                AutomaticDecompression = DecompressionMethods.None,
            };
            // Timeouts are per attempt and grow with the media sent (ServiceOptions.RequestTimeout); the client's
            // own 100 s limit would cut off every large single-request upload.
            HttpClient = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            _ownsHttpClient = true;
        }
        else
        {
            HttpClient = httpClient;
        }

        RootUri = WithTrailingSlash(Options.RootUri ?? new Uri(defaultRootUrl, UriKind.Absolute));
        string path = (servicePath ?? string.Empty).TrimStart('/');
        BaseUri = path.Length == 0 ? RootUri : WithTrailingSlash(new Uri(RootUri.AbsoluteUri + path));
        Pipeline = new HttpPipeline(this);
    }

    /// <summary>The options this service was created with.</summary>
    public ServiceOptions Options { get; }

    /// <summary>The client every request of this service is sent with.</summary>
    public HttpClient HttpClient { get; }

    /// <summary><see cref="ServiceOptions.RootUri"/> or the document's rootUrl, always ending with '/'.</summary>
    public Uri RootUri { get; }

    /// <summary>The root URI plus the document's servicePath.</summary>
    public Uri BaseUri { get; }

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
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (disposing && _ownsHttpClient)
        {
            HttpClient.Dispose();
        }
    }

    private static Uri WithTrailingSlash(Uri uri)
    {
        if (!uri.IsAbsoluteUri)
        {
            throw new ArgumentException("The root URI must be absolute.", nameof(uri));
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }
}
