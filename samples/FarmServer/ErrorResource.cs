using System.Collections.Generic;

namespace Farm.Server;

/// <summary>Google's JSON error envelope: <c>{"error":{"code":…,"message":…,"errors":[…],"status":…}}</c>.</summary>
internal sealed class ErrorResource
{
    public ErrorBody? Error { get; set; }
}

internal sealed class ErrorBody
{
    public int Code { get; set; }

    public string? Message { get; set; }

    public List<ErrorItem>? Errors { get; set; }

    public string? Status { get; set; }
}

internal sealed class ErrorItem
{
    public string? Message { get; set; }

    public string? Domain { get; set; }

    public string? Reason { get; set; }
}
