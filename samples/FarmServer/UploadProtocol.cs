namespace Farm.Server;

/// <summary>How a stored picture arrived.</summary>
public enum UploadProtocol
{
    /// <summary><c>uploadType=media</c>: the body is the picture.</summary>
    Media,

    /// <summary><c>uploadType=multipart</c>: metadata and picture in one multipart/related body.</summary>
    Multipart,

    /// <summary><c>uploadType=resumable</c>: a session and chunks.</summary>
    Resumable,
}
