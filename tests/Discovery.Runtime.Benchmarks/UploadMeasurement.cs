using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime.Benchmarks;

/// <summary>What one upload run to the sink moved: throughput, peak working set over the run's baseline, bytes allocated.</summary>
internal readonly record struct Result(double MibPerSecond, long PeakOverBaseline, long Allocated);

/// <summary>One measured upload run, shared by the upload and checksum benchmarks so both sample memory alike.</summary>
internal static class UploadMeasurement
{
    public static async Task<Result> MeasureAsync(SinkServer server, Func<Task> run)
    {
        server.Reset();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        long baseline = process.WorkingSet64;
        long peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
            while (await timer.WaitForNextTickAsync(CancellationToken.None) && !stop.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
            }
        });
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await run();
        watch.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        await stop.CancelAsync();
        await sampler;
        return new Result(server.Received / 1048576.0 / watch.Elapsed.TotalSeconds, peak - baseline, allocated);
    }
}
