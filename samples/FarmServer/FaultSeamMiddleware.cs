using System;
using System.Buffers;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Farm.Server;

/// <summary>
/// The outermost middleware: names each request's <see cref="RequestKind"/>, records it, and applies the faults
/// scripted for that kind. Faults that need no protocol knowledge (an error status, a dropped connection) are
/// answered here; the others reach the handlers as the request's <see cref="ScriptedFault"/> feature.
/// </summary>
internal sealed class FaultSeamMiddleware
{
    private readonly FaultScript script;
    private readonly RequestRecorder recorder;

    public FaultSeamMiddleware(FaultScript script, RequestRecorder recorder)
    {
        this.script = script;
        this.recorder = recorder;
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        HttpRequest request = context.Request;
        RequestKind kind = Classify(request);
        using var body = new HashingReadStream(request.Body);
        request.Body = body;
        RecordedRequest started = Describe(context, kind);
        int index = recorder.Add(started);
        try
        {
            ScriptedFault? fault = script.Next(kind);
            if (fault is { Status: > 0, PersistThenFail: false, Expire: false })
            {
                await DrainAsync(body, limit: long.MaxValue, context);
                if (fault.RetryAfter is not null)
                {
                    context.Response.Headers.RetryAfter = fault.RetryAfter;
                }

                await JsonResponses.WriteErrorAsync(context, fault.Status, fault.Reason ?? "backendError", $"Injected fault: {fault.Status}.");
            }
            else if (fault is { AbortAfterBytes: int cut, PersistThenFail: false } && kind != RequestKind.Download)
            {
                await DrainAsync(body, cut, context);
                context.Abort();
            }
            else
            {
                if (fault is not null)
                {
                    context.Features.Set(fault);
                }

                await next(context);
            }
        }
        finally
        {
            int status = context.RequestAborted.IsCancellationRequested ? 0 : context.Response.StatusCode;
            recorder.Replace(index, started with { BodyLength = body.BytesRead, BodySha256 = body.Sha256(), Status = status });
        }
    }

    internal static RequestKind Classify(HttpRequest request)
    {
        string path = request.Path.Value ?? string.Empty;
        bool upload = path.StartsWith("/upload/", StringComparison.Ordinal) || path.StartsWith("/resumable/upload/", StringComparison.Ordinal);
        if (path.StartsWith(BatchEndpoint.PathPrefix, StringComparison.Ordinal))
        {
            return RequestKind.Batch;
        }

        if (path == TokenEndpoints.TokenPath)
        {
            return RequestKind.Token;
        }

        if (path.StartsWith(TokenEndpoints.MetadataPrefix, StringComparison.Ordinal))
        {
            return RequestKind.Metadata;
        }

        if (!upload)
        {
            return HttpMethods.IsGet(request.Method) && request.Query["alt"] == "media" ? RequestKind.Download : RequestKind.Json;
        }

        if (!string.IsNullOrEmpty(request.Query["upload_id"]))
        {
            if (HttpMethods.IsDelete(request.Method))
            {
                return RequestKind.CancelSession;
            }

            string? range = request.Headers.ContentRange;
            bool query = range is not null && range.StartsWith("bytes */", StringComparison.Ordinal) && (request.ContentLength ?? 0) == 0;
            return query ? RequestKind.StatusQuery : RequestKind.Chunk;
        }

        return UploadEndpoints.UploadType(request) switch
        {
            "resumable" => RequestKind.Initiate,
            "multipart" => RequestKind.MultipartUpload,
            _ => RequestKind.MediaUpload,
        };
    }

    private static RecordedRequest Describe(HttpContext context, RequestKind kind)
    {
        HttpRequest request = context.Request;
        IHeaderDictionary h = request.Headers;
        return new RecordedRequest(
            kind,
            request.Method,
            request.Path + request.QueryString,
            Header(h.Range),
            Header(h.IfRange),
            Header(h.ContentRange),
            request.ContentType,
            Header(h.Authorization),
            Header(h.UserAgent),
            Header(h["X-Upload-Content-Type"]),
            Header(h["X-Upload-Content-Length"]),
            BodyLength: 0,
            BodySha256: string.Empty,
            Status: -1)
        {
            GoogHash = Header(h[Farm.Server.GoogHash.Header]),
        };
    }

    private static string? Header(Microsoft.Extensions.Primitives.StringValues value) => value.Count == 0 ? null : value.ToString();

    private static async Task DrainAsync(Stream body, long limit, HttpContext context)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long remaining = limit;
            int read;
            while (remaining > 0 && (read = await body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), context.RequestAborted)) > 0)
            {
                remaining -= read;
            }
        }
        catch (IOException)
        {
            // The client went away mid-body; the fault's answer is moot.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
