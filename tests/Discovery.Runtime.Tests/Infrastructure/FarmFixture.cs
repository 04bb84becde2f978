using System;
using System.Threading;
using System.Threading.Tasks;
using Farm.Server;
using Farm.V1;

namespace Discovery.Runtime.Tests.Infrastructure;

/// <summary>
/// The Farm server and the client the generator emits from farm.discovery.json, pointed at it with near-zero
/// recorded backoff: every test here drives generated code against the one Farm server.
/// </summary>
public sealed class FarmFixture : IAsyncDisposable
{
    private FarmFixture(FarmServer server, FarmService farm, RecordingTimeProvider time)
    {
        Server = server;
        Farm = farm;
        Time = time;
    }

    public FarmServer Server { get; }

    public FarmService Farm { get; }

    public RecordingTimeProvider Time { get; }

    /// <summary>Media sources over test bytes; their temporary files go when the fixture does.</summary>
    public Media Media { get; } = new();

    public static RetryPolicy FastRetry(int attempts = 6) => new()
    {
        MaxAttempts = attempts,
        InitialDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(80),
        Jitter = 0,
    };

    public static async Task<FarmFixture> StartAsync(RetryPolicy? retry = null, Func<CancellationToken, ValueTask<string?>>? token = null, string? apiKey = null, int? downloadChunkSize = null)
    {
        var server = await FarmServer.StartAsync();
        var time = new RecordingTimeProvider();
        return new FarmFixture(server, NewClient(server, time, retry, token, apiKey, downloadChunkSize), time);
    }

    /// <summary>A fresh service object against the same server, as a new process would create.</summary>
    public static FarmService NewClient(FarmServer server, TimeProvider time, RetryPolicy? retry = null, Func<CancellationToken, ValueTask<string?>>? token = null, string? apiKey = null, int? downloadChunkSize = null)
    {
        var options = new ServiceOptions
        {
            RootUri = server.RootUri,
            Retry = retry ?? FastRetry(),
            TimeProvider = time,
            AccessTokenProvider = token,
            ApiKey = apiKey,
            ApplicationName = "FarmTests/1.0",
        };
        if (downloadChunkSize is int chunk)
        {
            options.DownloadChunkSize = chunk;
        }

        return new FarmService(options);
    }

    public async ValueTask DisposeAsync()
    {
        Farm.Dispose();
        Media.Dispose();
        await Server.DisposeAsync();
    }
}
