using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Discovery.Runtime.Tests.Infrastructure;

/// <summary>What the server saw of one request.</summary>
public sealed record RequestRecord(string Kind, string Method, string PathAndQuery, string? ContentRange, long BodyLength,
    string? Authorization, string? UserAgent, string? ContentType, string? UploadLength, string? UploadType);

/// <summary>A finished upload as the server stored it.</summary>
public sealed record CompletedUpload(string Protocol, string? Name, string Sha256, long Length, string? MimeType);

/// <summary>
/// A Kestrel server on 127.0.0.1 speaking Google's upload protocols (media, multipart, resumable) for the fake
/// Farm API, strict about Content-Range and chunk granularity, with scriptable faults, plus JSON and ranged
/// media download endpoints.
/// </summary>
public sealed class UploadTestServer : IAsyncDisposable
{
    private const int Granularity = 256 * 1024;
    private readonly object _gate = new();
    private readonly Dictionary<string, Session> _sessions = new();
    private readonly List<RequestRecord> _requests = new();
    private readonly List<CompletedUpload> _completed = new();
    private WebApplication _app = null!;
    private int _nextId;

    public Uri RootUri { get; private set; } = null!;

    public int Port => RootUri.Port;

    public ConcurrentQueue<Fault> InitiateFaults { get; } = new();

    public ConcurrentQueue<Fault> ChunkFaults { get; } = new();

    public ConcurrentQueue<Fault> QueryFaults { get; } = new();

    public ConcurrentQueue<Fault> SimpleFaults { get; } = new();

    public ConcurrentQueue<Fault> JsonFaults { get; } = new();

    public ConcurrentQueue<Fault> DownloadFaults { get; } = new();

    /// <summary>Optional hook deciding a fault for every chunk PUT (used by the soak test).</summary>
    public Func<Fault?>? ChunkFaultSource { get; set; }

    public byte[] DownloadContent { get; set; } = Array.Empty<byte>();

    /// <summary>When set, replaces <see cref="DownloadContent"/> after the next download response: the media changes mid-download.</summary>
    public byte[]? NextDownloadContent { get; set; }

    public IReadOnlyList<RequestRecord> Requests { get { lock (_gate) { return _requests.ToList(); } } }

    public IReadOnlyList<CompletedUpload> Completed { get { lock (_gate) { return _completed.ToList(); } } }

    public IEnumerable<RequestRecord> RequestsOf(string kind) => Requests.Where(r => r.Kind == kind);

