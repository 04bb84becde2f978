using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Discovery.Runtime.Tests.Infrastructure;
using Farm.Server;
using Farm.V1;
using Farm.V1.Data;
using Xunit;

namespace Discovery.Runtime.Tests.Batch;

/// <summary>What a batch gives back: each call's typed result or its own error, in one request, and what it refuses to carry.</summary>
public sealed class BatchResultsTests
{
    [Fact]
    public async Task Get_list_insert_update_and_delete_come_back_typed_from_one_request()
    {
        await using var farm = await FarmFixture.StartAsync();
        string pig = farm.Server.AddAnimal("Pig");
        string cow = farm.Server.AddAnimal("Cow");
        string sheep = farm.Server.AddAnimal("Sheep");

        var batch = farm.Farm.Batch();
        Task<Animal> got = batch.Add(farm.Farm.Animals.Get(pig));
        Task<AnimalList> listed = batch.Add(farm.Farm.Animals.List());
        Task<Animal> inserted = batch.Add(farm.Farm.Animals.Insert(new Animal { Name = "Hen", Kind = Animal.KindValues.Chicken }));
        Task<Animal> updated = batch.Add(farm.Farm.Animals.Update(new Animal { Name = "Daisy", Labels = new Dictionary<string, string> { ["pen"] = "3" } }, cow));
        Task deleted = batch.Add(farm.Farm.Animals.Delete(sheep));
        await batch.ExecuteAsync();

        Assert.Equal("Pig", (await got).Name);
        Assert.Equal(["Pig", "Cow", "Sheep"], (await listed).Items!.Select(a => a.Name));
        Assert.Equal("Hen", (await inserted).Name);
        Assert.False(string.IsNullOrEmpty((await inserted).Id));
        Assert.Equal("Daisy", (await updated).Name);
        Assert.Equal("3", (await updated).Labels!["pen"]);
        await deleted;

        Assert.Single(farm.Server.Batches.All);
        Assert.Equal(5, farm.Server.Requests.Of(RequestKind.Json).Count);
        Assert.DoesNotContain(sheep, (await farm.Farm.Animals.List().ExecuteAsync()).Items!.Select(a => a.Id));
    }

    [Fact]
    public async Task A_missing_animal_fails_only_its_call_with_the_error_it_raises_alone()
    {
        await using var farm = await FarmFixture.StartAsync();
        string pig = farm.Server.AddAnimal("Pig");
        var alone = await Assert.ThrowsAsync<HttpError>(() => farm.Farm.Animals.Get("missing").ExecuteAsync());

        var batch = farm.Farm.Batch();
        var found = batch.Add(farm.Farm.Animals.Get(pig));
        var missing = batch.Add(farm.Farm.Animals.Get("missing"));
        var notDeleted = batch.Add(farm.Farm.Animals.Delete("gone"));
        await batch.ExecuteAsync();

        Assert.Equal("Pig", (await found).Name);
        var error = await Assert.ThrowsAsync<HttpError>(() => missing);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(alone.Message, error.Message);
        Assert.Equal(alone.ResponseBody, error.ResponseBody);
        Assert.Equal(alone.RequestUri, error.RequestUri);
        Assert.Equal("DELETE", (await Assert.ThrowsAsync<HttpError>(() => notDeleted)).RequestMethod);
        Assert.Single(farm.Server.Batches.All);
    }

