using System;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using FarmClient.Server;

// Temporary host for trying the embedded server by hand: `dotnet run -- [--faults]`, stop with Ctrl+C or SIGTERM.
var options = new FarmServerOptions
{
    Faults = args.Contains("--faults") ? new FarmFaultOptions { Seed = 42 } : null,
    Log = message => Console.WriteLine("server: " + message),
    MaxUploadSize = args.FirstOrDefault(a => a.StartsWith("--max-upload-size=", StringComparison.Ordinal)) is string max
        ? long.Parse(max["--max-upload-size=".Length..], System.Globalization.CultureInfo.InvariantCulture)
        : FarmServerOptions.DefaultMaxUploadSize,
};

await using FarmServer server = await FarmServer.StartAsync(options, CancellationToken.None);
Console.WriteLine($"Farm server listening on {server.RootUri} (storage {server.StorageDirectory})");

var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
await stopped.Task;
Console.WriteLine($"Stopping; {server.InjectedFaultCount} fault(s) injected.");

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopped.TrySetResult();
}
