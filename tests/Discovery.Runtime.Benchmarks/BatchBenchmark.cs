using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Farm.Server;
using Farm.V1;

namespace Discovery.Runtime.Benchmarks;

/// <summary>
/// N metadata gets as N sequential calls versus batches of 100, with the generated Farm client against a Farm server
/// on loopback. The server runs in a child process (this program with <see cref="ServeCommand"/>) so that the
/// allocations measured here are the client's alone. Runs alternate between the two ways, so load from elsewhere on
/// the machine hits both alike; the median wall time and allocations are reported.
/// </summary>
internal static class BatchBenchmark
{
    public const string Command = "batch";
    public const string ServeCommand = "serve-farm";

    public static async Task<int> RunAsync(string[] args)
    {
        int calls = 1000;
        int runs = 5;
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--calls":
                    calls = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--runs":
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException("unknown option " + args[i]);
            }
        }

        return args[0] == ServeCommand ? await ServeAsync(calls) : await MeasureAsync(calls, runs);
    }

    /// <summary>The child: a Farm server with <paramref name="animals"/> animals; prints its root and ids, stops when stdin closes.</summary>
    private static async Task<int> ServeAsync(int animals)
    {
        await using var server = await FarmServer.StartAsync(new FarmServerOptions(), CancellationToken.None);
        Console.WriteLine("ROOT " + server.RootUri);
        for (int i = 0; i < animals; i++)
        {
            Console.WriteLine("ID " + server.AddAnimal("animal " + i.ToString(CultureInfo.InvariantCulture)));
        }

        Console.WriteLine("READY");
        await Console.In.ReadToEndAsync();
        return 0;
    }

    private static async Task<int> MeasureAsync(int calls, int runs)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in ChildArguments(calls))
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        try
        {
            Uri? root = null;
            var ids = new List<string>();
            while (await child.StandardOutput.ReadLineAsync() is { } line && line != "READY")
            {
                if (line.StartsWith("ROOT ", StringComparison.Ordinal))
                {
                    root = new Uri(line[5..]);
                }
                else if (line.StartsWith("ID ", StringComparison.Ordinal))
                {
                    ids.Add(line[3..]);
                }
            }

            using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
            using var farm = new FarmService(http, new ServiceOptions { RootUri = root ?? throw new InvalidOperationException("The server did not start.") });

            // Warm-up: JIT, connection pool, and the server's own first requests.
            await SequentialAsync(farm, ids.Take(50).ToList());
            await BatchedAsync(farm, ids.Take(150).ToList());

            var sequential = new List<Run>();
            var batched = new List<Run>();
            for (int r = 0; r < runs; r++)
            {
                sequential.Add(await TimeAsync(() => SequentialAsync(farm, ids)));
                batched.Add(await TimeAsync(() => BatchedAsync(farm, ids)));
            }

            var baseline = Median(sequential);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{calls} gets, {runs} runs each, medians; client allocations only (server in a child process)"));
            Console.WriteLine("method                    wall ms   per call µs   vs sequential   allocated/call");
            Print("sequential ExecuteAsync", baseline, baseline, calls);
            Print("batches of 100", Median(batched), baseline, calls);
            return 0;
        }
        finally
        {
            child.StandardInput.Close();
            await child.WaitForExitAsync();
        }
    }

    private static IEnumerable<string> ChildArguments(int calls)
    {
        // Under `dotnet run` the process is the app host; under `dotnet X.dll` it is dotnet and needs the dll first.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            yield return typeof(BatchBenchmark).Assembly.Location;
        }

        yield return ServeCommand;
        yield return "--calls";
        yield return calls.ToString(CultureInfo.InvariantCulture);
    }

    private static async Task SequentialAsync(FarmService farm, List<string> ids)
    {
        foreach (string id in ids)
        {
            var animal = await farm.Animals.Get(id).ExecuteAsync();
            Check(animal.Id == id);
        }
    }

    private static async Task BatchedAsync(FarmService farm, List<string> ids)
    {
        var batch = farm.Batch();
        var gets = ids.Select(id => batch.Add(farm.Animals.Get(id))).ToList();
        await batch.ExecuteAsync();
        for (int i = 0; i < ids.Count; i++)
        {
            Check((await gets[i]).Id == ids[i]);
        }
    }

    private static async Task<Run> TimeAsync(Func<Task> body)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await body();
        watch.Stop();
        return new Run(watch.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    private static Run Median(List<Run> runs)
    {
        var byTime = runs.OrderBy(r => r.Wall).ToList();
        var byBytes = runs.OrderBy(r => r.Allocated).ToList();
        return new Run(byTime[runs.Count / 2].Wall, byBytes[runs.Count / 2].Allocated);
    }

    private static void Print(string name, Run run, Run baseline, int calls) => Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{name,-24} {run.Wall.TotalMilliseconds,8:F0} {run.Wall.TotalMilliseconds * 1000 / calls,13:F0} {baseline.Wall / run.Wall,14:F2}x {run.Allocated / (double)calls / 1024,14:F1} KiB"));

    private static void Check(bool condition)
    {
        if (!condition)
        {
            throw new InvalidOperationException("A call came back with another animal.");
        }
    }

    private readonly record struct Run(TimeSpan Wall, long Allocated);
}
