using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Farm.Server;
using Farm.V1;
using Farm.V1.Data;
using Discovery.Runtime.Tests.Infrastructure;
using System.Net.Http;
using Xunit;

namespace Discovery.Runtime.Tests.Http;

/// <summary>Plain (non-media) requests share the classification and retry policy of uploads.</summary>
public sealed class HttpPipelineTests
{
    [Fact]
    public async Task A_plain_request_is_retried_on_retryable_statuses_honouring_Retry_After()
    {
        await using var f = await FarmFixture.StartAsync();
        string id = f.Server.AddAnimal("Pig");
        f.Server.Script.Enqueue(RequestKind.Json, new ScriptedFault { Status = 503, RetryAfter = "4" });
        f.Server.Script.Enqueue(RequestKind.Json, new ScriptedFault { Status = 429 });

        var animal = await f.Farm.Animals.Get(id).ExecuteAsync();

        Assert.Equal((id, "Pig"), (animal.Id, animal.Name));
        Assert.Equal(3, f.Server.Requests.All.Count);
        Assert.Equal(new[] { TimeSpan.FromSeconds(4), TimeSpan.FromMilliseconds(20) }, f.Time.Delays.ToArray());
    }

    [Fact]
    public async Task A_fatal_status_is_not_retried()
    {
        await using var f = await FarmFixture.StartAsync();
        f.Server.Script.Enqueue(RequestKind.Json, new ScriptedFault { Status = 404, Reason = "notFound" });

        var error = await Assert.ThrowsAsync<HttpError>(() => f.Farm.Animals.Get("x").ExecuteAsync());

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("GET", error.RequestMethod);
        Assert.Single(f.Server.Requests.All);
    }

    [Fact]
    public async Task Retries_stop_at_MaxAttempts()
    {
        await using var f = await FarmFixture.StartAsync(FarmFixture.FastRetry(attempts: 3));
        for (int i = 0; i < 5; i++)
        {
            f.Server.Script.Enqueue(RequestKind.Json, new ScriptedFault { Status = 500 });
        }

        await Assert.ThrowsAsync<HttpError>(() => f.Farm.Animals.Get("x").ExecuteAsync());

        Assert.Equal(3, f.Server.Requests.All.Count);
    }

    [Fact]
    public async Task Key_token_and_user_agent_are_sent_and_the_body_is_json()
    {
        await using var f = await FarmFixture.StartAsync(token: _ => new ValueTask<string?>("tok"), apiKey: "k 1");

        var request = f.Farm.Animals.Insert(new Animal { Name = "Hen" });
        request.Fields = "id,name";
        var animal = await request.ExecuteAsync();

        Assert.Equal("Hen", animal.Name);
        Assert.Null(animal.Kind);
        var seen = f.Server.Requests.All.Single();
        Assert.Equal("/farm/v1/animals?fields=id%2Cname&alt=json&key=k%201", seen.PathAndQuery);
        Assert.Equal("Bearer tok", seen.Authorization);
        Assert.StartsWith("FarmTests/1.0 Discovery.Runtime/", seen.UserAgent, StringComparison.Ordinal);
        Assert.StartsWith("application/json", seen.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_without_a_response_body_and_the_synchronous_path_work()
    {
        await using var f = await FarmFixture.StartAsync();
        string[] ids = [f.Server.AddAnimal("a"), f.Server.AddAnimal("b"), f.Server.AddAnimal("c")];
        f.Server.Script.Enqueue(RequestKind.Json, new ScriptedFault { Status = 502 });

        await f.Farm.Animals.Delete(ids[0]).ExecuteAsync();
        await Task.Run(() => f.Farm.Animals.Delete(ids[1]).Execute());
        var animal = await Task.Run(() => f.Farm.Animals.Get(ids[2]).Execute());

        Assert.Equal("c", animal.Name);
        Assert.Equal(new[] { ("DELETE", 502), ("DELETE", 204), ("DELETE", 204), ("GET", 200) }, f.Server.Requests.All.Select(r => (r.Method, r.Status)).ToArray());
    }

    [Fact]
    public void Root_and_base_uris_end_with_a_slash()
    {
        using var service = new FarmService(new ServiceOptions { RootUri = new Uri("http://127.0.0.1:1/api") });

        Assert.Equal("http://127.0.0.1:1/api/", service.RootUri.ToString());
        Assert.Equal("http://127.0.0.1:1/api/farm/v1/", service.BaseUri.ToString());
        using var defaults = new FarmService(new ServiceOptions());
        Assert.Equal("https://farm.example.com/farm/v1/", defaults.BaseUri.ToString());
    }

    [Fact]
    public async Task Changing_the_options_object_later_does_not_change_a_built_service()
    {
        var handler = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"id\":\"a\"}") });
        using var client = new HttpClient(handler);
        var options = new ServiceOptions { RootUri = new Uri("https://api.example.com/"), ApiKey = "first", ApplicationName = "App/1", Retry = RetryPolicy.None };
        using var farm = new FarmService(client, options);
        options.RootUri = new Uri("https://other.example.com/");
        options.ApiKey = "second";
        options.ApplicationName = "Other/2";
        options.AccessTokenProvider = _ => new ValueTask<string?>("late");

