using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Discovery.Runtime;

/// <summary>
/// The names under which generated clients report traces and metrics, for
/// <c>AddSource(DiscoveryTelemetry.SourceName)</c> and <c>AddMeter(DiscoveryTelemetry.MeterName)</c> in OpenTelemetry
/// or any <see cref="ActivityListener"/> and <see cref="MeterListener"/>.
/// </summary>
public static class DiscoveryTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> name: one Client activity per API call, named by its discovery method id.</summary>
    public const string SourceName = "Discovery";

    /// <summary>The <see cref="Meter"/> name: call duration, retries, and media bytes sent and received.</summary>
    public const string MeterName = "Discovery";

    /// <summary>The category of <see cref="ServiceOptions.LoggerFactory"/>'s logger.</summary>
    public const string LoggerCategory = "Discovery";

    private static readonly string Version =
        typeof(DiscoveryTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0";

    internal static readonly ActivitySource Source = new(SourceName, Version);

    internal static readonly Meter Meter = new(MeterName, Version);

    internal static readonly Histogram<double> CallDuration = Meter.CreateHistogram<double>(
        "discovery.client.call.duration", "s", "Duration of API calls, a whole upload or download being one call.");

    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "discovery.client.retries", "{retry}", "Attempts repeated after a transient failure, by reason.");

    internal static readonly Counter<long> MediaBytesSent = Meter.CreateCounter<long>(
        "discovery.client.media.sent", "By", "Media bytes sent by uploads, re-sent bytes included.");

    internal static readonly Counter<long> MediaBytesReceived = Meter.CreateCounter<long>(
        "discovery.client.media.received", "By", "Media bytes received by downloads.");

    /// <summary>Whether any meter listener wants any of the instruments.</summary>
    internal static bool Metered => CallDuration.Enabled || Retries.Enabled || MediaBytesSent.Enabled || MediaBytesReceived.Enabled;
}
