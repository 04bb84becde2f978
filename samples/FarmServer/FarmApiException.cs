using System;

namespace Farm.Server;

/// <summary>An expected request failure, rendered by the server as a Google JSON error.</summary>
internal sealed class FarmApiException : Exception
{
    public FarmApiException(int statusCode, string reason, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Reason = reason;
    }

    public int StatusCode { get; }

    public string Reason { get; }

    public static FarmApiException BadRequest(string message) => new(400, "badRequest", message);

    public static FarmApiException Invalid(string message) => new(400, "invalid", message);

    public static FarmApiException NotFound(string message) => new(404, "notFound", message);

    public static FarmApiException TooLarge(long maxSize) =>
        new(413, "uploadTooLarge", $"Media larger than the maximum upload size of {maxSize} bytes.");
}
