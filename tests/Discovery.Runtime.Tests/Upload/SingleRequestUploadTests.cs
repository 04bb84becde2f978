using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Farm.Server;
using Farm.V1;
using Farm.V1.Data;
using Discovery.Runtime.Tests.Infrastructure;
using Xunit;

namespace Discovery.Runtime.Tests.Upload;

/// <summary>uploadType=multipart (MultipartRelatedContent) and uploadType=media (MediaBodyContent).</summary>
public sealed class SingleRequestUploadTests
{
    public static TheoryData<MediaKind, int> KindsAndSizes()
    {
        var data = new TheoryData<MediaKind, int>();
        foreach (var kind in Enum.GetValues<MediaKind>())
        {
            data.Add(kind, 0);
            data.Add(kind, 300_001);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndSizes))]
    public async Task Multipart_sends_metadata_then_media_in_one_request(MediaKind kind, int size)
    {
        await using var f = await FarmFixture.StartAsync();
        var data = TestData.Bytes(size, 3);

        var result = await f.Farm.Animals.Insert(new Animal { Name = "Cow" }, f.Media.Create(kind, data, false, mimeType: "image/png")).ExecuteAsync();

        var stored = Assert.Single(f.Server.Uploads.All);
        Assert.Equal((UploadProtocol.Multipart, "Cow", TestData.Sha(data), "image/png"), (stored.Protocol, stored.Name, stored.Sha256, stored.ContentType));
        Assert.Equal(TestData.Sha(data), result.PictureSha256);
        var request = Assert.Single(f.Server.Requests.All);
        Assert.StartsWith("/upload/farm/v1/animals?uploadType=multipart", request.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("multipart/related; boundary=", request.ContentType, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(KindsAndSizes))]
    public async Task Media_only_methods_send_the_bytes_as_the_body(MediaKind kind, int size)
    {
        await using var f = await FarmFixture.StartAsync();
        var data = TestData.Bytes(size, 4);

        string id = f.Server.AddAnimal("Cow");

        // Without a body the method's metadata stays as it is and the media is the whole request body.
        var result = await f.Farm.Animals.Update(null!, id, f.Media.Create(kind, data, false, mimeType: "image/jpeg")).ExecuteAsync();

        var stored = Assert.Single(f.Server.Uploads.All);
        Assert.Equal((UploadProtocol.Media, id, "Cow", TestData.Sha(data), "image/jpeg"), (stored.Protocol, stored.AnimalId, stored.Name, stored.Sha256, stored.ContentType));
        Assert.Equal(size, result.PictureSize);
        Assert.Equal($"/upload/farm/v1/animals/{id}?uploadType=media&alt=json", f.Server.Requests.All.Single().PathAndQuery);
    }

    [Fact]
    public async Task A_rereadable_source_is_retried_after_a_dropped_connection_when_posts_may_be_repeated()
    {
        await using var f = await FarmFixture.StartAsync(new RetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(10), Jitter = 0, RetryNonIdempotent = true });
        var data = TestData.Bytes(500_000, 5);
        f.Server.Script.Enqueue(RequestKind.MultipartUpload, new ScriptedFault { AbortAfterBytes = 100_000 }, new ScriptedFault { Status = 503 });

        var result = await f.Farm.Animals.Insert(new Animal { Name = "Cow" }, f.Media.Create(MediaKind.File, data, false)).ExecuteAsync();

        Assert.Equal(TestData.Sha(data), result.PictureSha256);
        Assert.Equal(3, f.Server.Requests.All.Count);
    }

    [Fact]
    public async Task A_forward_only_stream_is_not_retried_because_its_bytes_are_gone()
    {
        await using var f = await FarmFixture.StartAsync();
        string id = f.Server.AddAnimal("Cow");
        f.Server.Script.Enqueue(RequestKind.MediaUpload, new ScriptedFault { Status = 503 });

        var error = await Assert.ThrowsAsync<HttpError>(() => f.Farm.Animals.Update(null!, id, f.Media.Create(MediaKind.NonSeekableStream, TestData.Bytes(1000, 1), false)).ExecuteAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(f.Server.Requests.All);
    }

    [Fact]
    public async Task A_file_path_converts_to_media_with_a_guessed_type_and_reports_completion()
    {
        await using var f = await FarmFixture.StartAsync();
        var data = TestData.Bytes(2000, 6);
        string path = f.Media.File(data, ".png");
        var request = f.Farm.Animals.Insert(new Animal { Name = "Pig" }, path);
        UploadProgress last = default;
        request.ProgressChanged += p => last = p;

        var result = request.Execute();

        Assert.Equal(TestData.Sha(data), result.PictureSha256);
        Assert.Equal("image/png", f.Server.Uploads.All.Single().ContentType);
        Assert.Equal((UploadStatus.Completed, 1.0, 2000L), (last.Status, last.Progress, last.BytesSent));
    }

    [Fact]
    public async Task NextChunk_on_a_non_resumable_upload_sends_everything_at_once()
    {
        await using var f = await FarmFixture.StartAsync();
        var data = TestData.Bytes(1000, 7);

        var (status, response) = await f.Farm.Animals.Insert(new Animal(), f.Media.Create(MediaKind.InMemory, data, false)).NextChunkAsync();

        Assert.Equal(1.0, status.Progress);
        Assert.Equal(TestData.Sha(data), response!.PictureSha256);
    }

    [Fact]
    public async Task A_media_source_that_ends_early_fails_at_once_with_an_upload_error()
    {
        await using var f = await FarmFixture.StartAsync();

        var error = await Assert.ThrowsAsync<UploadException>(() => f.Farm.Animals.Insert(new Animal(), new ShortMedia(declared: 1000, actual: 500)).ExecuteAsync());

        Assert.Contains("ended after 500 bytes", error.Message, StringComparison.Ordinal);
        Assert.Empty(f.Time.Delays);
    }

    [Fact]
    public async Task A_post_is_not_sent_again_after_a_drop_the_server_may_have_acted_on()
    {
        await using var f = await FarmFixture.StartAsync();
        f.Server.Script.Enqueue(RequestKind.MultipartUpload, new ScriptedFault { AbortAfterBytes = 100_000 });

        await Assert.ThrowsAnyAsync<Exception>(() => f.Farm.Animals.Insert(new Animal { Name = "Cow" }, f.Media.Create(MediaKind.File, TestData.Bytes(500_000, 6), false)).ExecuteAsync());

        Assert.Single(f.Server.Requests.All);
    }
}
