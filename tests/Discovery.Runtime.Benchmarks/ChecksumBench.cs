using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Discovery.Runtime.Integrity;

namespace Discovery.Runtime.Benchmarks;

/// <summary>
/// The cost of end-to-end checksums: CRC32C throughput on both code paths, a resumable upload with checksums on
/// against off (interleaved, same run), and 16 concurrent uploads against 16 concurrent raw PUTs of the same bytes.
/// </summary>
internal static class ChecksumBench
{
    public static async Task RunAsync(int runs)
    {
        Throughput();
        await using var server = await SinkServer.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 64 }) { Timeout = Timeout.InfiniteTimeSpan };
        await OnVersusOffAsync(server, http, runs);
        await ConcurrentAsync(server, http, runs);
    }

    private static void Throughput()
    {
        var data = new byte[64 * 1024 * 1024];
        new Random(1).NextBytes(data);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CRC32C hardware instruction available: {System.Runtime.Intrinsics.X86.Sse42.X64.IsSupported || System.Runtime.Intrinsics.Arm.Crc32.Arm64.IsSupported}"));
        Report("CRC32C, hardware, three lanes", data, d => Crc32C.Update(uint.MaxValue, d));
        Report("CRC32C, hardware, one lane", data, d => Crc32C.UpdateOneLane(uint.MaxValue, d));
        Report("CRC32C, fallback (slicing-by-8 tables)", data, d => Crc32C.UpdateWithTables(uint.MaxValue, d));
        Report("MD5 (for comparison)", data, d => (uint)MD5.HashData(d)[0]);
    }

    private delegate uint Hash(ReadOnlySpan<byte> data);

    private static void Report(string name, byte[] data, Hash hash)
    {
        hash(data.AsSpan(0, 1 << 20));
        var best = double.MaxValue;
        for (int i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            hash(data);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-42} {data.Length / best / 1e9,6:F2} GB/s"));
    }

    private static async Task OnVersusOffAsync(SinkServer server, HttpClient http, int runs)
    {
        string path = TempFile(256);
        try
        {
            Console.WriteLine("upload 256 MiB        checksum   wall (median)   CPU (median)   wall vs off   CPU vs off");
            foreach (int chunk in new[] { 256 * 1024, 8 * 1024 * 1024 })
            {
                var on = new List<(double Wall, double Cpu)>();
                var off = new List<(double Wall, double Cpu)>();
                using var withSums = new BenchService(new ServiceOptions { RootUri = server.RootUri, Checksum = MediaChecksum.Crc32C }, http);
                using var without = new BenchService(new ServiceOptions { RootUri = server.RootUri, Checksum = MediaChecksum.None }, http);
                await UploadAsync(server, withSums, path, chunk);
                await UploadAsync(server, without, path, chunk);
                for (int r = 0; r < runs; r++)
                {
                    // Alternate which goes first, so drift on the shared machine falls on both alike.
                    if (r % 2 == 0)
                    {
                        on.Add(await TimeAsync(() => UploadAsync(server, withSums, path, chunk)));
                        off.Add(await TimeAsync(() => UploadAsync(server, without, path, chunk)));
                    }
                    else
                    {
                        off.Add(await TimeAsync(() => UploadAsync(server, without, path, chunk)));
                        on.Add(await TimeAsync(() => UploadAsync(server, withSums, path, chunk)));
                    }
                }

                var (offWall, offCpu) = (Median(off.Select(x => x.Wall)), Median(off.Select(x => x.Cpu)));
                var (onWall, onCpu) = (Median(on.Select(x => x.Wall)), Median(on.Select(x => x.Cpu)));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {chunk / 1024,5} KiB chunks      off   {offWall,10:F3} s   {offCpu,10:F3} s"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {chunk / 1024,5} KiB chunks   crc32c   {onWall,10:F3} s   {onCpu,10:F3} s   {(onWall / offWall) - 1,10:+0.0%;-0.0%}   {(onCpu / offCpu) - 1,10:+0.0%;-0.0%}"));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task ConcurrentAsync(SinkServer server, HttpClient http, int runs)
    {
        const int Uploads = 16;
        string path = TempFile(64);
        try
        {
            using var service = new BenchService(new ServiceOptions { RootUri = server.RootUri }, http);
            var raw = new List<Result>();
            var runtime = new List<Result>();
            await UploadMeasurement.MeasureAsync(server, () => Task.WhenAll(Enumerable.Range(0, Uploads).Select(_ => RawPutAsync(http, server, path))));
            await UploadMeasurement.MeasureAsync(server, () => Task.WhenAll(Enumerable.Range(0, Uploads).Select(_ => UploadAsync(server, service, path, MediaUpload.DefaultChunkSize, check: false))));
            for (int r = 0; r < runs; r++)
            {
                raw.Add(await UploadMeasurement.MeasureAsync(server, () => Task.WhenAll(Enumerable.Range(0, Uploads).Select(_ => RawPutAsync(http, server, path)))));
                runtime.Add(await UploadMeasurement.MeasureAsync(server, () => Task.WhenAll(Enumerable.Range(0, Uploads).Select(_ => UploadAsync(server, service, path, MediaUpload.DefaultChunkSize, check: false)))));
            }

            double rawSpeed = Median(raw.Select(m => m.MibPerSecond)), runSpeed = Median(runtime.Select(m => m.MibPerSecond));
            long rawPeak = raw.Max(m => m.PeakOverBaseline), runPeak = runtime.Max(m => m.PeakOverBaseline);
            Console.WriteLine("16 concurrent x 64 MiB        aggregate MiB/s   vs raw   peak WS over baseline");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  raw HttpClient PUTs         {rawSpeed,10:F0}      100%   {rawPeak / 1048576.0,10:F1} MiB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  resumable, 8 MiB, crc32c    {runSpeed,10:F0}   {runSpeed / rawSpeed,6:P0}   {runPeak / 1048576.0,10:F1} MiB  ({(runPeak - rawPeak) / 1048576.0:+0.0;-0.0} MiB vs raw)"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task UploadAsync(SinkServer server, BenchService service, string path, int chunk, bool check = true)
    {
        if (check)
        {
            server.Reset();
        }

        long size = await service.Upload(new MediaFileUpload(path, "application/octet-stream", chunk, resumable: true)).ExecuteAsync();
        if (size != new FileInfo(path).Length)
        {
            throw new InvalidOperationException("The server did not receive every byte.");
        }
    }

    private static async Task RawPutAsync(HttpClient http, SinkServer server, string path)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        using var content = new StreamContent(file, 1024 * 1024);
        using var response = await http.PutAsync(new Uri(server.RootUri, "raw"), content);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<(double Wall, double Cpu)> TimeAsync(Func<Task> run)
    {
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await run();
        watch.Stop();
        process.Refresh();
        return (watch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted[sorted.Length / 2];
    }

    private static string TempFile(int mib)
    {
        string path = Path.Combine(Path.GetTempPath(), $"discovery-checksum-bench-{mib}.bin");
        var block = new byte[8 * 1024 * 1024];
        new Random(42).NextBytes(block);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        for (long written = 0; written < (long)mib * 1024 * 1024; written += block.Length)
        {
            file.Write(block, 0, block.Length);
        }

        return path;
    }
}
