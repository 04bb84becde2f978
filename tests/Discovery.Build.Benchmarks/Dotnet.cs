using System;
using System.Collections;
using System.Diagnostics;
using System.Text;

namespace Discovery.Build.Benchmarks;

/// <summary>Runs the dotnet CLI to completion and hands back its exit code, output and wall time.</summary>
internal static class Dotnet
{
    public sealed record Result(int ExitCode, string Output, TimeSpan Elapsed);

    public static Result Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // `dotnet run` hands its own MSBuild state down; a child build must see only the consumer's.
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (((string)variable.Key).StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove((string)variable.Key);
            }
        }

        // Node reuse stays on (the measured loop is a developer's warm edit-rebuild); the compiler server is
        // whatever Program put in the environment.
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        stopwatch.Stop();
        lock (output)
        {
            return new Result(process.ExitCode, output.ToString(), stopwatch.Elapsed);
        }
    }

    /// <summary>Runs and throws with the output when the command fails: a failed build has no time worth reporting.</summary>
    public static Result Check(string workingDirectory, params string[] arguments)
    {
        var result = Run(workingDirectory, arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed in {workingDirectory}:\n{result.Output}");
        }

        return result;
    }
}
