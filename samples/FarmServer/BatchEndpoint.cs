using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Farm.Server;

/// <summary>
/// <c>POST /batch/farm/v1</c>: a <c>multipart/mixed</c> body of <c>application/http</c> parts, parsed strictly. Each
/// call is sent to this same server as a request of its own (so it is routed, recorded and faulted like any call),
/// and the answers come back as <c>response-</c> Content-IDs in shuffled order, as a real server may. A
/// <see cref="ScriptedFault"/> for <see cref="RequestKind.Batch"/> can hold the answer, fail it after the calls ran,
/// cut it mid-body, or spoil the first call's part.
/// </summary>
internal sealed class BatchEndpoint : IDisposable
{
    public const string PathPrefix = "/batch/";

    private const int MaxPartBytes = 1024 * 1024;
    private const int MaxBodyBytes = 64 * 1024 * 1024;

    // Headers of the outer request that every call inherits unless it sets its own.
    private static readonly string[] SharedHeaders = [HeaderNames.Authorization, HeaderNames.UserAgent];

    private readonly HttpClient self = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
    private readonly FarmServerOptions options;

    public BatchEndpoint(FarmServerOptions options) => this.options = options;

    /// <summary>Every batch body received, byte for byte.</summary>
    public AppendOnlyLog<RecordedBatch> Received { get; } = new();

