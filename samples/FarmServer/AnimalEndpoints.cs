using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Farm.Server;

/// <summary>The JSON methods of the <c>animals</c> resource, plus <c>alt=media</c> downloads.</summary>
internal sealed class AnimalEndpoints
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;

    private readonly AnimalStore store;

    public AnimalEndpoints(AnimalStore store)
    {
        this.store = store;
    }

    public async Task InsertAsync(HttpContext context)
    {
        AnimalResource metadata = AnimalMetadata.ToStoredMetadata(await ReadRequiredBodyAsync(context));
        await JsonResponses.WriteAnimalAsync(context, store.Add(metadata, picture: null).ToResource());
    }

    public async Task GetAsync(HttpContext context)
    {
        StoredAnimal animal = Find(context);
        string? alt = context.Request.Query["alt"];
        if (string.IsNullOrEmpty(alt) || alt == "json")
        {
            await JsonResponses.WriteAnimalAsync(context, animal.ToResource());
        }
        else if (alt == "media")
        {
            await DownloadAsync(context, animal);
        }
        else
        {
            throw FarmApiException.Invalid($"Invalid value for parameter 'alt': \"{alt}\" is not supported by this server.");
        }
    }

    public async Task ListAsync(HttpContext context)
    {
        IQueryCollection query = context.Request.Query;
        string? kind = query["kind"];
        if (string.IsNullOrEmpty(kind))
        {
            kind = null;
        }
        else if (!AnimalMetadata.Kinds.Contains(kind, StringComparer.Ordinal))
        {
            throw FarmApiException.Invalid($"Invalid value for parameter 'kind': \"{kind}\".");
        }

        int pageSize = DefaultPageSize;
        string? maxResults = query["maxResults"];
        if (!string.IsNullOrEmpty(maxResults)
            && (!int.TryParse(maxResults, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            throw FarmApiException.Invalid($"Invalid value for parameter 'maxResults': \"{maxResults}\" (allowed: 1 to {MaxPageSize}).");
        }

        long after = PageToken.Decode(query["pageToken"]);
        (var page, bool more) = store.List(kind, after, pageSize);
        var list = new AnimalListResource
        {
            Items = page.Count == 0 ? null : page.Select(a => a.ToResource()).ToList(),
            NextPageToken = more ? PageToken.Encode(page[^1].Sequence) : null,
        };
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, list, static j => j.AnimalListResource);
    }

    public async Task UpdateAsync(HttpContext context)
    {
        string id = AnimalId(context);
        AnimalResource metadata = AnimalMetadata.ToStoredMetadata(await ReadRequiredBodyAsync(context));
        StoredAnimal animal = store.Replace(id, metadata, picture: null) ?? throw FarmApiException.NotFound($"Animal '{id}' not found.");
        await JsonResponses.WriteAnimalAsync(context, animal.ToResource());
    }

    public Task DeleteAsync(HttpContext context)
    {
        string id = AnimalId(context);
        if (!store.Remove(id))
        {
            throw FarmApiException.NotFound($"Animal '{id}' not found.");
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private async Task DownloadAsync(HttpContext context, StoredAnimal animal)
    {
        StoredPicture picture = animal.Picture ?? throw FarmApiException.NotFound($"Animal '{animal.Id}' has no picture.");
        ScriptedFault? fault = context.Features.Get<ScriptedFault>();
        if (fault is { IgnoreRange: true })
        {
            context.Request.Headers.Remove(HeaderNames.Range);
        }

        if (fault is { AbortAfterBytes: not null } or { CorruptInTransit: true })
        {
            context.Response.Body = new FaultyResponseStream(context, fault);
        }

        context.Response.Headers[GoogHash.Header] = GoogHash.Describe(picture.Digest);

        if (fault is { ServeDecompressed: true })
        {
            // What Cloud Storage does for an object stored gzip-encoded and fetched without Accept-Encoding: gzip.
            context.Response.Headers["x-goog-stored-content-encoding"] = "gzip";
            context.Response.Headers[HeaderNames.Warning] = "214 UploadServer gunzipped";
            context.Response.Headers[GoogHash.Header] = GoogHash.Describe(PictureDigest.Of(await GzipAsync(picture.FilePath, context.RequestAborted)));
        }

        // ASP.NET Core's file result implements Range, If-Range and 416 exactly as RFC 9110 says.
        IResult file = TypedResults.PhysicalFile(
            picture.FilePath,
            picture.ContentType,
            enableRangeProcessing: true,
            entityTag: new EntityTagHeaderValue("\"" + picture.Sha256 + "\""));
        try
        {
            await file.ExecuteAsync(context);
        }
        catch (FileNotFoundException) when (!context.Response.HasStarted)
        {
            // The picture was replaced or deleted between lookup and open.
            throw FarmApiException.NotFound($"Animal '{animal.Id}' has no picture.");
        }

        if (fault?.ReplaceMediaAfter is { } replacement)
        {
            store.ReplacePicture(animal.Id, replacement, picture.ContentType);
        }
    }

    private static async Task<byte[]> GzipAsync(string path, System.Threading.CancellationToken cancellationToken)
    {
        using var packed = new MemoryStream();
        await using (var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        await using (var file = File.OpenRead(path))
        {
            await file.CopyToAsync(gzip, cancellationToken);
        }

        return packed.ToArray();
    }

    private static async Task<AnimalResource> ReadRequiredBodyAsync(HttpContext context) =>
        await JsonResponses.ReadAnimalAsync(context.Request.Body, context.RequestAborted)
            ?? throw new FarmApiException(400, "required", "Required: request body.");

    private StoredAnimal Find(HttpContext context)
    {
        string id = AnimalId(context);
        return store.Find(id) ?? throw FarmApiException.NotFound($"Animal '{id}' not found.");
    }

    private static string AnimalId(HttpContext context) => (string)context.GetRouteValue("animalId")!;
}
