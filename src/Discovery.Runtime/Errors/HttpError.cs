using System;
using System.Globalization;
using System.Net;
using System.Text;

namespace Discovery.Runtime;

/// <summary>A request that the server answered with an error status.</summary>
public class HttpError : Exception
{
    /// <summary>Creates the error; <paramref name="requestUri"/> is redacted before it is stored or printed.</summary>
    public HttpError(HttpStatusCode statusCode, string? responseBody, string requestMethod, Uri requestUri, string? detail = null, Exception? innerException = null)
        : this(statusCode, responseBody, GoogleApiError.TryParse(responseBody), requestMethod, UriRedactor.Redact(requestUri), detail, innerException)
    {
    }

    private HttpError(HttpStatusCode statusCode, string? responseBody, GoogleApiError? error, string requestMethod, Uri redactedUri, string? detail, Exception? innerException)
        : base(BuildMessage(statusCode, error, requestMethod, redactedUri, detail), innerException)
    {
        StatusCode = statusCode;
        ResponseBody = responseBody;
        Error = error;
        RequestMethod = requestMethod;
        RequestUri = redactedUri;
    }

    /// <summary>The response status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The response body as text (truncated for very large bodies).</summary>
    public string? ResponseBody { get; }

    /// <summary>The parsed Google error, when the body was one.</summary>
    public GoogleApiError? Error { get; }

    /// <summary>The HTTP method of the failed request.</summary>
    public string RequestMethod { get; }

    /// <summary>The request URI with upload session ids and API keys redacted.</summary>
    public Uri RequestUri { get; }

    private static string BuildMessage(HttpStatusCode status, GoogleApiError? error, string method, Uri uri, string? detail)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{method} {uri} returned {(int)status} {status}");
        if (error?.Message is { Length: > 0 } message)
        {
            text.Append(": ").Append(message);
        }

        foreach (var item in error?.Errors ?? Array.Empty<GoogleApiErrorItem>())
        {
            if (item.Reason is not null)
            {
                text.Append(" [").Append(item.Reason).Append(']');
            }
        }

        if (detail is not null)
        {
            text.Append(". ").Append(detail);
        }

        return text.ToString();
    }
}
