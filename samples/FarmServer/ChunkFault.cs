namespace Farm.Server;

/// <summary>What the fault injector does to one resumable chunk request.</summary>
internal enum ChunkFault
{
    None,
    ServiceUnavailable,
    ServiceUnavailableWithRetryAfter,
    AbortConnection,
    PartialPersist,
}
