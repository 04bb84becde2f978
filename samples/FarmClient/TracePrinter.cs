using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using Discovery.Runtime;

namespace FarmClient;

/// <summary>
/// <c>--trace</c>: listens to the Discovery activity source as an OpenTelemetry exporter would, and prints one line
/// per finished call (name, duration, status, key tags) and one per retry or upload recovery event in it.
/// </summary>
internal sealed class TracePrinter : IDisposable
{
    private static readonly string[] KeyTags = { "http.request.method", "url.template", "http.response.status_code", "http.request.resend_count", "error.type" };

    private readonly ActivityListener _listener;

    public TracePrinter()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DiscoveryTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Print,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    private static void Print(Activity activity)
    {
        var line = new StringBuilder("  trace: ");
        line.Append(CultureInfo.InvariantCulture, $"{activity.DisplayName} {activity.Duration.TotalMilliseconds:0.0} ms {(activity.Status == ActivityStatusCode.Error ? "ERROR" : "ok")}");
        foreach (var name in KeyTags)
        {
            if (activity.GetTagItem(name) is { } value)
            {
                line.Append(' ').Append(name).Append('=').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
            }
        }

        foreach (var e in activity.Events)
        {
            line.AppendLine();
            line.Append(CultureInfo.InvariantCulture, $"  trace:   +{(e.Timestamp - activity.StartTimeUtc).TotalMilliseconds:0.0} ms {e.Name}");
            line.Append(string.Concat(e.Tags.Select(tag => " " + tag.Key + "=" + Convert.ToString(tag.Value, CultureInfo.InvariantCulture))));
        }

        Console.WriteLine(line.ToString());
    }
}
