using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Discovery.Runtime.Tests.Infrastructure;
using Farm.Server;
using Farm.V1.Data;
using Xunit;

namespace Discovery.Runtime.Tests.Telemetry;

/// <summary>
/// Traces and metrics of generated Farm calls as an OpenTelemetry exporter would receive them: one Client activity
/// per call, HttpClient's attempts under it, retry and recovery events, and the Discovery meter's instruments.
/// </summary>
public sealed class CallTelemetryTests
{
    private const int C = TestData.Chunk;

    [Fact]
    public async Task A_get_is_one_client_activity_named_by_its_method_id_with_http_client_tags_and_the_attempt_under_it()
    {
        await using var t = await TelemetryFarm.StartAsync();
        var id = t.Fixture.Server.AddAnimal("Pig");
        using var root = t.Recorder.Begin();

        var pig = await t.Farm.Animals.Get(id).ExecuteAsync();

        Assert.Equal("Pig", pig.Name);
        var call = Assert.Single(t.Recorder.Calls);
        Assert.Equal("farm.animals.get", call.DisplayName);
        Assert.Equal(ActivityKind.Client, call.Kind);
        Assert.Equal(root.SpanId, call.ParentSpanId);
        Assert.Equal("GET", call.GetTagItem("http.request.method"));
        Assert.Equal("127.0.0.1", call.GetTagItem("server.address"));
        Assert.Equal(t.Fixture.Server.RootUri.Port, call.GetTagItem("server.port"));
        Assert.Equal("/farm/v1/animals/{animalId}", call.GetTagItem("url.template"));
        Assert.Equal(200, call.GetTagItem("http.response.status_code"));
        Assert.Null(call.GetTagItem("http.request.resend_count"));
        Assert.Null(call.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, call.Status);

        var attempt = Assert.Single(t.Recorder.Activities, a => a.Source.Name == "System.Net.Http");
        Assert.Equal(call.SpanId, attempt.ParentSpanId);

        var duration = Assert.Single(t.Recorder.Of("discovery.client.call.duration"));
        Assert.Equal("farm.animals.get", duration["discovery.method.id"]);
        Assert.Equal("success", duration["discovery.call.outcome"]);
        Assert.Equal("GET", duration["http.request.method"]);
        Assert.Null(duration["error.type"]);
        Assert.InRange(duration.Value, 0, call.Duration.TotalSeconds + 1);
    }

    [Fact]
    public async Task The_synchronous_path_reports_the_same_call()
    {
        await using var t = await TelemetryFarm.StartAsync();
        var id = t.Fixture.Server.AddAnimal("Hen");
        using var root = t.Recorder.Begin();

        t.Farm.Animals.Get(id).Execute();

        var call = Assert.Single(t.Recorder.Calls);
        Assert.Equal("farm.animals.get", call.DisplayName);
        Assert.Equal(200, call.GetTagItem("http.response.status_code"));
        Assert.Equal(call.SpanId, Assert.Single(t.Recorder.Activities, a => a.Source.Name == "System.Net.Http").ParentSpanId);
    }

    [Fact]
    public async Task A_list_is_one_call_per_page_with_the_collection_template()
    {
        await using var t = await TelemetryFarm.StartAsync();
        t.Fixture.Server.AddAnimal("Pig");
        t.Fixture.Server.AddAnimal("Cow");
        using var root = t.Recorder.Begin();
        var list = t.Farm.Animals.List();
        list.MaxResults = 1;

        var names = new List<string?>();
        await foreach (var animal in list.ItemsAsync())
        {
            names.Add(animal.Name);
        }

        Assert.Equal(2, names.Count);
        var pages = t.Recorder.Calls;
        Assert.Equal(2, pages.Count);
        Assert.All(pages, page =>
        {
            Assert.Equal("farm.animals.list", page.DisplayName);
            Assert.Equal("/farm/v1/animals", page.GetTagItem("url.template"));
            Assert.Equal(200, page.GetTagItem("http.response.status_code"));
        });
        Assert.Equal(2, t.Recorder.Of("discovery.client.call.duration").Count(m => (string?)m["discovery.method.id"] == "farm.animals.list"));
    }

    [Fact]
    public async Task A_resumable_upload_through_faults_is_one_call_with_retry_and_recovery_events()
    {
        await using var t = await TelemetryFarm.StartAsync();
        var data = TestData.Bytes((2 * C) + 5, 31);

        // The first chunk fails (retry after a status query), its re-send finds the session expired (restart).
        t.Fixture.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault { Status = 503 }, new ScriptedFault { Expire = true });
        using var root = t.Recorder.Begin();

