using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Discovery.Runtime.Tests.Infrastructure;
using Farm.Server;
using Xunit;
using static Discovery.Runtime.Tests.Infrastructure.UploadProtocols;

namespace Discovery.Runtime.Tests.Integrity;

/// <summary>Downloads checked against the server's X-Goog-Hash across every range, through the generated <c>animals.get</c>.</summary>
public sealed class DownloadChecksumTests
{
    private const int Chunk = 100_000;

    private static async Task<(FarmFixture Fixture, string Id, byte[] Data)> StartAsync(int size = 350_000)
    {
        var f = await FarmFixture.StartAsync(downloadChunkSize: Chunk);
        var data = TestData.Bytes(size, size);
        return (f, f.Server.AddAnimal("Pig", data), data);
    }

    [Theory]
    [InlineData(MediaChecksum.Crc32C)]
    [InlineData(MediaChecksum.Md5)]
    [InlineData(MediaChecksum.Crc32C | MediaChecksum.Md5)]
    public async Task A_download_resumed_over_several_ranges_is_verified_as_a_whole(MediaChecksum checksum)
    {
        var (f, id, data) = await StartAsync();
        await using var _ = f;
        f.Server.Script.Enqueue(RequestKind.Download, new ScriptedFault(), new ScriptedFault { AbortAfterBytes = 30_000 }, new ScriptedFault { Status = 503 });
        using var destination = new MemoryStream();
        var reports = new List<DownloadProgress>();
        var get = f.Farm.Animals.Get(id);
        get.Checksum = checksum;

        await get.DownloadAsync(destination, reports.Add);

        Assert.Equal(data, destination.ToArray());
        Assert.True(f.Server.Requests.Of(RequestKind.Download).Count() > 4);
        Assert.Equal((DownloadStatus.Completed, ChecksumStatus.Verified), (reports[^1].Status, reports[^1].Checksum));
        if ((checksum & MediaChecksum.Crc32C) != 0)
        {
            Assert.Contains("crc32c " + Crc(data), reports[^1].ChecksumDetail, StringComparison.Ordinal);
        }

        if ((checksum & MediaChecksum.Md5) != 0)
        {
            Assert.Contains("md5 " + Convert.ToBase64String(MD5.HashData(data)), reports[^1].ChecksumDetail, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(MediaChecksum.Crc32C, "crc32c")]
    [InlineData(MediaChecksum.Md5, "md5")]
    public async Task A_byte_changed_in_transit_ends_in_MediaIntegrityException_saying_what_the_stream_got(MediaChecksum checksum, string algorithm)
    {
        var (f, id, data) = await StartAsync();
        await using var _ = f;
        f.Server.Script.Enqueue(RequestKind.Download, new ScriptedFault(), new ScriptedFault { CorruptInTransit = true });
        using var destination = new MemoryStream();
        var reports = new List<DownloadProgress>();
        var get = f.Farm.Animals.Get(id);
        get.Checksum = checksum;

        var error = await Assert.ThrowsAsync<MediaIntegrityException>(() => get.DownloadAsync(destination, reports.Add));

        Assert.False(error.IsUpload);
        Assert.Equal((algorithm, data.Length, "GET"), (error.Algorithm, error.BytesTransferred, error.RequestMethod));
        Assert.Equal(data.Length, destination.Length);
        Assert.NotEqual(error.ComputedValue, error.ReportedValue);
        Assert.Contains($"{data.Length} bytes written to the destination", error.Message, StringComparison.Ordinal);
        Assert.Equal((DownloadStatus.Failed, ChecksumStatus.Unverifiable), (reports[^1].Status, reports[^1].Checksum));
    }

    [Fact]
    public async Task A_body_the_server_decompressed_is_not_validated_and_the_progress_says_so()
    {
        var (f, id, data) = await StartAsync();
        await using var _ = f;
        f.Server.Script.Enqueue(RequestKind.Download, new ScriptedFault { ServeDecompressed = true });
        using var destination = new MemoryStream();
        var reports = new List<DownloadProgress>();

        await f.Farm.Animals.Get(id).DownloadAsync(destination, reports.Add);

        Assert.Equal(data, destination.ToArray());
        Assert.Equal((DownloadStatus.Completed, ChecksumStatus.Unverifiable), (reports[^1].Status, reports[^1].Checksum));
        Assert.Contains("214", reports[^1].ChecksumDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_checksums_off_nothing_is_compared()
    {
        var (f, id, data) = await StartAsync();
        await using var _ = f;
        f.Server.Script.Enqueue(RequestKind.Download, new ScriptedFault { CorruptInTransit = true });
        using var destination = new MemoryStream();
        var reports = new List<DownloadProgress>();
        var get = f.Farm.Animals.Get(id);
        get.Checksum = MediaChecksum.None;

        await get.DownloadAsync(destination, reports.Add);

        Assert.NotEqual(data, destination.ToArray());
        Assert.Equal((DownloadStatus.Completed, ChecksumStatus.Disabled), (reports[^1].Status, reports[^1].Checksum));
    }

    [Fact]
    public async Task A_server_that_ignores_Range_mid_download_is_still_verified_over_the_bytes_written()
    {
        var (f, id, data) = await StartAsync();
        await using var _ = f;
        f.Server.Script.Enqueue(RequestKind.Download, new ScriptedFault(), new ScriptedFault { IgnoreRange = true });
        using var destination = new MemoryStream();
        var reports = new List<DownloadProgress>();

        await f.Farm.Animals.Get(id).DownloadAsync(destination, reports.Add);

        Assert.Equal(data, destination.ToArray());
        Assert.Equal(ChecksumStatus.Verified, reports[^1].Checksum);
    }
}
