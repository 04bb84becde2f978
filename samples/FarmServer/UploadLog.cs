using System.Collections.Generic;
using System.Threading;

namespace Farm.Server;

/// <summary>Every upload the server completed, in order.</summary>
public sealed class UploadLog
{
    private readonly Lock gate = new();
    private readonly List<CompletedUpload> uploads = [];

    /// <summary>A snapshot of the completed uploads.</summary>
    public IReadOnlyList<CompletedUpload> All
    {
        get
        {
            lock (gate)
            {
                return [.. uploads];
            }
        }
    }

    internal void Add(UploadProtocol protocol, StoredAnimal animal)
    {
        var picture = animal.Picture!;
        lock (gate)
        {
            uploads.Add(new CompletedUpload(protocol, animal.Id, animal.Metadata.Name, picture.Sha256, picture.Size, picture.ContentType));
        }
    }
}
