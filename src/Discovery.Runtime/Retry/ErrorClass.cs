namespace Discovery.Runtime;

/// <summary>What a client should do about a failed request.</summary>
public enum ErrorClass
{
    /// <summary>Do not retry; surface the error.</summary>
    Fatal,

    /// <summary>Transient: retry after a backoff (for an upload, first ask the server what it has).</summary>
    Retry,

    /// <summary>The upload session is gone: start a new session from byte 0.</summary>
    Restart,
}
