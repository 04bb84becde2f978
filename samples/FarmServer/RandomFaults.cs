using System;
using System.Collections.Generic;
using System.Threading;

namespace Farm.Server;

/// <summary>
/// The sample's <c>--faults</c>: a <see cref="FaultScript.Source"/> that faults data-bearing resumable chunks at random,
/// so random and scripted faults take the same path through the server. Status queries are never faulted, and a
/// streak of faults is capped, which is what guarantees that a correct client always finishes. Reproducible for a
/// given seed and request order.
/// </summary>
internal sealed class RandomFaults
{
    private readonly FarmFaultOptions options;
    private readonly Action<string>? log;
    private readonly Random random;
    private readonly List<(ScriptedFault Fault, string Description)> kinds = [];
    private readonly Lock gate = new();
    private int streak;

    public RandomFaults(FarmFaultOptions options, Action<string>? log)
    {
        if (options.Probability is < 0 or > 1 || double.IsNaN(options.Probability))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Probability, "Fault probability must be between 0 and 1.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxConsecutive);
        this.options = options;
        this.log = log;
        random = options.Seed is int seed ? new Random(seed) : new Random();
        if (options.ServiceUnavailable)
        {
            kinds.Add((new ScriptedFault { Status = 503 }, "503"));
            kinds.Add((new ScriptedFault { Status = 503, RetryAfter = "1" }, "503 with Retry-After: 1"));
        }

        if (options.AbortConnection)
        {
            kinds.Add((new ScriptedFault { AbortAfterBytes = (int)ResumableProtocol.ChunkGranularity / 2 }, "connection abort mid-chunk"));
        }

        if (options.PartialPersist)
        {
            kinds.Add((new ScriptedFault { PersistOnly = 0 }, "partial persistence"));
        }
    }

    public ScriptedFault? Next(RequestKind kind)
    {
        if (kind != RequestKind.Chunk || kinds.Count == 0)
        {
            return null;
        }

        (ScriptedFault Fault, string Description) pick;
        lock (gate)
        {
            if (streak >= options.MaxConsecutive || random.NextDouble() >= options.Probability)
            {
                streak = 0;
                return null;
            }

            streak++;
            pick = kinds[random.Next(kinds.Count)];
            if (pick.Fault.PersistOnly is not null)
            {
                // Keeps a multiple of 256 KiB of the chunk (possibly nothing); the server clamps it to the chunk.
                int units = random.Next(0, 8);
                pick = (pick.Fault with { PersistOnly = units * (int)ResumableProtocol.ChunkGranularity }, $"partial persistence of {units} x 256 KiB");
            }
        }

        log?.Invoke($"injected {pick.Description} on a chunk");
        return pick.Fault;
    }
}
