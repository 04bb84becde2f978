using System;
using System.IO;
using System.Threading.Tasks;
using Farm.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Discovery.Json.Benchmarks;

/// <summary>
/// A loopback Kestrel server answering objects.list, objects.get and objects.patch with fixed bodies of known
/// length, so that what the benchmark measures is the client's cost. It runs in the parent process; the
/// clients run in their own.
/// </summary>
internal sealed class StorageServer : IAsyncDisposable
{
    private readonly byte[] _page = Payloads.Page(1000);
    private readonly byte[] _object = Payloads.Object(7);
    private WebApplication _app = null!;

    public Uri RootUri { get; private set; } = null!;

    public int PageBytes => _page.Length;

    public int ObjectBytes => _object.Length;

    public static async Task<StorageServer> StartAsync()
    {
        var server = new StorageServer();
        (server._app, server.RootUri) = await LoopbackKestrel.StartAsync(app => app.Run(server.HandleAsync));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        string path = context.Request.Path.Value ?? string.Empty;
        string list = "/storage/v1/b/" + Payloads.Bucket + "/o";
        byte[] body;
        if (path == list && HttpMethods.IsGet(context.Request.Method))
        {
            body = _page;
        }
        else if (path.StartsWith(list + "/", StringComparison.Ordinal) && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsPatch(context.Request.Method)))
        {
            // A patch's body is read to the end, as a real server must, and answered with the whole object.
            await context.Request.Body.CopyToAsync(Stream.Null);
            body = _object;
        }
        else
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.ContentType = "application/json; charset=UTF-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }
}
