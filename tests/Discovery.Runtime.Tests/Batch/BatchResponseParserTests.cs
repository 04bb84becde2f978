using System.Linq;
using System.Net;
using System.Text;
using Xunit;

namespace Discovery.Runtime.Tests.Batch;

/// <summary>Reading batch responses other servers may send: Google's bracketed ids, bare LF, preambles, lying lengths.</summary>
public sealed class BatchResponseParserTests
{
    private static BatchAnswer[] Parse(string body) => BatchResponseParser.Parse(Encoding.ASCII.GetBytes(body), "b").ToArray();

    [Theory]
    [InlineData("<response-x+1>")]
    [InlineData("response-<x+1>")]
    [InlineData("response-x+1")]
    public void Every_spelling_of_a_response_id_names_the_call(string id)
        => Assert.Equal("x+1", BatchResponseParser.NormalizeContentId(id));

    [Fact]
    public void A_preamble_bare_LF_and_transport_padding_are_read_past()
    {
        var answers = Parse("preamble\n--b  \nContent-Type: application/http\nContent-ID: <response-1>\n\nHTTP/1.1 404 Not Found\nRetry-After: 5\n\n{}\n--b--\nepilogue");

        var answer = Assert.Single(answers);
        Assert.Equal("1", answer.ContentId);
        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal(System.TimeSpan.FromSeconds(5), answer.RetryAfter!.Delta);
        Assert.Equal("{}", Encoding.ASCII.GetString(answer.Body.Span));
    }

    [Fact]
    public void Content_Length_bounds_the_body_and_a_longer_claim_is_a_problem()
    {
        var answers = Parse(
            "--b\r\nContent-ID: <response-1>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}  \r\n" +
            "--b\r\nContent-ID: <response-2>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n{}\r\n--b--\r\n");

        Assert.Equal("{}", Encoding.ASCII.GetString(answers[0].Body.Span));
        Assert.Contains("Content-Length", answers[1].Problem, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_response_cut_inside_a_part_is_a_problem_for_that_part_only()
    {
        var answers = Parse("--b\r\nContent-ID: <response-1>\r\n\r\nHTTP/1.1 200 OK\r\n\r\n{}\r\n--b\r\nContent-ID: <response-2>\r\n\r\nHTTP/1.1 200 OK\r\n\r\n{\"na");

        Assert.True(answers[0].IsSuccess);
        Assert.Equal("2", answers[1].ContentId);
        Assert.Contains("ended inside its part", answers[1].Problem, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_boundary_inside_a_line_is_not_a_delimiter()
    {
        var answer = Assert.Single(Parse("--b\r\nContent-ID: <response-1>\r\n\r\nHTTP/1.1 200 OK\r\n\r\n{\"a\":\"--b\"}\r\n--b--\r\n"));
        Assert.Equal("{\"a\":\"--b\"}", Encoding.ASCII.GetString(answer.Body.Span));
    }
}
