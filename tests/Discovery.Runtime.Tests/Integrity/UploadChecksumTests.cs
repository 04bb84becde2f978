using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Discovery.Runtime.Tests.Infrastructure;
using Farm.Server;
using Farm.V1.Data;
using Xunit;
using static Discovery.Runtime.Tests.Infrastructure.UploadProtocols;

namespace Discovery.Runtime.Tests.Integrity;

/// <summary>CRC32C (and MD5) on uploads, judged by what the Farm server received in X-Goog-Hash and what it stored.</summary>
public sealed class UploadChecksumTests
{
    private const int C = TestData.Chunk;

    public static TheoryData<Protocol, MediaKind, int> Everything()
    {
        var data = new TheoryData<Protocol, MediaKind, int>();
        foreach (var protocol in Enum.GetValues<Protocol>())
        {
            foreach (var kind in Enum.GetValues<MediaKind>())
            {
                data.Add(protocol, kind, 0);
                data.Add(protocol, kind, (3 * C) + 17);
            }
        }

        return data;
    }

    private static bool SendsHeader(Protocol protocol, MediaKind kind) => protocol == Protocol.Resumable || kind != MediaKind.NonSeekableStream;

    [Theory]
    [MemberData(nameof(Everything))]
    public async Task Every_protocol_and_media_kind_sends_the_crc32c_on_the_completing_request_and_verifies_the_stored_object(Protocol protocol, MediaKind kind, int size)
    {
        await using var f = await FarmFixture.StartAsync();
        var data = TestData.Bytes(size, size + (int)kind);
        var (request, reports) = Request(f, protocol, kind, data);

        var animal = await request.ExecuteAsync();

        Assert.Equal(TestData.Sha(data), animal.PictureSha256);
        Assert.Equal(Crc(data), animal.Crc32c);
        Assert.Equal(SendsHeader(protocol, kind) ? "crc32c=" + Crc(data) : null, Completing(f).GoogHash);
        Assert.All(f.Server.Requests.All.Where(r => r != Completing(f)), r => Assert.Null(r.GoogHash));
        var last = reports[^1];
        Assert.Equal((UploadStatus.Completed, ChecksumStatus.Verified), (last.Status, last.Checksum));
        Assert.Contains(Crc(data), last.ChecksumDetail, StringComparison.Ordinal);
    }

    public static TheoryData<Protocol, MediaKind> Faulted() => new()
    {
        { Protocol.Resumable, MediaKind.File }, { Protocol.Resumable, MediaKind.NonSeekableStream }, { Protocol.Resumable, MediaKind.SeekableStream }, { Protocol.Resumable, MediaKind.InMemory },
        { Protocol.Media, MediaKind.File }, { Protocol.Multipart, MediaKind.InMemory }, { Protocol.Multipart, MediaKind.SeekableStream },
    };

    [Theory]
    [MemberData(nameof(Faulted))]
    public async Task Bytes_sent_again_after_faults_are_hashed_once(Protocol protocol, MediaKind kind)
    {
        await using var f = await FarmFixture.StartAsync();
        var data = TestData.Bytes((3 * C) + 99, 21);
        var kindOfRequest = protocol switch { Protocol.Resumable => RequestKind.Chunk, Protocol.Media => RequestKind.MediaUpload, _ => RequestKind.MultipartUpload };
        if (protocol == Protocol.Resumable)
        {
            f.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault(), new ScriptedFault { AbortAfterBytes = 100_000 }, new ScriptedFault { PersistOnly = 7 }, new ScriptedFault { Status = 503 }, new ScriptedFault { PersistThenFail = true, Status = 500 });
        }
        else
        {
            // A dropped connection leaves a POST's outcome unknown, so only the idempotent PUT of media is sent again after one.
            var first = protocol == Protocol.Media ? new ScriptedFault { AbortAfterBytes = 100_000 } : new ScriptedFault { Status = 429 };
            f.Server.Script.Enqueue(kindOfRequest, first, new ScriptedFault { Status = 503 });
        }

        var (request, reports) = Request(f, protocol, kind, data);
        var animal = await request.ExecuteAsync();

