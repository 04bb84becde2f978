namespace Farm.Server;

/// <summary>Every upload the server completed, in order.</summary>
public sealed class UploadLog : AppendOnlyLog<CompletedUpload>
{
    internal void Add(UploadProtocol protocol, StoredAnimal animal)
    {
        var picture = animal.Picture!;
        Add(new CompletedUpload(protocol, animal.Id, animal.Metadata.Name, picture.Sha256, picture.Size, picture.ContentType));
    }
}
