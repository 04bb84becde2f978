using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FarmClient.Server;

/// <summary>
/// An in-process implementation of the Farm API (farm.discovery.json) on Kestrel, listening on
/// 127.0.0.1 with an ephemeral port. Pictures live in a private temporary folder that is deleted
/// on dispose.
/// </summary>
public sealed class FarmServer : IAsyncDisposable
{
    private static readonly string[] UploadPrefixes = ["/upload", "/resumable/upload"];

    private readonly WebApplication app;
    private readonly AnimalStore store;
    private readonly FaultInjector faults;

    private FarmServer(WebApplication app, AnimalStore store, FaultInjector faults, Uri rootUri)
    {
        this.app = app;
        this.store = store;
        this.faults = faults;
        RootUri = rootUri;
    }

    /// <summary>Replaces the discovery document's <c>rootUrl</c>, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri RootUri { get; }

    /// <summary>The private folder holding pictures and partial uploads.</summary>
    public string StorageDirectory => store.Root;

    /// <summary>How many faults have been injected so far.</summary>
    public int InjectedFaultCount => faults.InjectedCount;

    public static async Task<FarmServer> StartAsync(FarmServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxUploadSize);
        var faults = new FaultInjector(options.Faults);
        var store = new AnimalStore(Path.Combine(options.StorageRoot ?? Path.GetTempPath(), "farm-server-" + Guid.NewGuid().ToString("N")));
        WebApplication? app = null;
        try
        {
            app = Build(options, store, faults);
            await app.StartAsync(cancellationToken);
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.Single()
                ?? throw new InvalidOperationException("Kestrel did not report its listening address.");
            return new FarmServer(app, store, faults, new Uri(address.TrimEnd('/') + "/"));
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            store.DeleteEverything();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Bounded so that an upload still streaming in cannot hold disposal hostage.
        using (var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await app.StopAsync(shutdown.Token);
        }

        await app.DisposeAsync();
        store.DeleteEverything();
    }

    private static WebApplication Build(FarmServerOptions options, AnimalStore store, FaultInjector faults)
    {
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);

            // maxSize is enforced per protocol with Google-style errors instead.
            kestrel.Limits.MaxRequestBodySize = null;
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging();

        WebApplication app = builder.Build();
        app.Use(new ErrorMiddleware(options.Log).InvokeAsync);
        app.UseRouting();

        var animals = new AnimalEndpoints(store);
        var uploads = new UploadEndpoints(new SimpleUploads(store, options), new ResumableUploads(store, faults, options));
        app.MapPost("/farm/v1/animals", new RequestDelegate(animals.InsertAsync));
        app.MapGet("/farm/v1/animals", new RequestDelegate(animals.ListAsync));
        app.MapGet("/farm/v1/animals/{animalId}", new RequestDelegate(animals.GetAsync));
        app.MapPut("/farm/v1/animals/{animalId}", new RequestDelegate(animals.UpdateAsync));
        app.MapDelete("/farm/v1/animals/{animalId}", new RequestDelegate(animals.DeleteAsync));
        foreach (string prefix in UploadPrefixes)
        {
            string[] verbs = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete];
            app.MapMethods(prefix + "/farm/v1/animals", verbs, new RequestDelegate(uploads.CollectionAsync));
            app.MapMethods(prefix + "/farm/v1/animals/{animalId}", verbs, new RequestDelegate(uploads.AnimalAsync));
        }

        app.MapFallback(new RequestDelegate(context =>
            throw FarmApiException.NotFound($"No Farm API method at {context.Request.Method} {context.Request.Path}.")));
        return app;
    }
}
