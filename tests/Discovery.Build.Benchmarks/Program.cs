using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Discovery.Build.Benchmarks;
using Discovery.Tests;

// Edit-rebuild time of a console app (Debug, `dotnet build --no-restore`, compiler server warm unless turned off) that gets the
// compute.v1 client in each of the ways of issue 7, against an empty app, in the same run. Each round edits
// every app's Program.cs once, in turn, so load from elsewhere on the machine hits all cases alike.
// Usage: dotnet run -c Release --project tests/Discovery.Build.Benchmarks -- [--runs 5] [--warmup 3] [--compiler-server on|off]
//        [--generator-cache on|off] [--cases a,b,c,d,e] [--document path] [--keep]
int runs = 5;
int warmup = 3;
bool compilerServer = true;
bool generatorCache = false;
string document = Path.Combine(RepositoryPaths.Corpus, "compute.v1.json");
var cases = Enum.GetValues<BuildCase>().ToList();
bool keep = false;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--document": document = Path.GetFullPath(args[++i]); break;
        case "--warmup": warmup = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--compiler-server": compilerServer = args[++i] switch { "on" => true, "off" => false, var other => throw new ArgumentException("--compiler-server on|off, not " + other) }; break;
        case "--generator-cache": generatorCache = args[++i] switch { "on" => true, "off" => false, var other => throw new ArgumentException("--generator-cache on|off, not " + other) }; break;
        case "--keep": keep = true; break;
        case "--cases": cases = args[++i].Split(',').Select(c => (BuildCase)(c.Trim()[0] - 'a')).Distinct().Order().ToList(); break;
        default: throw new ArgumentException("unknown argument " + args[i]);
    }
}

// A developer's machine compiles through the compiler server (VBCSCompiler), warm after a few builds. A machine
// can turn it off in the environment (this one sets UseSharedCompilation=false), and then every build starts a
// new csc and JIT-compiles Roslyn again, which costs a large compilation seconds that no edit-build pays at a
// desk; so the mode is set here, for every child build, and printed with the results.
Environment.SetEnvironmentVariable("UseSharedCompilation", compilerServer ? "true" : "false");

// Roslyn's opt-in driver cache: the compiler server keeps each project's generator state between builds, so an
// edit of C# does not make the generator read and model the document again (README, Build cost).
string[] buildProperties = generatorCache ? new[] { "-p:Features=enable-generator-cache" } : Array.Empty<string>();

// The prebuilt case references the library's output, so the library is built whenever either needs it.
bool needsLibrary = cases.Contains(BuildCase.Library) || cases.Contains(BuildCase.Prebuilt);
var workspace = Workspace.Create(document);
try
{
    Console.WriteLine($"workspace {workspace.Root}, document {workspace.Document} ({new FileInfo(document).Length / 1024} KiB)");
    workspace.Pack();
    var apps = new Dictionary<BuildCase, string>();
    if (needsLibrary)
    {
        workspace.CreateLibrary();
        var library = Dotnet.Check(workspace.LibraryDirectory, "build", "-c", "Debug", "-v", "q", "-nologo");
        Console.WriteLine($"library first build: {library.Elapsed.TotalSeconds:F1} s");
        Directory.CreateDirectory(workspace.PrebuiltDirectory);
        foreach (var file in Directory.GetFiles(Path.Combine(workspace.LibraryDirectory, "bin", "Debug", "net10.0"), Workspace.LibraryName + ".*"))
        {
            File.Copy(file, Path.Combine(workspace.PrebuiltDirectory, Path.GetFileName(file)));
        }
    }

    foreach (var kind in cases)
    {
        apps[kind] = workspace.CreateApp(kind);
        var first = Dotnet.Check(apps[kind], new[] { "build", "-c", "Debug", "-v", "q", "-nologo" }.Concat(buildProperties).ToArray());
        Console.WriteLine($"{Label(kind)} first build: {first.Elapsed.TotalSeconds:F1} s");
    }

    // Unmeasured edits first: the compiler server has seen every app's references, and its tiered JIT has
    // optimized the compiler's hot paths (a large compilation gets faster over its first three or four builds).
    var samples = cases.ToDictionary(kind => kind, _ => new List<double>());
    string libraryDll = Path.Combine(workspace.LibraryDirectory, "obj", "Debug", "net10.0", Workspace.LibraryName + ".dll");
    var libraryWritten = File.Exists(libraryDll) ? File.GetLastWriteTimeUtc(libraryDll) : default;
    for (int round = 0; round < warmup + runs; round++)
    {
        foreach (var kind in cases)
        {
            string appDll = Path.Combine(apps[kind], "obj", "Debug", "net10.0", "App" + kind + ".dll");
            var before = File.GetLastWriteTimeUtc(appDll);
            Workspace.Edit(apps[kind], kind, round + 1);
            var build = Dotnet.Check(apps[kind], new[] { "build", "-c", "Debug", "--no-restore", "-v", "q", "-nologo" }.Concat(buildProperties).ToArray());
            if (File.GetLastWriteTimeUtc(appDll) == before)
            {
                throw new InvalidOperationException($"{Label(kind)}: the edit did not recompile the app; the time would measure nothing.");
            }

            if (round >= warmup)
            {
                samples[kind].Add(build.Elapsed.TotalSeconds);
            }
        }
    }

    if (needsLibrary && File.GetLastWriteTimeUtc(libraryDll) != libraryWritten)
    {
        Console.WriteLine("WARNING: an app edit recompiled the library; the library-project pattern is broken.");
    }

    var medians = samples.ToDictionary(s => s.Key, s => Median(s.Value));
    Console.WriteLine();
    Console.WriteLine($"edit-rebuild, median of {runs} interleaved runs after {warmup} unmeasured, compiler server {(compilerServer ? "on" : "off")}, generator cache {(generatorCache ? "on" : "off")} ({Environment.ProcessorCount} cores, .NET SDK {Dotnet.Run(workspace.Root, "--version").Output.Trim()})");
    Console.WriteLine("| case | median s | min s | max s | vs (d) prebuilt | vs (e) empty |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    foreach (var kind in cases)
    {
        string toPrebuilt = medians.TryGetValue(BuildCase.Prebuilt, out var d) ? $"{medians[kind] / d:F2}x" : "-";
        string toEmpty = medians.TryGetValue(BuildCase.Empty, out var e) ? $"{medians[kind] / e:F2}x" : "-";
        Console.WriteLine($"| {Label(kind)} | {medians[kind]:F2} | {samples[kind].Min():F2} | {samples[kind].Max():F2} | {toPrebuilt} | {toEmpty} |");
    }
}
finally
{
    if (keep)
    {
        Console.WriteLine("kept " + workspace.Root);
    }
    else
    {
        workspace.Dispose();
    }
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static string Label(BuildCase kind) => kind switch
{
    BuildCase.Whole => "(a) whole document in the app",
    BuildCase.Selected => "(b) Methods=\"instances;zoneOperations\"",
    BuildCase.Library => "(c) library project",
    BuildCase.Prebuilt => "(d) prebuilt DLL",
    _ => "(e) empty app",
};
