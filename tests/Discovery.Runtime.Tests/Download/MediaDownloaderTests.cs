using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Discovery.Runtime.Tests.Farm;
using Discovery.Runtime.Tests.Infrastructure;
using Xunit;

namespace Discovery.Runtime.Tests.Download;

public sealed class MediaDownloaderTests
{
    private static async Task<FarmFixture> StartAsync(byte[] content, int chunk = 100_000)
    {
        var f = await FarmFixture.StartAsync(downloadChunkSize: chunk);
        f.Server.DownloadContent = content;
        return f;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100_000)]
    [InlineData(250_001)]
    public async Task Media_arrives_in_ranged_chunks_byte_exact(int size)
    {
        var data = TestData.Bytes(size, size);
        await using var f = await StartAsync(data);
        using var destination = new MemoryStream();
        var reports = new List<DownloadProgress>();

        await f.Farm.Animals.Get("a1").DownloadAsync(destination, reports.Add);

        Assert.Equal(TestData.Sha(data), TestData.Sha(destination.ToArray()));
        Assert.Equal(DownloadStatus.Completed, reports[^1].Status);
        Assert.Equal(Math.Max(1, (size + 99_999) / 100_000), f.Server.Requests.Count);
        Assert.All(f.Server.Requests, r => Assert.Contains("alt=media", r.PathAndQuery, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fault_mid_body_resumes_from_the_last_byte_received()
    {
        var data = TestData.Bytes(350_000, 2);
        await using var f = await StartAsync(data);
        f.Server.DownloadFaults.Enqueue(new Fault());
        f.Server.DownloadFaults.Enqueue(new Fault { AbortAfterBytes = 30_000 });
        f.Server.DownloadFaults.Enqueue(new Fault { Status = 503 });
        using var destination = new MemoryStream();

        await f.Farm.Animals.Get("a1").DownloadAsync(destination);

        Assert.Equal(TestData.Sha(data), TestData.Sha(destination.ToArray()));
        Assert.Equal(6, f.Server.Requests.Count);
        Assert.Equal(2, f.Time.Delays.Count);
    }

    [Fact]
    public async Task A_server_that_ignores_Range_still_yields_the_exact_bytes()
    {
        var data = TestData.Bytes(250_000, 3);
        await using var f = await StartAsync(data);
        f.Server.DownloadFaults.Enqueue(new Fault());
        f.Server.DownloadFaults.Enqueue(new Fault { IgnoreRange = true });
        using var destination = new MemoryStream();

        await Task.Run(() => f.Farm.Animals.Get("a1").Download(destination));

        Assert.Equal(TestData.Sha(data), TestData.Sha(destination.ToArray()));
    }

    [Fact]
    public async Task A_fatal_status_surfaces_as_HttpError()
    {
        await using var f = await StartAsync(TestData.Bytes(10, 1));
        f.Server.DownloadFaults.Enqueue(new Fault { Status = 403, Reason = "forbidden" });

        var error = await Assert.ThrowsAsync<HttpError>(() => f.Farm.Animals.Get("a1").DownloadAsync(new MemoryStream()));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task Media_that_changes_mid_download_fails_instead_of_splicing_two_versions()
    {
        var first = TestData.Bytes(250_001, 8);
        await using var f = await StartAsync(first);
        f.Server.NextDownloadContent = TestData.Bytes(250_001, 9);
        using var destination = new MemoryStream();

        var error = await Assert.ThrowsAsync<HttpError>(() => f.Farm.Animals.Get("a1").DownloadAsync(destination));

        Assert.Contains("changed on the server", error.Message, StringComparison.Ordinal);
        Assert.Equal(first.Take(100_000), destination.ToArray());
        Assert.Equal(2, f.Server.Requests.Count);
    }
}
