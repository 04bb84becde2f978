using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Discovery.Json.Benchmarks;

// The generated storage.v1 client against a hand-written System.Text.Json client on three workloads (issue 7):
// objects.list pages of 1000 objects (about 2 MB), objects.get, objects.patch. The parent process runs the
// loopback server and starts every measurement as a child process of its own (one client, one workload), in
// interleaved rounds, so that neither client's heap or JIT state colours the other's figures.
//   dotnet run -c Release --project tests/Discovery.Json.Benchmarks -- [--runs 5] [--pages 200] [--gets 5000] [--patches 2000]
//       [--baseline path/to/another/build/Discovery.Json.Benchmarks.dll]   (adds that build's generated client as "base")
//       [--parse 20000]   (adds parsing one object from memory, no HTTP: how much of a call is JSON)
if (args.Length > 0 && args[0] == "--child")
{
    return await Child.RunAsync(args);
}

int runs = 5;
var counts = new Dictionary<string, int>(StringComparer.Ordinal) { ["list"] = 200, ["get"] = 5000, ["patch"] = 2000 };
string? baseline = null;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--pages": counts["list"] = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--gets": counts["get"] = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--patches": counts["patch"] = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--baseline": baseline = args[++i]; break;
        case "--parse": counts["parse"] = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        default: Console.Error.WriteLine("Unknown argument " + args[i]); return 2;
    }
}

await using var server = await StorageServer.StartAsync();
string self = typeof(Child).Assembly.Location;
var clients = new List<(string Label, string Dll, string Kind)> { ("raw", self, "raw"), ("ours", self, "ours") };
if (baseline is not null)
{
    clients.Add(("base", baseline, "ours"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"page {server.PageBytes / 1024.0 / 1024.0:0.00} MiB, object {server.ObjectBytes / 1024.0:0.0} KiB, {runs} interleaved runs, one process per client and workload"));
var results = new Dictionary<(string Workload, string Client), List<Child.Result>>();
for (int run = 0; run < runs; run++)
{
    foreach (var workload in counts.Keys)
    {
        // Rotate the order each round so no client always runs right after the same other one.
        for (int k = 0; k < clients.Count; k++)
        {
            var client = clients[(k + run) % clients.Count];
            var result = Measure(client.Dll, client.Kind, workload, counts[workload], server.RootUri);
            if (!results.TryGetValue((workload, client.Label), out var list))
            {
                results[(workload, client.Label)] = list = new List<Child.Result>();
            }

            list.Add(result);
        }
    }
}

Console.WriteLine();
Console.WriteLine("| workload | client | wall (median) | vs raw | allocated per call | vs raw | gen0/gen1/gen2 per run |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
foreach (var workload in counts.Keys)
{
    var raw = Median(results[(workload, "raw")]);
    foreach (var client in clients)
    {
        var m = Median(results[(workload, client.Label)]);
        int n = counts[workload];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {workload} x{n} | {client.Label} | {m.WallMs:0} ms | {m.WallMs / raw.WallMs:0.00} | {Size(m.Allocated / (double)n)} | {(double)m.Allocated / raw.Allocated:0.00} | {m.Gen0}/{m.Gen1}/{m.Gen2} |"));
    }
}

return 0;

static string Size(double bytes) => bytes >= 1024 * 1024
    ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024 / 1024:0.00} MiB")
    : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024:0.0} KiB");

// The median of each figure on its own: wall, allocation and collections vary independently between runs.
static Child.Result Median(List<Child.Result> runs)
{
    static T Mid<T>(IEnumerable<T> values) => values.OrderBy(v => v).ElementAt(values.Count() / 2);
    return new Child.Result(Mid(runs.Select(r => r.WallMs)), Mid(runs.Select(r => r.Allocated)), Mid(runs.Select(r => r.Gen0)), Mid(runs.Select(r => r.Gen1)), Mid(runs.Select(r => r.Gen2)));
}

static Child.Result Measure(string dll, string kind, string workload, int count, Uri root)
{
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
    foreach (var a in new[] { dll, "--child", kind, workload, count.ToString(CultureInfo.InvariantCulture), root.ToString() })
    {
        start.ArgumentList.Add(a);
    }

    using var process = Process.Start(start)!;
    string output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    var line = output.Split('\n').LastOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
    if (process.ExitCode != 0 || line is null)
    {
        throw new InvalidOperationException($"{kind} {workload} failed ({process.ExitCode}): {output}");
    }

    foreach (var sample in output.Split('\n').Where(l => l.StartsWith("ALLOC ", StringComparison.Ordinal)))
    {
        Console.WriteLine(kind + " " + workload + " " + sample);
    }

    var f = line.Split(' ');
    return new Child.Result(double.Parse(f[1], CultureInfo.InvariantCulture), long.Parse(f[2], CultureInfo.InvariantCulture), int.Parse(f[3], CultureInfo.InvariantCulture), int.Parse(f[4], CultureInfo.InvariantCulture), int.Parse(f[5], CultureInfo.InvariantCulture));
}
