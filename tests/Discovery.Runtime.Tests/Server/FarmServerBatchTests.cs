using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Farm.Server;
using Microsoft.AspNetCore.WebUtilities;
using Xunit;

namespace Discovery.Runtime.Tests.Server;

/// <summary>The Farm server's batch endpoint: strict framing in, every call run as its own request, answers by Content-ID.</summary>
public sealed class FarmServerBatchTests
{
    private static HttpContent Batch(IEnumerable<(string Id, string Request)> calls, string newline = "\r\n", string transferEncoding = "binary", string? embeddedNewline = null)
    {
        var body = new StringBuilder();
        foreach (var (id, request) in calls)
        {
            body.Append("--b0").Append(newline)
                .Append("Content-Type: application/http").Append(newline)
                .Append("Content-Transfer-Encoding: ").Append(transferEncoding).Append(newline)
                .Append("Content-ID: ").Append(id).Append(newline).Append(newline)
                .Append(request.ReplaceLineEndings(embeddedNewline ?? newline)).Append(newline);
        }

        body.Append("--b0--").Append(newline);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToString()));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/mixed; boundary=b0");
        return content;
    }

    private static async Task<Dictionary<string, string>> AnswersAsync(HttpResponseMessage response)
    {
        string boundary = response.Content.Headers.ContentType!.Parameters.Single(p => p.Name == "boundary").Value!;
        var reader = new MultipartReader(boundary, await response.Content.ReadAsStreamAsync());
        var answers = new Dictionary<string, string>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            using var text = new StreamReader(section.Body);
            answers.Add(section.Headers!["Content-ID"].ToString(), await text.ReadToEndAsync());
        }

        return answers;
    }

    [Fact]
    public async Task Each_call_runs_as_its_own_request_and_is_answered_under_its_Content_ID()
    {
        await using var server = await FarmServer.StartAsync();
        string pig = server.AddAnimal("Pig");
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "outer");

        using var response = await http.PostAsync(new Uri(server.RootUri, "batch/farm/v1"), Batch(
        [
            ("a", $"GET /farm/v1/animals/{pig}?alt=json HTTP/1.1\n\n"),
            ("b", "GET /farm/v1/animals/missing HTTP/1.1\n\n"),
            ("c", "POST /farm/v1/animals HTTP/1.1\nContent-Type: application/json\n\n{\"name\":\"Hen\"}"),
        ]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answers = await AnswersAsync(response);
        Assert.Equal(["response-a", "response-b", "response-c"], answers.Keys.Order());
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", answers["response-a"], StringComparison.Ordinal);
        Assert.Contains("\"name\": \"Pig\"", answers["response-a"], StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 404 Not Found\r\n", answers["response-b"], StringComparison.Ordinal);
        Assert.Contains("\"name\": \"Hen\"", answers["response-c"], StringComparison.Ordinal);

        var calls = server.Requests.Of(RequestKind.Json);
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Assert.Equal("Bearer outer", c.Authorization));
        Assert.Single(server.Requests.Of(RequestKind.Batch));
    }

    [Fact]
    public async Task A_bracketed_Content_ID_is_answered_as_Google_does_and_the_body_is_kept_byte_for_byte()
    {
        await using var server = await FarmServer.StartAsync();
        string pig = server.AddAnimal("Pig");
        using var http = new HttpClient();
        var content = Batch([("<item1:x@farm>", $"GET /farm/v1/animals/{pig} HTTP/1.1\n\n")]);
        byte[] sent = await content.ReadAsByteArrayAsync();

        using var response = await http.PostAsync(new Uri(server.RootUri, "batch/farm/v1"), content);

        Assert.Equal(["<response-item1:x@farm>"], (await AnswersAsync(response)).Keys);
        Assert.Equal(sent, Assert.Single(server.Batches.All).Body);
    }

    [Fact]
    public async Task A_call_faulted_by_the_script_fails_alone()
    {
        await using var server = await FarmServer.StartAsync();
        string pig = server.AddAnimal("Pig");
        server.Script.Enqueue(RequestKind.Json, new ScriptedFault { Status = 503 });
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(server.RootUri, "batch/farm/v1"), Batch(
        [
            ("1", $"GET /farm/v1/animals/{pig} HTTP/1.1\n\n"),
            ("2", $"GET /farm/v1/animals/{pig} HTTP/1.1\n\n"),
        ]));

        var answers = await AnswersAsync(response);
        Assert.Equal(["HTTP/1.1 200 OK", "HTTP/1.1 503 Service Unavailable"], answers.Values.Select(a => a[..a.IndexOf('\r', StringComparison.Ordinal)]).Order());
    }

    [Fact]
    public async Task A_media_upload_in_a_batch_is_refused_for_that_call()
    {
        await using var server = await FarmServer.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(server.RootUri, "batch/farm/v1"), Batch(
            [("m", "POST /upload/farm/v1/animals?uploadType=media HTTP/1.1\nContent-Type: image/png\n\nPNG")]));

        var answers = await AnswersAsync(response);
        Assert.StartsWith("HTTP/1.1 400 ", answers["response-m"], StringComparison.Ordinal);
        Assert.Empty(server.Uploads.All);
    }

    public static TheoryData<string, string> BadBatches() => new()
    {
        { "lf", "CRLF" },
        { "duplicate-id", "used twice" },
        { "no-binary", "Content-Transfer-Encoding" },
        { "too-many", "at most 100 calls" },
        { "bad-request-line", "request line" },
    };

    [Theory]
    [MemberData(nameof(BadBatches))]
    public async Task A_batch_that_breaks_the_format_is_refused_whole_and_runs_nothing(string damage, string reason)
    {
        await using var server = await FarmServer.StartAsync();
        string pig = server.AddAnimal("Pig");
        string get = $"GET /farm/v1/animals/{pig} HTTP/1.1\n\n";
        HttpContent content = damage switch
        {
            // Bare LF inside the embedded request only: the outer framing is CRLF.
            "lf" => Batch([("1", get)], embeddedNewline: "\n"),
            "duplicate-id" => Batch([("1", get), ("1", get)]),
            "no-binary" => Batch([("1", get)], transferEncoding: "8bit"),
            "too-many" => Batch(Enumerable.Range(0, 101).Select(i => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), get))),
            _ => Batch([("1", $"GET farm/v1/animals/{pig}\n\n")]),
        };
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(server.RootUri, "batch/farm/v1"), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(server.Requests.Of(RequestKind.Json));
    }
}
