using System;
using Microsoft.Extensions.Logging;

namespace Discovery.Runtime;

/// <summary>
/// The runtime's log messages, defined once so that logging allocates no format strings. Their arguments are method
/// ids, path templates, error types and counts: never a URI, header, id or exception message.
/// </summary>
internal static class TelemetryLog
{
    private static readonly Action<ILogger, string, string, int, string, double, Exception?> RetryMessage = LoggerMessage.Define<string, string, int, string, double>(
        LogLevel.Information, new EventId(1, "Retry"), "{MethodId} {UrlTemplate}: attempt {Attempt} failed with {ErrorType}; retrying in {DelayMilliseconds} ms");

    private static readonly Action<ILogger, string, long, string, Exception?> StatusQueryMessage = LoggerMessage.Define<string, long, string>(
        LogLevel.Information, new EventId(2, "UploadStatusQuery"), "{MethodId}: asking the upload session which bytes it has (confirmed: {Offset}, after {ErrorType})");

    private static readonly Action<ILogger, string, string, Exception?> RestartMessage = LoggerMessage.Define<string, string>(
        LogLevel.Information, new EventId(3, "UploadRestart"), "{MethodId}: the upload session is gone ({ErrorType}); restarting from byte 0 in a new session");

    private static readonly Action<ILogger, string, string, string, string, int, Exception?> FailedMessage = LoggerMessage.Define<string, string, string, string, int>(
        LogLevel.Warning, new EventId(4, "CallFailed"), "{MethodId} {UrlTemplate} failed with {ErrorType} (reason: {Reason}) after {ResendCount} retries");

    public static void Retry(ILogger logger, string methodId, string? template, int attempt, string errorType, TimeSpan delay)
        => RetryMessage(logger, methodId, template ?? string.Empty, attempt, errorType, Math.Round(delay.TotalMilliseconds), null);

    public static void StatusQuery(ILogger logger, string methodId, long offset, string? errorType)
        => StatusQueryMessage(logger, methodId, offset, errorType ?? "resume", null);

    public static void Restart(ILogger logger, string methodId, string? errorType)
        => RestartMessage(logger, methodId, errorType ?? "expired", null);

    public static void Failed(ILogger logger, string methodId, string? template, string errorType, string? reason, int resends)
        => FailedMessage(logger, methodId, template ?? string.Empty, errorType, reason ?? "none", resends, null);
}
