using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Discovery.Runtime.Tests.Infrastructure;
using Farm.Server;
using Farm.V1.Data;
using Xunit;

namespace Discovery.Runtime.Tests.Batch;

/// <summary>
/// Retries judged from the server's side: a retryable call goes again in a follow-up batch with the others like it,
/// a call that succeeded is never sent again, and a failure of the whole request is decided per call.
/// </summary>
public sealed class BatchRetryTests
{
    private static readonly ScriptedFault None = new();

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(500)]
    public async Task A_retryable_part_goes_again_alone_and_the_successes_are_not_resent(int status)
    {
        await using var farm = await FarmFixture.StartAsync();
        string pig = farm.Server.AddAnimal("Pig");
        string cow = farm.Server.AddAnimal("Cow");
        farm.Server.Script.Enqueue(RequestKind.Json, None, new ScriptedFault { Status = status });

        var batch = farm.Farm.Batch();
        var first = batch.Add(farm.Farm.Animals.Get(pig));
        var second = batch.Add(farm.Farm.Animals.Get(cow));
        await batch.ExecuteAsync();

        Assert.Equal("Pig", (await first).Name);
        Assert.Equal("Cow", (await second).Name);
        Assert.Equal([2, 1], farm.Server.BatchCalls().Select(c => c.Length));
        Assert.Equal(1, farm.Server.Executed("GET", "/farm/v1/animals/" + pig));
        Assert.Equal(2, farm.Server.Executed("GET", "/farm/v1/animals/" + cow));
        Assert.Equal([TimeSpan.FromMilliseconds(10)], farm.Time.Delays);
    }

    [Fact]
    public async Task The_follow_up_waits_for_the_largest_Retry_After_among_its_calls()
    {
        await using var farm = await FarmFixture.StartAsync();
        var ids = Enumerable.Range(0, 3).Select(i => farm.Server.AddAnimal("a" + i)).ToArray();
        farm.Server.Script.Enqueue(
            RequestKind.Json,
            new ScriptedFault { Status = 429, RetryAfter = "7" },
            new ScriptedFault { Status = 503, RetryAfter = "3" },
            new ScriptedFault { Status = 503 });

        var batch = farm.Farm.Batch();
        var calls = ids.Select(id => batch.Add(farm.Farm.Animals.Get(id))).ToList();
        await batch.ExecuteAsync();

        Assert.Equal(ids, (await Task.WhenAll(calls)).Select(a => a.Id));
        Assert.Equal([TimeSpan.FromSeconds(7)], farm.Time.Delays);
        Assert.Equal([3, 3], farm.Server.BatchCalls().Select(c => c.Length));
    }

    [Fact]
    public async Task A_500_for_an_insert_is_its_answer_while_a_rate_limit_refusal_is_retried()
    {
        await using var farm = await FarmFixture.StartAsync();
        farm.Server.Script.Enqueue(
            RequestKind.Json,
            new ScriptedFault { Status = 500 },
            new ScriptedFault { Status = 403, Reason = "rateLimitExceeded" });

        var batch = farm.Farm.Batch();
        var failed = batch.Add(farm.Farm.Animals.Insert(new Animal { Name = "Hen" }));
        var limited = batch.Add(farm.Farm.Animals.Insert(new Animal { Name = "Duck" }));
        await batch.ExecuteAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, (await Assert.ThrowsAsync<HttpError>(() => failed)).StatusCode);
        Assert.Equal("Duck", (await limited).Name);
        Assert.Equal(3, farm.Server.Executed("POST"));
        Assert.Equal([2, 1], farm.Server.BatchCalls().Select(c => c.Length));
    }

    [Fact]
    public async Task A_call_that_keeps_failing_stops_when_its_attempts_run_out()
    {
        await using var farm = await FarmFixture.StartAsync(retry: FarmFixture.FastRetry(attempts: 3));
        string pig = farm.Server.AddAnimal("Pig");
        farm.Server.Script.Enqueue(RequestKind.Json, Enumerable.Repeat(new ScriptedFault { Status = 503 }, 3).ToArray());

        var batch = farm.Farm.Batch();
        var call = batch.Add(farm.Farm.Animals.Get(pig));
        await batch.ExecuteAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Assert.ThrowsAsync<HttpError>(() => call)).StatusCode);
        Assert.Equal(3, farm.Server.Executed("GET"));
        Assert.Equal(3, farm.Server.Batches.All.Count);
    }

    [Fact]
    public async Task A_401_part_goes_again_once_with_a_token_asked_for_anew()
    {
        int asked = 0;
        await using var farm = await FarmFixture.StartAsync(token: _ => new ValueTask<string?>("token-" + Interlocked.Increment(ref asked)));
        string pig = farm.Server.AddAnimal("Pig");
        string cow = farm.Server.AddAnimal("Cow");
        farm.Server.Script.Enqueue(
            RequestKind.Json,
            new ScriptedFault { Status = 401, Reason = "authError" },
            new ScriptedFault { Status = 401, Reason = "authError" },
            None,
            new ScriptedFault { Status = 401, Reason = "authError" });

        var batch = farm.Farm.Batch();
        var once = batch.Add(farm.Farm.Animals.Get(pig));
        var twice = batch.Add(farm.Farm.Animals.Get(cow));
        await batch.ExecuteAsync();

        Assert.Equal("Pig", (await once).Name);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Assert.ThrowsAsync<HttpError>(() => twice)).StatusCode);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], farm.Server.Requests.Of(RequestKind.Batch).Select(r => r.Authorization));
        Assert.Empty(farm.Time.Delays);
    }

    [Fact]
    public async Task Without_credentials_to_refresh_a_401_is_the_answer()
    {
        await using var farm = await FarmFixture.StartAsync();
        string pig = farm.Server.AddAnimal("Pig");
        farm.Server.Script.Enqueue(RequestKind.Json, new ScriptedFault { Status = 401, Reason = "authError" });

        var batch = farm.Farm.Batch();
        var call = batch.Add(farm.Farm.Animals.Get(pig));
        await batch.ExecuteAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await Assert.ThrowsAsync<HttpError>(() => call)).StatusCode);
        Assert.Single(farm.Server.Batches.All);
    }

    [Fact]
    public async Task An_outer_401_sends_the_whole_batch_again_with_a_fresh_token()
    {
        int asked = 0;
        await using var farm = await FarmFixture.StartAsync(token: _ => new ValueTask<string?>("token-" + Interlocked.Increment(ref asked)));
        farm.Server.Script.Enqueue(RequestKind.Batch, new ScriptedFault { Status = 401, Reason = "authError" });

        var batch = farm.Farm.Batch();
        var hen = batch.Add(farm.Farm.Animals.Insert(new Animal { Name = "Hen" }));
        await batch.ExecuteAsync();

        Assert.Equal("Hen", (await hen).Name);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], farm.Server.Requests.Of(RequestKind.Batch).Select(r => r.Authorization));
        Assert.Equal(1, farm.Server.Executed("POST"));
    }

    [Fact]
    public async Task An_outer_503_means_nothing_ran_so_every_call_goes_again_once()
    {
        await using var farm = await FarmFixture.StartAsync();
        string pig = farm.Server.AddAnimal("Pig");
        farm.Server.Script.Enqueue(RequestKind.Batch, new ScriptedFault { Status = 503, RetryAfter = "2" });

        var batch = farm.Farm.Batch();
        var got = batch.Add(farm.Farm.Animals.Get(pig));
        var hen = batch.Add(farm.Farm.Animals.Insert(new Animal { Name = "Hen" }));
        await batch.ExecuteAsync();

        Assert.Equal("Pig", (await got).Name);
        Assert.Equal("Hen", (await hen).Name);
        // The refused request never reached the batch handler; the one that did carried both calls.
        Assert.Equal(2, farm.Server.Requests.Of(RequestKind.Batch).Count);
        Assert.Equal([2], farm.Server.BatchCalls().Select(c => c.Length));
        Assert.Equal(1, farm.Server.Executed("POST"));
        Assert.Equal(1, farm.Server.Executed("GET"));
        Assert.Equal([TimeSpan.FromSeconds(2)], farm.Time.Delays);
    }

    [Fact]
    public async Task An_outer_500_after_the_calls_ran_resends_only_the_idempotent_ones()
    {
        await using var farm = await FarmFixture.StartAsync();
        string pig = farm.Server.AddAnimal("Pig");
        string cow = farm.Server.AddAnimal("Cow");
        string sheep = farm.Server.AddAnimal("Sheep");
        farm.Server.Script.Enqueue(RequestKind.Batch, new ScriptedFault { Status = 500, PersistThenFail = true });

        var batch = farm.Farm.Batch();
        var got = batch.Add(farm.Farm.Animals.Get(pig));
        var updated = batch.Add(farm.Farm.Animals.Update(new Animal { Name = "Daisy" }, cow));
        var deleted = batch.Add(farm.Farm.Animals.Delete(sheep));
        var hen = batch.Add(farm.Farm.Animals.Insert(new Animal { Name = "Hen" }));
        await batch.ExecuteAsync();

        Assert.Equal("Pig", (await got).Name);
        Assert.Equal("Daisy", (await updated).Name);
        // The delete ran in the first request, so the second finds nothing: what running a DELETE twice answers alone too.
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<HttpError>(() => deleted)).StatusCode);
        var error = await Assert.ThrowsAsync<HttpError>(() => hen);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(1, farm.Server.Executed("POST"));
        Assert.Equal(2, farm.Server.Executed("GET"));
        Assert.Equal(2, farm.Server.Executed("PUT"));
        Assert.Equal(2, farm.Server.Executed("DELETE"));
        Assert.Equal([4, 3], farm.Server.BatchCalls().Select(c => c.Length));
    }

    [Fact]
    public async Task With_the_policy_opting_in_an_outer_500_resends_the_insert_too()
    {
        await using var farm = await FarmFixture.StartAsync(retry: new RetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(10), Jitter = 0, RetryNonIdempotent = true });
        farm.Server.Script.Enqueue(RequestKind.Batch, new ScriptedFault { Status = 500 });

        var batch = farm.Farm.Batch();
        var hen = batch.Add(farm.Farm.Animals.Insert(new Animal { Name = "Hen" }));
        await batch.ExecuteAsync();

        Assert.Equal("Hen", (await hen).Name);
        Assert.Equal(2, farm.Server.Requests.Of(RequestKind.Batch).Count);
        Assert.Equal(1, farm.Server.Executed("POST"));
    }

    [Fact]
    public async Task A_refused_connection_sent_nothing_so_even_an_insert_goes_again()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        int asked = 0;
        var time = new RecordingTimeProvider();
        using var farm = new Farm.V1.FarmService(new ServiceOptions
        {
            RootUri = new Uri($"http://127.0.0.1:{port}/"),
            Retry = FarmFixture.FastRetry(attempts: 3),
            TimeProvider = time,
            AccessTokenProvider = _ => new ValueTask<string?>("t" + Interlocked.Increment(ref asked)),
        });

        var batch = farm.Batch();
        var hen = batch.Add(farm.Animals.Insert(new Animal { Name = "Hen" }));
        await batch.ExecuteAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => hen);
        Assert.Equal(3, asked);
        Assert.Equal(2, time.Delays.Count);
    }

    [Fact]
    public async Task A_connection_lost_before_any_answer_sends_the_whole_batch_again()
    {
        await using var farm = await FarmFixture.StartAsync();
        string pig = farm.Server.AddAnimal("Pig");
        farm.Server.Script.Enqueue(RequestKind.Batch, new ScriptedFault { AbortAfterBytes = 10 });

        var batch = farm.Farm.Batch();
        var got = batch.Add(farm.Farm.Animals.Get(pig));
        var hen = batch.Add(farm.Farm.Animals.Insert(new Animal { Name = "Hen" }));
        await batch.ExecuteAsync();

        Assert.Equal("Pig", (await got).Name);
        Assert.Equal("Hen", (await hen).Name);
        Assert.Equal(1, farm.Server.Executed("POST"));
        Assert.Equal(1, farm.Server.Executed("GET"));
        Assert.Equal(2, farm.Server.Requests.Of(RequestKind.Batch).Count);
    }

    [Fact]
    public async Task An_answer_cut_mid_body_resends_the_idempotent_calls_and_reports_the_insert_as_unknown()
    {
        await using var farm = await FarmFixture.StartAsync();
        string pig = farm.Server.AddAnimal("Pig");
        farm.Server.Script.Enqueue(RequestKind.Batch, new ScriptedFault { PersistThenFail = true, AbortAfterBytes = 40 });

        var batch = farm.Farm.Batch();
        var got = batch.Add(farm.Farm.Animals.Get(pig));
        var hen = batch.Add(farm.Farm.Animals.Insert(new Animal { Name = "Hen" }));
        await batch.ExecuteAsync();

        Assert.Equal("Pig", (await got).Name);
        var lost = await Assert.ThrowsAnyAsync<Exception>(() => hen);
        Assert.True(lost is HttpRequestException or System.IO.IOException, lost.ToString());
        Assert.Equal(1, farm.Server.Executed("POST"));
        Assert.Equal(2, farm.Server.Executed("GET"));
        Assert.Equal(2, farm.Server.Requests.Of(RequestKind.Batch).Count);
    }
}
