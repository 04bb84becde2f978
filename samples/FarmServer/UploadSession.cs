using System.Threading;

namespace Farm.Server;

/// <summary>
/// State of one resumable upload. Bytes <c>[0, Persisted)</c> of <see cref="FilePath"/> are
/// confirmed to the client; anything after that is scratch that the next chunk overwrites.
/// </summary>
internal sealed class UploadSession
{
    public UploadSession(string id, string? targetAnimalId, AnimalResource? metadata, string contentType, long? totalLength, string filePath)
    {
        Id = id;
        TargetAnimalId = targetAnimalId;
        Metadata = metadata;
        ContentType = contentType;
        TotalLength = totalLength;
        FilePath = filePath;
    }

    public string Id { get; }

    /// <summary>The animal being updated, or null when the upload creates a new animal.</summary>
    public string? TargetAnimalId { get; }

    /// <summary>Metadata from the initiation body, or null to keep an updated animal's metadata.</summary>
    public AnimalResource? Metadata { get; }

    public string ContentType { get; }

    /// <summary>Total size once the client has declared it (initiation header or a chunk's Content-Range).</summary>
    public long? TotalLength { get; set; }

    public string FilePath { get; }

    public long Persisted { get; set; }

    /// <summary>The final resource, kept so a client that lost the final response can query it again.</summary>
    public AnimalResource? Result { get; set; }

    public bool Cancelled { get; set; }

    /// <summary>Serialises requests on one session: a retry may arrive while an abandoned attempt still runs.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);
}