        var pig = await t.Farm.Animals.Insert(new Animal { Name = "Pig" }, t.Fixture.Media.Create(MediaKind.InMemory, data, resumable: true)).ExecuteAsync();

        Assert.Equal(TestData.Sha(data), pig.PictureSha256);
        var call = Assert.Single(t.Recorder.Calls);
        Assert.Equal("farm.animals.insert", call.DisplayName);
        Assert.Equal("POST", call.GetTagItem("http.request.method"));
        Assert.Equal("/upload/farm/v1/animals", call.GetTagItem("url.template"));
        Assert.Equal(200, call.GetTagItem("http.response.status_code"));
        Assert.Equal(1, call.GetTagItem("http.request.resend_count"));
        Assert.Equal(ActivityStatusCode.Unset, call.Status);

        var events = call.Events.ToList();
        Assert.Equal(new[] { "discovery.retry", "discovery.upload.status_query", "discovery.upload.restart" }, events.Select(e => e.Name));
        var retry = events[0].Tags.ToDictionary(x => x.Key, x => x.Value);
        Assert.Equal("503", retry["error.type"]);
        Assert.Equal(1, retry["discovery.retry.attempt"]);
        Assert.Equal(0L, events[1].Tags.Single(x => x.Key == "discovery.upload.offset").Value);
        Assert.Equal("404", events[2].Tags.Single(x => x.Key == "error.type").Value);

        // Every protocol request (initiations, chunks, the status query) is an HttpClient activity under the one call.
        var attempts = t.Recorder.Activities.Where(a => a.Source.Name == "System.Net.Http").ToList();
        Assert.Equal(t.Fixture.Server.Requests.All.Count, attempts.Count);
        Assert.All(attempts, a => Assert.Equal(call.SpanId, a.ParentSpanId));

        var retries = Assert.Single(t.Recorder.Of("discovery.client.retries"));
        Assert.Equal("503", retries["discovery.retry.reason"]);
        Assert.Equal("farm.animals.insert", retries["discovery.method.id"]);

