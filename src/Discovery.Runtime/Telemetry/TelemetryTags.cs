namespace Discovery.Runtime;

/// <summary>
/// Attribute names: OpenTelemetry's HTTP client conventions where one applies, <c>discovery.*</c> for the rest.
/// Values never carry a request's path, query or headers, so no id, key, token or session URI reaches a listener.
/// </summary>
internal static class TelemetryTags
{
    public const string HttpMethod = "http.request.method";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string UrlTemplate = "url.template";
    public const string StatusCode = "http.response.status_code";
    public const string ErrorType = "error.type";
    public const string ResendCount = "http.request.resend_count";

    public const string MethodId = "discovery.method.id";
    public const string Outcome = "discovery.call.outcome";
    public const string RetryReason = "discovery.retry.reason";
    public const string RetryAttempt = "discovery.retry.attempt";
    public const string RetryDelay = "discovery.retry.delay";
    public const string UploadOffset = "discovery.upload.offset";
    public const string BatchCalls = "discovery.batch.calls";
    public const string BatchFailedCalls = "discovery.batch.failed_calls";

    public const string RetryEvent = "discovery.retry";
    public const string StatusQueryEvent = "discovery.upload.status_query";
    public const string RestartEvent = "discovery.upload.restart";
}
