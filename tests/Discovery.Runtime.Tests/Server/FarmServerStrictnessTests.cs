using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Farm.Server;
using Xunit;

namespace Discovery.Runtime.Tests.Server;

/// <summary>
/// The Farm server is as strict as Google's about framing, so a client bug cannot hide behind a lenient test
/// server: these send hand-made requests and expect the refusals Google would give.
/// </summary>
public sealed class FarmServerStrictnessTests
{
    private static HttpContent Multipart(string newline, string boundary = "b0undary")
    {
        string body = $"--{boundary}{newline}Content-Type: application/json; charset=UTF-8{newline}{newline}{{\"name\":\"Pig\"}}{newline}" +
                      $"--{boundary}{newline}Content-Type: image/png{newline}{newline}PNGDATA{newline}--{boundary}--{newline}";
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/related; boundary={boundary}");
        return content;
    }

    [Fact]
    public async Task A_CRLF_framed_multipart_upload_is_stored()
    {
        await using var server = await FarmServer.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(server.RootUri, "upload/farm/v1/animals?uploadType=multipart"), Multipart("\r\n"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(server.Uploads.All);
        Assert.Equal((UploadProtocol.Multipart, "Pig", 7L, "image/png"), (stored.Protocol, stored.Name, stored.Length, stored.ContentType));
    }

    [Fact]
    public async Task A_multipart_upload_framed_with_bare_LF_is_refused()
    {
        await using var server = await FarmServer.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(server.RootUri, "upload/farm/v1/animals?uploadType=multipart"), Multipart("\n"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(server.Uploads.All);
    }

    public static TheoryData<string, int, string> BadChunks() => new()
    {
        { "bytes 0-99/300000", 100, "multiple of 262144" },
        { "bytes 0-262143/300000", 1000, "Content-Length" },
        { "bytes 5-262148/300000", 262144, "resume from byte 0" },
        { "bytes 0-262143/100", 262144, "Content-Range" },
        { "0-262143/300000", 262144, "Content-Range" },
    };

    [Theory]
    [MemberData(nameof(BadChunks))]
    public async Task A_resumable_chunk_with_an_inexact_Content_Range_is_refused_and_nothing_is_persisted(string contentRange, int bodyLength, string reason)
    {
        await using var server = await FarmServer.StartAsync();
        using var http = new HttpClient();
        using var initiate = new HttpRequestMessage(HttpMethod.Post, new Uri(server.RootUri, "upload/farm/v1/animals?uploadType=resumable"))
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        initiate.Headers.Add("X-Upload-Content-Type", "image/png");
        using var opened = await http.SendAsync(initiate);
        var session = opened.Headers.Location!;

        var chunk = new ByteArrayContent(new byte[bodyLength]);
        chunk.Headers.TryAddWithoutValidation("Content-Range", contentRange);
        using var response = await http.PutAsync(session, chunk);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, server.PersistedBytes(session));
    }
}
