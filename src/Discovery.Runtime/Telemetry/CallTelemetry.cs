using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace Discovery.Runtime;

/// <summary>
/// One API call as listeners see it: its Client activity, its duration and counters, and its log messages. It exists
/// only while something listens (an activity listener, a meter listener or an enabled logger); otherwise
/// <see cref="Start"/> returns null and every hook is a null check. While it runs it is <see cref="Current"/>, so
/// the retry, upload and download code report to it without being handed it, and its activity is
/// <see cref="Activity.Current"/>, so HttpClient's per-attempt activities are its children.
/// </summary>
internal sealed class CallTelemetry : IDisposable
{
    private static readonly AsyncLocal<CallTelemetry?> Ambient = new();

    private readonly ServiceTelemetry _service;
    private readonly string _name;
    private readonly string _httpMethod;
    private readonly string? _template;
    private readonly ILogger? _logger;
    private readonly Activity? _activity;
    private readonly long _started = Stopwatch.GetTimestamp();
    private int _resends;
    private int _status;
    private Exception? _failure;
    private bool _cancelled;

    private CallTelemetry(ServiceTelemetry service, string name, string httpMethod, string? template, ILogger? logger, bool tracing)
    {
        _service = service;
        _name = name;
        _httpMethod = httpMethod;
        _template = template;
        _logger = logger;
        _activity = tracing ? DiscoveryTelemetry.Source.StartActivity(name, ActivityKind.Client) : null;
        if (_activity is { IsAllDataRequested: true } activity)
        {
            activity.SetTag(TelemetryTags.HttpMethod, httpMethod);
            activity.SetTag(TelemetryTags.ServerAddress, service.ServerAddress);
            activity.SetTag(TelemetryTags.ServerPort, service.ServerPort);
            if (template is not null)
            {
                activity.SetTag(TelemetryTags.UrlTemplate, template);
            }
        }
    }

    /// <summary>The benchmark's baseline: no call is observed, as if the runtime had no telemetry.</summary>
    internal static bool Disabled { get; set; }

    /// <summary>The call running in this async flow, if it is observed.</summary>
    public static CallTelemetry? Current => Ambient.Value;

    /// <summary>
    /// Starts observing a call when anything listens. Call it from the async method that runs the call: that
    /// method's end restores the flow's previous <see cref="Current"/>.
    /// </summary>
    public static CallTelemetry? Start(ServiceTelemetry service, string? methodId, string httpMethod, string? pathTemplate, bool relativeToRoot)
    {
        if (Disabled)
        {
            return null;
        }

        var logger = service.Logger is { } candidate && candidate.IsEnabled(LogLevel.Warning) ? candidate : null;
        bool tracing = DiscoveryTelemetry.Source.HasListeners();
        if (!tracing && logger is null && !DiscoveryTelemetry.Metered)
        {
            return null;
        }

        // OpenTelemetry names a span without a better name by its HTTP method.
        var call = new CallTelemetry(service, methodId ?? httpMethod, httpMethod, service.UrlTemplate(pathTemplate, relativeToRoot), logger, tracing);
        Ambient.Value = call;
        return call;
    }

    /// <summary>For an exception filter: records why <paramref name="call"/> ends and returns false, so the exception passes on untouched.</summary>
    public static bool Ends(CallTelemetry? call, Exception error, CancellationToken cancellationToken)
    {
        if (call is not null)
        {
            if (error is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                call._cancelled = true;
            }
            else
            {
                call._failure = error;
            }
        }

        return false;
    }

    /// <summary>An attempt was answered (any status, interim 308s included): the last one is the call's status code.</summary>
    public void Answered(HttpResponseMessage response) => _status = (int)response.StatusCode;

    /// <summary>A failed attempt is repeated after <paramref name="delay"/>.</summary>
    public void Retrying(Exception? cause, int attempt, TimeSpan delay)
    {
        _resends++;
        string reason = cause is null ? "unknown" : ErrorTypes.Of(cause);
        if (DiscoveryTelemetry.Retries.Enabled)
        {
            var tags = MetricTags();
            tags.Add(TelemetryTags.RetryReason, reason);
            DiscoveryTelemetry.Retries.Add(1, tags);
        }

        if (_activity is { IsAllDataRequested: true } activity)
        {
            activity.AddEvent(new ActivityEvent(TelemetryTags.RetryEvent, tags: new ActivityTagsCollection
            {
                { TelemetryTags.ErrorType, reason },
                { TelemetryTags.RetryAttempt, attempt },
                { TelemetryTags.RetryDelay, delay.TotalSeconds },
            }));
        }

        if (_logger is not null)
        {
            TelemetryLog.Retry(_logger, _name, _template, attempt, reason, delay);
        }
    }