        Assert.Equal(TestData.Sha(data), animal.PictureSha256);
        Assert.Equal("crc32c=" + Crc(data), Completing(f).GoogHash);
        Assert.Equal(ChecksumStatus.Verified, reports[^1].Checksum);
        Assert.True(f.Server.Requests.All.Count(r => r.Kind == kindOfRequest) > (protocol == Protocol.Resumable ? 4 : 2));
    }

    [Theory]
    [MemberData(nameof(Everything))]
    public async Task A_server_that_stores_other_bytes_ends_in_MediaIntegrityException(Protocol protocol, MediaKind kind, int size)
    {
        await using var f = await FarmFixture.StartAsync();
        var data = TestData.Bytes(size, 3);
        if (size == 0)
        {
            // Nothing to change in an empty object.
            return;
        }

        var kindOfRequest = protocol switch { Protocol.Resumable => RequestKind.Chunk, Protocol.Media => RequestKind.MediaUpload, _ => RequestKind.MultipartUpload };
        var faults = Enumerable.Repeat(new ScriptedFault(), protocol == Protocol.Resumable ? 3 : 0).Append(new ScriptedFault { CorruptStored = true }).ToArray();
        f.Server.Script.Enqueue(kindOfRequest, faults);
        var (request, reports) = Request(f, protocol, kind, data);

        var error = await Assert.ThrowsAsync<MediaIntegrityException>(() => request.ExecuteAsync());

        string stored = f.Server.Uploads.All.Single().Sha256;
        Assert.NotEqual(TestData.Sha(data), stored);
        Assert.True(error.IsUpload);
        Assert.Equal(("crc32c", Crc(data), size), (error.Algorithm, error.ComputedValue, error.BytesTransferred));
        Assert.NotEqual(Crc(data), error.ReportedValue);
        Assert.Equal(protocol == Protocol.Resumable ? "PUT" : request.HttpMethod, error.RequestMethod);
        Assert.Contains("exists on the server with the wrong content", error.Message, StringComparison.Ordinal);
        Assert.Equal((UploadStatus.Failed, ChecksumStatus.Unverifiable), (reports[^1].Status, reports[^1].Checksum));
    }

    [Theory]
    [InlineData(Protocol.Media)]
    [InlineData(Protocol.Multipart)]
    [InlineData(Protocol.Resumable)]
    public async Task Media_that_reads_back_other_bytes_is_refused_by_the_server_and_reported_without_a_retry(Protocol protocol)
    {
        await using var f = await FarmFixture.StartAsync();
        var data = TestData.Bytes((2 * C) + 100, 4);
        var media = new ChangingMedia(data, flipAt: (2 * C) + 50, protocol == Protocol.Resumable);
        MediaUploadRequest<Animal> request = protocol == Protocol.Media
            ? f.Farm.Animals.Update(null!, f.Server.AddAnimal("Cow"), media)
            : f.Farm.Animals.Insert(new Animal(), media);

        var error = await Assert.ThrowsAsync<HttpError>(() => request.ExecuteAsync());

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("Provided CRC32C", error.Message, StringComparison.Ordinal);
        Assert.Contains("X-Goog-Hash: crc32c=" + Crc(data), error.Message, StringComparison.Ordinal);
        Assert.Contains("MediaChecksum.None", error.Message, StringComparison.Ordinal);
        Assert.Empty(f.Server.Uploads.All);
        Assert.Single(f.Server.Requests.All, r => r.GoogHash is not null);
        Assert.Empty(f.Time.Delays);
    }

    [Fact]
    public async Task A_seekable_upload_resumed_in_a_new_process_rehashes_the_confirmed_prefix_and_says_what_it_cost()
    {
        await using var f = await FarmFixture.StartAsync();
        var data = TestData.Bytes((3 * C) + 1234, 14);
        string path = f.Media.File(data);
        var first = f.Farm.Animals.Insert(new Animal(), new MediaFileUpload(path, chunkSize: C, resumable: true));
        await first.NextChunkAsync();
        await first.NextChunkAsync();
        string saved = first.UploadSession!.ToJson();

        using var secondProcess = FarmFixture.NewClient(f.Server, f.Time);
        var resumed = secondProcess.Animals.Insert(new Animal(), new MediaFileUpload(path, chunkSize: C, resumable: true));
        var reports = new List<UploadProgress>();
        resumed.ProgressChanged += reports.Add;
        var animal = await resumed.ResumeAsync(UploadSessionData.FromJson(saved));

        Assert.Equal(TestData.Sha(data), animal.PictureSha256);
        Assert.Equal("crc32c=" + Crc(data), Completing(f).GoogHash);
        Assert.Equal(ChecksumStatus.Verified, reports[^1].Checksum);

        // The confirmed prefix, then the final chunk (hashed before its request carries the header).
        Assert.Equal((2 * C) + (data.Length - (3 * C)), reports[^1].ChecksumReadBytes);
    }

    [Fact]
    public async Task A_forward_only_upload_resumed_in_a_new_process_sends_no_checksum_and_says_so()
    {
        await using var f = await FarmFixture.StartAsync();
        var data = TestData.Bytes((3 * C) + 1234, 15);
        var first = f.Farm.Animals.Insert(new Animal(), new MediaStreamUpload(new NonSeekableStream(data), "image/png", C, resumable: true));
        await first.NextChunkAsync();
        string saved = first.UploadSession!.ToJson();

        using var secondProcess = FarmFixture.NewClient(f.Server, f.Time);
        var resumed = secondProcess.Animals.Insert(new Animal(), new MediaStreamUpload(new NonSeekableStream(data), "image/png", C, resumable: true));
        var reports = new List<UploadProgress>();
        resumed.ProgressChanged += reports.Add;
        var animal = await resumed.ResumeAsync(UploadSessionData.FromJson(saved));

        Assert.Equal(TestData.Sha(data), animal.PictureSha256);
        Assert.All(f.Server.Requests.All, r => Assert.Null(r.GoogHash));
        Assert.Equal((UploadStatus.Completed, ChecksumStatus.Unverifiable), (reports[^1].Status, reports[^1].Checksum));
        Assert.Contains("forward-only", reports[^1].ChecksumDetail, StringComparison.Ordinal);
        Assert.Contains(reports, r => r.Status == UploadStatus.Uploading && r.Checksum == ChecksumStatus.Unverifiable);
    }

    [Fact]
    public async Task A_forward_only_upload_resumed_in_the_same_process_after_a_fault_still_sends_the_checksum()
    {
        await using var f = await FarmFixture.StartAsync(retry: FarmFixture.FastRetry(attempts: 1));
        var data = TestData.Bytes((2 * C) + 5, 16);
        f.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault(), new ScriptedFault { AbortAfterBytes = 1000 });
        var request = f.Farm.Animals.Insert(new Animal(), f.Media.Create(MediaKind.NonSeekableStream, data, resumable: true));

        await Assert.ThrowsAnyAsync<Exception>(() => request.ExecuteAsync());
        var animal = await request.ExecuteAsync();

        Assert.Equal(TestData.Sha(data), animal.PictureSha256);
        Assert.Equal("crc32c=" + Crc(data), Completing(f).GoogHash);
    }

    [Theory]
    [InlineData(Protocol.Media)]
    [InlineData(Protocol.Resumable)]
    public async Task Checksums_can_be_turned_off_per_request_and_per_service(Protocol protocol)
    {
        await using var f = await FarmFixture.StartAsync();
        var data = TestData.Bytes(C + 3, 17);
        var (request, reports) = Request(f, protocol, MediaKind.File, data, MediaChecksum.None);
        await request.ExecuteAsync();

        using var quiet = new Farm.V1.FarmService(new ServiceOptions { RootUri = f.Server.RootUri, Checksum = MediaChecksum.None });
        var viaService = quiet.Animals.Insert(new Animal(), f.Media.Create(MediaKind.File, data, protocol == Protocol.Resumable));
        var serviceReports = new List<UploadProgress>();
        viaService.ProgressChanged += serviceReports.Add;
        await viaService.ExecuteAsync();

        Assert.All(f.Server.Requests.All, r => Assert.Null(r.GoogHash));
        Assert.Equal(ChecksumStatus.Disabled, reports[^1].Checksum);
        Assert.Equal(ChecksumStatus.Disabled, serviceReports[^1].Checksum);
    }

    [Theory]
    [InlineData(Protocol.Multipart, MediaKind.File)]
    [InlineData(Protocol.Resumable, MediaKind.NonSeekableStream)]
    [InlineData(Protocol.Resumable, MediaKind.File)]
    public async Task Md5_is_sent_and_verified_when_asked_for(Protocol protocol, MediaKind kind)
    {
        await using var f = await FarmFixture.StartAsync();
        var data = TestData.Bytes((2 * C) + 11, 18);
        var (request, reports) = Request(f, protocol, kind, data, MediaChecksum.Crc32C | MediaChecksum.Md5);

        var animal = await request.ExecuteAsync();

        string md5 = Convert.ToBase64String(MD5.HashData(data));
        Assert.Equal($"crc32c={Crc(data)},md5={md5}", Completing(f).GoogHash);
        Assert.Equal(md5, animal.Md5Hash);
        Assert.Equal(ChecksumStatus.Verified, reports[^1].Checksum);
    }

    /// <summary>Seekable media that returns a changed byte once a position has been read before, as a buggy subclass might.</summary>
    private sealed class ChangingMedia(byte[] data, int flipAt, bool resumable) : MediaUpload("application/octet-stream", C, resumable)
    {
        private bool _readOnce;

        public override long? Length => data.Length;

        public override bool CanReadAt => true;

        public override ValueTask<int> ReadAsync(long position, Memory<byte> buffer, CancellationToken cancellationToken) => new(Read(position, buffer.Span));

        public override int Read(long position, Span<byte> buffer)
        {
            int n = (int)Math.Min(buffer.Length, data.Length - position);
            data.AsSpan((int)position, n).CopyTo(buffer);
            if (position <= flipAt && flipAt < position + n)
            {
                if (_readOnce)
                {
                    buffer[(int)(flipAt - position)] ^= 0x40;
                }

                _readOnce = true;
            }

            return n;
        }
    }
}
