namespace Farm.Server;

/// <summary>A picture the server stored, as a test checks it: by which protocol, for which animal, and its bytes' hash.</summary>
/// <param name="Protocol">How the picture arrived.</param>
/// <param name="AnimalId">The animal the picture belongs to.</param>
/// <param name="Name">The animal's name after the upload.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the stored bytes.</param>
/// <param name="Length">Stored bytes.</param>
/// <param name="ContentType">The media type the uploader gave.</param>
public sealed record CompletedUpload(UploadProtocol Protocol, string AnimalId, string? Name, string Sha256, long Length, string ContentType);
