using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime.Tests.Infrastructure;

/// <summary>Answers each request with a scripted response: for unit tests of what is sent, never as proof of a protocol.</summary>
public sealed class ScriptedHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    public System.Collections.Concurrent.ConcurrentBag<HttpRequestMessage> Seen { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Seen.Add(request);
        return Task.FromResult(answer(request));
    }
}
