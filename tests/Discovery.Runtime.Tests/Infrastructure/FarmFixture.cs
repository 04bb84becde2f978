using System;
using System.Threading;
using System.Threading.Tasks;
using Discovery.Runtime.Tests.Farm;

namespace Discovery.Runtime.Tests.Infrastructure;

/// <summary>A server plus a client pointed at it, with near-zero recorded backoff.</summary>
public sealed class FarmFixture : IAsyncDisposable
{
    private FarmFixture(UploadTestServer server, FarmService farm, RecordingTimeProvider time)
    {
        Server = server;
        Farm = farm;
        Time = time;
    }

    public UploadTestServer Server { get; }

    public FarmService Farm { get; }

    public RecordingTimeProvider Time { get; }

    public static RetryPolicy FastRetry(int attempts = 6) => new()
    {
        MaxAttempts = attempts,
        InitialDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(80),
        Jitter = 0,
    };

    public static async Task<FarmFixture> StartAsync(RetryPolicy? retry = null, Func<CancellationToken, ValueTask<string?>>? token = null, string? apiKey = null, int? downloadChunkSize = null)
    {
        var server = await UploadTestServer.StartAsync();
        var time = new RecordingTimeProvider();
        return new FarmFixture(server, NewClient(server, time, retry, token, apiKey, downloadChunkSize), time);
    }

    /// <summary>A fresh service object against the same server, as a new process would create.</summary>
    public static FarmService NewClient(UploadTestServer server, TimeProvider time, RetryPolicy? retry = null, Func<CancellationToken, ValueTask<string?>>? token = null, string? apiKey = null, int? downloadChunkSize = null)
        => new(new ServiceOptions
        {
            RootUri = server.RootUri,
            Retry = retry ?? FastRetry(),
            TimeProvider = time,
            AccessTokenProvider = token,
            ApiKey = apiKey,
            ApplicationName = "FarmTests/1.0",
            DownloadChunkSize = downloadChunkSize ?? 8 * 1024 * 1024,
        });

    public async ValueTask DisposeAsync()
    {
        Farm.Dispose();
        await Server.DisposeAsync();
    }
}
