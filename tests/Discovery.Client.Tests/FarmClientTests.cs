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

/// <summary>
/// The generated surface of a client with its own namespace and client name (typed fields, paging, updates)
/// against the Farm server. Upload, download and fault behaviour is proven on the generated client in
/// Discovery.Runtime.Tests, against the same server.
/// </summary>
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
    public async Task Delete_has_no_response_and_the_animal_is_gone()
    {
        var goat = await Farm.Animals.Insert(new Animal { Name = "Goat" }).ExecuteAsync();

        await Farm.Animals.Delete(goat.Id!).ExecuteAsync();

        var error = await Assert.ThrowsAsync<HttpError>(() => Farm.Animals.Get(goat.Id!).ExecuteAsync());
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
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
