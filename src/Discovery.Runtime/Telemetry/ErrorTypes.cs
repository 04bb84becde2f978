using System;
using System.Globalization;
using System.Net.Http;

namespace Discovery.Runtime;

/// <summary>
/// The <c>error.type</c> of a failure as OpenTelemetry defines it: the status code when the server answered, else a
/// low-cardinality name (HttpClient's own <c>HttpRequestError</c> names, <c>timeout</c>, or the exception's type).
/// Never the exception's message, which holds the request URI.
/// </summary>
internal static class ErrorTypes
{
    public static string Of(Exception error) => error switch
    {
        HttpError http => ((int)http.StatusCode).ToString(CultureInfo.InvariantCulture),
        TimeoutException or OperationCanceledException { InnerException: TimeoutException } => "timeout",
#if !NETSTANDARD2_0
        HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } request => Name(request.HttpRequestError),
#endif
        _ => error.GetType().FullName ?? error.GetType().Name,
    };

    /// <summary>The machine-readable reason of a Google error (<c>rateLimitExceeded</c>, <c>NOT_FOUND</c>), if there is one.</summary>
    public static string? Reason(Exception error) => error is HttpError { Error: { } google }
        ? google.Errors.Count > 0 && google.Errors[0].Reason is { } reason ? reason : google.Status
        : null;

#if !NETSTANDARD2_0
    // The names System.Net.Http's own metrics use for error.type.
    private static string Name(HttpRequestError error) => error switch
    {
        HttpRequestError.NameResolutionError => "name_resolution_error",
        HttpRequestError.ConnectionError => "connection_error",
        HttpRequestError.SecureConnectionError => "secure_connection_error",
        HttpRequestError.HttpProtocolError => "http_protocol_error",
        HttpRequestError.ExtendedConnectNotSupported => "extended_connect_not_supported",
        HttpRequestError.VersionNegotiationError => "version_negotiation_error",
        HttpRequestError.UserAuthenticationError => "user_authentication_error",
        HttpRequestError.ProxyTunnelError => "proxy_tunnel_error",
        HttpRequestError.InvalidResponse => "invalid_response",
        HttpRequestError.ResponseEnded => "response_ended",
        HttpRequestError.ConfigurationLimitExceeded => "configuration_limit_exceeded",
        _ => typeof(HttpRequestException).FullName!,
    };
#endif
}
