using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace FarmClient.Tests;

/// <summary>The sample as a newcomer runs it: a process, its output and its exit code.</summary>
public class SampleRunTests
{
    [Fact]
    public async Task Default_run_shows_insert_resumable_progress_list_and_verified_download()
    {
        var (exit, output, _) = await RunAsync();

        Assert.Equal(0, exit);
        Assert.Contains("Authenticating as farm-sample@", output, StringComparison.Ordinal);
        Assert.Contains("Inserted Pig (PIG)", output, StringComparison.Ordinal);
        Assert.Contains("Uploaded  50%", output, StringComparison.Ordinal);
        Assert.Contains("Uploaded 100%", output, StringComparison.Ordinal);
        Assert.Contains("matches the file", output, StringComparison.Ordinal);
        Assert.Contains("Listed 2 animals", output, StringComparison.Ordinal);
        Assert.Contains("verified byte for byte", output, StringComparison.Ordinal);
        Assert.Contains("  Pig    barn=north", output, StringComparison.Ordinal);
        Assert.Contains("  Cow    barn=north", output, StringComparison.Ordinal);
        Assert.Contains("Labelled 2 animals in one batch request", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Faults_show_retries_and_still_end_with_a_verified_upload()
    {
        var (exit, output, _) = await RunAsync("--faults", "--chunk-size", "1048576");

        Assert.Equal(0, exit);
        Assert.Contains("server: injected", output, StringComparison.Ordinal);
        Assert.Contains("client: ", output, StringComparison.Ordinal);
        Assert.Contains("then resuming", output, StringComparison.Ordinal);
        Assert.Contains("matches the file", output, StringComparison.Ordinal);
        Assert.Matches(@"Upload checksum Verified: crc32c [A-Za-z0-9+/]{6}== of the \d+ bytes sent matches the stored object and was checked by the server", output);
        Assert.Matches(@"Download checksum Verified: crc32c [A-Za-z0-9+/]{6}== of the \d+ bytes received matches the server's X-Goog-Hash", output);
        Assert.Contains("verified byte for byte", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trace_prints_a_line_per_call_and_per_retry_event()
    {
        var (exit, output, _) = await RunAsync("--faults", "--trace", "--chunk-size", "1048576");

        Assert.Equal(0, exit);
        Assert.Matches(@"trace: farm\.animals\.insert [0-9.]+ ms ok http\.request\.method=POST url\.template=/upload/farm/v1/animals http\.response\.status_code=200", output);
        Assert.Matches(@"trace: farm\.animals\.list [0-9.]+ ms ok http\.request\.method=GET url\.template=/farm/v1/animals ", output);
        Assert.Matches(@"trace: farm\.animals\.get [0-9.]+ ms ok http\.request\.method=GET url\.template=/farm/v1/animals/\{animalId\} ", output);
        Assert.Matches(@"trace:   \+[0-9.]+ ms discovery\.retry error\.type=\S+ discovery\.retry\.attempt=1 ", output);
        Assert.Contains("verified byte for byte", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "cannot read the file", "--file", "/no/such/file.bin")]
    [InlineData(1, "multiple of 262144", "--chunk-size", "1000")]
    [InlineData(1, "cannot reach the Farm server", "--server", "http://127.0.0.1:9")]
    [InlineData(2, "unknown option", "--bogus")]
    public async Task User_errors_end_with_one_line_and_a_non_zero_exit_code(int expectedExit, string message, params string[] args)
    {
        var (exit, _, error) = await RunAsync(args);

        Assert.Equal(expectedExit, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FarmClient.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
