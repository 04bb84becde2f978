using System.Net.Http;
using System.Net.Http.Headers;

namespace Discovery.Runtime;

/// <summary>A serialized JSON request body as HTTP content.</summary>
internal static class JsonBody
{
    public static HttpContent From(byte[] json)
    {
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "UTF-8" };
        return content;
    }
}
