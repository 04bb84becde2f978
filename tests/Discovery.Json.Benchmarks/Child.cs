using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Discovery.Json.Benchmarks.Raw;
using Discovery.Json.Benchmarks.Storage;
using Discovery.Runtime;
using Generated = Discovery.Json.Benchmarks.Storage.Data;

namespace Discovery.Json.Benchmarks;

/// <summary>One measurement in its own process: warm up, then time one workload and count what it allocated and collected.</summary>
internal static class Child
{
    internal readonly record struct Result(double WallMs, long Allocated, int Gen0, int Gen1, int Gen2);

    public static async Task<int> RunAsync(string[] args)
    {
        string kind = args[1], workload = args[2];
        int count = int.Parse(args[3], CultureInfo.InvariantCulture);
        var root = new Uri(args[4]);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None }) { Timeout = Timeout.InfiniteTimeSpan };
        using var service = new StorageService(http, new ServiceOptions { RootUri = root });
        var raw = new RawClient(http, root);
        Func<int, Task> step = (kind, workload) switch
        {
            ("raw", "list") => async i => Check((await raw.ListAsync(i == 0 ? null : "next", CancellationToken.None)).Items!.Count == 1000),
            ("raw", "get") => async i => Check((await raw.GetAsync(Name(i), CancellationToken.None)).Size > 0),
            ("raw", "patch") => async i => Check((await raw.PatchAsync(Name(i), RawPatch(i), CancellationToken.None)).Generation > 0),
            ("ours", "list") => async i =>
            {
                var request = service.Objects.List(Payloads.Bucket);
                request.PageToken = i == 0 ? null : "next";
                Check((await request.ExecuteAsync()).Items!.Count == 1000);
            },
            ("ours", "get") => async i => Check((await service.Objects.Get(Payloads.Bucket, Name(i)).ExecuteAsync()).Size > 0),
            ("ours", "patch") => async i => Check((await service.Objects.Patch(OursPatch(i), Payloads.Bucket, Name(i)).ExecuteAsync()).Generation > 0),
            // Parsing alone, from a body in memory: the share of a call that is JSON rather than HTTP.
            ("raw", "parse") => i => Parsed(System.Text.Json.JsonSerializer.Deserialize(ObjectJson, RawContext.Default.StorageObject)!.Size > 0),
            ("ours", "parse") => i => Parsed(Discovery.Runtime.Json.JsonIO.Deserialize(ObjectJson, Generated.Object.ReadJson).Size > 0),
            _ => throw new ArgumentException("Unknown client or workload: " + kind + " " + workload),
        };

        // Warm-up: JIT (tiered up), connection pool, array pools.
        for (int i = 0; i < Math.Max(10, count / 10); i++)
        {
            await step(i);
        }

        using var sampler = Environment.GetEnvironmentVariable("DISCOVERY_BENCH_ALLOCATIONS") == "1" ? new AllocationSampler() : null;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        sampler?.Recording = true;
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < count; i++)
        {
            await step(i);
        }

        clock.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        sampler?.Recording = false;
        sampler?.Print(25);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT {clock.Elapsed.TotalMilliseconds:0.0} {allocated} {GC.CollectionCount(0) - gen0} {GC.CollectionCount(1) - gen1} {GC.CollectionCount(2) - gen2}"));
        return 0;
    }

    private static readonly byte[] ObjectJson = Payloads.Object(7);

    private static Task Parsed(bool ok)
    {
        Check(ok);
        return Task.CompletedTask;
    }

    private static string Name(int i) => "logs/2024/03/01/service-" + (i % 1000).ToString("D6", CultureInfo.InvariantCulture) + ".json.gz";

    private static StorageObject RawPatch(int i) => new()
    {
        ContentType = "application/json",
        CacheControl = "no-cache",
        Metadata = new Dictionary<string, string> { ["pipeline"] = "nightly", ["run"] = i.ToString(CultureInfo.InvariantCulture) },
    };

    private static Generated.Object OursPatch(int i) => new()
    {
        ContentType = "application/json",
        CacheControl = "no-cache",
        Metadata = new Dictionary<string, string> { ["pipeline"] = "nightly", ["run"] = i.ToString(CultureInfo.InvariantCulture) },
    };

    private static void Check(bool ok)
    {
        if (!ok)
        {
            throw new InvalidOperationException("The response did not read as expected.");
        }
    }
}
