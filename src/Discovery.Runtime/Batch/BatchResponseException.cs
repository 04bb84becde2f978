using System;
using System.IO;

namespace Discovery.Runtime;

/// <summary>
/// A call of a batch whose answer is missing from the batch response or cannot be read. Like a connection lost
/// before the answer, it is retried for idempotent calls (GET, PUT, DELETE) and final for the others, since the
/// server may have acted.
/// </summary>
public sealed class BatchResponseException : IOException
{
    /// <summary>Creates the error for the call <paramref name="requestMethod"/> <paramref name="requestUri"/> (redacted before it is stored).</summary>
    public BatchResponseException(string message, string requestMethod, Uri requestUri, string contentId)
        : base(message)
    {
        RequestMethod = requestMethod;
        RequestUri = UriRedactor.Redact(requestUri);
        ContentId = contentId;
    }

    /// <summary>The HTTP method of the call.</summary>
    public string RequestMethod { get; }

    /// <summary>The call's URI with API keys and tokens redacted.</summary>
    public Uri RequestUri { get; }

    /// <summary>The Content-ID the call's part carried.</summary>
    public string ContentId { get; }
}
