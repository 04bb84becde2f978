using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Discovery.Package.Tests;

/// <summary>
/// Just enough of the Farm API on 127.0.0.1 for the packed consumers: insert assigns an id, get returns what was
/// inserted. The consumers get the root URI as their first argument.
/// </summary>
public sealed class FarmLoopbackServer : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, JsonObject> _animals = new(StringComparer.Ordinal);
    private int _nextId;
    private WebApplication? _app;

    public Uri RootUri { get; private set; } = new("http://127.0.0.1/");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/farm/v1/animals", async (HttpContext context) =>
        {
            var animal = (JsonObject)(await JsonNode.ParseAsync(context.Request.Body))!;
            string id = "animal-" + Interlocked.Increment(ref _nextId);
            animal["id"] = id;
            _animals[id] = animal;
            return Results.Text(animal.ToJsonString(), "application/json");
        });
        app.MapGet("/farm/v1/animals/{id}", (string id) => _animals.TryGetValue(id, out var animal)
            ? Results.Text(animal.ToJsonString(), "application/json")
            : Results.Text("""{"error":{"code":404,"message":"No such animal.","status":"NOT_FOUND"}}""", "application/json", statusCode: 404));
        await app.StartAsync();
        _app = app;
        string address = app.Services.GetService(typeof(IServer)) is IServer server
            ? server.Features.Get<IServerAddressesFeature>()!.Addresses.First()
            : throw new InvalidOperationException("Kestrel did not start.");
        RootUri = new Uri(address + "/");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