    public async Task HandleAsync(HttpContext context)
    {
        string boundary = RequireMultipartMixed(context.Request.ContentType);
        using var raw = await ReadBodyAsync(context);
        Received.Add(new RecordedBatch(context.Request.ContentType, raw.ToArray()));
        var calls = await ReadCallsAsync(context, raw, boundary);
        ScriptedFault? fault = context.Features.Get<ScriptedFault>();
        var answers = new List<(string Id, HttpResponseMessage Response, byte[] Body)>(calls.Count);
        try
        {
            foreach (var (id, call) in calls)
            {
                var response = await SendAsync(context, call);
                answers.Add((id, response, await response.Content.ReadAsByteArrayAsync(context.RequestAborted)));
            }

            if (fault?.Hold is { } hold)
            {
                fault.Reached?.TrySetResult();
                await hold.WaitAsync(context.RequestAborted);
            }

            if (fault is { PersistThenFail: true, Status: > 0 })
            {
                // The calls ran but their answers are lost, as when a proxy fails after the backend acted.
                await JsonResponses.WriteErrorAsync(context, fault.Status, fault.Reason ?? "backendError", $"Injected fault after running the batch: {fault.Status}.");
                return;
            }

            if (fault is { PersistThenFail: true, AbortAfterBytes: not null })
            {
                // The calls ran and their answer starts, then the connection drops: the client cannot know which ran.
                context.Response.Body = new FaultyResponseStream(context, fault);
            }

            string first = answers[0].Id;
            Random.Shared.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(answers));
            await WriteAnswersAsync(context, answers, fault?.BatchAnswer is { } damage ? (first, damage) : null);
        }
        finally
        {
            foreach (var answer in answers)
            {
                answer.Response.Dispose();
            }
        }
    }

    public void Dispose() => self.Dispose();

    private static string RequireMultipartMixed(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? type)
            || !type.MediaType.Equals("multipart/mixed", StringComparison.OrdinalIgnoreCase))
        {
            throw FarmApiException.BadRequest("A batch request must have a multipart/mixed body.");
        }

        string? boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        return string.IsNullOrEmpty(boundary) ? throw FarmApiException.BadRequest("The multipart/mixed Content-Type has no boundary.") : boundary;
    }

    private static async Task<MemoryStream> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            throw FarmApiException.BadRequest($"A batch body may hold at most {MaxBodyBytes} bytes.");
        }

        var raw = new MemoryStream();
        await context.Request.Body.CopyToAsync(raw, context.RequestAborted);
        if (raw.Length > MaxBodyBytes)
        {
            throw FarmApiException.BadRequest($"A batch body may hold at most {MaxBodyBytes} bytes.");
        }

        raw.Position = 0;
        return raw;
    }

    private async Task<List<(string Id, EmbeddedHttpRequest Call)>> ReadCallsAsync(HttpContext context, Stream raw, string boundary)
    {
        var reader = new MultipartReader(boundary, raw) { BodyLengthLimit = MaxPartBytes };
        var calls = new List<(string Id, EmbeddedHttpRequest Call)>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
            {
                if (!string.Equals(section.ContentType, "application/http", StringComparison.OrdinalIgnoreCase))
                {
                    throw FarmApiException.BadRequest($"Every batch part must be application/http, not '{section.ContentType}'.");
                }

                string? encoding = section.Headers?.GetValueOrDefault("Content-Transfer-Encoding");
                if (!string.Equals(encoding, "binary", StringComparison.OrdinalIgnoreCase))
                {
                    throw FarmApiException.BadRequest("Every batch part must have Content-Transfer-Encoding: binary.");
                }

                string? id = section.Headers?.GetValueOrDefault("Content-ID");
                if (string.IsNullOrEmpty(id) || !ids.Add(id))
                {
                    throw FarmApiException.BadRequest(string.IsNullOrEmpty(id) ? "A batch part has no Content-ID." : $"The Content-ID '{id}' is used twice.");
                }

                using var body = new MemoryStream();
                await section.Body.CopyToAsync(body, context.RequestAborted);
                calls.Add((id, EmbeddedHttpRequest.Parse(body.ToArray())));
                if (calls.Count > options.MaxBatchCalls)
                {
                    throw FarmApiException.BadRequest($"A batch may hold at most {options.MaxBatchCalls} calls.");
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !context.RequestAborted.IsCancellationRequested)
        {
            throw FarmApiException.BadRequest("Malformed multipart/mixed batch body: " + e.Message);
        }

        return calls.Count == 0 ? throw FarmApiException.BadRequest("A batch request holds no calls.") : calls;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpContext context, EmbeddedHttpRequest call)
    {
        HttpRequest outer = context.Request;
        var request = new HttpRequestMessage(new HttpMethod(call.Method), new Uri($"{outer.Scheme}://{outer.Host}{call.Target}"));
        if (call.Target.StartsWith("/upload/", StringComparison.Ordinal) || call.Target.StartsWith("/resumable/upload/", StringComparison.Ordinal))
        {
            // Google refuses media in a batch; answered per call so the others still run.
            request.Dispose();
            var refused = new ByteArrayContent(JsonResponses.ErrorBytes(400, "badRequest", "Media uploads cannot be batched."));
            refused.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "UTF-8" };
            return new HttpResponseMessage(System.Net.HttpStatusCode.BadRequest) { Content = refused };
        }

        if (call.Body.Length > 0)
        {
            request.Content = new ByteArrayContent(call.Body);
        }

        foreach (var (name, value) in call.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value) && request.Content is not null)
            {
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        foreach (string name in SharedHeaders)
        {
            if (!request.Headers.Contains(name) && outer.Headers.TryGetValue(name, out var value))
            {
                request.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)value);
            }
        }

        using (request)
        {
            return await self.SendAsync(request, context.RequestAborted);
        }
    }

    /// <summary>Google answers <c>&lt;x&gt;</c> with <c>&lt;response-x&gt;</c>; a bare id gets a bare <c>response-</c> prefix.</summary>
    private static string AnswerId(string id) =>
        id.Length >= 2 && id[0] == '<' && id[^1] == '>' ? "<response-" + id[1..^1] + ">" : "response-" + id;

    private static async Task WriteAnswersAsync(HttpContext context, List<(string Id, HttpResponseMessage Response, byte[] Body)> answers, (string Id, BatchAnswerFault Fault)? spoil)
    {
        string boundary = "batch_" + Guid.NewGuid().ToString("N");
        var text = new StringBuilder();
        using var body = new MemoryStream();
        foreach (var (id, response, content) in answers)
        {
            BatchAnswerFault? damage = spoil is { } s && s.Id == id ? s.Fault : null;
            bool spoiled = damage is not null;
            if (spoiled && damage == BatchAnswerFault.Omit)
            {
                continue;
            }

            text.Clear();
            text.Append("--").Append(boundary).Append("\r\n")
                .Append("Content-Type: application/http\r\n")
                .Append("Content-ID: ").Append(AnswerId(spoiled && damage == BatchAnswerFault.UnknownId ? "<no-such-call>" : id)).Append("\r\n\r\n");
            if (spoiled && damage == BatchAnswerFault.Garble)
            {
                text.Append("this is not an HTTP response\r\n\r\n");
                body.Write(Encoding.ASCII.GetBytes(text.ToString()));
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {(int)response.StatusCode} {response.ReasonPhrase}\r\n");
            foreach (var header in response.Headers.Concat(response.Content.Headers).Where(h => h.Key is not ("Content-Length" or "Transfer-Encoding" or "Date" or "Server")))
            {
                text.Append(header.Key).Append(": ").Append(string.Join(", ", header.Value)).Append("\r\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"Content-Length: {content.Length}\r\n\r\n");
            body.Write(Encoding.ASCII.GetBytes(text.ToString()));
            body.Write(content);
            body.Write("\r\n"u8);
        }

        body.Write(Encoding.ASCII.GetBytes("--" + boundary + "--\r\n"));
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "multipart/mixed; boundary=" + boundary;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body.GetBuffer().AsMemory(0, (int)body.Length), context.RequestAborted);
    }
}
