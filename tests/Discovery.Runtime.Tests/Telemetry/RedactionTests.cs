using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Discovery.Runtime.Tests.Infrastructure;
using Farm.Server;
using Farm.V1.Data;
using Xunit;

namespace Discovery.Runtime.Tests.Telemetry;

/// <summary>What listeners and loggers receive never holds a resource id, an upload session, an API key or a token.</summary>
public sealed class RedactionTests
{
    [Fact]
    public async Task No_id_session_key_or_token_reaches_a_tag_an_event_a_metric_or_a_log_message()
    {
        await using var t = await TelemetryFarm.StartAsync();
        var id = t.Fixture.Server.AddAnimal("Pig", TestData.Bytes(1000, 1));
        var data = TestData.Bytes((2 * TestData.Chunk) + 1, 2);
        t.Fixture.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault { Status = 503 }, new ScriptedFault { Expire = true });
        t.Fixture.Server.Script.Enqueue(RequestKind.Json, new ScriptedFault { Status = 500 });
        using var root = t.Recorder.Begin();
        var sessions = new List<Uri>();

        await t.Farm.Animals.Get(id).ExecuteAsync();
        await t.Farm.Animals.Get(id).DownloadAsync(System.IO.Stream.Null);
        var upload = t.Farm.Animals.Insert(new Animal { Name = "Cow" }, t.Fixture.Media.Create(MediaKind.File, data, resumable: true));
        upload.UploadSessionCreated += session => sessions.Add(session.SessionUri);
        var cow = await upload.ExecuteAsync();
        await Assert.ThrowsAsync<HttpError>(() => t.Farm.Animals.Get(id + "-gone").ExecuteAsync());
        await Assert.ThrowsAsync<HttpError>(() => t.Farm.Animals.Delete(cow.Id!).ExecuteAsync().ContinueWith(_ => t.Farm.Animals.Get(cow.Id!).ExecuteAsync()).Unwrap());

        // The secrets were really on the wire, so their absence below means something.
        Assert.Equal(2, sessions.Count);
        Assert.All(t.Fixture.Server.Requests.All, r => Assert.Equal("Bearer " + TelemetryFarm.Token, r.Authorization));
        Assert.Contains(t.Fixture.Server.Requests.All, r => r.PathAndQuery.Contains("key=" + TelemetryFarm.ApiKey, StringComparison.Ordinal));
        var secrets = new List<string> { id, cow.Id!, TelemetryFarm.ApiKey, TelemetryFarm.Token, "Bearer" };
        secrets.AddRange(sessions.Select(s => System.Web.HttpUtility.ParseQueryString(s.Query)["upload_id"]!));
        Assert.All(secrets, s => Assert.False(string.IsNullOrEmpty(s)));

        var seen = new List<string>();
        foreach (var call in t.Recorder.Calls)
        {
            seen.Add(call.DisplayName);
            seen.Add(call.StatusDescription ?? string.Empty);
            seen.AddRange(call.TagObjects.Select(tag => tag.Key + "=" + tag.Value));
            seen.AddRange(call.Events.SelectMany(e => e.Tags.Select(tag => e.Name + " " + tag.Key + "=" + tag.Value)));
        }

        seen.AddRange(t.Recorder.Measurements.SelectMany(m => m.Tags.Select(tag => m.Instrument + " " + tag.Key + "=" + tag.Value)));
        seen.AddRange(t.Logs.Entries.Select(e => e.AllText));
        Assert.Contains(seen, s => s.Contains("discovery.upload.restart", StringComparison.Ordinal));
        Assert.Contains(t.Logs.Entries, e => e.Event.Name == "UploadRestart");
        Assert.Contains(t.Logs.Entries, e => e.Event.Name == "UploadStatusQuery");
        Assert.Contains(t.Logs.Entries, e => e.Event.Name == "Retry");
        Assert.Equal(2, t.Logs.Entries.Count(e => e.Event.Name == "CallFailed"));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(seen, s => s.Contains(secret, StringComparison.Ordinal));
        }
    }
}
