namespace Discovery.Runtime.Tests.Infrastructure;

/// <summary>One scripted misbehaviour of <see cref="UploadTestServer"/>, consumed by the next matching request.</summary>
public sealed record Fault
{
    /// <summary>Answer with this status (and a Google error body) instead of handling the request.</summary>
    public int Status { get; init; }

    /// <summary>The error reason in the body (e.g. rateLimitExceeded).</summary>
    public string? Reason { get; init; }

    /// <summary>Sent as Retry-After.</summary>
    public string? RetryAfter { get; init; }

    /// <summary>Read (or for downloads: write) this many body bytes, then drop the connection.</summary>
    public int? AbortAfterBytes { get; init; }

    /// <summary>Persist only this many bytes of the chunk and answer 308.</summary>
    public int? PersistOnly { get; init; }

    /// <summary>Persist nothing and answer 308 without Range.</summary>
    public bool OmitRange { get; init; }

    /// <summary>Forget the session and answer 404.</summary>
    public bool Expire { get; init; }

    /// <summary>Answer 200 with a resource although bytes are missing.</summary>
    public bool CompleteEarly { get; init; }

    /// <summary>Persist the whole chunk but answer <see cref="Status"/>: the response was "lost".</summary>
    public bool PersistThenFail { get; init; }

    /// <summary>Initiation: answer 200 without Location.</summary>
    public bool NoLocation { get; init; }

    /// <summary>Initiation: put this host into the session URI instead of 127.0.0.1.</summary>
    public string? LocationHost { get; init; }

    /// <summary>Persist the chunk, signal <see cref="Reached"/>, then wait for this task before answering.</summary>
    public System.Threading.Tasks.Task? Hold { get; init; }

    /// <summary>Completed when the server starts holding the response.</summary>
    public System.Threading.Tasks.TaskCompletionSource? Reached { get; init; }

    /// <summary>Download: ignore Range and send the whole media with 200.</summary>
    public bool IgnoreRange { get; init; }
}