    [Fact]
    public async Task Two_hundred_and_fifty_calls_go_as_three_requests_in_the_order_they_were_added()
    {
        await using var farm = await FarmFixture.StartAsync();
        var ids = Enumerable.Range(0, 250).Select(i => farm.Server.AddAnimal("animal " + i)).ToList();

        var batch = farm.Farm.Batch();
        var calls = ids.Select(id => batch.Add(farm.Farm.Animals.Get(id))).ToList();
        await batch.ExecuteAsync();

        Assert.Equal(ids, (await Task.WhenAll(calls)).Select(a => a.Id));
        var sent = farm.Server.BatchCalls();
        Assert.Equal([100, 100, 50], sent.Select(s => s.Length));
        Assert.Equal(ids.Select(id => $"GET /farm/v1/animals/{id}?alt=json HTTP/1.1"), sent.SelectMany(s => s));
        Assert.Equal(250, farm.Server.Requests.Of(RequestKind.Json).Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void The_calls_per_request_stay_within_Googles_limits(int max)
    {
        using var farm = new FarmService(new ServiceOptions { RootUri = new Uri("http://127.0.0.1:1/") });
        var batch = farm.Batch();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => batch.MaxCallsPerRequest = max);
        Assert.Contains("1 to 1000", error.Message, StringComparison.Ordinal);
        batch.MaxCallsPerRequest = 1000;
        Assert.Equal(1000, batch.MaxCallsPerRequest);
        Assert.Equal(100, farm.Batch().MaxCallsPerRequest);
    }

    [Fact]
    public async Task The_batch_goes_to_the_root_uri_plus_the_documents_batchPath()
    {
        await using var farm = await FarmFixture.StartAsync();
        Assert.Equal(new Uri(farm.Server.RootUri, "batch/farm/v1"), farm.Farm.Batch().Uri);
        Assert.Equal("batch/farm/v1", FarmService.DefaultBatchPath);
    }

    [Fact]
    public async Task Media_downloads_foreign_and_reused_requests_are_refused_with_the_reason_and_nothing_is_sent()
    {
        await using var farm = await FarmFixture.StartAsync();
        string pig = farm.Server.AddAnimal("Pig");
        using var other = FarmFixture.NewClient(farm.Server, farm.Time);
        var batch = farm.Farm.Batch();

        var upload = farm.Farm.Animals.Insert(new Animal { Name = "Hen" }, new MediaInMemoryUpload([1, 2, 3], "image/png"));
        Assert.Contains("media cannot be batched", Assert.Throws<ArgumentException>(() => { _ = batch.Add(upload); }).Message, StringComparison.Ordinal);
        var download = farm.Farm.Animals.Get(pig);
        download.Alt = "media";
        Assert.Contains("download", Assert.Throws<ArgumentException>(() => { _ = batch.Add(download); }).Message, StringComparison.Ordinal);
        Assert.Contains("another service", Assert.Throws<ArgumentException>(() => { _ = batch.Add(other.Animals.Get(pig)); }).Message, StringComparison.Ordinal);
        var twice = farm.Farm.Animals.Get(pig);
        _ = batch.Add(twice);
        Assert.Contains("already added", Assert.Throws<ArgumentException>(() => { _ = batch.Add(twice); }).Message, StringComparison.Ordinal);
        Assert.Contains("already added", Assert.Throws<ArgumentException>(() => { _ = farm.Farm.Batch().Add(twice); }).Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => twice.ExecuteAsync());
        var executed = farm.Farm.Animals.Get(pig);
        await executed.ExecuteAsync();
        Assert.Contains("already executed", Assert.Throws<ArgumentException>(() => { _ = batch.Add(executed); }).Message, StringComparison.Ordinal);

        Assert.Empty(farm.Server.Batches.All);
        Assert.Equal(1, batch.Count);
        Assert.Single(farm.Server.Requests.Of(RequestKind.Json));
    }

    [Fact]
    public async Task A_batch_runs_once_and_takes_no_calls_after_it_ran()
    {
        await using var farm = await FarmFixture.StartAsync();
        string pig = farm.Server.AddAnimal("Pig");
        var batch = farm.Farm.Batch();
        var got = batch.Add(farm.Farm.Animals.Get(pig));
        await batch.ExecuteAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => batch.ExecuteAsync());
        Assert.Throws<InvalidOperationException>(() => { _ = batch.Add(farm.Farm.Animals.Get(pig)); });
        Assert.Equal("Pig", (await got).Name);
        await farm.Farm.Batch().ExecuteAsync();
        Assert.Single(farm.Server.Batches.All);
    }
}
