using System;
using System.Collections.Concurrent;

namespace Farm.Server;

/// <summary>
/// The test seam of <see cref="FarmServer"/>: queues of <see cref="ScriptedFault"/> per <see cref="RequestKind"/>,
/// each consumed by the next request of that kind, plus an optional source asked for every request the queue
/// leaves unfaulted (used by soak tests to fault at random). Thread-safe.
/// </summary>
public sealed class FaultScript
{
    private readonly ConcurrentDictionary<RequestKind, ConcurrentQueue<ScriptedFault>> queues = new();

    /// <summary>Asked for a fault for each request whose kind has nothing queued; null means "no fault".</summary>
    public Func<RequestKind, ScriptedFault?>? Source { get; set; }

    /// <summary>Queues faults for the next requests of <paramref name="kind"/>, in order.</summary>
    public void Enqueue(RequestKind kind, params ScriptedFault[] faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        var queue = queues.GetOrAdd(kind, static _ => new ConcurrentQueue<ScriptedFault>());
        foreach (var fault in faults)
        {
            queue.Enqueue(fault);
        }
    }

    internal ScriptedFault? Next(RequestKind kind)
    {
        if (queues.TryGetValue(kind, out var queue) && queue.TryDequeue(out var fault))
        {
            return fault;
        }

        return Source?.Invoke(kind);
    }
}
