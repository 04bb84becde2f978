using System;
using System.Threading.Tasks;
using Discovery.Runtime.Tests.Infrastructure;
using Farm.V1;

namespace Discovery.Runtime.Tests.Telemetry;

/// <summary>The Farm fixture with a client that logs, sends an API key and a token, and a recorder for this test's telemetry.</summary>
public sealed class TelemetryFarm : IAsyncDisposable
{
    public const string ApiKey = "AIzaSECRET-api-key-4711";
    public const string Token = "ya29.SECRET-access-token-0815";

    private TelemetryFarm(FarmFixture fixture)
    {
        Fixture = fixture;
        Farm = new FarmService(new ServiceOptions
        {
            RootUri = fixture.Server.RootUri,
            Retry = FarmFixture.FastRetry(),
            TimeProvider = fixture.Time,
            ApiKey = ApiKey,
            AccessTokenProvider = _ => new ValueTask<string?>(Token),
            LoggerFactory = Logs,
        });
        Recorder = new TelemetryRecorder(fixture.Server.RootUri.Port);
    }

    public FarmFixture Fixture { get; }

    public FarmService Farm { get; }

    public RecordingLoggerFactory Logs { get; } = new();

    public TelemetryRecorder Recorder { get; }

    public static async Task<TelemetryFarm> StartAsync() => new(await FarmFixture.StartAsync());

    public async ValueTask DisposeAsync()
    {
        Recorder.Dispose();
        Farm.Dispose();
        await Fixture.DisposeAsync();
    }
}
