using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Farm.Server;

namespace Discovery.Runtime.Tests.Batch;

/// <summary>The server's side of a batch test: which calls it executed, how often, and what each batch request held.</summary>
internal static class ServerLedger
{
    /// <summary>How many times the server ran <paramref name="method"/> on <paramref name="path"/> (query ignored).</summary>
    public static int Executed(this FarmServer server, string method, string path) => server.Requests.Of(RequestKind.Json)
        .Count(r => r.Method == method && r.PathAndQuery.Split('?')[0] == path);

    public static int Executed(this FarmServer server, string method) => server.Requests.Of(RequestKind.Json).Count(r => r.Method == method);

    /// <summary>The Content-IDs of each batch request the server received, in order.</summary>
    public static List<string[]> BatchParts(this FarmServer server) => server.Batches.All
        .Select(b => Encoding.ASCII.GetString(b.Body).Split("\r\n").Where(l => l.StartsWith("Content-ID: ", StringComparison.Ordinal)).ToArray())
        .ToList();

    /// <summary>The request lines of each batch request the server received, in order.</summary>
    public static List<string[]> BatchCalls(this FarmServer server) => server.Batches.All
        .Select(b => Encoding.ASCII.GetString(b.Body).Split("\r\n").Where(l => l.EndsWith(" HTTP/1.1", StringComparison.Ordinal)).ToArray())
        .ToList();
}
