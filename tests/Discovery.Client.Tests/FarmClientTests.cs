using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Discovery.Client.Tests.Farm;
using Discovery.Client.Tests.Farm.Data;
using Discovery.Runtime;
using Farm.Server;
using Xunit;

namespace Discovery.Client.Tests;

/// <summary>The generated Farm client against the sample's real Farm server on 127.0.0.1: what a user's code sees.</summary>
public sealed class FarmClientTests : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("farm-client-tests-").FullName;
    private FarmServer? _server;
    private FarmApi? _farm;

    private FarmApi Farm => _farm!;

    public async Task InitializeAsync()
    {
        _server = await FarmServer.StartAsync(new FarmServerOptions(), CancellationToken.None);
        _farm = new FarmApi(new ServiceOptions { RootUri = _server.RootUri, Retry = new RetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) } });
    }

    public async Task DisposeAsync()
    {
        _farm?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Insert_with_a_file_path_uploads_the_picture_and_returns_the_typed_animal()
    {
        var path = WriteFile("pig.png", 300_000);

        var pig = await Farm.Animals.Insert(new Animal { Name = "Pig", Kind = Animal.KindValues.Pig, WeightGrams = 90_000 }, path).ExecuteAsync();

        Assert.Equal("Pig", pig.Name);
        Assert.Equal(90_000, pig.WeightGrams);
        Assert.Equal(300_000, pig.PictureSize);
        Assert.Equal(Sha256(path), pig.PictureSha256);
        Assert.Equal("image/png", pig.PictureContentType);
    }

    [Fact]
    public async Task Resumable_upload_reports_progress_through_the_manual_loop()
    {
        var path = WriteFile("cow.bin", (3 * 256 * 1024) + 17);
        var request = Farm.Animals.Insert(new Animal { Name = "Cow" }, new MediaFileUpload(path, "application/octet-stream", chunkSize: 256 * 1024, resumable: true));

        var progress = new List<double>();
        Animal? cow = null;
        while (cow is null)
        {
            var (status, response) = await request.NextChunkAsync();
            progress.Add(status.Progress);
            cow = response;
        }

        Assert.Equal(Sha256(path), cow.PictureSha256);
        Assert.True(progress.Count >= 4, string.Join(", ", progress));
        Assert.Equal(progress.OrderBy(p => p), progress);
        Assert.Equal(1.0, progress[^1]);
    }

    [Fact]
    public async Task Media_under_256_KiB_may_use_any_chunk_size()
    {
        var path = WriteFile("chick.bin", 10_000);
        var chick = await Farm.Animals.Insert(new Animal { Name = "Chick" }, new MediaFileUpload(path, "application/octet-stream", chunkSize: 1000, resumable: true)).ExecuteAsync();
        Assert.Equal(Sha256(path), chick.PictureSha256);
    }

    [Fact]
    public async Task A_chunk_size_that_breaks_the_rule_is_refused_before_any_request()
    {
        var path = WriteFile("big.bin", 300_000);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Farm.Animals.Insert(new Animal { Name = "Big" }, new MediaFileUpload(path, "application/octet-stream", chunkSize: 1000, resumable: true)).ExecuteAsync());
        Assert.Contains("262144", error.Message, StringComparison.Ordinal);
        Assert.Empty(await Farm.Animals.List().ItemsAsync().ToListAsync());
    }

    [Fact]
    public async Task Execute_drives_a_resumable_upload_and_raises_progress_events()
    {
        var path = WriteFile("horse.bin", 2 * 256 * 1024);
        var request = Farm.Animals.Insert(new Animal { Name = "Horse" }, new MediaFileUpload(path, "application/octet-stream", chunkSize: 256 * 1024, resumable: true));
        var events = new List<UploadProgress>();
        request.ProgressChanged += events.Add;

        var horse = await request.ExecuteAsync();

        Assert.Equal(Sha256(path), horse.PictureSha256);
        Assert.Contains(events, e => e.BytesSent == 256 * 1024);
        Assert.Equal(2 * 256 * 1024, events[^1].BytesSent);
    }

    [Fact]
    public async Task A_saved_session_resumes_in_a_new_service_after_the_first_one_stopped()
    {
        var path = WriteFile("ox.bin", 4 * 256 * 1024);
        string? saved = null;
        var first = Farm.Animals.Insert(new Animal { Name = "Ox" }, new MediaFileUpload(path, "application/octet-stream", chunkSize: 256 * 1024, resumable: true));
        first.UploadSessionCreated += session => saved = session.ToJson();
        var (status, response) = await first.NextChunkAsync();
        Assert.Null(response);
        Assert.Equal(256 * 1024, status.BytesSent);

        // As if the process had exited: a new service and request, only the saved JSON carried over.
        using var again = new FarmApi(new ServiceOptions { RootUri = _server!.RootUri });
        var second = again.Animals.Insert(new Animal { Name = "Ox" }, new MediaFileUpload(path, "application/octet-stream", chunkSize: 256 * 1024, resumable: true));
        var ox = await second.ResumeAsync(UploadSessionData.FromJson(saved!));

        Assert.Equal(Sha256(path), ox.PictureSha256);
        Assert.Equal("Ox", ox.Name);
    }

    [Fact]
    public void Synchronous_download_streams_the_picture_too()
    {
        var path = WriteFile("sync.png", 5000);
        var animal = Farm.Animals.Insert(new Animal { Name = "Sync" }, path).Execute();
        using var destination = new MemoryStream();
        Farm.Animals.Get(animal.Id!).Download(destination);
        Assert.Equal(File.ReadAllBytes(path), destination.ToArray());
    }

    [Fact]
    public async Task Multipart_update_replaces_metadata_and_picture()
    {
        var sheep = await Farm.Animals.Insert(new Animal { Name = "Sheep" }).ExecuteAsync();
        var path = WriteFile("sheep.jpg", 1000);

        var updated = await Farm.Animals.Update(new Animal { Name = "Dolly" }, sheep.Id!, path).ExecuteAsync();

        Assert.Equal("Dolly", updated.Name);
        Assert.Equal(Sha256(path), updated.PictureSha256);
    }

    [Fact]
    public async Task List_pages_and_items_walk_every_animal()
    {
        for (var i = 0; i < 5; i++)
        {
            await Farm.Animals.Insert(new Animal { Name = "Chicken " + i, Kind = Animal.KindValues.Chicken }).ExecuteAsync();
        }

        var list = Farm.Animals.List();
        list.MaxResults = 2;
        list.Kind = AnimalsResource.ListRequest.KindValues.Chicken;

        var pages = new List<AnimalList>();
        await foreach (var page in list.PagesAsync())
        {
            pages.Add(page);
        }

        var names = new List<string>();
        await foreach (var animal in list.ItemsAsync())
        {
            names.Add(animal.Name!);
        }

        Assert.Equal(3, pages.Count);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => "Chicken " + i), names);
    }

    [Fact]
    public async Task Download_streams_the_picture_back_byte_for_byte()
    {
        var path = WriteFile("picture.png", 700_000);
        var animal = await Farm.Animals.Insert(new Animal { Name = "Picture" }, path).ExecuteAsync();

        using var destination = new MemoryStream();
        DownloadProgress? last = null;
        await Farm.Animals.Get(animal.Id!).DownloadAsync(destination, p => last = p);

        Assert.Equal(File.ReadAllBytes(path), destination.ToArray());
        Assert.Equal(700_000, last!.Value.BytesReceived);
    }

    [Fact]
    public async Task A_missing_animal_surfaces_as_HttpError_with_the_server_message()
    {
        var error = await Assert.ThrowsAsync<HttpError>(() => Farm.Animals.Get("no-such-animal").ExecuteAsync());

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("notFound", error.Error!.Errors.Single().Reason);
        Assert.Equal("GET", error.RequestMethod);
    }

    [Fact]
    public async Task Delete_has_no_response_and_the_animal_is_gone()
    {
        var goat = await Farm.Animals.Insert(new Animal { Name = "Goat" }).ExecuteAsync();

        await Farm.Animals.Delete(goat.Id!).ExecuteAsync();

        var error = await Assert.ThrowsAsync<HttpError>(() => Farm.Animals.Get(goat.Id!).ExecuteAsync());
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public void Synchronous_execute_works_too()
    {
        var cow = Farm.Animals.Insert(new Animal { Name = "Sync cow" }).Execute();
        Assert.Equal("Sync cow", Farm.Animals.Get(cow.Id!).Execute().Name);
    }

    [Fact]
    public async Task A_mime_type_the_method_does_not_accept_is_refused_before_any_request()
    {
        var path = WriteFile("notes.txt", 10);
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => Farm.Animals.Insert(new Animal { Name = "Text" }, path).ExecuteAsync());
        Assert.Contains("text/plain", error.Message, StringComparison.Ordinal);
    }

    private string WriteFile(string name, int size)
    {
        var path = Path.Combine(_folder, name);
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
