namespace Farm.Server;

/// <summary>
/// Controls which faults the server injects at random into resumable upload chunk requests (through the same
/// <see cref="FaultScript"/> seam tests script faults with).
/// Status queries (<c>Content-Range: bytes */T</c>) are never faulted, so a client that
/// queries and resumes always makes progress.
/// </summary>
public sealed class FarmFaultOptions
{
    /// <summary>Seed for the fault dice; <c>null</c> picks a random seed.</summary>
    public int? Seed { get; init; }

    /// <summary>Chance that a data-bearing chunk request is faulted.</summary>
    public double Probability { get; init; } = 0.25;

    /// <summary>After this many faulted chunk requests in a row on one session, the next one is served cleanly.</summary>
    public int MaxConsecutive { get; init; } = 3;

    /// <summary>Answer 503, sometimes with <c>Retry-After: 1</c>, persisting nothing of the chunk.</summary>
    public bool ServiceUnavailable { get; init; } = true;

    /// <summary>Read part of the chunk body, then abort the connection, persisting nothing of the chunk.</summary>
    public bool AbortConnection { get; init; } = true;

    /// <summary>Answer 308 after persisting only a prefix of the chunk (a multiple of 256 KiB, possibly empty).</summary>
    public bool PartialPersist { get; init; } = true;
}
