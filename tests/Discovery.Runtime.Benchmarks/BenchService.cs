using System.Net.Http;
using System.Text.Json;

namespace Discovery.Runtime.Benchmarks;

/// <summary>A one-method service shaped like generated code, uploading media without metadata.</summary>
internal sealed class BenchService : ServiceBase
{
    public BenchService(ServiceOptions options, HttpClient? client = null)
        : base(client, options, "https://bench.example.com/", "bench/v1/")
    {
    }

    public UploadRequest Upload(MediaUpload media) => new(this, media);

    public GetRequest Get(string id) => new(this, id);

    /// <summary>A metadata get as the generator emits it, naming its method and path template for telemetry.</summary>
    internal sealed class GetRequest(ServiceBase service, string id) : ClientRequest<long>(service, "GET", "bench.objects.get", "objects/{object}")
    {
        protected override string BuildPath() => "objects/" + UriTemplate.Simple(id);

        protected override long ReadResponse(ref Utf8JsonReader reader)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.GetProperty("size").GetInt64();
        }
    }

    internal sealed class UploadRequest : ClientRequest<long>
    {
        private static readonly MediaUploadLimits Limits = new(null, null, supportsResumable: true);

        public UploadRequest(ServiceBase service, MediaUpload media)
            : base(service, "POST") => AttachMedia(media, Limits);

        protected override string BuildPath() => "objects";

        protected override string BuildUploadPath() => "/upload/bench/v1/objects";

        protected override long ReadResponse(ref Utf8JsonReader reader)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.GetProperty("size").GetInt64();
        }
    }
}
