using System;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Linq;

namespace Discovery.Json.Benchmarks;

/// <summary>
/// Where the bytes go: the runtime's allocation-tick events (one per ~100 KB allocated) counted by type, which
/// over thousands of calls ranks the types a client allocates. Enabled with DISCOVERY_BENCH_ALLOCATIONS=1.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly Dictionary<string, int> _ticks = new(StringComparer.Ordinal);

    public bool Recording { get; set; }

    public void Print(int top)
    {
        int total;
        KeyValuePair<string, int>[] rows;
        lock (_ticks)
        {
            total = _ticks.Values.Sum();
            rows = _ticks.OrderByDescending(p => p.Value).Take(top).ToArray();
        }

        foreach (var row in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ALLOC {row.Value * 100.0 / Math.Max(1, total),5:0.0}%  {row.Key}"));
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!Recording || eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is null)
        {
            return;
        }

        int index = eventData.PayloadNames!.IndexOf("TypeName");
        string type = index >= 0 ? eventData.Payload[index] as string ?? "?" : "?";
        lock (_ticks)
        {
            _ticks[type] = _ticks.TryGetValue(type, out int n) ? n + 1 : 1;
        }
    }
}
