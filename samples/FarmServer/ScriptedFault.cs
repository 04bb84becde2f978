using System.Threading.Tasks;

namespace Farm.Server;

/// <summary>
/// One scripted misbehaviour, consumed by the next request of the kind it was queued for
/// (<see cref="FaultScript.Enqueue"/>). Properties that do not apply to that kind are ignored.
/// </summary>
public sealed record ScriptedFault
{
    /// <summary>Answer with this status and a Google error body instead of handling the request (the body is read first).</summary>
    public int Status { get; init; }

    /// <summary>The error reason in the body (e.g. <c>rateLimitExceeded</c>); <c>backendError</c> when null.</summary>
    public string? Reason { get; init; }

    /// <summary>Sent as <c>Retry-After</c> with <see cref="Status"/>.</summary>
    public string? RetryAfter { get; init; }

    /// <summary>
    /// Read this many request body bytes (downloads, and a batch with <see cref="PersistThenFail"/>: write this many
    /// response bytes), then drop the connection.
    /// </summary>
    public int? AbortAfterBytes { get; init; }

    /// <summary>Chunk: persist only the first this-many bytes of the chunk and answer 308.</summary>
    public int? PersistOnly { get; init; }

    /// <summary>Chunk: persist nothing and answer 308 without a <c>Range</c> header, whatever was confirmed before.</summary>
    public bool OmitRange { get; init; }

    /// <summary>Chunk: forget the session and answer 404, as an expired session does.</summary>
    public bool Expire { get; init; }

    /// <summary>Chunk: persist the chunk, then answer 200 with the resource although bytes are missing.</summary>
    public bool CompleteEarly { get; init; }

    /// <summary>Chunk: persist the whole chunk but answer <see cref="Status"/>, as when the response is lost. Batch: run every call, then answer <see cref="Status"/> or cut the answer after <see cref="AbortAfterBytes"/>.</summary>
    public bool PersistThenFail { get; init; }

    /// <summary>Initiation: answer 200 without a <c>Location</c> header.</summary>
    public bool NoLocation { get; init; }

    /// <summary>Initiation: put this host into the session URI instead of the one the client used.</summary>
    public string? LocationHost { get; init; }

    /// <summary>Chunk: persist the chunk, complete <see cref="Reached"/>, then wait for this task before answering. Batch: the same after running the calls.</summary>
    public Task? Hold { get; init; }

    /// <summary>Completed when the server starts holding the response (see <see cref="Hold"/>).</summary>
    public TaskCompletionSource? Reached { get; init; }

    /// <summary>Completing upload: after the client's hashes were checked, store the bytes with one changed, and answer success describing what was stored.</summary>
    public bool CorruptStored { get; init; }

    /// <summary>Download: change one byte of the body in transit (the <c>X-Goog-Hash</c> header still describes the stored bytes).</summary>
    public bool CorruptInTransit { get; init; }

    /// <summary>Download: serve the picture as if stored gzip-encoded and decompressed for this client (<c>Warning: 214</c>, hashes of the stored form).</summary>
    public bool ServeDecompressed { get; init; }

    /// <summary>Download: ignore <c>Range</c> and send the whole media with 200.</summary>
    public bool IgnoreRange { get; init; }

    /// <summary>Batch: spoil the answer to the first call (the others are answered as usual).</summary>
    public BatchAnswerFault? BatchAnswer { get; init; }

    /// <summary>Download: after answering, replace the animal's picture with these bytes (the media changes mid-download).</summary>
    public byte[]? ReplaceMediaAfter { get; init; }
}
