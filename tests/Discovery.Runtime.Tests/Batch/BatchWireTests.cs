using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Discovery.Runtime.Tests.Infrastructure;
using Farm.Server;
using Farm.V1.Data;
using Xunit;

namespace Discovery.Runtime.Tests.Batch;

/// <summary>The batch on the wire: framing byte for byte, answers matched by Content-ID, spoiled answers, cancellation.</summary>
public sealed partial class BatchWireTests
{
    [GeneratedRegex("^multipart/mixed; boundary=(batch_[0-9a-f]{32})$")]
    private static partial Regex ContentType();

    [GeneratedRegex("Content-ID: <([^>\r\n]+)>\r\n")]
    private static partial Regex ContentId();

    [Fact]
    public async Task The_body_is_CRLF_framed_RFC_2046_multipart_with_unique_Content_IDs_and_shared_headers_once()
    {
        await using var farm = await FarmFixture.StartAsync(token: _ => new ValueTask<string?>("secret"), apiKey: "k1");
        string pig = farm.Server.AddAnimal("Pig");

        var batch = farm.Farm.Batch();
        var got = batch.Add(farm.Farm.Animals.Get(pig));
        var hen = batch.Add(farm.Farm.Animals.Insert(new Animal { Name = "Hen" }));
        await batch.ExecuteAsync();
        await Task.WhenAll(got, hen);

        var sent = Assert.Single(farm.Server.Batches.All);
        string boundary = ContentType().Match(sent.ContentType!).Groups[1].Value;
        Assert.NotEmpty(boundary);
        string body = Encoding.ASCII.GetString(sent.Body);
        var ids = ContentId().Matches(body).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(2, ids.Distinct().Count());
        string json = "{\"name\":\"Hen\"}";
        string expected =
            $"--{boundary}\r\n" +
            "Content-Type: application/http\r\n" +
            "Content-Transfer-Encoding: binary\r\n" +
            $"Content-ID: <{ids[0]}>\r\n" +
            "\r\n" +
            $"GET /farm/v1/animals/{pig}?alt=json&key=k1 HTTP/1.1\r\n" +
            "\r\n" +
            $"\r\n--{boundary}\r\n" +
            "Content-Type: application/http\r\n" +
            "Content-Transfer-Encoding: binary\r\n" +
            $"Content-ID: <{ids[1]}>\r\n" +
            "\r\n" +
            "POST /farm/v1/animals?alt=json&key=k1 HTTP/1.1\r\n" +
            "Content-Type: application/json; charset=UTF-8\r\n" +
            $"Content-Length: {json.Length}\r\n" +
            "\r\n" +
            json +
            $"\r\n--{boundary}--\r\n";
        Assert.Equal(expected, body);

        var outer = Assert.Single(farm.Server.Requests.Of(RequestKind.Batch));
        Assert.Equal("POST", outer.Method);
        Assert.Equal("/batch/farm/v1", outer.PathAndQuery);
        Assert.Equal("Bearer secret", outer.Authorization);
        Assert.StartsWith("FarmTests/1.0 Discovery.Runtime/", outer.UserAgent, StringComparison.Ordinal);
        Assert.DoesNotContain("Authorization", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("User-Agent", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Content_IDs_stay_unique_across_the_requests_of_one_batch()
    {
        await using var farm = await FarmFixture.StartAsync();
        string pig = farm.Server.AddAnimal("Pig");
        var batch = farm.Farm.Batch();
        batch.MaxCallsPerRequest = 3;
        var calls = Enumerable.Range(0, 7).Select(_ => batch.Add(farm.Farm.Animals.Get(pig))).ToList();
        await batch.ExecuteAsync();

        await Task.WhenAll(calls);
        var parts = farm.Server.BatchParts();
        Assert.Equal([3, 3, 1], parts.Select(p => p.Length));
        Assert.Equal(7, parts.SelectMany(p => p).Distinct().Count());
    }

    [Fact]
    public async Task A_missing_answer_fails_an_insert_with_a_clear_error_and_is_asked_again_for_a_get()
    {
        await using var farm = await FarmFixture.StartAsync();
        string pig = farm.Server.AddAnimal("Pig");
        farm.Server.Script.Enqueue(RequestKind.Batch, new ScriptedFault { BatchAnswer = BatchAnswerFault.Omit }, new ScriptedFault { BatchAnswer = BatchAnswerFault.Omit });

        var first = farm.Farm.Batch();
        var hen = first.Add(farm.Farm.Animals.Insert(new Animal { Name = "Hen" }));
        var got = first.Add(farm.Farm.Animals.Get(pig));
        await first.ExecuteAsync();
        var second = farm.Farm.Batch();
        var again = second.Add(farm.Farm.Animals.Get(pig));
        await second.ExecuteAsync();

        var error = await Assert.ThrowsAsync<BatchResponseException>(() => hen);
        Assert.Contains("no part with Content-ID response-", error.Message, StringComparison.Ordinal);
        Assert.Contains("POST ", error.Message, StringComparison.Ordinal);
        Assert.Equal("POST", error.RequestMethod);
        Assert.Equal("Pig", (await got).Name);
        Assert.Equal("Pig", (await again).Name);
        Assert.Equal(1, farm.Server.Executed("POST"));
        Assert.Equal(3, farm.Server.Executed("GET"));
    }

    [Theory]
    [InlineData(BatchAnswerFault.Garble, "its embedded HTTP response has no blank line")]
    [InlineData(BatchAnswerFault.UnknownId, "no part with Content-ID")]
    public async Task A_spoiled_answer_fails_only_its_call(BatchAnswerFault damage, string reason)
    {
        await using var farm = await FarmFixture.StartAsync();
        string pig = farm.Server.AddAnimal("Pig");
        farm.Server.Script.Enqueue(RequestKind.Batch, new ScriptedFault { BatchAnswer = damage });

        var batch = farm.Farm.Batch();
        var hen = batch.Add(farm.Farm.Animals.Insert(new Animal { Name = "Hen" }));
        var got = batch.Add(farm.Farm.Animals.Get(pig));
        await batch.ExecuteAsync();

        Assert.Contains(reason, (await Assert.ThrowsAsync<BatchResponseException>(() => hen)).Message, StringComparison.Ordinal);
        Assert.Equal("Pig", (await got).Name);
        Assert.Single(farm.Server.Batches.All);
    }

    [Fact]
    public async Task Cancelling_while_the_server_holds_the_answer_cancels_every_open_call()
    {
        await using var farm = await FarmFixture.StartAsync();
        string pig = farm.Server.AddAnimal("Pig");
        var release = new TaskCompletionSource();
        var reached = new TaskCompletionSource();
        farm.Server.Script.Enqueue(RequestKind.Batch, new ScriptedFault { Hold = release.Task, Reached = reached });
        using var cancel = new CancellationTokenSource();

        var batch = farm.Farm.Batch();
        var got = batch.Add(farm.Farm.Animals.Get(pig));
        var hen = batch.Add(farm.Farm.Animals.Insert(new Animal { Name = "Hen" }));
        var running = batch.ExecuteAsync(cancel.Token);
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        release.SetResult();
        Assert.True(got.IsCanceled);
        Assert.True(hen.IsCanceled);
        Assert.Single(farm.Server.Batches.All);
    }

    [Fact]
    public async Task Cancelling_between_requests_keeps_the_outcomes_already_in_and_sends_no_more()
    {
        using var cancel = new CancellationTokenSource();
        int asked = 0;
        await using var farm = await FarmFixture.StartAsync(token: _ =>
        {
            if (Interlocked.Increment(ref asked) == 2)
            {
                cancel.Cancel();
            }

            return new ValueTask<string?>("t");
        });
        string pig = farm.Server.AddAnimal("Pig");

        var batch = farm.Farm.Batch();
        batch.MaxCallsPerRequest = 2;
        var calls = Enumerable.Range(0, 4).Select(_ => batch.Add(farm.Farm.Animals.Get(pig))).ToList();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => batch.ExecuteAsync(cancel.Token));
        Assert.Equal("Pig", (await calls[0]).Name);
        Assert.Equal("Pig", (await calls[1]).Name);
        Assert.True(calls[2].IsCanceled);
        Assert.True(calls[3].IsCanceled);
        Assert.Single(farm.Server.Batches.All);
        Assert.Equal(2, farm.Server.Executed("GET"));
    }
}
