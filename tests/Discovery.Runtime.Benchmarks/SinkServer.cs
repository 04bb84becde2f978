using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Farm.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Discovery.Runtime.Benchmarks;

/// <summary>
/// A loopback server that speaks just enough of the resumable protocol to take an upload, counting bytes and
/// checking offsets instead of storing them, so the measurement is the client's cost, not the server's.
/// </summary>
internal sealed class SinkServer : IAsyncDisposable
{
    private WebApplication _app = null!;
    private long _received;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Session> _sessions = new();
    private long _nextSession;

    public Uri RootUri { get; private set; } = null!;

    public long Received => Interlocked.Read(ref _received);

    public static async Task<SinkServer> StartAsync()
    {
        var sink = new SinkServer();
        (sink._app, sink.RootUri) = await LoopbackKestrel.StartAsync(app => app.Run(sink.HandleAsync));
        return sink;
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _received, 0);
        _sessions.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        string path = ctx.Request.Path.Value ?? string.Empty;
        if (ctx.Request.Query["uploadType"] == "resumable")
        {
            // Each session counts its own bytes, so concurrent uploads do not disturb each other's offsets.
            long total = long.TryParse(ctx.Request.Headers["X-Upload-Content-Length"], out var t) ? t : -1;
            string id = Interlocked.Increment(ref _nextSession).ToString(CultureInfo.InvariantCulture);
            _sessions[id] = new Session(total);
            ctx.Response.Headers.Location = new Uri(RootUri, "session?upload_id=" + id).ToString();
            return;
        }

        Session? session = path == "/session" && _sessions.TryGetValue(ctx.Request.Query["upload_id"].ToString(), out var s) ? s : null;
        string range = ctx.Request.Headers.ContentRange.ToString();
        if (session is not null && range.StartsWith("bytes ", StringComparison.Ordinal) && !range.StartsWith("bytes */", StringComparison.Ordinal))
        {
            long first = long.Parse(range.AsSpan(6, range.IndexOf('-', StringComparison.Ordinal) - 6), CultureInfo.InvariantCulture);
            if (first != session.Received)
            {
                ctx.Response.StatusCode = 400;
                return;
            }
        }

        long n = await DrainAsync(ctx.Request);
        Interlocked.Add(ref _received, n);
        long now = n;
        if (session is not null)
        {
            now = session.Received += n;
            if (session.Total < 0 || now < session.Total)
            {
                ctx.Response.StatusCode = 308;
                ctx.Response.Headers["Range"] = "bytes=0-" + (now - 1).ToString(CultureInfo.InvariantCulture);
                return;
            }
        }

        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync("{\"size\":" + now.ToString(CultureInfo.InvariantCulture) + "}");
    }

    private sealed class Session(long total)
    {
        public long Total { get; } = total;

        public long Received { get; set; }
    }

    private static async Task<long> DrainAsync(HttpRequest request)
    {
        // Pooled: a fresh 64 KiB array per request would charge the server's garbage to every chunk the
        // client sends, and the raw PUT (one request) would not pay it.
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long total = 0;
            int n;
            while ((n = await request.Body.ReadAsync(buffer)) > 0)
            {
                total += n;
            }

            return total;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
