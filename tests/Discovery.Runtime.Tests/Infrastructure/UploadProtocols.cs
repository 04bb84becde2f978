using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Farm.Server;
using Farm.V1.Data;

namespace Discovery.Runtime.Tests.Infrastructure;

public enum Protocol
{
    Media,
    Multipart,
    Resumable,
}

/// <summary>One upload through the generated client by protocol, with its progress reports and the request that completed it.</summary>
public static class UploadProtocols
{
    public static (MediaUploadRequest<Animal> Request, List<UploadProgress> Reports) Request(FarmFixture f, Protocol protocol, MediaKind kind, byte[] data, MediaChecksum? checksum = null)
    {
        var media = f.Media.Create(kind, data, protocol == Protocol.Resumable);
        MediaUploadRequest<Animal> request = protocol == Protocol.Media
            ? f.Farm.Animals.Update(null!, f.Server.AddAnimal("Cow"), media)
            : f.Farm.Animals.Insert(new Animal { Name = "Pig" }, media);
        request.Checksum = checksum;
        var reports = new List<UploadProgress>();
        request.ProgressChanged += reports.Add;
        return (request, reports);
    }

    /// <summary>The last request that carried media (or completed an empty resumable upload).</summary>
    public static RecordedRequest Completing(FarmFixture f) => f.Server.Requests.All.Last(r => r.Kind is RequestKind.Chunk or RequestKind.StatusQuery or RequestKind.MediaUpload or RequestKind.MultipartUpload);

    public static string Crc(byte[] data)
    {
        var crc = default(Discovery.Runtime.Integrity.Crc32C);
        crc.Append(data);
        return crc.ToBase64();
    }
}
