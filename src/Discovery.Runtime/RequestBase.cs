using System;
using System.Buffers;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>Base of every generated request: what it sends (verb, URI, JSON body) through the service's pipeline.</summary>
public abstract partial class RequestBase
{
    private System.Net.Http.HttpMethod? _method;

    /// <summary>
    /// Creates a request of <paramref name="service"/> with the given HTTP verb. <paramref name="methodId"/> and
    /// <paramref name="pathTemplate"/> name its calls to listeners (see <see cref="MethodId"/>, <see cref="PathTemplate"/>).
    /// </summary>
    protected RequestBase(ServiceBase service, string httpMethod, string? methodId = null, string? pathTemplate = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(httpMethod);
        Service = service;
        Pipeline = service.Pipeline;
        HttpMethod = httpMethod;
        MethodId = methodId;
        PathTemplate = pathTemplate;
    }

    /// <summary>The service this request belongs to.</summary>
    public ServiceBase Service { get; }

    /// <summary>The HTTP verb of the method.</summary>
    public string HttpMethod { get; }

    /// <summary>
    /// The media checksums of this request's upload or download; null (the default) uses the service's
    /// <see cref="ServiceOptions.Checksum"/>. <see cref="MediaChecksum.None"/> turns them off for this request.
    /// </summary>
    public MediaChecksum? Checksum { get; set; }

    /// <summary>The checksums this request's media uses.</summary>
    internal MediaChecksum EffectiveChecksum => Checksum ?? Pipeline.Checksum;

    /// <summary>Whether the method sends a JSON request body.</summary>
    protected virtual bool HasBody => false;

    /// <summary>What sends this request and where it goes, handed over by the service once.</summary>
    internal HttpPipeline Pipeline { get; }

    internal System.Net.Http.HttpMethod Method => _method ??= new System.Net.Http.HttpMethod(HttpMethod);

    /// <summary>The method path with parameters expanded, relative to <see cref="ServiceBase.BaseUri"/> (a leading '/' means relative to the root).</summary>
    protected abstract string BuildPath();

    /// <summary>Adds the method's query parameters; overrides call the base first, which adds the standard ones.</summary>
    protected virtual void AddQueryParameters(QueryBuilder query) => AddStandardParameters(query);

    /// <summary>Writes the JSON request body.</summary>
    protected virtual void WriteBody(Utf8JsonWriter writer)
    {
    }

    /// <summary>The request's URI: its path and parameters under the service's endpoint.</summary>
    internal Uri BuildUri(string path, bool relativeToRoot, Action<QueryBuilder>? runtimeParameters)
    {
        ArgumentNullException.ThrowIfNull(path);
        var query = new QueryBuilder();
        AddQueryParameters(query);
        runtimeParameters?.Invoke(query);
        if (!query.Contains("alt"))
        {
            // Some APIs default to another format (groupssettings.v1 answers Atom XML); the client reads JSON.
            query.Add("alt", "json");
        }

        return Pipeline.Endpoint.Resolve(path, relativeToRoot, query);
    }

    /// <summary>This request at <paramref name="path"/> with its body; <paramref name="runtimeParameters"/> adds what the runtime sets.</summary>
    internal RequestDescription Describe(string path, bool relativeToRoot, Action<QueryBuilder>? runtimeParameters)
    {
        byte[]? json = null;
        if (HasBody)
        {
            using var buffer = new Json.PooledBufferWriter();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                WriteBody(writer);
            }

            json = buffer.WrittenSpan.ToArray();
        }

        return new RequestDescription(Method, BuildUri(path, relativeToRoot, runtimeParameters), json);
    }

    /// <summary>Sends the plain (non-media) request with retries; returns the successful response.</summary>
    internal ValueTask<HttpResponseMessage> SendPlainAsync(bool async, CancellationToken cancellationToken)
    {
        MarkExecuted();
        var description = Describe(BuildPath(), relativeToRoot: false, null);
        return Pipeline.SendWithRetryAsync(() => description.ToMessage(), canRetry: true, async, cancellationToken);
    }
}
