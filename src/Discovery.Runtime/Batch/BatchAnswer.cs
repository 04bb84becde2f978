using System;
using System.Net;
using System.Net.Http.Headers;

namespace Discovery.Runtime;

/// <summary>
/// One part of a batch response: the Content-ID it answers (without <c>response-</c> and angle brackets) and the
/// embedded HTTP response, or why that response could not be read.
/// </summary>
internal sealed record BatchAnswer(string? ContentId, HttpStatusCode Status, RetryConditionHeaderValue? RetryAfter, ReadOnlyMemory<byte> Body, string? Problem)
{
    public bool IsSuccess => Problem is null && (int)Status is >= 200 and <= 299;
}
