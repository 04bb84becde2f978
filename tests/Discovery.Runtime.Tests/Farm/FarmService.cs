using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime.Tests.Farm;

/// <summary>Hand-written stand-in for what the generator emits for a small "Farm" API with media upload and download.</summary>
public sealed class FarmService : ServiceBase
{
    public FarmService(ServiceOptions options, HttpClient? httpClient = null)
        : base(httpClient, options, "https://farm.example.com/", "farm/v1/")
        => Animals = new AnimalsResource(this);

    public AnimalsResource Animals { get; }
}

public sealed class AnimalsResource
{
    private readonly ServiceBase _service;

    public AnimalsResource(ServiceBase service) => _service = service;

    public InsertRequest Insert(Animal body, MediaUpload? media = null) => new(_service, body, media);

    public SetPhotoRequest SetPhoto(string id, MediaUpload media) => new(_service, id, media);

    public SetThumbnailRequest SetThumbnail(string id, MediaUpload media) => new(_service, id, media);

    public GetRequest Get(string id) => new(_service, id);

    public DeleteRequest Delete(string id) => new(_service, id);
}

/// <summary>The shape of a generated upload request (POST with body + optional media).</summary>
public sealed class InsertRequest : ClientRequest<Animal>
{
    public static readonly MediaUploadLimits Limits = new("image/*,application/octet-stream,text/plain", 64L * 1024 * 1024, supportsResumable: true);

    internal InsertRequest(ServiceBase service, Animal body, MediaUpload? media)
        : base(service, "POST")
    {
        Body = body;
        if (media is not null)
        {
            AttachMedia(media, Limits);
        }
    }

    public Animal Body { get; }

    protected override string BuildPath() => "animals";

    protected override string BuildUploadPath() => "/upload/farm/v1/animals";

    protected override bool HasBody => true;

    protected override void WriteBody(Utf8JsonWriter writer) => Body.WriteJson(writer);

    protected override Animal ReadResponse(ref Utf8JsonReader reader) => Animal.ReadJson(ref reader);

    public Task<(UploadProgress Status, Animal? Response)> NextChunkAsync(CancellationToken cancellationToken = default) => NextChunkCoreAsync(cancellationToken);

    public event Action<UploadProgress>? ProgressChanged { add => UploadProgressChanged += value; remove => UploadProgressChanged -= value; }

    public event Action<UploadSessionData>? SessionCreated { add => UploadSessionCreated += value; remove => UploadSessionCreated -= value; }

    public UploadSessionData? UploadSession => UploadSessionCore;

    public Task<Animal> ResumeAsync(UploadSessionData session, CancellationToken cancellationToken = default) => ResumeUploadCoreAsync(session, cancellationToken);

    public Animal Resume(UploadSessionData session) => ResumeUploadCore(session);

    public Task CancelUploadAsync(CancellationToken cancellationToken = default) => CancelUploadCoreAsync(cancellationToken);
}

/// <summary>A media-only upload method (no request body): uploadType=media or resumable without metadata.</summary>
public sealed class SetPhotoRequest : ClientRequest<Animal>
{
    public static readonly MediaUploadLimits Limits = new("*/*", null, supportsResumable: true);

    internal SetPhotoRequest(ServiceBase service, string id, MediaUpload media)
        : base(service, "PUT")
    {
        Id = id;
        AttachMedia(media, Limits);
    }

    public string Id { get; }

    protected override string BuildPath() => "animals/" + UriTemplate.Simple(Id) + "/photo";

    protected override string BuildUploadPath() => "/upload/farm/v1/animals/" + UriTemplate.Simple(Id) + "/photo";

    protected override Animal ReadResponse(ref Utf8JsonReader reader) => Animal.ReadJson(ref reader);

    public Task<(UploadProgress Status, Animal? Response)> NextChunkAsync(CancellationToken cancellationToken = default) => NextChunkCoreAsync(cancellationToken);

    public event Action<UploadProgress>? ProgressChanged { add => UploadProgressChanged += value; remove => UploadProgressChanged -= value; }
}

/// <summary>A method with a small maxSize, a strict accept list and no resumable protocol.</summary>
public sealed class SetThumbnailRequest : ClientRequest<Animal>
{
    public static readonly MediaUploadLimits Limits = new("image/png, image/jpeg", 1000, supportsResumable: false);

    internal SetThumbnailRequest(ServiceBase service, string id, MediaUpload media)
        : base(service, "PUT")
    {
        Id = id;
        AttachMedia(media, Limits);
    }

    public string Id { get; }

    protected override string BuildPath() => "animals/" + Id + "/thumbnail";

    protected override string BuildUploadPath() => "/upload/farm/v1/animals/" + Id + "/thumbnail";

    protected override Animal ReadResponse(ref Utf8JsonReader reader) => Animal.ReadJson(ref reader);
}

public sealed class GetRequest : ClientRequest<Animal>
{
    internal GetRequest(ServiceBase service, string id)
        : base(service, "GET") => Id = id;

    public string Id { get; }

    protected override string BuildPath() => "animals/" + UriTemplate.Simple(Id);

    protected override Animal ReadResponse(ref Utf8JsonReader reader) => Animal.ReadJson(ref reader);

    /// <summary>What the generator emits for methods with supportsMediaDownload.</summary>
    public Task DownloadAsync(Stream destination, Action<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
        => DownloadMediaCoreAsync(destination, progress, cancellationToken);

    public void Download(Stream destination, Action<DownloadProgress>? progress = null) => DownloadMediaCore(destination, progress);
}

public sealed class DeleteRequest : ClientRequest
{
    internal DeleteRequest(ServiceBase service, string id)
        : base(service, "DELETE") => Id = id;

    public string Id { get; }

    protected override string BuildPath() => "animals/" + UriTemplate.Simple(Id);
}