    public static async Task<UploadTestServer> StartAsync()
    {
        var server = new UploadTestServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.Limits.MaxRequestBodySize = null;
            o.Limits.MinRequestBodyDataRate = null;
        });
        server._app = builder.Build();
        server._app.Run(server.HandleAsync);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.RootUri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Bytes persisted so far for the session whose URI is given.</summary>
    public long Persisted(Uri sessionUri)
    {
        lock (_gate)
        {
            return _sessions.TryGetValue(SessionId(sessionUri.Query), out var s) ? s.Received.Length : -1;
        }
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var request = ctx.Request;
        string path = request.Path.Value ?? string.Empty;
        if (path.StartsWith("/upload/sessions", StringComparison.Ordinal))
        {
            await HandleSessionAsync(ctx);
        }
        else if (path.StartsWith("/upload/farm/v1/", StringComparison.Ordinal))
        {
            switch (request.Query["uploadType"].ToString())
            {
                case "resumable":
                    await HandleInitiateAsync(ctx);
                    break;
                case "media":
                case "multipart":
                    await HandleSimpleAsync(ctx);
                    break;
                default:
                    await ErrorAsync(ctx, 400, "badRequest", "unknown uploadType");
                    break;
            }
        }
        else if (request.Method == "GET" && request.Query["alt"] == "media")
        {
            await HandleDownloadAsync(ctx);
        }
        else if (path.StartsWith("/farm/v1/animals", StringComparison.Ordinal))
        {
            await HandleJsonAsync(ctx);
        }
        else
        {
            await ErrorAsync(ctx, 404, "notFound", "no such path");
        }
    }

    private async Task HandleInitiateAsync(HttpContext ctx)
    {
        var body = await ReadBodyAsync(ctx, null);
        Record(ctx, "initiate", body!.Length);
        InitiateFaults.TryDequeue(out var fault);
        if (fault is { Status: > 0 })
        {
            await ErrorAsync(ctx, fault.Status, fault.Reason, "initiation fault", fault.RetryAfter);
            return;
        }

        string id = "s" + System.Threading.Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        var session = new Session
        {
            Metadata = body.Length > 0 ? Encoding.UTF8.GetString(body) : null,
            MimeType = ctx.Request.Headers["X-Upload-Content-Type"].ToString(),
            DeclaredLength = long.TryParse(ctx.Request.Headers["X-Upload-Content-Length"].ToString(), out var n) ? n : null,
        };
        lock (_gate)
        {
            _sessions[id] = session;
        }

        if (fault is not { NoLocation: true })
        {
            string host = fault?.LocationHost ?? "127.0.0.1";
            ctx.Response.Headers.Location = $"http://{host}:{Port}/upload/sessions?upload_type=resumable&upload_id={id}";
        }

        ctx.Response.StatusCode = 200;
    }

    private async Task HandleSessionAsync(HttpContext ctx)
    {
        string id = SessionId(ctx.Request.QueryString.Value ?? string.Empty);
        if (ctx.Request.Method == "DELETE")
        {
            Record(ctx, "delete", 0);
            bool existed;
            lock (_gate)
            {
                existed = _sessions.Remove(id);
            }

            ctx.Response.StatusCode = existed ? 499 : 404;
            return;
        }

        string range = ctx.Request.Headers.ContentRange.ToString();
        bool query = range.StartsWith("bytes */", StringComparison.Ordinal) && (ctx.Request.ContentLength ?? 0) == 0;
        Fault? fault = null;
        if (query)
        {
            QueryFaults.TryDequeue(out fault);
        }
        else if (!ChunkFaults.TryDequeue(out fault))
        {
            fault = ChunkFaultSource?.Invoke();
        }

        var body = await ReadBodyAsync(ctx, fault?.AbortAfterBytes);
        Record(ctx, query ? "query" : "chunk", body?.Length ?? -1);
        if (body is null)
        {
            ctx.Abort();
            return;
        }

        Session? session;
        lock (_gate)
        {
            _sessions.TryGetValue(id, out session);
        }

        if (session is null || fault is { Expire: true })
        {
            lock (_gate)
            {
                _sessions.Remove(id);
            }

            await ErrorAsync(ctx, 404, "notFound", "No such upload session.");
            return;
        }

        if (fault is { Status: > 0, PersistThenFail: false })
        {
            await ErrorAsync(ctx, fault.Status, fault.Reason, "chunk fault", fault.RetryAfter);
            return;
        }

        string? problem;
        long? total;
        lock (session)
        {
            problem = Apply(session, range, body, fault, out total);
        }

        if (problem is not null)
        {
            await ErrorAsync(ctx, 400, "badContent", problem);
            return;
        }

        if (fault?.Hold is { } hold)
        {
            fault.Reached?.TrySetResult();
            try
            {
                await hold.WaitAsync(ctx.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (fault is { PersistThenFail: true })
        {
            await ErrorAsync(ctx, fault.Status, fault.Reason, "response lost", fault.RetryAfter);
            return;
        }

        if (session.Done || fault is { CompleteEarly: true })
        {
            if (!session.Done)
            {
                session.Done = true;
                Complete("resumable", session.Metadata, session.Received.ToArray(), session.MimeType);
            }

            await ResourceAsync(ctx, session.Metadata, session.Received.ToArray(), session.MimeType);
            return;
        }

        ctx.Response.StatusCode = 308;
        if (session.Received.Length > 0 && fault is not { OmitRange: true })
        {
            ctx.Response.Headers["Range"] = "bytes=0-" + (session.Received.Length - 1).ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Applies one PUT to the session like Google's server: exact offsets, 256 KiB granularity, totals must agree.</summary>
    private string? Apply(Session session, string range, byte[] body, Fault? fault, out long? total)
    {
        total = null;
        if (session.Done)
        {
            return null;
        }

        if (!range.StartsWith("bytes ", StringComparison.Ordinal))
        {
            return "missing Content-Range";
        }

        var spec = range["bytes ".Length..];
        int slash = spec.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return "bad Content-Range";
        }

        string totalText = spec[(slash + 1)..];
        if (totalText != "*")
        {
            if (!long.TryParse(totalText, NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                return "bad total";
            }

            total = t;
            if (session.DeclaredLength is long declared && declared != t)
            {
                return "total differs from X-Upload-Content-Length";
            }
        }

        string span = spec[..slash];
        if (span == "*")
        {
            if (body.Length != 0)
            {
                return "body with bytes */";
            }

            if (total is long final && final == session.Received.Length)
            {
                session.Done = true;
                Complete("resumable", session.Metadata, session.Received.ToArray(), session.MimeType);
            }

            return null;
        }

        int dash = span.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0 || !long.TryParse(span[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var first) ||
            !long.TryParse(span[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var last) || last < first)
        {
            return "bad byte range " + span;
        }

        if (first != session.Received.Length)
        {
            return $"chunk starts at {first} but {session.Received.Length} bytes are persisted";
        }

        if (last - first + 1 != body.Length)
        {
            return "Content-Range length differs from the body";
        }

        bool isFinal = total is long tt && last + 1 == tt;
        if (total is long limit && last + 1 > limit)
        {
            return "chunk beyond total";
        }

        if (!isFinal && body.Length % Granularity != 0)
        {
            return "non-final chunk not a multiple of 256 KiB";
        }

        int keep = body.Length;
        if (fault?.PersistOnly is int prefix)
        {
            keep = Math.Min(prefix, body.Length);
        }

        if (fault is { OmitRange: true })
        {
            keep = 0;
        }

        session.Received.Write(body, 0, keep);
        if (isFinal && keep == body.Length)
        {
            session.Done = true;
            Complete("resumable", session.Metadata, session.Received.ToArray(), session.MimeType);
        }

        return null;
    }

    private async Task HandleSimpleAsync(HttpContext ctx)
    {
        SimpleFaults.TryDequeue(out var fault);
        var body = await ReadBodyAsync(ctx, fault?.AbortAfterBytes);
        string uploadType = ctx.Request.Query["uploadType"].ToString();
        Record(ctx, uploadType, body?.Length ?? -1);
        if (body is null)
        {
            ctx.Abort();
            return;
        }

        if (fault is { Status: > 0 })
        {
            await ErrorAsync(ctx, fault.Status, fault.Reason, "simple upload fault", fault.RetryAfter);
            return;
        }

        string contentType = ctx.Request.ContentType ?? string.Empty;
        if (uploadType == "media")
        {
            Complete("media", null, body, contentType);
            await ResourceAsync(ctx, null, body, contentType);
            return;
        }

        if (!TryParseMultipart(contentType, body, out var metadata, out var media, out var mediaType))
        {
            await ErrorAsync(ctx, 400, "badContent", "malformed multipart/related body");
            return;
        }

        Complete("multipart", metadata, media, mediaType);
        await ResourceAsync(ctx, metadata, media, mediaType);
    }

    private static bool TryParseMultipart(string contentType, byte[] body, out string metadata, out byte[] media, out string mediaType)
    {
        metadata = string.Empty;
        media = Array.Empty<byte>();
        mediaType = string.Empty;
        const string marker = "boundary=";
        int at = contentType.IndexOf(marker, StringComparison.Ordinal);
        if (!contentType.StartsWith("multipart/related", StringComparison.Ordinal) || at < 0)
        {
            return false;
        }

        var delimiter = Encoding.ASCII.GetBytes("--" + contentType[(at + marker.Length)..].Trim('"'));
        var crlf2 = "\r\n\r\n"u8.ToArray();
        var span = body.AsSpan();
        if (!span.StartsWith(delimiter) || !span[delimiter.Length..].StartsWith("\r\n"u8))
        {
            return false;
        }

        int head1 = delimiter.Length + 2;
        int head1End = span[head1..].IndexOf(crlf2) + head1;
        var nextDelimiter = "\r\n"u8.ToArray().Concat(delimiter).ToArray();
        int jsonEnd = span[head1End..].IndexOf(nextDelimiter) + head1End;
        if (head1End < head1 || jsonEnd < head1End)
        {
            return false;
        }

        var headers1 = Encoding.ASCII.GetString(span[head1..head1End]);
        if (!headers1.Contains("application/json", StringComparison.Ordinal))
        {
            return false;
        }

        metadata = Encoding.UTF8.GetString(span[(head1End + 4)..jsonEnd]);
        int head2 = jsonEnd + nextDelimiter.Length + 2;
        int head2End = span[head2..].IndexOf(crlf2) + head2;
        var closing = nextDelimiter.Concat("--"u8.ToArray()).ToArray();
        int mediaEnd = span.LastIndexOf(closing);
        if (head2End < head2 || mediaEnd < head2End + 4)
        {
            return false;
        }

        var headers2 = Encoding.ASCII.GetString(span[head2..head2End]);
        mediaType = headers2.Split("\r\n").First(h => h.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))["Content-Type:".Length..].Trim();
        media = span[(head2End + 4)..mediaEnd].ToArray();
        return true;
    }

    private async Task HandleDownloadAsync(HttpContext ctx)
    {
        Record(ctx, "download", 0);
        DownloadFaults.TryDequeue(out var fault);
        if (fault is { Status: > 0 })
        {
            await ErrorAsync(ctx, fault.Status, fault.Reason, "download fault", fault.RetryAfter);
            return;
        }

        var content = DownloadContent;
        string etag = "\"" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content))[..16] + "\"";
        ctx.Response.Headers.ETag = etag;
        long from = 0, to = content.Length - 1;
        bool ranged = false;
        string rangeHeader = ctx.Request.Headers.Range.ToString();
        string ifRange = ctx.Request.Headers.IfRange.ToString();
        bool sameVersion = ifRange.Length == 0 || ifRange == etag;
        if (NextDownloadContent is { } next)
        {
            DownloadContent = next;
            NextDownloadContent = null;
        }

        if (rangeHeader.StartsWith("bytes=", StringComparison.Ordinal) && fault is not { IgnoreRange: true } && sameVersion)
        {
            var parts = rangeHeader["bytes=".Length..].Split('-');
            from = long.Parse(parts[0], CultureInfo.InvariantCulture);
            to = parts[1].Length > 0 ? Math.Min(long.Parse(parts[1], CultureInfo.InvariantCulture), content.Length - 1) : content.Length - 1;
            ranged = true;
            if (from >= content.Length)
            {
                ctx.Response.StatusCode = 416;
                ctx.Response.Headers.ContentRange = "bytes */" + content.Length.ToString(CultureInfo.InvariantCulture);
                return;
            }
        }

        int length = (int)(to - from + 1);
        ctx.Response.StatusCode = ranged ? 206 : 200;
        ctx.Response.ContentType = "application/octet-stream";
        ctx.Response.ContentLength = length;
        if (ranged)
        {
            ctx.Response.Headers.ContentRange = $"bytes {from}-{to}/{content.Length}";
        }

        int send = fault?.AbortAfterBytes is int cut ? Math.Min(cut, length) : length;
        await ctx.Response.Body.WriteAsync(content.AsMemory((int)from, send));
        if (send < length)
        {
            await ctx.Response.Body.FlushAsync();
            ctx.Abort();
        }
    }

    private async Task HandleJsonAsync(HttpContext ctx)
    {
        var body = await ReadBodyAsync(ctx, null);
        Record(ctx, "json", body!.Length);
        if (JsonFaults.TryDequeue(out var fault) && fault.Status > 0)
        {
            await ErrorAsync(ctx, fault.Status, fault.Reason, "json fault", fault.RetryAfter);
            return;
        }

        if (ctx.Request.Method == "DELETE")
        {
            ctx.Response.StatusCode = 204;
            return;
        }

        string id = ctx.Request.Path.Value!.Split('/').Last();
        string? name = "Pig";
        if (body.Length > 0)
        {
            using var doc = JsonDocument.Parse(body);
            name = doc.RootElement.TryGetProperty("name", out var n) ? n.GetString() : null;
            id = "a1";
        }

        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object?> { ["id"] = id, ["name"] = name }));
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpContext ctx, int? abortAfter)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            int n;
            try
            {
                n = await ctx.Request.Body.ReadAsync(buffer);
            }
            catch (IOException)
            {
                return null;
            }

            if (n == 0)
            {
                break;
            }

            copy.Write(buffer, 0, n);
            if (abortAfter is int cut && copy.Length >= cut)
            {
                return null;
            }
        }

        return abortAfter is null ? copy.ToArray() : copy.Length >= abortAfter ? null : copy.ToArray();
    }

    private void Complete(string protocol, string? metadata, byte[] media, string? mimeType)
    {
        string? name = null;
        if (!string.IsNullOrEmpty(metadata))
        {
            using var doc = JsonDocument.Parse(metadata);
            name = doc.RootElement.TryGetProperty("name", out var n) ? n.GetString() : null;
        }

        lock (_gate)
        {
            _completed.Add(new CompletedUpload(protocol, name, TestData.Sha(media), media.Length, mimeType));
        }
    }

    private static async Task ResourceAsync(HttpContext ctx, string? metadata, byte[] media, string? mimeType)
    {
        string? name = null;
        if (!string.IsNullOrEmpty(metadata))
        {
            using var doc = JsonDocument.Parse(metadata);
            name = doc.RootElement.TryGetProperty("name", out var n) ? n.GetString() : null;
        }

        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = "a1",
            ["name"] = name,
            ["size"] = media.Length,
            ["sha256"] = TestData.Sha(media),
            ["mimeType"] = mimeType,
        }));
    }

    private static async Task ErrorAsync(HttpContext ctx, int status, string? reason, string message, string? retryAfter = null)
    {
        ctx.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            ctx.Response.Headers.RetryAfter = retryAfter;
        }

        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["error"] = new Dictionary<string, object>
            {
                ["code"] = status,
                ["message"] = message,
                ["errors"] = new[] { new Dictionary<string, string> { ["reason"] = reason ?? "error", ["message"] = message } },
            },
        }));
    }

    private void Record(HttpContext ctx, string kind, long bodyLength)
    {
        var h = ctx.Request.Headers;
        var record = new RequestRecord(kind, ctx.Request.Method, ctx.Request.Path + ctx.Request.QueryString, h.ContentRange.ToString() is { Length: > 0 } r ? r : null,
            bodyLength, h.Authorization.ToString() is { Length: > 0 } a ? a : null, h.UserAgent.ToString(), ctx.Request.ContentType,
            h["X-Upload-Content-Length"].ToString() is { Length: > 0 } l ? l : null, h["X-Upload-Content-Type"].ToString() is { Length: > 0 } t ? t : null);
        lock (_gate)
        {
            _requests.Add(record);
        }
    }

    private static string SessionId(string query)
    {
        const string key = "upload_id=";
        int at = query.IndexOf(key, StringComparison.Ordinal);
        if (at < 0)
        {
            return string.Empty;
        }

        var rest = query[(at + key.Length)..];
        int amp = rest.IndexOf('&', StringComparison.Ordinal);
        return amp < 0 ? rest : rest[..amp];
    }

    private sealed class Session
    {
        public string? Metadata { get; init; }

        public string? MimeType { get; init; }

        public long? DeclaredLength { get; init; }

        public MemoryStream Received { get; } = new();

        public bool Done { get; set; }
    }
}
