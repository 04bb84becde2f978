namespace Discovery.Runtime;

/// <summary>The coarse state of an upload as a user sees it.</summary>
public enum UploadStatus
{
    /// <summary>Nothing sent yet.</summary>
    NotStarted,

    /// <summary>Creating the session or sending the first request.</summary>
    Starting,

    /// <summary>Bytes are being sent.</summary>
    Uploading,

    /// <summary>The server has the whole media and answered with the resource.</summary>
    Completed,

    /// <summary>Stopped by an error; a resumable upload with a session can still be resumed.</summary>
    Failed,

    /// <summary>Stopped by the caller's cancellation; a resumable session stays resumable.</summary>
    Cancelled,
}
