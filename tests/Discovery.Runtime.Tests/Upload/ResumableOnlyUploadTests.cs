using System;
using System.Linq;
using System.Threading.Tasks;
using Discovery.Runtime.Tests.Infrastructure;
using Xunit;
using ResumableOnly = Farm.ResumableOnly;

namespace Discovery.Runtime.Tests.Upload;

/// <summary>
/// A method whose document offers only the resumable protocol (farm-resumable-only.discovery.json): media goes
/// through a resumable session on the resumable path, and media asking for one request is refused before any request.
/// </summary>
public sealed class ResumableOnlyUploadTests
{
    [Fact]
    public async Task Resumable_media_uploads_through_a_session_on_the_resumable_path()
    {
        await using var f = await FarmFixture.StartAsync();
        using var service = new ResumableOnly.FarmService(new ServiceOptions { RootUri = f.Server.RootUri, Retry = FarmFixture.FastRetry() });
        var data = TestData.Bytes(600_000, seed: 7);

        var created = await service.Animals.Insert(new ResumableOnly.Data.Animal { Name = "Resumable" }, new MediaInMemoryUpload(data, chunkSize: 256 * 1024, resumable: true)).ExecuteAsync();

        Assert.Equal("Resumable", created.Name);
        var paths = f.Server.Requests.All.Select(r => r.PathAndQuery).ToList();
        Assert.StartsWith("/resumable/upload/farm/v1/animals?uploadType=resumable", paths[0], StringComparison.Ordinal);
        Assert.True(paths.Count > 2, string.Join("\n", paths));
        Assert.Equal(TestData.Sha(data), created.PictureSha256);
    }

    [Fact]
    public async Task Media_for_a_single_request_is_refused_before_any_request_with_what_to_do()
    {
        await using var f = await FarmFixture.StartAsync();
        using var service = new ResumableOnly.FarmService(new ServiceOptions { RootUri = f.Server.RootUri });

        var error = Assert.Throws<ArgumentException>(() => service.Animals.Insert(new ResumableOnly.Data.Animal(), new MediaInMemoryUpload(new byte[10], resumable: false)));

        Assert.Contains("only supports resumable uploads", error.Message, StringComparison.Ordinal);
        Assert.Contains("resumable: true", error.Message, StringComparison.Ordinal);
        Assert.Empty(f.Server.Requests.All);
    }
}
