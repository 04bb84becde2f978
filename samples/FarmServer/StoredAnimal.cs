namespace Farm.Server;

/// <summary>An animal as held by <see cref="AnimalStore"/>; <see cref="Sequence"/> orders listing and paging.</summary>
internal sealed record StoredAnimal(string Id, long Sequence, AnimalResource Metadata, StoredPicture? Picture)
{
    public AnimalResource ToResource() => new()
    {
        Id = Id,
        Name = Metadata.Name,
        Kind = Metadata.Kind,
        WeightGrams = Metadata.WeightGrams,
        Born = Metadata.Born,
        Tags = Metadata.Tags,
        Labels = Metadata.Labels,
        PictureSize = Picture?.Size,
        PictureContentType = Picture?.ContentType,
        PictureSha256 = Picture?.Sha256,
        Crc32c = Picture?.Digest.Crc32C,
        Md5Hash = Picture?.Digest.Md5,
    };
}
