using System;

namespace Discovery.Runtime;

/// <summary>Where a service's requests go and the API key they carry, fixed when the service is built.</summary>
internal sealed class ServiceEndpoint
{
    private readonly string? _apiKey;

    public ServiceEndpoint(Uri rootUri, string? servicePath, string? apiKey)
    {
        RootUri = WithTrailingSlash(rootUri);
        string path = (servicePath ?? string.Empty).TrimStart('/');
        BaseUri = path.Length == 0 ? RootUri : WithTrailingSlash(new Uri(RootUri.AbsoluteUri + path));
        _apiKey = apiKey;
    }

    /// <summary>The API root: requests under it may carry credentials, and its scheme is the one uploads keep.</summary>
    public Uri RootUri { get; }

    public Uri BaseUri { get; }

    /// <summary>Joins the base (or root) URI, the path and the query; the API key is added unless the request set one.</summary>
    public Uri Resolve(string path, bool relativeToRoot, QueryBuilder query)
    {
        if (!string.IsNullOrEmpty(_apiKey) && !query.Contains("key"))
        {
            query.Add("key", _apiKey);
        }

        // String concatenation rather than new Uri(base, relative): a relative path such as "files:copy" would
        // otherwise be parsed as a URI with the scheme "files".
        var root = relativeToRoot || path.StartsWith('/') ? RootUri : BaseUri;
        return new Uri(root.AbsoluteUri + path.TrimStart('/') + query.ToQueryString());
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
