namespace Discovery.Runtime;

/// <summary>States of the resumable upload engine (see docs: upload-protocol §1.2).</summary>
public enum UploadState
{
    /// <summary>Not initiated.</summary>
    New,

    /// <summary>The initiation POST is in flight.</summary>
    Initiating,

    /// <summary>The session URI is known and the server has confirmed a prefix of the bytes.</summary>
    Ready,

    /// <summary>A chunk PUT is in flight.</summary>
    Sending,

    /// <summary>The outcome of the last PUT is ambiguous; the server has at least the confirmed bytes.</summary>
    Unknown,

    /// <summary>Waiting before the next attempt.</summary>
    Backoff,

    /// <summary>A status query (<c>bytes */T</c>) is in flight.</summary>
    Querying,

    /// <summary>Not terminal: retries exhausted or the caller stopped; resumable from the saved session.</summary>
    Suspended,

    /// <summary>The server forgot the session (404/410).</summary>
    Expired,

    /// <summary>Terminal success.</summary>
    Complete,

    /// <summary>A non-retryable error; a session that still exists may be resumed.</summary>
    Failed,

    /// <summary>The session was cancelled on the server (499).</summary>
    Cancelled,
}