        // Sent: each chunk the server answered, so the first chunk three times (503, expired, after the restart).
        var sent = t.Recorder.Of("discovery.client.media.sent").Sum(m => m.Value);
        Assert.Equal(data.Length + (2 * C), sent);
        Assert.Equal("success", Assert.Single(t.Recorder.Of("discovery.client.call.duration"))["discovery.call.outcome"]);
    }

    [Fact]
    public async Task A_single_request_upload_counts_the_media_bytes_of_every_attempt()
    {
        await using var t = await TelemetryFarm.StartAsync();
        var data = TestData.Bytes(70_000, 32);
        var id = t.Fixture.Server.AddAnimal("Cow");
        t.Fixture.Server.Script.Enqueue(RequestKind.MultipartUpload, new ScriptedFault { Status = 500 });
        using var root = t.Recorder.Begin();

        // An update is a PUT, so its single-request upload is retried (an insert's POST is not, by default).
        await t.Farm.Animals.Update(new Animal { Name = "Cow" }, id, t.Fixture.Media.Create(MediaKind.File, data, resumable: false)).ExecuteAsync();

        var call = Assert.Single(t.Recorder.Calls);
        Assert.Equal("farm.animals.update", call.DisplayName);
        Assert.Equal("/upload/farm/v1/animals/{animalId}", call.GetTagItem("url.template"));
        Assert.Equal(1, call.GetTagItem("http.request.resend_count"));
        Assert.Equal("500", Assert.Single(call.Events).Tags.Single(x => x.Key == "error.type").Value);
        Assert.Equal(2 * data.Length, t.Recorder.Of("discovery.client.media.sent").Sum(m => m.Value));
    }

    [Fact]
    public async Task A_download_through_a_dropped_connection_is_one_call_counting_every_byte_received()
    {
        await using var t = await TelemetryFarm.StartAsync();
        var data = TestData.Bytes(150_000, 33);
        var id = t.Fixture.Server.AddAnimal("Pig", data);
        t.Fixture.Server.Script.Enqueue(RequestKind.Download, new ScriptedFault { AbortAfterBytes = 40_000 });
        using var root = t.Recorder.Begin();
        using var destination = new MemoryStream();

        await t.Farm.Animals.Get(id).DownloadAsync(destination);

        Assert.Equal(TestData.Sha(data), TestData.Sha(destination.ToArray()));
        var call = Assert.Single(t.Recorder.Calls);
        Assert.Equal("farm.animals.get", call.DisplayName);
        Assert.Equal(1, call.GetTagItem("http.request.resend_count"));
        Assert.Equal("discovery.retry", Assert.Single(call.Events).Name);
        Assert.Equal(data.Length, t.Recorder.Of("discovery.client.media.received").Sum(m => m.Value));
    }

    [Fact]
    public async Task A_failing_call_has_status_error_and_the_status_code_as_error_type()
    {
        await using var t = await TelemetryFarm.StartAsync();
        using var root = t.Recorder.Begin();

        var error = await Assert.ThrowsAsync<HttpError>(() => t.Farm.Animals.Get("no-such-animal").ExecuteAsync());

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        var call = Assert.Single(t.Recorder.Calls);
        Assert.Equal(ActivityStatusCode.Error, call.Status);
        Assert.Equal("404", call.StatusDescription);
        Assert.Equal("404", call.GetTagItem("error.type"));
        Assert.Equal(404, call.GetTagItem("http.response.status_code"));
        var duration = Assert.Single(t.Recorder.Of("discovery.client.call.duration"));
        Assert.Equal("error", duration["discovery.call.outcome"]);
        Assert.Equal("404", duration["error.type"]);
        var failure = Assert.Single(t.Logs.Entries);
        Assert.Equal("CallFailed", failure.Event.Name);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, failure.Level);
        Assert.Equal("farm.animals.get /farm/v1/animals/{animalId} failed with 404 (reason: notFound) after 0 retries", failure.Message);
    }

    [Fact]
    public async Task A_call_that_spends_its_retries_reports_every_resend_and_fails_with_the_last_status()
    {
        await using var t = await TelemetryFarm.StartAsync();
        var id = t.Fixture.Server.AddAnimal("Pig");
        var faults = Enumerable.Repeat(new ScriptedFault { Status = 503 }, 6).ToArray();
        t.Fixture.Server.Script.Enqueue(RequestKind.Json, faults);
        using var root = t.Recorder.Begin();

        await Assert.ThrowsAsync<HttpError>(() => t.Farm.Animals.Get(id).ExecuteAsync());

        var call = Assert.Single(t.Recorder.Calls);
        Assert.Equal(ActivityStatusCode.Error, call.Status);
        Assert.Equal("503", call.GetTagItem("error.type"));
        Assert.Equal(5, call.GetTagItem("http.request.resend_count"));
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, call.Events.Select(e => (int)e.Tags.Single(x => x.Key == "discovery.retry.attempt").Value!));
        Assert.Equal(6, t.Recorder.Activities.Count(a => a.Source.Name == "System.Net.Http" && a.ParentSpanId == call.SpanId));
        Assert.Equal(5, t.Recorder.Of("discovery.client.retries").Sum(m => m.Value));
        Assert.Equal(5, t.Logs.Entries.Count(e => e.Event.Name == "Retry"));
        Assert.Equal("farm.animals.get /farm/v1/animals/{animalId}: attempt 1 failed with 503; retrying in 10 ms", t.Logs.Entries[0].Message);
    }

    [Fact]
    public async Task A_batch_is_one_client_activity_over_its_requests_with_its_call_counts_and_its_follow_up_round()
    {
        await using var t = await TelemetryFarm.StartAsync();
        var id = t.Fixture.Server.AddAnimal("Pig");
        t.Fixture.Server.Script.Enqueue(RequestKind.Json, new ScriptedFault { Status = 503 });
        using var root = t.Recorder.Begin();

        var batch = t.Farm.Batch();
        var first = batch.Add(t.Farm.Animals.Get(id));
        var second = batch.Add(t.Farm.Animals.Get(id));
        var missing = batch.Add(t.Farm.Animals.Get("no-such-animal"));
        await batch.ExecuteAsync();

        Assert.Equal("Pig", (await first).Name);
        Assert.Equal("Pig", (await second).Name);
        await Assert.ThrowsAsync<HttpError>(() => missing);
        var call = Assert.Single(t.Recorder.Calls);
        Assert.Equal("batch", call.DisplayName);
        Assert.Equal(root.SpanId, call.ParentSpanId);
        Assert.Equal("POST", call.GetTagItem("http.request.method"));
        Assert.Equal("/batch/farm/v1", call.GetTagItem("url.template"));
        Assert.Equal(3, call.GetTagItem("discovery.batch.calls"));
        Assert.Equal(1, call.GetTagItem("discovery.batch.failed_calls"));
        Assert.Equal(1, call.GetTagItem("http.request.resend_count"));
        var retry = Assert.Single(call.Events);
        Assert.Equal("503", retry.Tags.Single(x => x.Key == "error.type").Value);
        Assert.Equal(2, t.Recorder.Activities.Count(a => a.Source.Name == "System.Net.Http" && a.ParentSpanId == call.SpanId));
        Assert.Equal("batch", Assert.Single(t.Recorder.Of("discovery.client.call.duration"))["discovery.method.id"]);
    }
}
