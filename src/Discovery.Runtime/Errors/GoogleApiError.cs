using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Discovery.Runtime;

/// <summary>The <c>error</c> object Google APIs return with a failed request.</summary>
public sealed class GoogleApiError
{
    /// <summary>Creates an error description.</summary>
    public GoogleApiError(int code, string? message, string? status, IReadOnlyList<GoogleApiErrorItem> errors)
    {
        Code = code;
        Message = message;
        Status = status;
        Errors = errors ?? Array.Empty<GoogleApiErrorItem>();
    }

    /// <summary><c>error.code</c>, the HTTP status the server meant.</summary>
    public int Code { get; }

    /// <summary><c>error.message</c>.</summary>
    public string? Message { get; }

    /// <summary><c>error.status</c>, e.g. RESOURCE_EXHAUSTED (newer APIs).</summary>
    public string? Status { get; }

    /// <summary><c>error.errors[]</c> (older APIs), each with a machine-readable reason.</summary>
    public IReadOnlyList<GoogleApiErrorItem> Errors { get; }

    /// <summary>Parses a response body; null when it is not a Google error document.</summary>
    public static GoogleApiError? TryParse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object ||
                !document.RootElement.TryGetProperty("error", out var error) ||
                error.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            int code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : 0;
            var items = new List<GoogleApiErrorItem>();
            if (error.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        items.Add(new GoogleApiErrorItem(String(item, "reason"), String(item, "message"), String(item, "domain"), String(item, "location")));
                    }
                }
            }

            return new GoogleApiError(code, String(error, "message"), String(error, "status"), items);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? String(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>One entry of <c>error.errors[]</c>.</summary>
public sealed record GoogleApiErrorItem(string? Reason, string? Message, string? Domain, string? Location);
