using System;
using System.Globalization;

namespace FarmClient;

/// <summary>The sample's command line: <c>[--server URL] [--file PATH] [--chunk-size BYTES] [--faults] [--trace]</c>.</summary>
internal sealed record SampleOptions(Uri? Server, string? File, int ChunkSize, bool Faults, bool Trace)
{
    public const string Usage = "usage: FarmClient [--server URL] [--file PATH] [--chunk-size BYTES] [--faults] [--trace]";

    public static SampleOptions Parse(string[] args)
    {
        Uri? server = null;
        string? file = null;
        var chunkSize = 1024 * 1024;
        var faults = false;
        var trace = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--server":
                    var text = Value(args, ref i);
                    if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out server) || (server.Scheme != "http" && server.Scheme != "https"))
                    {
                        throw new UsageException($"--server needs an http(s) URL, not '{text}'.");
                    }

                    break;
                case "--file":
                    file = Value(args, ref i);
                    break;
                case "--chunk-size":
                    var size = Value(args, ref i);
                    if (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out chunkSize) || chunkSize <= 0)
                    {
                        throw new UsageException($"--chunk-size needs a positive number of bytes, not '{size}'.");
                    }

                    break;
                case "--faults":
                    faults = true;
                    break;
                case "--trace":
                    trace = true;
                    break;
                case "--help" or "-h":
                    throw new UsageException(Usage);
                default:
                    throw new UsageException($"unknown option '{args[i]}'. {Usage}");
            }
        }

        if (faults && server is not null)
        {
            throw new UsageException("--faults makes the embedded server inject failures; it cannot be combined with --server.");
        }

        return new SampleOptions(server, file, chunkSize, faults, trace);
    }

    private static string Value(string[] args, ref int index)
    {
        if (index + 1 >= args.Length)
        {
            throw new UsageException($"{args[index]} needs a value. {Usage}");
        }

        return args[++index];
    }
}

/// <summary>A mistake on the command line: printed as one line, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
