using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Farm.Server;

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
    private readonly ResumableUploads resumable;
    private readonly BatchEndpoint batch;

    private FarmServer(WebApplication app, Parts parts, Uri rootUri)
    {
        this.app = app;
        store = parts.Store;
        resumable = parts.Resumable;
        batch = parts.Batch;
        Script = parts.Script;
        Requests = parts.Requests;
        Uploads = parts.Uploads;
        Auth = parts.Auth;
        Batches = parts.Batch.Received;
        RootUri = rootUri;
    }

    /// <summary>Replaces the discovery document's <c>rootUrl</c>, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri RootUri { get; }

    /// <summary>The test seam: faults scripted per request kind, applied to the next such requests.</summary>
    public FaultScript Script { get; }

    /// <summary>Every request received, with the headers and body hash a test judges a client by.</summary>
    public RequestRecorder Requests { get; }

    /// <summary>Every batch body received, byte for byte, in arrival order.</summary>
    public AppendOnlyLog<RecordedBatch> Batches { get; }

    /// <summary>Every upload the server completed.</summary>
    public UploadLog Uploads { get; }

    /// <summary>The OAuth side: trusted keys and refresh tokens, token lifetime, and whether API calls need a token.</summary>
    public TokenAuthority Auth { get; }

    /// <summary>The token endpoint, as a service-account key's <c>token_uri</c> names it.</summary>
    public Uri TokenUri => new(RootUri, TokenEndpoints.TokenPath.TrimStart('/'));

    /// <summary>Creates an animal directly in the store (no request is recorded), optionally with a picture; returns its id.</summary>
    public string AddAnimal(string? name, byte[]? picture = null, string contentType = MediaTypes.Default)
    {
        string id = store.Add(new AnimalResource { Name = name }, picture: null).Id;
        if (picture is not null)
        {
            store.ReplacePicture(id, picture, contentType);
        }

        return id;
    }

    /// <summary>Bytes the server confirmed on the resumable session at <paramref name="sessionUri"/>, or -1 when it has no such session.</summary>
    public long PersistedBytes(Uri sessionUri)
    {
        ArgumentNullException.ThrowIfNull(sessionUri);
        string? id = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(sessionUri.Query).TryGetValue("upload_id", out var value) ? value.ToString() : null;
        return id is null ? -1 : resumable.Persisted(id);
    }

    /// <summary>Starts a server with default options: no random faults, the document's 10 GiB upload limit.</summary>
    public static Task<FarmServer> StartAsync(CancellationToken cancellationToken = default) => StartAsync(new FarmServerOptions(), cancellationToken);

    public static async Task<FarmServer> StartAsync(FarmServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxUploadSize);
        var parts = new Parts(options);
        try
        {
            var (app, rootUri) = await LoopbackKestrel.StartAsync(app => Map(app, options, parts), cancellationToken);
            return new FarmServer(app, parts, rootUri);
        }
        catch
        {
            parts.Batch.Dispose();
            parts.Store.DeleteEverything();
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
        batch.Dispose();
        store.DeleteEverything();
    }

    private static void Map(WebApplication app, FarmServerOptions options, Parts parts)
    {
        app.Use(new FaultSeamMiddleware(parts.Script, parts.Requests).InvokeAsync);
        app.Use(new ErrorMiddleware(options.Log).InvokeAsync);
        app.Use(RequireTokenAsync(parts.Auth));
        app.UseRouting();

        var animals = new AnimalEndpoints(parts.Store);
        var uploads = new UploadEndpoints(new SimpleUploads(parts.Store, options, parts.Uploads), parts.Resumable);
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

        app.MapPost(BatchEndpoint.PathPrefix + "farm/v1", new RequestDelegate(parts.Batch.HandleAsync));
        var tokens = new TokenEndpoints(parts.Auth);
        app.MapPost(TokenEndpoints.TokenPath, new RequestDelegate(tokens.TokenAsync));
        app.MapGet(TokenEndpoints.MetadataPrefix + "{**path}", new RequestDelegate(tokens.MetadataAsync));
        app.MapFallback(new RequestDelegate(context =>
            throw FarmApiException.NotFound($"No Farm API method at {context.Request.Method} {context.Request.Path}.")));
    }

    /// <summary>With <see cref="TokenAuthority.RequireTokens"/>, API calls without a live token are answered 401 as Google does.</summary>
    private static Func<HttpContext, RequestDelegate, Task> RequireTokenAsync(TokenAuthority auth) => (context, next) =>
    {
        string path = context.Request.Path.Value ?? string.Empty;
        bool oauth = path == TokenEndpoints.TokenPath || path.StartsWith(TokenEndpoints.MetadataPrefix, StringComparison.Ordinal);
        if (!auth.RequireTokens || oauth || auth.Accepts(context.Request.Headers.Authorization))
        {
            return next(context);
        }

        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"https://accounts.google.com/\"";
        throw new FarmApiException(401, "authError", "Request had invalid authentication credentials. Expected OAuth 2 access token.");
    };

    /// <summary>What one server is made of, built before Kestrel starts so a failed start can clean up.</summary>
    private sealed class Parts
    {
        public Parts(FarmServerOptions options)
        {
            if (options.Faults is not null)
            {
                Script.Source = new RandomFaults(options.Faults, options.Log).Next;
            }

            Store = new AnimalStore(Path.Combine(options.StorageRoot ?? Path.GetTempPath(), "farm-server-" + Guid.NewGuid().ToString("N")));
            Resumable = new ResumableUploads(Store, options, Uploads);
            Batch = new BatchEndpoint(options);
        }

        public AnimalStore Store { get; }

        public FaultScript Script { get; } = new();

        public RequestRecorder Requests { get; } = new();

        public UploadLog Uploads { get; } = new();

        public ResumableUploads Resumable { get; }

        public BatchEndpoint Batch { get; }

        public TokenAuthority Auth { get; } = new();
    }
}