    /// <summary>An upload asks its session which bytes it has (after an ambiguous outcome, a 401 or when resuming a saved session).</summary>
    public void QueryingUpload(long confirmedOffset, Exception? cause)
    {
        string? reason = cause is null ? null : ErrorTypes.Of(cause);
        if (_activity is { IsAllDataRequested: true } activity)
        {
            var tags = new ActivityTagsCollection { { TelemetryTags.UploadOffset, confirmedOffset } };
            if (reason is not null)
            {
                tags.Add(TelemetryTags.ErrorType, reason);
            }

            activity.AddEvent(new ActivityEvent(TelemetryTags.StatusQueryEvent, tags: tags));
        }

        if (_logger is not null)
        {
            TelemetryLog.StatusQuery(_logger, _name, confirmedOffset, reason);
        }
    }

    /// <summary>An upload whose session expired starts again from byte 0 in a new session.</summary>
    public void RestartingUpload(Exception? cause)
    {
        string? reason = cause is null ? null : ErrorTypes.Of(cause);
        if (_activity is { IsAllDataRequested: true } activity)
        {
            activity.AddEvent(new ActivityEvent(TelemetryTags.RestartEvent, tags: reason is null ? null : new ActivityTagsCollection { { TelemetryTags.ErrorType, reason } }));
        }

        if (_logger is not null)
        {
            TelemetryLog.Restart(_logger, _name, reason);
        }
    }

    /// <summary>A batch ends: how many calls it carried and how many of them failed (the batch itself may still succeed).</summary>
    public void BatchEnded(int calls, int failedCalls)
    {
        if (_activity is { IsAllDataRequested: true } activity)
        {
            activity.SetTag(TelemetryTags.BatchCalls, calls);
            activity.SetTag(TelemetryTags.BatchFailedCalls, failedCalls);
        }
    }

    public void MediaSent(long bytes) => Count(DiscoveryTelemetry.MediaBytesSent, bytes);

    public void MediaReceived(long bytes) => Count(DiscoveryTelemetry.MediaBytesReceived, bytes);

    /// <summary>Ends the call: final tags and status, the duration, and a log message when it failed.</summary>
    public void Dispose()
    {
        string? errorType = _failure is null ? null : ErrorTypes.Of(_failure);
        if (_activity is { } activity)
        {
            if (activity.IsAllDataRequested)
            {
                if (_status != 0)
                {
                    activity.SetTag(TelemetryTags.StatusCode, _status);
                }

                if (_resends > 0)
                {
                    activity.SetTag(TelemetryTags.ResendCount, _resends);
                }

                if (errorType is not null)
                {
                    activity.SetTag(TelemetryTags.ErrorType, errorType);
                }
            }

            if (errorType is not null)
            {
                activity.SetStatus(ActivityStatusCode.Error, errorType);
            }

            activity.Dispose();
        }

        if (DiscoveryTelemetry.CallDuration.Enabled)
        {
            var tags = MetricTags();
            tags.Add(TelemetryTags.HttpMethod, _httpMethod);
            tags.Add(TelemetryTags.Outcome, errorType is not null ? "error" : _cancelled ? "cancelled" : "success");
            if (errorType is not null)
            {
                tags.Add(TelemetryTags.ErrorType, errorType);
            }

            double seconds = (Stopwatch.GetTimestamp() - _started) / (double)Stopwatch.Frequency;
            DiscoveryTelemetry.CallDuration.Record(seconds, tags);
        }

        if (_logger is not null && _failure is not null)
        {
            TelemetryLog.Failed(_logger, _name, _template, errorType!, ErrorTypes.Reason(_failure), _resends);
        }
    }

    private TagList MetricTags() => new()
    {
        { TelemetryTags.MethodId, _name },
        { TelemetryTags.ServerAddress, _service.ServerAddress },
        { TelemetryTags.ServerPort, _service.ServerPort },
    };

    private void Count(System.Diagnostics.Metrics.Counter<long> counter, long bytes)
    {
        if (bytes > 0 && counter.Enabled)
        {
            counter.Add(bytes, MetricTags());
        }
    }
}