        await farm.Animals.Get("a").ExecuteAsync();

        var sent = Assert.Single(handler.Seen);
        Assert.Equal("https://api.example.com/farm/v1/animals/a?alt=json&key=first", sent.RequestUri!.ToString());
        Assert.StartsWith("App/1 Discovery.Runtime/", sent.Headers.UserAgent.ToString(), StringComparison.Ordinal);
        Assert.Null(sent.Headers.Authorization);
        Assert.Equal(new Uri("https://api.example.com/"), farm.RootUri);
    }

    [Fact]
    public async Task An_empty_success_body_reads_as_no_value_instead_of_failing()
    {
        var handler = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        using var client = new HttpClient(handler);
        using var farm = new FarmService(client, new ServiceOptions { RootUri = new Uri("https://api.example.com/"), Retry = RetryPolicy.None });

        var animal = await farm.Animals.Get("a").ExecuteAsync();

        Assert.Null(animal);
        Assert.Contains("alt=json", Assert.Single(handler.Seen).RequestUri!.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_is_retried_only_when_the_server_cannot_have_acted()
    {
        await using var f = await FarmFixture.StartAsync();
        f.Server.Script.Enqueue(RequestKind.Json, new ScriptedFault { Status = 500 });

        var error = await Assert.ThrowsAsync<HttpError>(() => f.Farm.Animals.Insert(new Animal { Name = "Once" }).ExecuteAsync());
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Single(f.Server.Requests.All);

        f.Server.Script.Enqueue(RequestKind.Json, new ScriptedFault { Status = 429 });
        f.Server.Script.Enqueue(RequestKind.Json, new ScriptedFault { Status = 503 });
        var created = await f.Farm.Animals.Insert(new Animal { Name = "Twice" }).ExecuteAsync();
        Assert.Equal("Twice", created.Name);
        Assert.Equal(4, f.Server.Requests.All.Count);
    }

    [Theory]
    [InlineData("rateLimitExceeded")]
    [InlineData("userRateLimitExceeded")]
    public async Task A_post_answered_403_with_a_rate_limit_reason_is_sent_again_like_a_429(string reason)
    {
        await using var f = await FarmFixture.StartAsync();
        f.Server.Script.Enqueue(RequestKind.Json, new ScriptedFault { Status = 403, Reason = reason });

        var created = await f.Farm.Animals.Insert(new Animal { Name = "Limited" }).ExecuteAsync();

        Assert.Equal("Limited", created.Name);
        Assert.Equal(new[] { ("POST", 403), ("POST", 200) }, f.Server.Requests.All.Select(r => (r.Method, r.Status)).ToArray());
    }

    [Fact]
    public async Task A_get_is_retried_after_a_500()
    {
        await using var f = await FarmFixture.StartAsync();
        var pig = await f.Farm.Animals.Insert(new Animal { Name = "Pig" }).ExecuteAsync();
        f.Server.Script.Enqueue(RequestKind.Json, new ScriptedFault { Status = 500 });

        var read = await f.Farm.Animals.Get(pig.Id!).ExecuteAsync();

        Assert.Equal("Pig", read.Name);
    }

    [Fact]
    public async Task An_attempt_without_an_answer_times_out_as_a_transient_failure()
    {
        using var client = new HttpClient(new HangingHandler());
        using var farm = new FarmService(client, new ServiceOptions { RootUri = new Uri("https://api.example.com/"), Retry = RetryPolicy.None, RequestTimeout = TimeSpan.FromMilliseconds(200) });

        var error = await Assert.ThrowsAsync<TimeoutException>(() => farm.Animals.Get("a").ExecuteAsync());

        Assert.Contains("RequestTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Attempts_that_send_media_get_more_time_and_unknown_sizes_are_not_limited()
    {
        using var farm = new FarmService(new ServiceOptions { RequestTimeout = TimeSpan.FromSeconds(100) });
        var pipeline = farm.Pipeline;

        Assert.Equal(TimeSpan.FromSeconds(100), pipeline.TimeoutFor(0));
        Assert.Equal(TimeSpan.FromSeconds(228), pipeline.TimeoutFor(8 * 1024 * 1024));
        Assert.Equal(System.Threading.Timeout.InfiniteTimeSpan, pipeline.TimeoutFor(long.MaxValue));
    }

    private sealed class HangingHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
        {
            await Task.Delay(System.Threading.Timeout.Infinite, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
