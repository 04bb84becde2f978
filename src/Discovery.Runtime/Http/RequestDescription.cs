using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Discovery.Runtime;

/// <summary>A request as it describes itself (verb, resolved URI, JSON body), so that sending code never calls back into it.</summary>
internal sealed record RequestDescription(HttpMethod Method, Uri Uri, byte[]? Json)
{
    /// <summary>A new message for one attempt; <paramref name="emptyBody"/> sends Content-Length 0 when there is no JSON.</summary>
    public HttpRequestMessage ToMessage(bool emptyBody = false)
    {
        if (Json is null)
        {
            return new HttpRequestMessage(Method, Uri) { Content = emptyBody ? new ByteArrayContent(Array.Empty<byte>()) : null };
        }

        var content = new ByteArrayContent(Json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "UTF-8" };
        return new HttpRequestMessage(Method, Uri) { Content = content };
    }
}
