using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Farm.Server;

/// <summary>Routes requests on the <c>/upload/…</c> (and <c>/resumable/upload/…</c>) paths to a protocol.</summary>
internal sealed class UploadEndpoints
{
    private readonly SimpleUploads simple;
    private readonly ResumableUploads resumable;

    public UploadEndpoints(SimpleUploads simple, ResumableUploads resumable)
    {
        this.simple = simple;
        this.resumable = resumable;
    }

    /// <summary><c>/upload/farm/v1/animals</c>: POST inserts; session requests carry <c>upload_id</c>.</summary>
    public Task CollectionAsync(HttpContext context) => DispatchAsync(context, animalId: null, HttpMethods.Post);

    /// <summary><c>/upload/farm/v1/animals/{animalId}</c>: PUT updates; session requests carry <c>upload_id</c>.</summary>
    public Task AnimalAsync(HttpContext context) =>
        DispatchAsync(context, (string)context.GetRouteValue("animalId")!, HttpMethods.Put);

    private Task DispatchAsync(HttpContext context, string? animalId, string methodVerb)
    {
        string? uploadId = context.Request.Query["upload_id"];
        if (!string.IsNullOrEmpty(uploadId))
        {
            return resumable.HandleSessionAsync(context, uploadId);
        }

        if (!HttpMethods.Equals(context.Request.Method, methodVerb))
        {
            throw new FarmApiException(405, "methodNotAllowed", $"Method {context.Request.Method} is not allowed here without an upload_id.");
        }

        return UploadType(context.Request) switch
        {
            "media" => simple.MediaAsync(context, animalId),
            "multipart" => simple.MultipartAsync(context, animalId),
            "resumable" => resumable.InitiateAsync(context, animalId),
            string other => throw FarmApiException.Invalid($"Invalid value for parameter 'uploadType': \"{other}\"."),
            null => throw FarmApiException.BadRequest("Upload requests must include an uploadType URL parameter."),
        };
    }

    /// <summary>Reads <c>uploadType</c>, falling back to the newer <c>upload_protocol</c> (where "raw" means "media").</summary>
    internal static string? UploadType(HttpRequest request)
    {
        string? uploadType = request.Query["uploadType"];
        if (!string.IsNullOrEmpty(uploadType))
        {
            return uploadType;
        }

        string? protocol = request.Query["upload_protocol"];
        return string.Equals(protocol, "raw", StringComparison.Ordinal) ? "media" : (string.IsNullOrEmpty(protocol) ? null : protocol);
    }
}
