using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Discovery.Runtime;
using Discovery.Runtime.Benchmarks;

// Upload throughput and peak memory of the runtime's resumable upload against a raw HttpClient PUT of the
// same file to the same loopback Kestrel server, in the same run.
// Each method runs --runs times (default 3), interleaved with the others so that load from elsewhere on the
// machine hits all of them alike; the median throughput and the highest peak memory are reported.
// Usage: dotnet run -c Release --project tests/Discovery.Runtime.Benchmarks -- [sizeMiB ...] [--chunks 262144,8388608] [--runs 3]
// With --telemetry [calls] [rounds] it measures instead what telemetry costs a metadata get (see TelemetryBenchmark).
//        dotnet run -c Release --project tests/Discovery.Runtime.Benchmarks -- checksums [--runs 5]
//          (CRC32C throughput, upload with checksums on vs off, 16 concurrent uploads vs 16 raw PUTs; see ChecksumBench)
if (args.Length > 0 && args[0] == "--telemetry")
{
    await using var sink = await SinkServer.StartAsync();
    await TelemetryBenchmark.RunAsync(
        sink,
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 9);
    return 0;
}

// With batch it measures 1000 metadata gets, sequential versus batched: ... -- batch [--calls 1000] [--runs 5] (see BatchBenchmark).
if (args.Length > 0 && args[0] is BatchBenchmark.Command or BatchBenchmark.ServeCommand)
{
    return await BatchBenchmark.RunAsync(args);
}

if (args.Length > 0 && args[0] == "checksums")
{
    await ChecksumBench.RunAsync(args.Length > 2 && args[1] == "--runs" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5);
    return 0;
}

var sizes = new System.Collections.Generic.List<int>();
int[] chunks = { 256 * 1024, 8 * 1024 * 1024 };
int runs = 3;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--chunks")
    {
        chunks = Array.ConvertAll(args[++i].Split(','), s => int.Parse(s, CultureInfo.InvariantCulture));
    }
    else if (args[i] == "--runs")
    {
        runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
    }
    else
    {
        sizes.Add(int.Parse(args[i], CultureInfo.InvariantCulture));
    }
}

if (sizes.Count == 0)
{
    sizes.Add(256);
}

await using var server = await SinkServer.StartAsync();
using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
using var service = new BenchService(new ServiceOptions { RootUri = server.RootUri }, http);
Console.WriteLine("size      method            MiB/s     vs raw   peak WS over baseline   allocated");
foreach (int mib in sizes)
{
    string path = Path.Combine(Path.GetTempPath(), $"discovery-bench-{mib}.bin");
    WriteFile(path, (long)mib * 1024 * 1024);
    try
    {
        // Warm up connection pools and JIT on a small run so the first measurement is not penalised.
        server.Reset();
        await RawPutAsync(http, server, path);
        server.Reset();
        await service.Upload(new MediaFileUpload(path, "application/octet-stream", chunks[0], resumable: true)).ExecuteAsync();

        var rawRuns = new System.Collections.Generic.List<Result>();
        var chunkRuns = Array.ConvertAll(chunks, _ => new System.Collections.Generic.List<Result>());
        for (int r = 0; r < runs; r++)
        {
            rawRuns.Add(await UploadMeasurement.MeasureAsync(server, () => RawPutAsync(http, server, path)));
            for (int c = 0; c < chunks.Length; c++)
            {
                int chunk = chunks[c];
                chunkRuns[c].Add(await UploadMeasurement.MeasureAsync(server, async () =>
                {
                    long size = await service.Upload(new MediaFileUpload(path, "application/octet-stream", chunk, resumable: true)).ExecuteAsync();
                    if (size != new FileInfo(path).Length)
                    {
                        throw new InvalidOperationException("The server did not receive every byte.");
                    }
                }));
            }
        }

        var raw = Median(rawRuns);
        Print(mib, "raw PUT", raw, raw);
        for (int c = 0; c < chunks.Length; c++)
        {
            Print(mib, $"resumable {chunks[c] / 1024} KiB", Median(chunkRuns[c]), raw);
        }
    }
    finally
    {
        File.Delete(path);
    }
}

return 0;

static void Print(int mib, string name, Result run, Result raw)
    => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{mib,5} MiB {name,-18} {run.MibPerSecond,7:F0} {run.MibPerSecond / raw.MibPerSecond,9:P0} {run.PeakOverBaseline / 1048576.0,14:F1} MiB {run.Allocated / 1048576.0,12:F1} MiB"));

static async Task RawPutAsync(HttpClient http, SinkServer server, string path)
{
    await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
    using var content = new StreamContent(file, 1024 * 1024);
    using var response = await http.PutAsync(new Uri(server.RootUri, "raw"), content);
    response.EnsureSuccessStatusCode();
}

static Result Median(System.Collections.Generic.List<Result> results)
{
    var sorted = results.ToArray();
    Array.Sort(sorted, (a, b) => a.MibPerSecond.CompareTo(b.MibPerSecond));
    long peak = 0;
    foreach (var result in results)
    {
        peak = Math.Max(peak, result.PeakOverBaseline);
    }

    return sorted[sorted.Length / 2] with { PeakOverBaseline = peak };
}

static void WriteFile(string path, long length)
{
    var block = new byte[8 * 1024 * 1024];
    new Random(42).NextBytes(block);
    using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
    for (long written = 0; written < length; written += block.Length)
    {
        file.Write(block, 0, (int)Math.Min(block.Length, length - written));
    }
}

