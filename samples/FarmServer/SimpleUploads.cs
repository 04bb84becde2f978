using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Farm.Server;

/// <summary>Single-request uploads: <c>uploadType=media</c> and <c>uploadType=multipart</c>.</summary>
internal sealed class SimpleUploads
{
    private readonly AnimalStore store;
    private readonly FarmServerOptions options;
    private readonly UploadLog log;

    public SimpleUploads(AnimalStore store, FarmServerOptions options, UploadLog log)
    {
        this.store = store;
        this.options = options;
        this.log = log;
    }

    /// <summary>The body is the picture; an insert gets empty metadata, an update keeps its metadata.</summary>
    public async Task MediaAsync(HttpContext context, string? animalId)
    {
        RejectDeclaredOversize(context.Request);
        string contentType = MediaTypes.RequireAccepted(context.Request.ContentType);
        RequireExisting(animalId);
        StoredPicture picture = await SavePictureAsync(context, context.Request.Body, contentType);
        await StoreAsync(context, animalId, metadata: null, picture, UploadProtocol.Media);
    }

    /// <summary>A multipart/related body: the JSON metadata part, then the media part.</summary>
    public async Task MultipartAsync(HttpContext context, string? animalId)
    {
        RejectDeclaredOversize(context.Request);
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out MediaTypeHeaderValue? type)
            || !type.MediaType.Equals("multipart/related", StringComparison.OrdinalIgnoreCase))
        {
            throw FarmApiException.BadRequest("uploadType=multipart requires a multipart/related request body.");
        }

        string? boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            throw FarmApiException.BadRequest("The multipart/related Content-Type has no boundary.");
        }

        RequireExisting(animalId);
        var reader = new MultipartReader(boundary, context.Request.Body);
        AnimalResource metadata;
        StoredPicture? picture = null;
        try
        {
            MultipartSection metadataPart = await reader.ReadNextSectionAsync(context.RequestAborted)
                ?? throw FarmApiException.BadRequest("The multipart body has no metadata part.");
            if (metadataPart.ContentType is string metadataType
                && !(MediaTypeHeaderValue.TryParse(metadataType, out MediaTypeHeaderValue? parsed)
                     && parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)))
            {
                throw FarmApiException.BadRequest($"The first multipart part must be application/json, not '{metadataType}'.");
            }

            metadata = AnimalMetadata.ToStoredMetadata(await JsonResponses.ReadAnimalAsync(metadataPart.Body, context.RequestAborted));

            MultipartSection mediaPart = await reader.ReadNextSectionAsync(context.RequestAborted)
                ?? throw FarmApiException.BadRequest("The multipart body has no media part.");
            string contentType = MediaTypes.RequireAccepted(mediaPart.ContentType);
            picture = await SavePictureAsync(context, mediaPart.Body, contentType);

            if (await reader.ReadNextSectionAsync(context.RequestAborted) is not null)
            {
                throw FarmApiException.BadRequest("The multipart body must have exactly two parts: metadata and media.");
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !context.RequestAborted.IsCancellationRequested)
        {
            DeleteUnstored(picture);
            throw FarmApiException.BadRequest("Malformed multipart body: " + e.Message);
        }
        catch (FarmApiException)
        {
            DeleteUnstored(picture);
            throw;
        }

        await StoreAsync(context, animalId, metadata, picture, UploadProtocol.Multipart);
    }

    private async Task<StoredPicture> SavePictureAsync(HttpContext context, Stream source, string contentType)
    {
        string path = store.NewPicturePath();
        (long size, PictureDigest digest) = await PictureFiles.SaveAsync(source, path, options.MaxUploadSize, context.RequestAborted);
        try
        {
            GoogHash.Verify(context.Request, digest);
        }
        catch (FarmApiException)
        {
            File.Delete(path);
            throw;
        }

        if (context.Features.Get<ScriptedFault>() is { CorruptStored: true })
        {
            digest = await PictureFiles.CorruptAsync(path, context.RequestAborted);
        }

        return new StoredPicture(path, size, contentType, digest);
    }

    private async Task StoreAsync(HttpContext context, string? animalId, AnimalResource? metadata, StoredPicture picture, UploadProtocol protocol)
    {
        StoredAnimal? animal = animalId is null
            ? store.Add(metadata ?? new AnimalResource(), picture)
            : store.Replace(animalId, metadata, picture);
        if (animal is null)
        {
            File.Delete(picture.FilePath);
            throw FarmApiException.NotFound($"Animal '{animalId}' not found.");
        }

        log.Add(protocol, animal);
        await JsonResponses.WriteAnimalAsync(context, animal.ToResource());
    }

    private void RejectDeclaredOversize(HttpRequest request)
    {
        if (request.ContentLength > options.MaxUploadSize + (1024 * 1024))
        {
            // The allowance covers multipart framing and metadata around a picture of exactly maxSize.
            throw FarmApiException.TooLarge(options.MaxUploadSize);
        }
    }

    private void RequireExisting(string? animalId)
    {
        if (animalId is not null && store.Find(animalId) is null)
        {
            throw FarmApiException.NotFound($"Animal '{animalId}' not found.");
        }
    }

    private static void DeleteUnstored(StoredPicture? picture)
    {
        if (picture is not null)
        {
            File.Delete(picture.FilePath);
        }
    }
}
