using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime.Benchmarks;

/// <summary>
/// What telemetry costs a metadata get when nothing listens, against the same build with telemetry switched off
/// (the baseline), and what it costs with an activity and a meter listener attached. Modes run in interleaved
/// rounds, each round in a rotated order, so that load from elsewhere on the machine hits all of them alike.
/// Two transports: the loopback Kestrel sink (a real socket), and an in-memory handler that answers at once,
/// where the runtime's own per-call work is all there is to measure and any overhead shows most.
/// </summary>
internal static class TelemetryBenchmark
{
    private static readonly string[] Modes = { "baseline (telemetry off)", "no listener", "activity+meter listener" };

    public static async Task RunAsync(SinkServer server, int calls, int rounds)
    {
        using var loopback = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        using var memory = new HttpClient(new InstantHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        Console.WriteLine($"{calls} sequential metadata gets per mode and round, {rounds} rounds; median per call, allocation per call");
        Console.WriteLine("transport   mode                         us/call    vs baseline   spread of rounds   bytes/call");
        await MeasureAsync("loopback", new BenchService(new ServiceOptions { RootUri = server.RootUri }, loopback), calls, rounds);
        await MeasureAsync("in-memory", new BenchService(new ServiceOptions { RootUri = new Uri("http://bench.invalid/") }, memory), calls, rounds);
    }

    private static async Task MeasureAsync(string transport, BenchService service, int calls, int rounds)
    {
        using var _ = service;
        var times = Modes.Select(_ => new List<double>()).ToArray();
        var bytes = new long[Modes.Length];
        for (int mode = 0; mode < Modes.Length; mode++)
        {
            // Warm-up: JIT, connection pool, the listener's first activity.
            await RunModeAsync(service, mode, Math.Max(100, calls / 10));
        }

        for (int round = 0; round < rounds; round++)
        {
            for (int i = 0; i < Modes.Length; i++)
            {
                int mode = (round + i) % Modes.Length;
                var (microseconds, allocated) = await RunModeAsync(service, mode, calls);
                times[mode].Add(microseconds);
                bytes[mode] = allocated;
            }
        }

        double baseline = Median(times[0]);
        for (int mode = 0; mode < Modes.Length; mode++)
        {
            double median = Median(times[mode]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{transport,-11} {Modes[mode],-26} {median,9:F2} {(median / baseline) - 1,13:+0.0%;-0.0%;0.0%}   {times[mode].Min(),7:F2}-{times[mode].Max(),-7:F2}    {bytes[mode],9}"));
        }
    }

    private static async Task<(double Microseconds, long BytesPerCall)> RunModeAsync(BenchService service, int mode, int calls)
    {
        CallTelemetry.Disabled = mode == 0;
        using var listeners = mode == 2 ? new Listeners() : null;
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < calls; i++)
        {
            if (await service.Get("object-1").ExecuteAsync() < 0)
            {
                throw new InvalidOperationException("The sink answered a negative size.");
            }
        }

        watch.Stop();
        long total = GC.GetTotalAllocatedBytes(precise: true) - before;
        CallTelemetry.Disabled = false;
        return (watch.Elapsed.TotalMilliseconds * 1000 / calls, total / calls);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>Listeners as an exporter attaches them: every Discovery activity recorded, every measurement taken.</summary>
    private sealed class Listeners : IDisposable
    {
        private readonly ActivityListener _activities = new()
        {
            ShouldListenTo = source => source.Name == DiscoveryTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };

        private readonly MeterListener _meters = new();
        private double _sink;

        public Listeners()
        {
            ActivitySource.AddActivityListener(_activities);
            _meters.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == DiscoveryTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _meters.SetMeasurementEventCallback<double>((_, value, _, _) => _sink += value);
            _meters.SetMeasurementEventCallback<long>((_, value, _, _) => _sink += value);
            _meters.Start();
        }

        public void Dispose()
        {
            _activities.Dispose();
            _meters.Dispose();
            GC.KeepAlive(_sink);
        }
    }

    /// <summary>Answers every request at once with a small JSON body, so only the client's work is timed.</summary>
    private sealed class InstantHandler : HttpMessageHandler
    {
        private static readonly byte[] Body = "{\"size\":42}"u8.ToArray();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Body), RequestMessage = request });
    }
}
