namespace Farm.Server;

/// <summary>
/// A picture file owned by the store. Files are never rewritten in place: a new upload gets a new
/// file, so a download that is streaming the old one is unaffected by a concurrent update.
/// </summary>
internal sealed record StoredPicture(string FilePath, long Size, string ContentType, PictureDigest Digest)
{
    public string Sha256 => Digest.Sha256;
}
