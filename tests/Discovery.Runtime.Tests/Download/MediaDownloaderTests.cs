using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Discovery.Runtime.Tests.Infrastructure;
using Farm.Server;
using Xunit;

namespace Discovery.Runtime.Tests.Download;

/// <summary>Ranged media downloads through the generated <c>animals.get</c>, judged by the Range of every request the server saw.</summary>
public sealed class MediaDownloaderTests
{
    private const int Chunk = 100_000;

    private static async Task<(FarmFixture Fixture, string Id)> StartAsync(byte[] picture)
    {
        var f = await FarmFixture.StartAsync(downloadChunkSize: Chunk);
        return (f, f.Server.AddAnimal("Pig", picture));
    }

    private static string[] Ranges(FarmFixture f) => f.Server.Requests.Of(RequestKind.Download).Select(r => r.Range ?? "(none)").ToArray();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100_000)]
    [InlineData(250_001)]
    public async Task Media_arrives_in_ranged_chunks_byte_exact(int size)
    {
        var data = TestData.Bytes(size, size);
        var (f, id) = await StartAsync(data);
        await using var _ = f;
        using var destination = new MemoryStream();
        var reports = new List<DownloadProgress>();

        await f.Farm.Animals.Get(id).DownloadAsync(destination, reports.Add);

        Assert.Equal(TestData.Sha(data), TestData.Sha(destination.ToArray()));
        Assert.Equal(DownloadStatus.Completed, reports[^1].Status);
        var expected = Enumerable.Range(0, Math.Max(1, (size + Chunk - 1) / Chunk)).Select(i => $"bytes={i * Chunk}-{((i + 1) * Chunk) - 1}");
        Assert.Equal(expected, Ranges(f));
        Assert.All(f.Server.Requests.All, r => Assert.Contains("alt=media", r.PathAndQuery, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fault_mid_body_resumes_from_the_last_byte_received()
    {
        var data = TestData.Bytes(350_000, 2);
        var (f, id) = await StartAsync(data);
        await using var _ = f;
        f.Server.Script.Enqueue(RequestKind.Download, new ScriptedFault(), new ScriptedFault { AbortAfterBytes = 30_000 }, new ScriptedFault { Status = 503 });
        using var destination = new MemoryStream();

        await f.Farm.Animals.Get(id).DownloadAsync(destination);

        Assert.Equal(TestData.Sha(data), TestData.Sha(destination.ToArray()));

        // The cut after 30,000 bytes of the second range is asked for again from byte 130,000, not from its start.
        Assert.Equal(
            new[] { "bytes=0-99999", "bytes=100000-199999", "bytes=130000-229999", "bytes=130000-229999", "bytes=230000-329999", "bytes=330000-429999" },
            Ranges(f));
        Assert.Equal(2, f.Time.Delays.Count);

        // Every range after the first is pinned to the version the first one came from.
        var tag = "\"" + TestData.Sha(data) + "\"";
        Assert.Equal([null, tag, tag, tag, tag, tag], f.Server.Requests.Of(RequestKind.Download).Select(r => r.IfRange));
    }

    [Fact]
    public async Task A_server_that_ignores_Range_still_yields_the_exact_bytes()
    {
        var data = TestData.Bytes(250_000, 3);
        var (f, id) = await StartAsync(data);
        await using var _ = f;
        f.Server.Script.Enqueue(RequestKind.Download, new ScriptedFault(), new ScriptedFault { IgnoreRange = true });
        using var destination = new MemoryStream();

        await Task.Run(() => f.Farm.Animals.Get(id).Download(destination));

        Assert.Equal(TestData.Sha(data), TestData.Sha(destination.ToArray()));
        Assert.Equal(new[] { 206, 200 }, f.Server.Requests.Of(RequestKind.Download).Select(r => r.Status));
    }

    [Fact]
    public async Task A_fatal_status_surfaces_as_HttpError()
    {
        var (f, id) = await StartAsync(TestData.Bytes(10, 1));
        await using var _ = f;
        f.Server.Script.Enqueue(RequestKind.Download, new ScriptedFault { Status = 403, Reason = "forbidden" });

        var error = await Assert.ThrowsAsync<HttpError>(() => f.Farm.Animals.Get(id).DownloadAsync(new MemoryStream()));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Single(f.Server.Requests.All);
    }

    [Fact]
    public async Task Media_that_changes_mid_download_fails_instead_of_splicing_two_versions()
    {
        var first = TestData.Bytes(250_001, 8);
        var (f, id) = await StartAsync(first);
        await using var _ = f;
        f.Server.Script.Enqueue(RequestKind.Download, new ScriptedFault { ReplaceMediaAfter = TestData.Bytes(250_001, 9) });
        using var destination = new MemoryStream();

        var error = await Assert.ThrowsAsync<HttpError>(() => f.Farm.Animals.Get(id).DownloadAsync(destination));

        Assert.Contains("changed on the server", error.Message, StringComparison.Ordinal);
        Assert.Equal(first.Take(Chunk), destination.ToArray());
        Assert.Equal(new[] { "bytes=0-99999", "bytes=100000-199999" }, Ranges(f));
    }
}
