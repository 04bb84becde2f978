using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.Features;

namespace Farm.Server;

/// <summary>Initiation and session requests of <c>uploadType=resumable</c>.</summary>
internal sealed class ResumableUploads
{
    private const int BufferSize = 1024 * 1024;

    private readonly ConcurrentDictionary<string, UploadSession> sessions = new(StringComparer.Ordinal);
    private readonly AnimalStore store;
    private readonly FarmServerOptions options;
    private readonly UploadLog log;

    public ResumableUploads(AnimalStore store, FarmServerOptions options, UploadLog log)
    {
        this.store = store;
        this.options = options;
        this.log = log;
    }

    public async Task InitiateAsync(HttpContext context, string? animalId)
    {
        HttpRequest request = context.Request;
        AnimalResource? body = await JsonResponses.ReadAnimalAsync(request.Body, context.RequestAborted);
        AnimalResource? metadata = body is null ? null : AnimalMetadata.ToStoredMetadata(body);
        string contentType = MediaTypes.RequireAccepted(request.Headers["X-Upload-Content-Type"]);
        long? declaredLength = ParseDeclaredLength(request.Headers["X-Upload-Content-Length"]);
        if (declaredLength > options.MaxUploadSize)
        {
            throw FarmApiException.TooLarge(options.MaxUploadSize);
        }

        if (animalId is not null && store.Find(animalId) is null)
        {
            throw FarmApiException.NotFound($"Animal '{animalId}' not found.");
        }

        // The session URI is a bearer capability, so its id must be unguessable.
        string id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));
        string path = Path.Combine(store.UploadDirectory, id + ".part");
        await using (new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
        }

        sessions[id] = new UploadSession(id, animalId, metadata, contentType, declaredLength, path);

        QueryString query = QueryString.Create("uploadType", "resumable").Add("upload_id", id);
        ScriptedFault? fault = context.Features.Get<ScriptedFault>();
        context.Response.StatusCode = StatusCodes.Status200OK;
        if (fault is not { NoLocation: true })
        {
            HostString host = fault?.LocationHost is { } other ? new HostString(other, request.Host.Port ?? 80) : request.Host;
            context.Response.Headers.Location = UriHelper.BuildAbsolute(request.Scheme, host, request.PathBase, request.Path, query);
        }

        context.Response.Headers["X-GUploader-UploadID"] = id;
        context.Response.ContentLength = 0;
    }

    /// <summary>Bytes confirmed so far on the session with this id, or -1 when there is none.</summary>
    public long Persisted(string uploadId) => sessions.TryGetValue(uploadId, out UploadSession? session) && !session.Cancelled ? session.Persisted : -1;

    public async Task HandleSessionAsync(HttpContext context, string uploadId)
    {
        if (context.Features.Get<ScriptedFault>() is { Expire: true })
        {
            sessions.TryRemove(uploadId, out _);
        }

        if (!sessions.TryGetValue(uploadId, out UploadSession? session))
        {
            throw FarmApiException.NotFound("No active upload session with this upload_id.");
        }

        await session.Gate.WaitAsync(context.RequestAborted);
        try
        {
            if (session.Cancelled)
            {
                throw new FarmApiException(ResumableProtocol.Cancelled, "canceled", "The upload session was cancelled.");
            }

            if (HttpMethods.IsDelete(context.Request.Method))
            {
                session.Cancelled = true;
                File.Delete(session.FilePath);
                throw new FarmApiException(ResumableProtocol.Cancelled, "canceled", "The upload session was cancelled.");
            }

            if (session.Result is not null)
            {
                // The final response may have been lost; answering again lets the client finish without re-sending.
                await JsonResponses.WriteAnimalAsync(context, session.Result);
                return;
            }

            ContentRange range = ReadContentRange(context.Request, session);
            if (range.IsStatusQuery)
            {
                await HandleStatusQueryAsync(context, session, range);
            }
            else
            {
                await HandleChunkAsync(context, session, range);
            }
        }
        finally
        {
            session.Gate.Release();
        }
    }

    private ContentRange ReadContentRange(HttpRequest request, UploadSession session)
    {
        string? header = request.Headers.ContentRange;
        ContentRange range;
        if (header is null)
        {
            // Without Content-Range the body is the whole upload in one request.
            if (session.Persisted != 0 || request.ContentLength is not long length)
            {
                throw FarmApiException.BadRequest("Missing Content-Range header.");
            }

            range = length == 0 ? new ContentRange(null, null, 0) : new ContentRange(0, length - 1, length);
        }
        else if (!ContentRange.TryParse(header, out range))
        {
            throw FarmApiException.BadRequest($"Invalid Content-Range header '{header}'.");
        }

        if (range.Total is long total)
        {
            if (total > options.MaxUploadSize)
            {
                throw FarmApiException.TooLarge(options.MaxUploadSize);
            }

            if (session.TotalLength is long declared && declared != total)
            {
                throw FarmApiException.BadRequest($"Content-Range total {total} differs from the upload size {declared} declared earlier.");
            }
        }

        return range;
    }

    private async Task HandleStatusQueryAsync(HttpContext context, UploadSession session, ContentRange range)
    {
        if (context.Request.ContentLength is > 0 || await HasBodyAsync(context))
        {
            throw FarmApiException.BadRequest("A request with Content-Range 'bytes */…' must have an empty body.");
        }

        if (range.Total is long total)
        {
            if (total < session.Persisted)
            {
                throw FarmApiException.BadRequest($"Content-Range total {total} is smaller than the {session.Persisted} bytes already persisted.");
            }

            session.TotalLength = total;
            if (total == session.Persisted)
            {
                await CompleteAsync(context, session);
                return;
            }
        }

        WriteResumeIncomplete(context, session);
    }

    private async Task HandleChunkAsync(HttpContext context, UploadSession session, ContentRange range)
    {
        long first = range.First!.Value;
        long last = range.Last!.Value;
        long length = range.Length;
        if (first != session.Persisted)
        {
            throw FarmApiException.BadRequest(
                $"Invalid request. The chunk starts at byte {first}, but {session.Persisted} byte(s) are persisted; resume from byte {session.Persisted}.");
        }

        if (context.Request.ContentLength is long contentLength && contentLength != length)
        {
            throw FarmApiException.BadRequest($"Content-Length {contentLength} does not match Content-Range length {length}.");
        }

        if (last >= options.MaxUploadSize)
        {
            throw FarmApiException.TooLarge(options.MaxUploadSize);
        }

        if (session.TotalLength is long declared && last >= declared)
        {
            throw FarmApiException.BadRequest($"Content-Range end {last} lies beyond the declared upload size {declared}.");
        }

        bool final = range.Total is long total && last + 1 == total;
        if (!final && length % ResumableProtocol.ChunkGranularity != 0)
        {
            throw FarmApiException.BadRequest(
                $"Invalid request. Non-final chunks must be a multiple of {ResumableProtocol.ChunkGranularity} bytes; this one has {length}.");
        }

        session.TotalLength ??= range.Total;
        if (context.Features.Get<ScriptedFault>() is { } scripted)
        {
            await ApplyScriptedAsync(context, session, scripted, first, length, final);
            return;
        }

        await ReceiveChunkAsync(context, session, first, length);
        session.Persisted = last + 1;
        if (final)
        {
            await CompleteAsync(context, session);
        }
        else
        {
            WriteResumeIncomplete(context, session);
        }
    }

    /// <summary>The chunk faults a test or the random source scripted: what is persisted, and what the client is told.</summary>
    private async Task ApplyScriptedAsync(HttpContext context, UploadSession session, ScriptedFault fault, long first, long length, bool final)
    {
        await ReceiveChunkAsync(context, session, first, length);
        session.Persisted = fault switch
        {
            { OmitRange: true } => session.Persisted,
            { PersistOnly: int prefix } => first + Math.Min(prefix, length),
            _ => first + length,
        };

        if (fault.Hold is { } hold)
        {
            fault.Reached?.TrySetResult();
            await hold.WaitAsync(context.RequestAborted);
        }

        if (fault is { PersistThenFail: true, Status: > 0 })
        {
            await JsonResponses.WriteErrorAsync(context, fault.Status, fault.Reason ?? "backendError", "Injected fault: the response is lost.");
        }
        else if (fault.CompleteEarly || (final && session.Persisted == first + length))
        {
            await CompleteAsync(context, session);
        }
        else
        {
            WriteResumeIncomplete(context, session, omitRange: fault.OmitRange);
        }
    }

    /// <summary>Writes the chunk at its offset; nothing counts as persisted until the whole body arrived intact.</summary>
    private static async Task ReceiveChunkAsync(HttpContext context, UploadSession session, long offset, long length)
    {
        long received = 0;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var file = new FileStream(session.FilePath, FileMode.Open, FileAccess.Write, FileShare.Read, 1, FileOptions.Asynchronous);
            file.Position = offset;

            // Reading one byte past the announced length is how an oversized body is detected.
            int want;
            while ((want = (int)Math.Min(buffer.Length, length + 1 - received)) > 0)
            {
                int read = await context.Request.Body.ReadAsync(buffer.AsMemory(0, want), context.RequestAborted);
                if (read == 0)
                {
                    break;
                }

                int writable = (int)Math.Min(read, length - received);
                if (writable > 0)
                {
                    await file.WriteAsync(buffer.AsMemory(0, writable), context.RequestAborted);
                }

                received += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (received != length)
        {
            throw FarmApiException.BadRequest(
                received > length
                    ? $"The body is longer than the {length} bytes announced by Content-Range."
                    : $"The body has {received} bytes but Content-Range announces {length}.");
        }
    }

    private async Task CompleteAsync(HttpContext context, UploadSession session)
    {
        // A partially persisted chunk may have left unconfirmed scratch bytes behind the persisted end.
        await using (var file = new FileStream(session.FilePath, FileMode.Open, FileAccess.Write))
        {
            file.SetLength(session.Persisted);
        }

        PictureDigest digest = await PictureFiles.HashAsync(session.FilePath, context.RequestAborted);
        try
        {
            GoogHash.Verify(context.Request, digest);
        }
        catch (FarmApiException)
        {
            // The object is not created, and the session cannot be completed another way.
            sessions.TryRemove(session.Id, out _);
            File.Delete(session.FilePath);
            throw;
        }

        if (context.Features.Get<ScriptedFault>() is { CorruptStored: true })
        {
            digest = await PictureFiles.CorruptAsync(session.FilePath, context.RequestAborted);
        }

        string picturePath = store.NewPicturePath();
        File.Move(session.FilePath, picturePath);
        var picture = new StoredPicture(picturePath, session.Persisted, session.ContentType, digest);

        StoredAnimal? animal = session.TargetAnimalId is null
            ? store.Add(session.Metadata ?? new AnimalResource(), picture)
            : store.Replace(session.TargetAnimalId, session.Metadata, picture);
        if (animal is null)
        {
            File.Delete(picturePath);
            sessions.TryRemove(session.Id, out _);
            throw FarmApiException.NotFound($"Animal '{session.TargetAnimalId}' was deleted during the upload.");
        }

        log.Add(UploadProtocol.Resumable, animal);
        session.Result = animal.ToResource();
        await JsonResponses.WriteAnimalAsync(context, session.Result);
    }

    private static void WriteResumeIncomplete(HttpContext context, UploadSession session, bool omitRange = false)
    {
        context.Response.StatusCode = ResumableProtocol.ResumeIncomplete;

        // Google's reason phrase; Kestrel would otherwise say "Permanent Redirect", which misleads people reading traces.
        context.Features.Get<IHttpResponseFeature>()!.ReasonPhrase = "Resume Incomplete";
        if (session.Persisted > 0 && !omitRange)
        {
            context.Response.Headers.Range = $"bytes=0-{session.Persisted - 1}";
        }

        context.Response.ContentLength = 0;
    }

    private static long? ParseDeclaredLength(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        if (!long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out long length))
        {
            throw FarmApiException.BadRequest($"Invalid X-Upload-Content-Length header '{header}'.");
        }

        return length;
    }

    private static async Task<bool> HasBodyAsync(HttpContext context)
    {
        byte[] probe = new byte[1];
        return await context.Request.Body.ReadAsync(probe, context.RequestAborted) > 0;
    }
}
