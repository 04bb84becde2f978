using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;

namespace Discovery.Runtime.Tests.Telemetry;

/// <summary>
/// An ActivityListener and a MeterListener as an exporter would attach them. Tests run in parallel, so it keeps
/// only what belongs to one test: activities of the trace it starts (<see cref="Begin"/>), and measurements tagged
/// with its own server's port.
/// </summary>
public sealed class TelemetryRecorder : IDisposable
{
    private static readonly ActivitySource TestSource = new("Discovery.Tests.Telemetry");

    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();
    private readonly int _port;
    private Activity? _root;

    public TelemetryRecorder(int serverPort)
    {
        _port = serverPort;
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name is DiscoveryTelemetry.SourceName or "System.Net.Http" or "Discovery.Tests.Telemetry",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (_root is { } root && activity.TraceId == root.TraceId && activity != root)
                {
                    _stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == DiscoveryTelemetry.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    /// <summary>Every activity stopped in this test's trace, ours and HttpClient's.</summary>
    public IReadOnlyList<Activity> Activities => _stopped.ToArray();

    /// <summary>The Discovery source's activities only.</summary>
    public IReadOnlyList<Activity> Calls => Activities.Where(a => a.Source.Name == DiscoveryTelemetry.SourceName).ToArray();

    public IReadOnlyList<Measurement> Measurements => _measurements.ToArray();

    /// <summary>Starts the test's root activity: what the test then calls runs in its trace.</summary>
    public Activity Begin()
    {
        _root = TestSource.StartActivity("test", ActivityKind.Internal) ?? throw new InvalidOperationException("The test source is not sampled.");
        return _root;
    }

    public IReadOnlyList<Measurement> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument).ToArray();

    public void Dispose()
    {
        _root?.Dispose();
        _activities.Dispose();
        _meters.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = tags.ToArray().ToDictionary(t => t.Key, t => t.Value);
        if (copy.TryGetValue("server.port", out var port) && port is int p && p == _port)
        {
            _measurements.Enqueue(new Measurement(instrument.Name, value, copy));
        }
    }

    public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
    {
        public object? this[string tag] => Tags.TryGetValue(tag, out var value) ? value : null;
    }
}
