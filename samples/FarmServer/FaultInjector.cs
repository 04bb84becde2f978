using System;
using System.Collections.Generic;
using System.Threading;

namespace Farm.Server;

/// <summary>Rolls the dice for <see cref="FarmFaultOptions"/>; thread-safe and reproducible for a given seed and request order.</summary>
internal sealed class FaultInjector
{
    private readonly FarmFaultOptions? options;
    private readonly Random? random;
    private readonly ChunkFault[] kinds;
    private readonly Lock gate = new();
    private int injected;

    public FaultInjector(FarmFaultOptions? options)
    {
        this.options = options;
        if (options is null)
        {
            kinds = [];
            return;
        }

        if (options.Probability is < 0 or > 1 || double.IsNaN(options.Probability))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Probability, "Fault probability must be between 0 and 1.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxConsecutive);

        var enabled = new List<ChunkFault>();
        if (options.ServiceUnavailable)
        {
            enabled.Add(ChunkFault.ServiceUnavailable);
            enabled.Add(ChunkFault.ServiceUnavailableWithRetryAfter);
        }

        if (options.AbortConnection)
        {
            enabled.Add(ChunkFault.AbortConnection);
        }

        if (options.PartialPersist)
        {
            enabled.Add(ChunkFault.PartialPersist);
        }

        kinds = [.. enabled];
        random = options.Seed is int seed ? new Random(seed) : new Random();
    }

    public int InjectedCount => Volatile.Read(ref injected);

    /// <summary>Decides the fault for the next data-bearing chunk on <paramref name="session"/> (caller holds the session gate).</summary>
    public ChunkFault Next(UploadSession session)
    {
        if (options is null || random is null || kinds.Length == 0)
        {
            return ChunkFault.None;
        }

        ChunkFault fault;
        lock (gate)
        {
            // The streak cap is what guarantees that a correct client always finishes.
            fault = session.ConsecutiveFaults < options.MaxConsecutive && random.NextDouble() < options.Probability
                ? kinds[random.Next(kinds.Length)]
                : ChunkFault.None;
        }

        if (fault == ChunkFault.None)
        {
            session.ConsecutiveFaults = 0;
        }
        else
        {
            session.ConsecutiveFaults++;
            Interlocked.Increment(ref injected);
        }

        return fault;
    }

    /// <summary>Picks how many bytes of a partially persisted chunk to keep: a multiple of 256 KiB below <paramref name="length"/>.</summary>
    public long PartialPrefix(long length)
    {
        long units = (length - 1) / ResumableProtocol.ChunkGranularity;
        lock (gate)
        {
            return random!.NextInt64(units + 1) * ResumableProtocol.ChunkGranularity;
        }
    }
}
